#include "core/imageio/video_file.h"

#include "core/imageio/file_io.h"

#include "core/engine/error.h"

#include <algorithm>
#include <array>
#include <cerrno>
#include <cstring>
#include <fstream>

namespace cgs {
namespace {

constexpr std::array<const char *, 6> kExtensions = {"mp4", "m4v", "mov", "mkv", "webm", "avi"};

bool isQuickTimeAtom(const unsigned char *type) {
    for (const char *atom : {"ftyp", "moov", "mdat", "wide", "free", "skip"})
        if (std::memcmp(type, atom, 4) == 0)
            return true;
    return false;
}

} // namespace

bool isVideoFile(const std::string &path) {
    const std::string ext = lowerExtension(path);
    return std::find(kExtensions.begin(), kExtensions.end(), ext) != kExtensions.end();
}

const char *videoExtensionList() {
    return "mp4, m4v, mov, mkv, webm, avi";
}

void checkVideoSignature(const std::string &path) {
    const std::string prefix = "Cannot read video '" + path + "': ";
    std::ifstream in(path, std::ios::binary);
    if (!in)
        throw DatasetError(prefix + "cannot open file (" + std::strerror(errno) + ")");
    unsigned char head[12] = {};
    in.read(reinterpret_cast<char *>(head), sizeof head);
    const auto got = in.gcount();
    if (got == 0)
        throw DatasetError(prefix + "file is empty (0 bytes)");
    const bool matroska = got >= 4 && head[0] == 0x1A && head[1] == 0x45 && head[2] == 0xDF &&
                          head[3] == 0xA3;
    const bool quickTime = got >= 8 && isQuickTimeAtom(head + 4);
    const bool avi =
        got >= 12 && std::memcmp(head, "RIFF", 4) == 0 && std::memcmp(head + 8, "AVI ", 4) == 0;
    if (!matroska && !quickTime && !avi)
        throw DatasetError(prefix +
                           "not a video file (no MP4/QuickTime, Matroska/WebM or AVI signature)");
}

} // namespace cgs
