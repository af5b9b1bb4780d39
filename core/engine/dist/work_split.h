#pragma once

#include <cstdint>
#include <vector>

namespace cgs {

// Splits jobs of known cost (pixels of each image) across `parts` workers so that the largest
// share is small: longest job first, each to the least loaded part (ties: the lowest part),
// the classic LPT rule (within 4/3 of the best split). Deterministic: every rank computes the
// same split from the same costs. Returns the part of each job (same order as `costs`); costs
// below 1 count as 1. Thread safe (pure).
std::vector<int> splitByCost(const std::vector<std::int64_t> &costs, int parts);

} // namespace cgs
