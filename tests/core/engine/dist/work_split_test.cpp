#include "core/engine/dist/work_split.h"

#include <gtest/gtest.h>

#include <algorithm>

namespace {

TEST(WorkSplit, BalancesByCostLargestFirst) {
    // 8 + 2 = 10 vs 5 + 4 + 1 = 10 (LPT: 8->0, 5->1, 4->1, 2->0, 1->1... checked by loads).
    const std::vector<std::int64_t> costs = {1, 8, 4, 5, 2};
    const auto part = cgs::splitByCost(costs, 2);
    std::int64_t load[2] = {0, 0};
    for (size_t i = 0; i < costs.size(); ++i)
        load[part[i]] += costs[i];
    EXPECT_EQ(load[0], 10);
    EXPECT_EQ(load[1], 10);
    EXPECT_EQ(part[1], 0); // the largest job goes to the first part
}

TEST(WorkSplit, OnePartTakesEverythingAndResultsAreDeterministic) {
    const std::vector<std::int64_t> costs = {3, 3, 3, 0, -1};
    EXPECT_EQ(cgs::splitByCost(costs, 1), std::vector<int>(5, 0));
    EXPECT_EQ(cgs::splitByCost(costs, 3), cgs::splitByCost(costs, 3));
    const auto part = cgs::splitByCost(costs, 3);
    EXPECT_EQ(part[0], 0);
    EXPECT_EQ(part[1], 1);
    EXPECT_EQ(part[2], 2);
}

} // namespace
