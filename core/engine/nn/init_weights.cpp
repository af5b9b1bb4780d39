#include "core/engine/nn/init_weights.h"

#include "core/engine/error.h"

namespace cgs {

void initWeights(torch::nn::Module &module, const std::string &type, double gain) {
    if (type != "normal" && type != "xavier" && type != "kaiming" && type != "orthogonal")
        throw ConfigError("Unknown --init_type '" + type +
                          "' (expected normal, xavier, kaiming or orthogonal)");
    torch::NoGradGuard noGrad;
    for (auto &child : module.modules(/*include_self=*/true)) {
        const bool isConv = child->as<torch::nn::Conv2d>() != nullptr ||
                            child->as<torch::nn::ConvTranspose2d>() != nullptr;
        if (!isConv)
            continue;
        for (auto &param : child->named_parameters(/*recurse=*/false)) {
            // Draw into a contiguous tensor and copy: the same seed gives the same weights
            // whatever the parameter's memory format (channels_last fills in another order).
            auto w = torch::empty(param.value().sizes(), param.value().options().memory_format(
                                                             torch::MemoryFormat::Contiguous));
            if (param.key() == "bias")
                w.zero_();
            else if (type == "normal")
                w.normal_(0.0, gain);
            else if (type == "xavier")
                torch::nn::init::xavier_normal_(w, gain);
            else if (type == "kaiming")
                torch::nn::init::kaiming_normal_(w, 0.0, torch::kFanIn);
            else
                torch::nn::init::orthogonal_(w, gain);
            param.value().copy_(w);
        }
    }
}

int64_t countParameters(const torch::nn::Module &module) {
    int64_t n = 0;
    for (const auto &p : module.parameters())
        n += p.numel();
    return n;
}

} // namespace cgs
