#pragma once

// Sliced Wasserstein distance on Laplacian-pyramid patches (Karras, Aila, Laine, Lehtinen,
// "Progressive Growing of GANs for Improved Quality, Stability, and Variation", ICLR 2018,
// §5 and tkarras/progressive_growing_of_gans metrics/sliced_wasserstein.py), with their settings:
// Laplacian pyramid (5-tap binomial filter, mirrored borders, as cv2.pyrDown/pyrUp) from the
// image size down to 16 px; at each level 128 random 7 x 7 RGB neighbourhoods per image; each
// level's descriptors normalised per channel (mean 0, std 1, over the whole set); 4 repeats of
// 128 random unit directions (512); per direction the sorted projections of the two sets are
// compared, mean |difference|. Reported as they report it: the distance x 1e3 per level and
// their average. It needs no downloaded weights.
// Our additions: every image is first resized (bilinear, antialiased) to resolution x resolution
// when its size differs, so that images of any size share the pyramid levels; when the sets give
// different numbers of descriptors, a seeded random subset of the larger one is used.
// Randomness (positions, directions, subsets) comes from torch generators seeded with
// options.seed, so a result is reproducible and identical sets give exactly 0.
// Thread safety: one thread at a time per SwdDescriptors; the function is reentrant.

#include "core/engine/image.h"

#include <cstdint>
#include <memory>
#include <vector>

namespace cgs {

struct SwdOptions {
    int resolution = 256;       // images are resized to this square size first (>= 16)
    int minResolution = 16;     // the coarsest pyramid level
    int patchSize = 7;          // neighbourhood side
    int patchesPerImage = 128;  // neighbourhoods per image and level
    int directionRepeats = 4;   // rounds of random directions
    int directionsPerRepeat = 128;
    std::uint64_t seed = 0;
};

// The pyramid descriptors of a set of images, accumulated one image at a time.
class SwdDescriptors {
public:
    // Throws ConfigError for a resolution below minResolution or a patch larger than it.
    explicit SwdDescriptors(const SwdOptions &options = {});
    ~SwdDescriptors();
    SwdDescriptors(SwdDescriptors &&) noexcept;
    SwdDescriptors &operator=(SwdDescriptors &&) noexcept;

    // Adds the patches of one image (1, 3 or 4 channels; alpha dropped, grey repeated). Throws
    // DatasetError for an empty image.
    void add(const Image &image);
    std::int64_t images() const;
    const SwdOptions &options() const;

    struct Impl;
    const Impl &impl() const { return *m_impl; }

private:
    std::unique_ptr<Impl> m_impl;
};

struct SwdResult {
    std::vector<double> perLevel; // SWD x 1e3, finest level first
    double mean = 0;              // their average: the number reported as "SWD"
};

// SWD between two descriptor sets built with the same options. Throws ConfigError when either
// set is empty or their options differ.
SwdResult slicedWassersteinDistance(const SwdDescriptors &a, const SwdDescriptors &b);

} // namespace cgs
