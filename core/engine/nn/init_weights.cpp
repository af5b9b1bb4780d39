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
            if (param.key() == "bias") {
                param.value().zero_();
            } else if (type == "normal") {
                param.value().normal_(0.0, gain);
            } else if (type == "xavier") {
                torch::nn::init::xavier_normal_(param.value(), gain);
            } else if (type == "kaiming") {
                torch::nn::init::kaiming_normal_(param.value(), 0.0, torch::kFanIn);
            } else {
                torch::nn::init::orthogonal_(param.value(), gain);
            }
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
