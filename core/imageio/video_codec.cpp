#include "core/imageio/video_codec.h"

#include "core/engine/error.h"

#include <algorithm>
#include <array>

namespace cgs {
namespace {

const std::array<VideoCodec, 6> kCodecs = {{
    {"h264", "H.264", "avc1"},
    {"mpeg4", "MPEG-4 Part 2", "mp4v"},
    {"mjpg", "Motion JPEG", "MJPG"},
    {"vp9", "VP9", "VP90"},
    {"vp8", "VP8", "VP80"},
    {"ffv1", "FFV1 (lossless)", "FFV1"},
}};

std::string lower(std::string s) {
    std::transform(s.begin(), s.end(), s.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return s;
}

const VideoCodec &codec(const char *option) {
    return *std::find_if(kCodecs.begin(), kCodecs.end(),
                         [&](const VideoCodec &c) { return c.option == option; });
}

} // namespace

VideoCodec videoCodecByOption(const std::string &option) {
    const std::string o = lower(option);
    for (const VideoCodec &c : kCodecs)
        if (c.option == o)
            return c;
    throw ConfigError("--video_codec '" + option + "' is not one of h264, mpeg4, mjpg, vp9, vp8, "
                                                   "ffv1");
}

std::optional<VideoCodec> videoCodecOfFourcc(const std::string &fourcc) {
    const std::string f = lower(fourcc);
    if (f == "ffv1")
        return codec("ffv1");
    if (f == "avc1" || f == "h264" || f == "x264" || f == "avc3")
        return codec("h264");
    if (f == "mp4v" || f == "fmp4" || f == "xvid" || f == "divx" || f == "dx50")
        return codec("mpeg4");
    if (f == "mjpg")
        return codec("mjpg");
    if (f == "vp90" || f == "vp09")
        return codec("vp9");
    if (f == "vp80" || f == "vp08")
        return codec("vp8");
    return std::nullopt;
}

VideoCodec defaultVideoCodec(const std::string &extension) {
    const std::string e = lower(extension);
    if (e == "mp4" || e == "m4v" || e == "mov" || e == "mkv")
        return codec("h264");
    if (e == "avi")
        return codec("mjpg");
    if (e == "webm")
        return codec("vp9");
    throw ConfigError("No video container for the extension '." + extension + "'");
}

bool containerHolds(const std::string &extension, const VideoCodec &c) {
    const std::string e = lower(extension);
    if (e == "webm")
        return c.option == "vp9" || c.option == "vp8";
    if (e == "mp4" || e == "m4v" || e == "mov")
        return c.option != "ffv1";
    return true;
}

VideoCodec chooseVideoCodec(const std::string &extension, const std::string &inputFourcc,
                            const std::string &option) {
    if (!option.empty()) {
        const VideoCodec c = videoCodecByOption(option);
        if (!containerHolds(extension, c))
            throw ConfigError("--video_codec " + c.option + " cannot be written into ." +
                              lower(extension) + " files");
        return c;
    }
    if (const auto c = videoCodecOfFourcc(inputFourcc); c && containerHolds(extension, *c))
        return *c;
    return defaultVideoCodec(extension);
}

std::string videoCodecHelp() {
    return "same codec as the input when it can be written, else mp4/m4v/mov/mkv H.264, avi "
           "Motion JPEG, webm VP9; --video_codec h264|mpeg4|mjpg|vp9|vp8|ffv1 chooses";
}

} // namespace cgs
