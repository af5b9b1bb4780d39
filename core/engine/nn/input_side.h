#pragma once

#include <torch/torch.h>

#include <cstdint>
#include <string>

namespace cgs {

// What a square side x side image becomes on its way through a network, derived from the
// network's own layers (so that a new layer or option cannot make the answer stale):
//   Conv2d           padded side must reach the dilated kernel; side -> (side + 2p - k) / s + 1
//   ConvTranspose2d  side -> (side - 1) s - 2p + k + output_padding
//   ReflectionPad2d  each padding must be smaller than the side (LibTorch's rule); side + 2p
//   InstanceNorm2d   needs more than one spatial element (the official PyTorch code checks
//                    this in training; LibTorch silently outputs zeros)
//   Sequential       its children in order
//   other modules with children (residual blocks): their children in order, and the output
//                    side must equal the input side (the skip connection adds them)
//   anything else    keeps the side (activations, dropout)
// Thread safety: pure functions of the module's structure.

struct SideTrace {
    std::int64_t outputSide = 0; // side of the output when problem is empty
    std::string problem;         // the first layer that refuses, e.g. "model.11 (Conv2d 4x4,
                                 // stride 1, padding 1) gets 1x1, 3x3 with padding, smaller
                                 // than its kernel"
    bool ok() const { return problem.empty(); }
};

SideTrace traceSquareSide(const torch::nn::Module &net, std::int64_t side);

// The smallest multiple of `multipleOf` (up to `limit`) that `net` accepts and, when
// `sameSideOut`, maps to an output of the same side. Returns 0 when none does.
enum class SideRule { AnyOutput, OutputKeepsSide };
std::int64_t minimumSquareSide(const torch::nn::Module &net, std::int64_t multipleOf,
                               SideRule rule, std::int64_t limit = 8192);

} // namespace cgs
