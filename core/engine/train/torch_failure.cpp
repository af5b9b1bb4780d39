#include "core/engine/train/torch_failure.h"

#include "core/engine/error.h"
#include "core/engine/train/input_side_limit.h"

namespace cgs {
namespace {

bool contains(const std::string &text, std::initializer_list<const char *> needles) {
    for (const char *needle : needles)
        if (text.find(needle) != std::string::npos)
            return true;
    return false;
}

} // namespace

void rethrowTorchFailure(const c10::Error &error, const TrainOptions &o, const std::string &where,
                         const std::string &sizes) {
    const std::string full = error.what_without_backtrace();
    const std::string first = full.substr(0, full.find('\n'));
    const std::string at = sizes.empty() ? where : where + " on images " + sizes;
    if (contains(full, {"out of memory", "OutOfMemory"}))
        throw DeviceError("Out of memory in " + at + ", batch " + std::to_string(o.batchSize) +
                          ": try a smaller --crop_size (or smaller images), --batch_size, "
                          "--netG resnet_6blocks or a smaller --ngf (" + first + ")");
    if (contains(full, {"CUDA error", "CUBLAS_STATUS", "CUDNN_STATUS", "cuDNN error",
                        "device-side assert"}))
        throw DeviceError("The GPU failed in " + at + ": " + first +
                          " (check the driver with nvidia-smi, or train with --device cpu)");
    if (contains(full, {"Kernel size can't be greater", "Padding size should be less",
                        "more than 1 spatial element", "padded input size per channel",
                        "must match the size of tensor", "Sizes of tensors must match"})) {
        const InputSideLimit limit = inputSideLimit(o);
        throw ConfigError("The networks cannot take the images of " + at + ": " +
                          limit.networks + " need sides of at least " +
                          std::to_string(limit.minimumSide) + " (multiples of 4); raise " +
                          "--crop_size / --load_size or use larger images (" + first + ")");
    }
    throw TrainingError("Training failed in " + at + " inside LibTorch: " + first);
}

} // namespace cgs
