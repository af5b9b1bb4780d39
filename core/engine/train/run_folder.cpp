#include "core/engine/train/run_folder.h"

#include "core/engine/atomic_file.h"
#include "core/engine/error.h"

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <sstream>

namespace cgs {
namespace fs = std::filesystem;

bool RunFolder::holdsRun() const {
    return fs::exists(configPath()) || fs::exists(checkpointsDir());
}

void RunFolder::create(const TrainOptions &options) const {
    std::error_code ec;
    for (const auto &d : {m_dir, checkpointsDir(), previewsDir()}) {
        fs::create_directories(d, ec);
        if (ec)
            throw IoError("Cannot create folder '" + d + "': " + ec.message());
    }
    writeFileAtomically(configPath(), toJson(options));
}

std::string RunFolder::lossLogHeader() {
    std::string header = "iteration,epoch,lr";
    for (const auto &name : LossValues::names())
        header += "," + name;
    return header + ",seconds_per_iter";
}

void RunFolder::startLossLog(bool resume, std::int64_t iteration) const {
    if (!resume || !fs::exists(lossLogPath())) {
        writeFileAtomically(lossLogPath(), lossLogHeader() + "\n");
        return;
    }
    std::istringstream in(readFile(lossLogPath()));
    std::string line, kept;
    bool first = true;
    while (std::getline(in, line)) {
        if (line.empty())
            continue;
        if (first) {
            kept += lossLogHeader() + "\n";
            first = false;
            if (line.rfind("iteration,", 0) == 0)
                continue;
        }
        // A row belongs to the resumed history when its iteration is not after the checkpoint;
        // a torn last line (killed mid-write) fails to parse and is dropped.
        char *end = nullptr;
        const long long it = std::strtoll(line.c_str(), &end, 10);
        const bool complete = std::count(line.begin(), line.end(), ',') == 11;
        if (end != line.c_str() && *end == ',' && complete && it <= iteration)
            kept += line + "\n";
    }
    writeFileAtomically(lossLogPath(), first ? lossLogHeader() + "\n" : kept);
}

void RunFolder::appendLosses(const std::vector<StepReport> &reports) const {
    if (reports.empty())
        return;
    std::string text;
    char buf[64];
    for (const auto &r : reports) {
        text += std::to_string(r.iteration) + "," + std::to_string(r.epoch);
        std::snprintf(buf, sizeof buf, ",%.8g", r.lr);
        text += buf;
        for (double v : r.losses.toVector()) {
            std::snprintf(buf, sizeof buf, ",%.6g", v);
            text += buf;
        }
        std::snprintf(buf, sizeof buf, ",%.4f", r.secondsPerIteration);
        text += buf;
        text += "\n";
    }
    text.pop_back();
    appendLine(lossLogPath(), text);
}

} // namespace cgs
