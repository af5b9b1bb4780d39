#pragma once

// The building blocks of the Inception-v3 that FID uses, as pytorch-fid defines it
// (mseitzer/pytorch-fid, src/pytorch_fid/inception.py: torchvision's Inception3 blocks with the
// patches of FIDInceptionA, FIDInceptionC, FIDInceptionE_1 and FIDInceptionE_2). The blocks are
// one family, kept together as torchvision's inception.py keeps them. Submodule names are the
// state-dict keys of pt_inception-2015-12-05-6726825d.pth ("branch5x5_1.conv.weight", ...).
// Inputs and outputs are [N, C, H, W] float tensors; eval mode only (BatchNorm uses the stored
// running statistics). Internal to the engine.

#include <torch/torch.h>

namespace cgs {

// Conv2d (no bias) -> BatchNorm2d (eps 0.001) -> ReLU: torchvision's BasicConv2d.
struct BasicConv2dOptions {
    BasicConv2dOptions(int64_t in, int64_t out, torch::ExpandingArray<2> kernel)
        : in_(in), out_(out), kernel_(kernel) {}
    TORCH_ARG(int64_t, in);
    TORCH_ARG(int64_t, out);
    TORCH_ARG(torch::ExpandingArray<2>, kernel);
    TORCH_ARG(torch::ExpandingArray<2>, stride) = 1;
    TORCH_ARG(torch::ExpandingArray<2>, padding) = 0;
};

class BasicConv2dImpl : public torch::nn::Module {
public:
    explicit BasicConv2dImpl(const BasicConv2dOptions &options);
    torch::Tensor forward(const torch::Tensor &x);
    torch::nn::Conv2d conv;
    torch::nn::BatchNorm2d bn;
};
TORCH_MODULE(BasicConv2d);

// Mixed_5b/5c/5d (FIDInceptionA): 1x1, 5x5, double 3x3 and pool branches; the pool branch
// averages 3x3 windows without counting the zero padding (TensorFlow's average pool).
class InceptionAImpl : public torch::nn::Module {
public:
    InceptionAImpl(int64_t in, int64_t poolFeatures);
    torch::Tensor forward(const torch::Tensor &x);
    BasicConv2d branch1x1, branch5x5_1, branch5x5_2, branch3x3dbl_1, branch3x3dbl_2,
        branch3x3dbl_3, branch_pool;
};
TORCH_MODULE(InceptionA);

// Mixed_6a (torchvision's InceptionB, unpatched): stride-2 reduction 35 -> 17.
class InceptionBImpl : public torch::nn::Module {
public:
    explicit InceptionBImpl(int64_t in);
    torch::Tensor forward(const torch::Tensor &x);
    BasicConv2d branch3x3, branch3x3dbl_1, branch3x3dbl_2, branch3x3dbl_3;
};
TORCH_MODULE(InceptionB);

// Mixed_6b..6e (FIDInceptionC): factorised 7x7 branches; average pool without padding counts.
class InceptionCImpl : public torch::nn::Module {
public:
    InceptionCImpl(int64_t in, int64_t channels7x7);
    torch::Tensor forward(const torch::Tensor &x);
    BasicConv2d branch1x1, branch7x7_1, branch7x7_2, branch7x7_3, branch7x7dbl_1,
        branch7x7dbl_2, branch7x7dbl_3, branch7x7dbl_4, branch7x7dbl_5, branch_pool;
};
TORCH_MODULE(InceptionC);

// Mixed_7a (torchvision's InceptionD, unpatched): stride-2 reduction 17 -> 8.
class InceptionDImpl : public torch::nn::Module {
public:
    explicit InceptionDImpl(int64_t in);
    torch::Tensor forward(const torch::Tensor &x);
    BasicConv2d branch3x3_1, branch3x3_2, branch7x7x3_1, branch7x7x3_2, branch7x7x3_3,
        branch7x7x3_4;
};
TORCH_MODULE(InceptionD);

// The pool branch of an InceptionE block: FIDInceptionE_1 (Mixed_7b) averages without padding
// counts, FIDInceptionE_2 (Mixed_7c) takes the maximum (a quirk of the TensorFlow graph that
// the FID weights come from).
enum class InceptionEPool { AverageExcludingPadding, Maximum };

// Mixed_7b/7c (FIDInceptionE_1 / FIDInceptionE_2).
class InceptionEImpl : public torch::nn::Module {
public:
    InceptionEImpl(int64_t in, InceptionEPool pool);
    torch::Tensor forward(const torch::Tensor &x);
    BasicConv2d branch1x1, branch3x3_1, branch3x3_2a, branch3x3_2b, branch3x3dbl_1,
        branch3x3dbl_2, branch3x3dbl_3a, branch3x3dbl_3b, branch_pool;

private:
    InceptionEPool m_pool;
};
TORCH_MODULE(InceptionE);

} // namespace cgs
