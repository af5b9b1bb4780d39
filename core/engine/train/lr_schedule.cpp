#include "core/engine/train/lr_schedule.h"

#include <algorithm>

namespace cgs {

double linearDecayFactor(int epoch, int nEpochs, int nEpochsDecay) {
    const int over = std::max(0, epoch - nEpochs);
    return std::max(0.0, 1.0 - static_cast<double>(over) / (nEpochsDecay + 1.0));
}

} // namespace cgs
