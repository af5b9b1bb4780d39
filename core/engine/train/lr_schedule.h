#pragma once

namespace cgs {

// The learning-rate factor of epoch `epoch` (1-based, counting from epoch_count) for the
// official "linear" policy: 1 for the first nEpochs epochs, then a straight line down over
// nEpochsDecay epochs. Unlike the official code (which, stepping the scheduler before each
// epoch, trains the last epoch at lr 0), the last epoch trains at lr / (nEpochsDecay + 1):
//   factor(e) = 1 - max(0, e - nEpochs) / (nEpochsDecay + 1).
double linearDecayFactor(int epoch, int nEpochs, int nEpochsDecay);

} // namespace cgs
