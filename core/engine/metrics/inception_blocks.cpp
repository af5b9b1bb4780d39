#include "core/engine/metrics/inception_blocks.h"

namespace cgs {
namespace {

namespace F = torch::nn::functional;

BasicConv2dOptions conv(int64_t in, int64_t out, torch::ExpandingArray<2> kernel,
                        torch::ExpandingArray<2> padding = 0, torch::ExpandingArray<2> stride = 1) {
    return BasicConv2dOptions(in, out, kernel).padding(padding).stride(stride);
}

// pytorch-fid's patch: TensorFlow's average pool ignores the zero padding in its mean.
torch::Tensor averagePoolExcludingPadding(const torch::Tensor &x) {
    return F::avg_pool2d(x, F::AvgPool2dFuncOptions(3).stride(1).padding(1).count_include_pad(false));
}

} // namespace

BasicConv2dImpl::BasicConv2dImpl(const BasicConv2dOptions &o)
    : conv(torch::nn::Conv2dOptions(o.in(), o.out(), o.kernel())
               .stride(o.stride())
               .padding(o.padding())
               .bias(false)),
      bn(torch::nn::BatchNorm2dOptions(o.out()).eps(0.001)) {
    register_module("conv", conv);
    register_module("bn", bn);
}

torch::Tensor BasicConv2dImpl::forward(const torch::Tensor &x) {
    return bn(conv(x)).relu_();
}

InceptionAImpl::InceptionAImpl(int64_t in, int64_t poolFeatures)
    : branch1x1(conv(in, 64, 1)), branch5x5_1(conv(in, 48, 1)),
      branch5x5_2(conv(48, 64, 5, 2)), branch3x3dbl_1(conv(in, 64, 1)),
      branch3x3dbl_2(conv(64, 96, 3, 1)), branch3x3dbl_3(conv(96, 96, 3, 1)),
      branch_pool(conv(in, poolFeatures, 1)) {
    register_module("branch1x1", branch1x1);
    register_module("branch5x5_1", branch5x5_1);
    register_module("branch5x5_2", branch5x5_2);
    register_module("branch3x3dbl_1", branch3x3dbl_1);
    register_module("branch3x3dbl_2", branch3x3dbl_2);
    register_module("branch3x3dbl_3", branch3x3dbl_3);
    register_module("branch_pool", branch_pool);
}

torch::Tensor InceptionAImpl::forward(const torch::Tensor &x) {
    return torch::cat({branch1x1(x), branch5x5_2(branch5x5_1(x)),
                       branch3x3dbl_3(branch3x3dbl_2(branch3x3dbl_1(x))),
                       branch_pool(averagePoolExcludingPadding(x))},
                      1);
}

InceptionBImpl::InceptionBImpl(int64_t in)
    : branch3x3(conv(in, 384, 3, 0, 2)), branch3x3dbl_1(conv(in, 64, 1)),
      branch3x3dbl_2(conv(64, 96, 3, 1)), branch3x3dbl_3(conv(96, 96, 3, 0, 2)) {
    register_module("branch3x3", branch3x3);
    register_module("branch3x3dbl_1", branch3x3dbl_1);
    register_module("branch3x3dbl_2", branch3x3dbl_2);
    register_module("branch3x3dbl_3", branch3x3dbl_3);
}

torch::Tensor InceptionBImpl::forward(const torch::Tensor &x) {
    return torch::cat({branch3x3(x), branch3x3dbl_3(branch3x3dbl_2(branch3x3dbl_1(x))),
                       F::max_pool2d(x, F::MaxPool2dFuncOptions(3).stride(2))},
                      1);
}

InceptionCImpl::InceptionCImpl(int64_t in, int64_t c7)
    : branch1x1(conv(in, 192, 1)), branch7x7_1(conv(in, c7, 1)),
      branch7x7_2(conv(c7, c7, {1, 7}, {0, 3})), branch7x7_3(conv(c7, 192, {7, 1}, {3, 0})),
      branch7x7dbl_1(conv(in, c7, 1)), branch7x7dbl_2(conv(c7, c7, {7, 1}, {3, 0})),
      branch7x7dbl_3(conv(c7, c7, {1, 7}, {0, 3})), branch7x7dbl_4(conv(c7, c7, {7, 1}, {3, 0})),
      branch7x7dbl_5(conv(c7, 192, {1, 7}, {0, 3})), branch_pool(conv(in, 192, 1)) {
    register_module("branch1x1", branch1x1);
    register_module("branch7x7_1", branch7x7_1);
    register_module("branch7x7_2", branch7x7_2);
    register_module("branch7x7_3", branch7x7_3);
    register_module("branch7x7dbl_1", branch7x7dbl_1);
    register_module("branch7x7dbl_2", branch7x7dbl_2);
    register_module("branch7x7dbl_3", branch7x7dbl_3);
    register_module("branch7x7dbl_4", branch7x7dbl_4);
    register_module("branch7x7dbl_5", branch7x7dbl_5);
    register_module("branch_pool", branch_pool);
}

torch::Tensor InceptionCImpl::forward(const torch::Tensor &x) {
    torch::Tensor b7 = branch7x7_3(branch7x7_2(branch7x7_1(x)));
    torch::Tensor b7dbl = branch7x7dbl_5(
        branch7x7dbl_4(branch7x7dbl_3(branch7x7dbl_2(branch7x7dbl_1(x)))));
    return torch::cat({branch1x1(x), b7, b7dbl, branch_pool(averagePoolExcludingPadding(x))}, 1);
}

InceptionDImpl::InceptionDImpl(int64_t in)
    : branch3x3_1(conv(in, 192, 1)), branch3x3_2(conv(192, 320, 3, 0, 2)),
      branch7x7x3_1(conv(in, 192, 1)), branch7x7x3_2(conv(192, 192, {1, 7}, {0, 3})),
      branch7x7x3_3(conv(192, 192, {7, 1}, {3, 0})), branch7x7x3_4(conv(192, 192, 3, 0, 2)) {
    register_module("branch3x3_1", branch3x3_1);
    register_module("branch3x3_2", branch3x3_2);
    register_module("branch7x7x3_1", branch7x7x3_1);
    register_module("branch7x7x3_2", branch7x7x3_2);
    register_module("branch7x7x3_3", branch7x7x3_3);
    register_module("branch7x7x3_4", branch7x7x3_4);
}

torch::Tensor InceptionDImpl::forward(const torch::Tensor &x) {
    return torch::cat({branch3x3_2(branch3x3_1(x)),
                       branch7x7x3_4(branch7x7x3_3(branch7x7x3_2(branch7x7x3_1(x)))),
                       F::max_pool2d(x, F::MaxPool2dFuncOptions(3).stride(2))},
                      1);
}

InceptionEImpl::InceptionEImpl(int64_t in, InceptionEPool pool)
    : branch1x1(conv(in, 320, 1)), branch3x3_1(conv(in, 384, 1)),
      branch3x3_2a(conv(384, 384, {1, 3}, {0, 1})), branch3x3_2b(conv(384, 384, {3, 1}, {1, 0})),
      branch3x3dbl_1(conv(in, 448, 1)), branch3x3dbl_2(conv(448, 384, 3, 1)),
      branch3x3dbl_3a(conv(384, 384, {1, 3}, {0, 1})),
      branch3x3dbl_3b(conv(384, 384, {3, 1}, {1, 0})), branch_pool(conv(in, 192, 1)),
      m_pool(pool) {
    register_module("branch1x1", branch1x1);
    register_module("branch3x3_1", branch3x3_1);
    register_module("branch3x3_2a", branch3x3_2a);
    register_module("branch3x3_2b", branch3x3_2b);
    register_module("branch3x3dbl_1", branch3x3dbl_1);
    register_module("branch3x3dbl_2", branch3x3dbl_2);
    register_module("branch3x3dbl_3a", branch3x3dbl_3a);
    register_module("branch3x3dbl_3b", branch3x3dbl_3b);
    register_module("branch_pool", branch_pool);
}

torch::Tensor InceptionEImpl::forward(const torch::Tensor &x) {
    torch::Tensor b3 = branch3x3_1(x);
    b3 = torch::cat({branch3x3_2a(b3), branch3x3_2b(b3)}, 1);
    torch::Tensor b3dbl = branch3x3dbl_2(branch3x3dbl_1(x));
    b3dbl = torch::cat({branch3x3dbl_3a(b3dbl), branch3x3dbl_3b(b3dbl)}, 1);
    torch::Tensor pooled =
        m_pool == InceptionEPool::Maximum
            ? F::max_pool2d(x, F::MaxPool2dFuncOptions(3).stride(1).padding(1))
            : averagePoolExcludingPadding(x);
    return torch::cat({branch1x1(x), b3, b3dbl, branch_pool(pooled)}, 1);
}

} // namespace cgs
