#pragma once

#include "core/engine/image.h"
#include "core/engine/train/train_options.h"

#include <cstdint>

namespace cgs {

// The official --preprocess transforms (pytorch-CycleGAN-and-pix2pix, data/base_dataset.py,
// get_transform), applied to one decoded image:
//   resize_and_crop       resize to load x load, random crop crop x crop
//   crop                  random crop crop x crop of the image as it is
//   scale_width           width -> load, height -> max(load * h / w, crop) (integer floor),
//                         then rounded to a multiple of 4 (see below)
//   scale_width_and_crop  scale_width, then random crop crop x crop
//   none                  sides rounded to the nearest multiple of 4 (__make_power_2 with
//                         base 4; Python's round(), so halves go to the even multiple)
// then a horizontal flip with probability 1/2 unless noFlip.
// Resizing is bicubic when enlarging and area averaging when shrinking (PIL's bicubic, used
// upstream, is antialiased when shrinking; OpenCV's INTER_CUBIC is not).
// Deviations, where upstream would fail: an image smaller than crop_size in a crop mode is
// first enlarged, keeping its aspect ratio, so that both sides reach crop_size; in `none` and
// `scale_width` an image whose sides would end below `minimumSide` (the smallest input of the
// networks) is enlarged the same way to reach it; and `scale_width` rounds the height to the
// nearest multiple of 4 as `none` does (upstream's generator would return another height and
// the cycle loss would fail). Each image otherwise keeps its own size in these two modes.
//
// Throws ConfigError when loadSize or cropSize is below 1.
// Thread safety: pure functions.

struct PreprocessOptions {
    Preprocess mode = Preprocess::ResizeAndCrop;
    int loadSize = 286; // load size (the width for scale_width*)
    int cropSize = 256; // crop size
    bool noFlip = false;
    int minimumSide = 4; // none / scale_width: smaller results are enlarged to this (a multiple of 4)

    // minimumSide comes from the networks of `options` (input_side_limit.h).
    static PreprocessOptions fromTrainOptions(const TrainOptions &options);
};

struct ImageSize {
    int width = 0;
    int height = 0;
};

// The size preprocessImage() returns for an input of width x height.
ImageSize preprocessedSize(int width, int height, const PreprocessOptions &options);

// Training transform. `randomBits` decides the crop offsets and the flip (use a hash of
// (seed, epoch, index, domain)): the same bits give the same output. The input may have 1, 3
// or 4 channels; the output keeps them. An empty input gives an empty output.
Image preprocessImage(const Image &image, const PreprocessOptions &options,
                      std::uint64_t randomBits);

// Preview transform: the same resizing, a centre crop, no flip.
Image preprocessPreview(const Image &image, const PreprocessOptions &options);

} // namespace cgs
