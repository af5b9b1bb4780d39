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

LossValues LossValues::fromVector(const std::vector<double> &v) {
    auto at = [&v](std::size_t i) { return i < v.size() ? v[i] : 0.0; };
    LossValues l;
    l.dA = at(0);
    l.gA = at(1);
    l.cycleA = at(2);
    l.idtA = at(3);
    l.dB = at(4);
    l.gB = at(5);
    l.cycleB = at(6);
    l.idtB = at(7);
    return l;
}

} // namespace cgs
