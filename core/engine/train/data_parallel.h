#pragma once

#include "core/engine/dist/gradient_reducer.h"
#include "core/engine/dist/process_group.h"
#include "core/engine/train/cycle_gan_model.h"
#include "core/engine/train/train_options.h"

#include <torch/torch.h>

#include <map>
#include <memory>
#include <string>
#include <vector>

namespace cgs {

// The data-parallel parts of a training run over a ProcessGroup, with the semantics of the
// official DistributedDataParallel code (DESIGN §7): the trainer calls
//   checkSameSetup()  once, before building the model: every rank must run the same options
//                     on the same number of images, or all ranks refuse to start;
//   attach(model)     after the weights are initialised or loaded: rank 0's weights are
//                     broadcast (so every rank starts from the same networks even when the seed
//                     or a file differ), and the model's gradient hook averages the gradients of
//                     the generators and of the discriminators over the ranks (GradientReducer);
//   average(losses)   the losses of a step, averaged over the ranks (for loss_log.csv);
//   anyStop(flag)     a stop request on any rank stops all of them at the same step;
//   gatherStates()    at a checkpoint: every rank's pools and random state, on rank 0.
// Every call is a collective: all ranks make the same calls in the same order. Throws
// DistributedError (a rank died or hung) and ConfigError (setups differ). Not thread safe.
class DataParallel {
public:
    explicit DataParallel(std::shared_ptr<ProcessGroup> group);

    ProcessGroup &group() { return *m_group; }
    int rank() const { return m_group->rank(); }
    int worldSize() const { return m_group->worldSize(); }

    void checkSameSetup(const TrainOptions &options, std::int64_t sizeA, std::int64_t sizeB);
    void attach(CycleGanModel &model);
    // Gives this rank its own random stream (image pool decisions) derived from the run's seed,
    // the rank and the step: used when no saved state of this rank exists.
    void seedRank(std::uint64_t seed, std::int64_t iteration) const;
    torch::Tensor average(const torch::Tensor &values);
    bool anyStop(bool flag);
    std::vector<std::string> gatherStates(CycleGanModel &model);

    // Seconds spent averaging gradients since the last call (G and D of the steps between).
    double takeAllReduceSeconds() {
        const double s = m_allReduceSeconds;
        m_allReduceSeconds = 0;
        return s;
    }

private:
    std::shared_ptr<ProcessGroup> m_group;
    std::map<const torch::optim::Optimizer *, std::unique_ptr<GradientReducer>> m_reducers;
    double m_allReduceSeconds = 0;
};

} // namespace cgs
