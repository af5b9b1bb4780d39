#include "core/engine/nn/input_side.h"

#include <utility>
#include <variant>

namespace cgs {
namespace {

namespace nn = torch::nn;

std::string square(std::int64_t side) {
    return std::to_string(side) + "x" + std::to_string(side);
}

// Explicit padding of a convolution; 0 for kValid. (LibTorch 1.13 keeps it in a c10::variant,
// 2.x in a std::variant: the using-declaration plus argument-dependent lookup finds the
// get_if of either.)
template <typename Variant> std::int64_t explicitPadding(const Variant &padding) {
    using std::get_if;
    const auto *array = get_if<torch::ExpandingArray<2>>(&padding);
    return array ? (**array)[0] : 0;
}

std::string describeConv(const std::string &name, const nn::detail::ConvNdOptions<2> &o) {
    const auto k = (*o.kernel_size())[0];
    return name + " (" + (o.transposed() ? "ConvTranspose2d " : "Conv2d ") + std::to_string(k) +
           "x" + std::to_string(k) + ", stride " + std::to_string((*o.stride())[0]) +
           ", padding " + std::to_string(explicitPadding(o.padding())) + ")";
}

void walk(const nn::Module &module, const std::string &name, SideTrace &t);

void walkChildren(const nn::Module &module, const std::string &prefix, SideTrace &t) {
    for (const auto &child : module.named_children()) {
        if (!t.ok())
            return;
        walk(*child.value(), prefix.empty() ? child.key() : prefix + "." + child.key(), t);
    }
}

void walkConv(const nn::detail::ConvNdOptions<2> &o, const std::string &name, SideTrace &t) {
    const std::int64_t k = (*o.kernel_size())[0], s = (*o.stride())[0];
    const std::int64_t d = (*o.dilation())[0], p = explicitPadding(o.padding());
    const std::int64_t span = d * (k - 1) + 1;
    if (o.transposed()) {
        t.outputSide = (t.outputSide - 1) * s - 2 * p + span + (*o.output_padding())[0];
        return;
    }
    const std::int64_t padded = t.outputSide + 2 * p;
    if (padded < span) {
        t.problem = describeConv(name, o) + " gets " + square(t.outputSide) + ", " +
                    square(padded) + " with padding, smaller than its kernel";
        return;
    }
    t.outputSide = (padded - span) / s + 1;
}

void walk(const nn::Module &module, const std::string &name, SideTrace &t) {
    if (const auto *conv = module.as<nn::Conv2d>()) {
        walkConv(conv->options, name, t);
    } else if (const auto *deconv = module.as<nn::ConvTranspose2d>()) {
        walkConv(deconv->options, name, t);
    } else if (const auto *pad = module.as<nn::ReflectionPad2d>()) {
        const auto &p = *pad->options.padding();
        for (const std::int64_t v : p)
            if (v >= t.outputSide) {
                t.problem = name + " (ReflectionPad2d " + std::to_string(v) + ") gets " +
                            square(t.outputSide) + "; reflection padding needs a side above " +
                            std::to_string(v);
                return;
            }
        t.outputSide += p[0] + p[1];
    } else if (module.as<nn::InstanceNorm2d>()) {
        if (t.outputSide * t.outputSide <= 1)
            t.problem = name + " (InstanceNorm2d) gets " + square(t.outputSide) +
                        "; instance normalisation needs more than one value per channel";
    } else if (module.as<nn::Sequential>() || name.empty()) {
        walkChildren(module, name, t);
    } else if (!module.children().empty()) { // a residual block: x + body(x)
        const std::int64_t in = t.outputSide;
        walkChildren(module, name, t);
        if (t.ok() && t.outputSide != in)
            t.problem = name + " (residual block) turns " + square(in) + " into " +
                        square(t.outputSide) + ", which its skip connection cannot add";
    }
}

} // namespace

SideTrace traceSquareSide(const torch::nn::Module &net, std::int64_t side) {
    SideTrace t;
    t.outputSide = side;
    if (side < 1) {
        t.problem = "an empty image";
        return t;
    }
    walk(net, "", t);
    if (t.ok() && t.outputSide < 1)
        t.problem = "the output would be empty";
    return t;
}

std::int64_t minimumSquareSide(const torch::nn::Module &net, std::int64_t multipleOf,
                               SideRule rule, std::int64_t limit) {
    for (std::int64_t side = multipleOf; side <= limit; side += multipleOf) {
        const SideTrace t = traceSquareSide(net, side);
        if (t.ok() && (rule == SideRule::AnyOutput || t.outputSide == side))
            return side;
    }
    return 0;
}

} // namespace cgs
