#pragma once

#include <sstream>
#include <string>
#include <vector>

namespace cgs {

// The comma-separated cells of one line of the run folder's CSV files (loss_log.csv,
// metrics.csv): no quoting (their cells are numbers and tags), a trailing comma gives a last
// empty cell. Thread-safe.
inline std::vector<std::string> splitCsvLine(const std::string &line) {
    std::vector<std::string> cells;
    std::string cell;
    std::istringstream in(line);
    while (std::getline(in, cell, ','))
        cells.push_back(cell);
    if (!line.empty() && line.back() == ',')
        cells.emplace_back();
    return cells;
}

} // namespace cgs
