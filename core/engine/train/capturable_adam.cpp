#include "core/engine/train/capturable_adam.h"

#include "core/engine/torch_compat.h"

namespace cgs {

CapturableAdam::CapturableAdam(torch::optim::Adam &adam) : m_adam(adam) {
    auto &group = adam.param_groups().at(0);
    const auto &options = static_cast<const torch::optim::AdamOptions &>(group.options());
    TORCH_CHECK(adam.param_groups().size() == 1 && options.weight_decay() == 0 &&
                    !options.amsgrad(),
                "CapturableAdam supports one parameter group without weight decay or amsgrad");
    m_beta1 = std::get<0>(options.betas());
    m_beta2 = std::get<1>(options.betas());
    m_eps = options.eps();
    m_lrHost = options.lr();
    std::int64_t step = 0;
    for (const auto &p : group.params()) {
        const auto key = compat::optimizerStateKey(p);
        auto found = adam.state().find(key);
        if (found == adam.state().end()) {
            auto state = std::make_unique<torch::optim::AdamParamState>();
            state->step(0);
            state->exp_avg(torch::zeros_like(p, torch::MemoryFormat::Preserve));
            state->exp_avg_sq(torch::zeros_like(p, torch::MemoryFormat::Preserve));
            found = adam.state().emplace(key, std::move(state)).first;
        }
        auto &state = static_cast<torch::optim::AdamParamState &>(*found->second);
        step = std::max<std::int64_t>(step, state.step());
        m_params.push_back(p);
        m_expAvg.push_back(state.exp_avg());
        m_expAvgSq.push_back(state.exp_avg_sq());
    }
    TORCH_CHECK(!m_params.empty(), "CapturableAdam needs parameters");
    const auto scalar = m_params.front().options().dtype(torch::kDouble);
    m_step = torch::full({}, static_cast<double>(step), scalar);
    m_lr = torch::full({}, m_lrHost, scalar);
}

void CapturableAdam::setLearningRate(double lr) {
    m_lrHost = lr;
    m_lr.fill_(lr);
}

void CapturableAdam::zeroGrad() {
    for (auto &p : m_params)
        p.mutable_grad() = torch::Tensor();
}

void CapturableAdam::step() {
    torch::NoGradGuard noGrad;
    std::vector<torch::Tensor> params, grads, expAvg, expAvgSq;
    for (size_t i = 0; i < m_params.size(); ++i) {
        if (!m_params[i].grad().defined())
            continue;
        params.push_back(m_params[i]);
        grads.push_back(m_params[i].grad());
        expAvg.push_back(m_expAvg[i]);
        expAvgSq.push_back(m_expAvgSq[i]);
    }
    compat::capturableAdamStep(params, grads, expAvg, expAvgSq, m_step, m_lr, m_beta1, m_beta2,
                               m_eps);
}

void CapturableAdam::syncToOptimizer() {
    const auto step = static_cast<std::int64_t>(m_step.item<double>());
    for (const auto &p : m_params) {
        auto &state = static_cast<torch::optim::AdamParamState &>(
            *m_adam.state().at(compat::optimizerStateKey(p)));
        state.step(step);
    }
    static_cast<torch::optim::AdamOptions &>(m_adam.param_groups().at(0).options()).lr(m_lrHost);
}

} // namespace cgs
