#pragma once

#include "core/engine/dist/process_group.h"
#include "core/imageio/batch_export.h"

#include <atomic>

namespace cgs::cli {

// `cyclegan translate` under torchrun: every rank plans the same files (so the output-name
// rule, collisions included, is decided once for the whole plan), the ranks probe the headers
// (each a 1/N slice) and share the pixel counts, and splitByCost() gives each rank its share
// (balanced by pixels, the same split on every rank). A video is never split: it goes whole to
// one rank, at the cost of its pixels per frame times the frames `video` selects (--frames).
// Each rank translates and writes its own files; rank 0 gets every rank's summary (counts,
// failures, videos) and returns the merged one (the other ranks return their own). Files the
// plan rejects are counted once, by rank 0. Collective: every rank calls it.
ExportSummary runDistributedExport(BatchExporter &exporter, const VideoTranslateOptions &video,
                                   ProcessGroup &group, const std::atomic<bool> &cancel,
                                   const ProgressFunction &progress);

} // namespace cgs::cli
