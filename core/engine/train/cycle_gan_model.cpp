#include "core/engine/train/cycle_gan_model.h"

#include "core/engine/train/losses.h"
#include "core/engine/nn/init_weights.h"
#include "core/engine/torch_compat.h"

namespace cgs {
namespace {

std::vector<torch::Tensor> concat(std::vector<torch::Tensor> a, const std::vector<torch::Tensor> &b) {
    a.insert(a.end(), b.begin(), b.end());
    return a;
}

// net(x) for each x of `inputs`, with one pass per group of inputs of one size: each image is
// normalised on its own (instance norm, reflection padding), so a pass over a concatenated
// batch gives every image exactly what its own pass would, gradients included, with fewer and
// larger kernels. Inputs of different sizes (--preprocess none or scale_width on images of
// several sizes, as the official code allows) cannot be concatenated and get passes of their
// own, as in the official step.
template <typename Net>
std::vector<torch::Tensor> forwardGrouped(Net &net, const std::vector<torch::Tensor> &inputs) {
    std::vector<torch::Tensor> outputs(inputs.size());
    std::vector<bool> done(inputs.size(), false);
    for (size_t i = 0; i < inputs.size(); ++i) {
        if (done[i])
            continue;
        std::vector<size_t> group;
        std::vector<torch::Tensor> parts;
        for (size_t j = i; j < inputs.size(); ++j)
            if (!done[j] && inputs[j].sizes().slice(1) == inputs[i].sizes().slice(1)) {
                group.push_back(j);
                parts.push_back(inputs[j]);
                done[j] = true;
            }
        const auto out = net->forward(parts.size() == 1 ? parts[0] : torch::cat(parts));
        std::int64_t offset = 0;
        for (const size_t j : group) {
            const std::int64_t n = inputs[j].size(0);
            outputs[j] = parts.size() == 1 ? out : out.narrow(0, offset, n);
            offset += n;
        }
    }
    return outputs;
}

} // namespace

CycleGanModel::CycleGanModel(const TrainOptions &options, const torch::Device &device)
    : fakeAPool(options.poolSize), fakeBPool(options.poolSize), m_options(options),
      m_device(device) {
    ResnetGeneratorOptions g(options.inputNc, options.outputNc);
    g.ngf(options.ngf).n_blocks(options.nBlocks());
    netGA = ResnetGenerator(g);
    netGB = ResnetGenerator(ResnetGeneratorOptions(g).input_nc(options.outputNc).output_nc(options.inputNc));
    const int layers = options.netD == "basic" ? 3 : options.nLayersD;
    NLayerDiscriminatorOptions d(options.outputNc);
    d.ndf(options.ndf).n_layers(layers);
    netDA = NLayerDiscriminator(d);
    netDB = NLayerDiscriminator(NLayerDiscriminatorOptions(d).input_nc(options.inputNc));
    for (torch::nn::Module *m : {static_cast<torch::nn::Module *>(netGA.get()),
                                 static_cast<torch::nn::Module *>(netGB.get()),
                                 static_cast<torch::nn::Module *>(netDA.get()),
                                 static_cast<torch::nn::Module *>(netDB.get())})
        m->to(device);
    m_channelsLast = options.channelsLast && compat::instanceNormChannelsLastBackwardWorks(device);
    if (m_channelsLast) {
        torch::NoGradGuard noGrad;
        for (auto *net : {static_cast<torch::nn::Module *>(netGA.get()),
                          static_cast<torch::nn::Module *>(netGB.get()),
                          static_cast<torch::nn::Module *>(netDA.get()),
                          static_cast<torch::nn::Module *>(netDB.get())})
            for (auto &p : net->parameters())
                if (p.dim() == 4)
                    p.set_data(p.data().contiguous(torch::MemoryFormat::ChannelsLast));
    }
    if (options.precision == "bf16")
        m_autocastType = torch::kBFloat16;
    else if (options.precision == "fp16")
        m_autocastType = torch::kHalf;
    const auto adam = torch::optim::AdamOptions(options.lr).betas({options.beta1, 0.999});
    optimizerG = std::make_unique<torch::optim::Adam>(
        concat(netGA->parameters(), netGB->parameters()), adam);
    optimizerD = std::make_unique<torch::optim::Adam>(
        concat(netDA->parameters(), netDB->parameters()), adam);
}

void CycleGanModel::initWeights() {
    cgs::initWeights(*netGA, m_options.initType, m_options.initGain);
    cgs::initWeights(*netGB, m_options.initType, m_options.initGain);
    cgs::initWeights(*netDA, m_options.initType, m_options.initGain);
    cgs::initWeights(*netDB, m_options.initType, m_options.initGain);
}

void CycleGanModel::setRequiresGrad(torch::nn::Module &module, bool requiresGrad) {
    for (auto &p : module.parameters())
        p.set_requires_grad(requiresGrad);
}

void CycleGanModel::setLearningRate(double lr) {
    for (auto *opt : {optimizerG.get(), optimizerD.get()})
        for (auto &group : opt->param_groups())
            static_cast<torch::optim::AdamOptions &>(group.options()).lr(lr);
}

torch::Tensor CycleGanModel::backwardG(const torch::Tensor &realA, const torch::Tensor &realB,
                                       torch::Tensor &fakeA, torch::Tensor &fakeB) {
    const double lambdaA = m_options.lambdaA, lambdaB = m_options.lambdaB;
    const double lambdaIdt = m_options.lambdaIdentity;
    // The six generator passes of the official step in three calls (forwardGrouped): G_A:
    // [real_A | real_B] -> fake_B, idt_A; then G_B: [real_B | fake_B | real_A] -> fake_A,
    // rec_A, idt_B; then G_A: fake_A -> rec_B.
    const bool identity = lambdaIdt > 0;
    const auto outA = forwardGrouped(netGA, identity ? std::vector<torch::Tensor>{realA, realB}
                                                     : std::vector<torch::Tensor>{realA});
    fakeB = outA[0];
    const auto outB =
        forwardGrouped(netGB, identity ? std::vector<torch::Tensor>{realB, fakeB, realA}
                                       : std::vector<torch::Tensor>{realB, fakeB});
    fakeA = outB[0];
    const auto recA = outB[1];
    const auto recB = netGA->forward(fakeA);
    auto zero = torch::zeros({}, realA.options());
    torch::Tensor idtA = zero, idtB = zero;
    if (identity) {
        // G_A should be the identity on B images, G_B on A images.
        idtA = l1Loss(outA[1], realB) * (lambdaB * lambdaIdt);
        idtB = l1Loss(outB[2], realA) * (lambdaA * lambdaIdt);
    }
    const auto gA = ganLoss(netDA->forward(fakeB), true, m_options.ganMode);
    const auto gB = ganLoss(netDB->forward(fakeA), true, m_options.ganMode);
    const auto cycleA = l1Loss(recA, realA) * lambdaA;
    const auto cycleB = l1Loss(recB, realB) * lambdaB;
    (gA + gB + cycleA + cycleB + idtA + idtB).backward();
    return torch::stack({gA.to(torch::kFloat), cycleA.to(torch::kFloat), idtA.to(torch::kFloat),
                         gB.to(torch::kFloat), cycleB.to(torch::kFloat), idtB.to(torch::kFloat)})
        .detach();
}

torch::Tensor CycleGanModel::backwardD(NLayerDiscriminator &net, const torch::Tensor &real,
                                       const torch::Tensor &fake) {
    // One pass over [real | fake] when their sizes agree (see forwardGrouped).
    const auto pred = forwardGrouped(net, {real, fake.detach()});
    const auto lossReal = ganLoss(pred[0], true, m_options.ganMode);
    const auto lossFake = ganLoss(pred[1], false, m_options.ganMode);
    auto loss = (lossReal + lossFake) * 0.5;
    loss.backward();
    return loss.detach().to(torch::kFloat);
}

torch::Tensor CycleGanModel::prepareInput(const torch::Tensor &x) const {
    return m_channelsLast ? x.contiguous(torch::MemoryFormat::ChannelsLast) : x;
}

torch::Tensor CycleGanModel::step(const torch::Tensor &realAIn, const torch::Tensor &realBIn) {
    const auto realA = prepareInput(realAIn), realB = prepareInput(realBIn);
    // Forward passes (and their backward) in the chosen precision; weights and Adam stay fp32.
    compat::AutocastGuard autocast(m_device, m_autocastType);
    torch::Tensor fakeA, fakeB;
    setRequiresGrad(*netDA, false);
    setRequiresGrad(*netDB, false);
    optimizerG->zero_grad();
    const auto g = backwardG(realA, realB, fakeA, fakeB);
    if (m_gradientHook)
        m_gradientHook(*optimizerG);
    optimizerG->step();
    setRequiresGrad(*netDA, true);
    setRequiresGrad(*netDB, true);
    optimizerD->zero_grad();
    const auto dA = backwardD(netDA, realB, fakeBPool.query(fakeB));
    const auto dB = backwardD(netDB, realA, fakeAPool.query(fakeA));
    if (m_gradientHook)
        m_gradientHook(*optimizerD);
    optimizerD->step();
    // Official order: D_A, G_A, cycle_A, idt_A, D_B, G_B, cycle_B, idt_B.
    return torch::stack({dA, g[0], g[1], g[2], dB, g[3], g[4], g[5]}).to(torch::kFloat32);
}

torch::Tensor CycleGanModel::translateForBench(const torch::Tensor &realA) {
    torch::NoGradGuard noGrad;
    compat::AutocastGuard autocast(m_device, m_autocastType);
    return netGA->forward(prepareInput(realA));
}

std::vector<std::pair<std::string, torch::Tensor>>
CycleGanModel::preview(const torch::Tensor &realA, const torch::Tensor &realB) {
    torch::NoGradGuard noGrad;
    const auto fakeB = netGA->forward(realA);
    const auto fakeA = netGB->forward(realB);
    std::vector<std::pair<std::string, torch::Tensor>> out = {
        {"real_A", realA}, {"fake_B", fakeB}, {"rec_A", netGB->forward(fakeB)}};
    if (m_options.lambdaIdentity > 0)
        out.emplace_back("idt_B", netGB->forward(realA));
    out.emplace_back("real_B", realB);
    out.emplace_back("fake_A", fakeA);
    out.emplace_back("rec_B", netGA->forward(fakeA));
    if (m_options.lambdaIdentity > 0)
        out.emplace_back("idt_A", netGA->forward(realB));
    return out;
}

} // namespace cgs
