#pragma once

#include <torch/torch.h>

#include <vector>

namespace cgs {

// The history of generated images that the discriminators see (Shrivastava et al. 2017),
// with the official semantics: until `poolSize` images are stored, each image is stored and
// returned; afterwards each image is, with probability 1/2, returned as is, otherwise swapped
// with a random stored image, which is returned instead. poolSize 0 disables the pool.
// Random decisions come from Torch's default CPU generator, so a seeded run is reproducible
// and the generator state in a checkpoint restores them.
class ImagePool {
public:
    explicit ImagePool(int poolSize = 50) : m_poolSize(poolSize) {}

    // images: [N, C, H, W]; returns a tensor of the same shape, detached.
    torch::Tensor query(const torch::Tensor &images);

    int poolSize() const { return m_poolSize; }
    int count() const { return static_cast<int>(m_images.size()); }

    // Checkpoint support: the stored images, stacked along dim 0 ([count, C, H, W]), on the CPU.
    torch::Tensor state() const;
    void loadState(const torch::Tensor &stacked, const torch::Device &device);

private:
    int m_poolSize;
    std::vector<torch::Tensor> m_images; // each [1, C, H, W]
};

} // namespace cgs
