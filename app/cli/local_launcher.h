#pragma once

#include <string>
#include <vector>

namespace cgs::cli {

// Starts `ranks` copies of this executable on this machine with the torchrun variables set
// (like `torchrun --standalone --nproc_per_node=<ranks> --no-python cyclegan <args>`: MASTER_ADDR
// 127.0.0.1, a free port), waits for all of them, and returns each rank's standard output.
// Their standard error passes through. Throws DistributedError (exit code 8) when a rank cannot
// start or exits non-zero (naming the rank and its exit status).
std::vector<std::string> runLocalRanks(int ranks, const std::vector<std::string> &args);

} // namespace cgs::cli
