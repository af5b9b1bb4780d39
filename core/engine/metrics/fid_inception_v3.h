#pragma once

// The Inception-v3 feature network of FID, as pytorch-fid builds it (mseitzer/pytorch-fid,
// src/pytorch_fid/inception.py, `InceptionV3([3])` with use_fid_inception=True): input
// [N, 3, H, W] RGB in [0, 1], resized to 299 x 299 bilinearly (align_corners false, no
// antialiasing, as F.interpolate), scaled to [-1, 1], then Conv2d_1a_3x3 ... Mixed_7c and a
// global average pool: output [N, 2048], the "pool3" features FID and KID use. Parameter and
// buffer names are the keys of pytorch-fid's weight file pt_inception-2015-12-05-6726825d.pth
// (without its unused fc.* classifier). Internal to the engine; the facade is
// inception_feature_extractor.h.

#include "core/engine/metrics/inception_blocks.h"

#include <torch/torch.h>

#include <string>

namespace cgs {

class FidInceptionV3Impl : public torch::nn::Module {
public:
    FidInceptionV3Impl();
    // x: [N, 3, H, W] float in [0, 1], any H x W; returns [N, 2048]. Call in eval mode.
    torch::Tensor forward(const torch::Tensor &x);

    BasicConv2d Conv2d_1a_3x3, Conv2d_2a_3x3, Conv2d_2b_3x3, Conv2d_3b_1x1, Conv2d_4a_3x3;
    InceptionA Mixed_5b, Mixed_5c, Mixed_5d;
    InceptionB Mixed_6a;
    InceptionC Mixed_6b, Mixed_6c, Mixed_6d, Mixed_6e;
    InceptionD Mixed_7a;
    InceptionE Mixed_7b, Mixed_7c;
};
TORCH_MODULE(FidInceptionV3);

// Copies pytorch-fid's weight file into `net` (on the net's device) and sets eval mode. Every
// parameter and BatchNorm statistic must be in the file with its shape; the file's fc.*,
// AuxLogits.* and num_batches_tracked entries are ignored, any other key is refused. Throws
// CheckpointError naming the file and the key ("... is not pytorch-fid's Inception weight file:
// it has no 'Mixed_7c.branch_pool.conv.weight'"), as readStateDictFile does for damaged files.
void loadFidInceptionWeights(FidInceptionV3 &net, const std::string &path);

} // namespace cgs
