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
// Stored images may differ in size (training with --preprocess none or scale_width on images
// of several sizes, as the official code allows with batch size 1): a query may then return
// a stored image of another size than the one it was given.
class ImagePool {
public:
    explicit ImagePool(int poolSize = 50) : m_poolSize(poolSize) {}

    // images: [N, C, H, W]; returns N images, detached, concatenated along dim 0. With N > 1
    // every returned image must have one size (throws c10::Error otherwise); batches of more
    // than one image only arise from datasets of one size per domain.
    torch::Tensor query(const torch::Tensor &images);

    int poolSize() const { return m_poolSize; }
    int count() const { return static_cast<int>(m_images.size()); }

    // Checkpoint support: the stored images in order, each [1, C, H, W], on the CPU.
    std::vector<torch::Tensor> storedImages() const;
    // Replaces the stored images (each [1, C, H, W] or [C, H, W]; at most poolSize kept).
    void loadStoredImages(const std::vector<torch::Tensor> &images, const torch::Device &device);

private:
    int m_poolSize;
    std::vector<torch::Tensor> m_images; // each [1, C, H, W]
};

} // namespace cgs
