#pragma once

#include <string>

namespace cgs {

// Which files are videos, and the signature gate every video passes before a decoder sees it.
// Thread safety: pure functions (checkVideoSignature reads the file).

// True when the file name ends in .mp4 .m4v .mov .mkv .webm or .avi (any case): the videos
// that `cyclegan translate`, the Export page and the Translate page pick up. Name only.
bool isVideoFile(const std::string &path);

// "mp4, m4v, mov, mkv, webm, avi": for messages.
const char *videoExtensionList();

// Checks that the first bytes of `path` are those of a video container, before FFmpeg parses
// it: MP4 / QuickTime ("ftyp", or a classic QuickTime top-level atom "moov", "mdat", "wide",
// "free", "skip" at offset 4), Matroska / WebM (EBML magic 1A 45 DF A3), AVI ("RIFF" ....
// "AVI "). Any of them is accepted for any of the extensions (FFmpeg probes the content).
// Throws DatasetError "Cannot read video '<path>': <cause>" for a missing or empty file or
// "not a video file (no MP4/QuickTime, Matroska/WebM or AVI signature)".
void checkVideoSignature(const std::string &path);

} // namespace cgs
