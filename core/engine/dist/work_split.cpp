#include "core/engine/dist/work_split.h"

#include <algorithm>
#include <numeric>

namespace cgs {

std::vector<int> splitByCost(const std::vector<std::int64_t> &costs, int parts) {
    std::vector<int> part(costs.size(), 0);
    if (parts <= 1)
        return part;
    std::vector<size_t> order(costs.size());
    std::iota(order.begin(), order.end(), size_t{0});
    auto cost = [&](size_t i) { return std::max<std::int64_t>(costs[i], 1); };
    std::stable_sort(order.begin(), order.end(),
                     [&](size_t a, size_t b) { return cost(a) > cost(b); });
    std::vector<std::int64_t> load(static_cast<size_t>(parts), 0);
    for (size_t i : order) {
        const auto least = std::min_element(load.begin(), load.end()) - load.begin();
        part[i] = static_cast<int>(least);
        load[static_cast<size_t>(least)] += cost(i);
    }
    return part;
}

} // namespace cgs
