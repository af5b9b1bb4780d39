#include "core/engine/train/training_observer.h"

namespace cgs {

const std::vector<std::string> &LossValues::names() {
    static const std::vector<std::string> kNames = {"D_A", "G_A", "cycle_A", "idt_A",
                                                    "D_B", "G_B", "cycle_B", "idt_B"};
    return kNames;
}

std::vector<double> LossValues::toVector() const {
    return {dA, gA, cycleA, idtA, dB, gB, cycleB, idtB};
}

} // namespace cgs
