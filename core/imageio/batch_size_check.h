#pragma once

#include "core/engine/train/train_options.h"

#include <string>
#include <vector>

namespace cgs {

// With --batch_size > 1 the images of a batch are stacked into one tensor, so each domain's
// images must come out of the preprocessing with one size. The cropping modes guarantee it;
// `none` and `scale_width` keep each image's own size, which the official code only trains
// with --batch_size 1. This check runs before training starts (nothing is created yet) and
// throws DatasetError naming two files of the domain that end at different sizes, and the ways
// out (--batch_size 1, or a cropping --preprocess). Batches are not regrouped by size: that
// would change which images meet in a step, and the official code has no such mode.
//
// Reads only each file's header (the first 256 KiB at most); a file whose header gives no
// size is left to the decoder, which reports it when it is read. Does nothing for
// batchSize 1 or a cropping mode. Thread safety: pure function (reads the file system).
void requireOneSizePerBatch(const TrainOptions &options, const std::string &domain,
                            const std::vector<std::string> &files);

} // namespace cgs
