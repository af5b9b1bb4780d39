#pragma once

#include <optional>
#include <string>

namespace cgs {

// The codecs a translated video can be written with (OpenCV's FFmpeg back end on Debian 12:
// libx264, libvpx, mpeg4, mjpeg, ffv1), and which one a container gets.
// Thread safety: pure functions.
struct VideoCodec {
    std::string option; // the --video_codec name: h264 | mpeg4 | mjpg | vp9 | vp8 | ffv1
    std::string name;   // for people: "H.264", "MPEG-4 Part 2", "Motion JPEG", "VP9", "VP8",
                        // "FFV1 (lossless)"
    std::string fourcc; // what cv::VideoWriter is given: avc1, mp4v, MJPG, VP90, VP80, FFV1
};

// The codec named by --video_codec (case-insensitive). Throws ConfigError listing the names.
VideoCodec videoCodecByOption(const std::string &option);

// The codec of an input's fourcc when it is one we can write (FFV1; avc1/h264/x264 -> H.264;
// mp4v/FMP4/XVID/DIVX -> MPEG-4 Part 2; MJPG; VP90, VP80); nothing otherwise.
std::optional<VideoCodec> videoCodecOfFourcc(const std::string &fourcc);

// The codec a container gets by default (extension without the dot, lower case): H.264 for mp4,
// m4v, mov and mkv; Motion JPEG for avi; VP9 for webm. Throws ConfigError for other extensions.
VideoCodec defaultVideoCodec(const std::string &extension);

// Whether the container may hold the codec: webm only VP8/VP9; mp4/m4v/mov not FFV1.
bool containerHolds(const std::string &extension, const VideoCodec &codec);

// The codec an output with `extension` gets for an input of `inputFourcc`: `option` when given
// (ConfigError when the container cannot hold it), else the input's own codec when we can write
// it into that container, else defaultVideoCodec(extension).
VideoCodec chooseVideoCodec(const std::string &extension, const std::string &inputFourcc,
                            const std::string &option);

// One line for --help: "same codec as the input when it can be written, else: mp4/m4v/mov/mkv
// H.264, avi Motion JPEG, webm VP9 (--video_codec h264|mpeg4|mjpg|vp9|vp8|ffv1)".
std::string videoCodecHelp();

} // namespace cgs
