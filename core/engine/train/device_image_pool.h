#pragma once

#include <torch/torch.h>

namespace cgs {

// The image pool of the capturable step (CapturableStep): the official rule (see ImagePool) decided
// on the device, in a buffer allocated once, so that a query has no host synchronisation, no
// host-side branch on its contents and fixed shapes (it can be captured in a CUDA graph).
//
// Per image of a query, in batch order: while fewer than poolSize images are stored, the image
// is stored in the next slot and returned; afterwards, with draw u > 0.5, the stored image in
// slot `id` is returned and the new image takes its place, otherwise the new image is returned.
// Unlike ImagePool (which draws only when the pool is full and only draws an index when it
// swaps), every query draws u ~ U[0, 1) and id ~ U{0..poolSize-1} for every image, on the
// images' device (Torch's generator of that device), so its random stream differs from
// ImagePool's while the rule is the same. poolSize 0 returns the images as they are.
// All images of a pool must have one shape ([C, H, W]) and dtype; the first query fixes them.
// Not thread safe.
class DeviceImagePool {
public:
    explicit DeviceImagePool(int poolSize) : m_poolSize(poolSize) {}

    // images: [N, C, H, W]; returns a new tensor of the same shape (detached).
    torch::Tensor query(const torch::Tensor &images);

    // The same with given draws: u [N] (float, compared with 0.5) and ids [N] (int64 in
    // [0, poolSize)), on the images' device. For tests against the official rule.
    torch::Tensor query(const torch::Tensor &images, const torch::Tensor &u,
                        const torch::Tensor &ids);

    int poolSize() const { return m_poolSize; }

    // A copy of the stored images [count, C, H, W] on the CPU, in slot order (ImagePool's
    // storedImages() stacked; empty when none). Reads the count back: a host synchronisation.
    torch::Tensor state() const;
    // Replaces the stored images by `stacked` ([k, C, H, W], k <= poolSize; anything else
    // empties the pool), on `device`.
    void loadState(const torch::Tensor &stacked, const torch::Device &device);

private:
    void allocate(const torch::Tensor &like);

    int m_poolSize;
    torch::Tensor m_buffer; // [poolSize, C, H, W]
    torch::Tensor m_count;  // int64 scalar on the buffer's device: images stored so far
};

} // namespace cgs
