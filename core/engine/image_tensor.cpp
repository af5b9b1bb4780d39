#include "core/engine/image_tensor.h"

#include "core/engine/error.h"

#include <cstring>

namespace cgs {

torch::Tensor imageToTensor(const Image &image, int channels) {
    const int c = channels > 0 ? channels : image.channels;
    if (image.empty() || c > image.channels)
        throw DatasetError("Cannot convert an empty image or one with too few channels");
    auto bytes = torch::from_blob(const_cast<std::uint8_t *>(image.data.data()),
                                  {image.height, image.width, image.channels}, torch::kUInt8);
    auto t = bytes.narrow(2, 0, c).permute({2, 0, 1}).to(torch::kFloat32);
    return t.div_(127.5).sub_(1.0).unsqueeze(0).contiguous();
}

torch::Tensor imagesToBatch(const std::vector<const Image *> &images, const torch::Device &device) {
    if (images.empty())
        throw DatasetError("Cannot build a batch of zero images");
    std::vector<torch::Tensor> parts;
    parts.reserve(images.size());
    for (const Image *img : images) {
        if (img->width != images[0]->width || img->height != images[0]->height)
            throw DatasetError("Images of one batch differ in size (" +
                               std::to_string(img->width) + "x" + std::to_string(img->height) +
                               " vs " + std::to_string(images[0]->width) + "x" +
                               std::to_string(images[0]->height) +
                               "): use --batch_size 1 or a cropping --preprocess");
        parts.push_back(imageToTensor(*img, 3));
    }
    auto batch = parts.size() == 1 ? parts[0] : torch::cat(parts, 0);
    return batch.to(device, /*non_blocking=*/false);
}

std::pair<torch::Tensor, torch::Tensor> pairsToBatches(const std::vector<TrainingPair> &pairs,
                                                       const torch::Device &device) {
    std::vector<const Image *> as, bs;
    for (const auto &p : pairs) {
        as.push_back(&p.a);
        bs.push_back(&p.b);
    }
    return {imagesToBatch(as, device), imagesToBatch(bs, device)};
}

Image tensorToImage(const torch::Tensor &tensor) {
    auto t = tensor.detach();
    if (t.dim() == 4)
        t = t[0];
    TORCH_CHECK(t.dim() == 3, "tensorToImage expects [C, H, W], got ", t.sizes());
    auto bytes = t.to(torch::kCPU, torch::kFloat32)
                     .add(1.0)
                     .mul_(127.5)
                     .round_()
                     .clamp_(0, 255)
                     .to(torch::kUInt8)
                     .permute({1, 2, 0})
                     .contiguous();
    Image image(static_cast<int>(t.size(2)), static_cast<int>(t.size(1)),
                static_cast<int>(t.size(0)));
    std::memcpy(image.data.data(), bytes.data_ptr<std::uint8_t>(), image.data.size());
    return image;
}

} // namespace cgs
