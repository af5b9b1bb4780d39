#include "core/engine/train/run_folder.h"

#include "core/engine/atomic_file.h"
#include "core/engine/csv_line.h"
#include "core/engine/checkpoint/checkpoint_store.h"
#include "core/engine/error.h"
#include "core/engine/train/run_lock.h"

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

namespace cgs {
namespace fs = std::filesystem;

namespace {

constexpr const char *kSecondsColumn = "seconds_per_iter";

std::string formatRow(const StepReport &r) {
    std::string text = std::to_string(r.iteration) + "," + std::to_string(r.epoch);
    char buf[64];
    std::snprintf(buf, sizeof buf, ",%.8g", r.lr);
    text += buf;
    for (double v : r.losses.toVector()) {
        std::snprintf(buf, sizeof buf, ",%.6g", v);
        text += buf;
    }
    std::snprintf(buf, sizeof buf, ",%.4f", r.secondsPerIteration);
    return text + buf;
}

bool parseNumber(const std::string &text, double &value) {
    char *end = nullptr;
    value = std::strtod(text.c_str(), &end);
    return !text.empty() && end == text.c_str() + text.size();
}

bool parseInteger(const std::string &text, std::int64_t &value) {
    char *end = nullptr;
    value = std::strtoll(text.c_str(), &end, 10);
    return !text.empty() && end == text.c_str() + text.size();
}

// One data row by the header's column names; false when it does not parse (a torn or edited
// line, or one with another number of cells than the header).
bool parseRow(const std::vector<std::string> &header, const std::string &line, StepReport &s) {
    const std::vector<std::string> cells = splitCsvLine(line);
    if (cells.size() != header.size())
        return false;
    const auto &lossNames = LossValues::names();
    std::vector<double> losses(lossNames.size(), 0.0);
    bool haveIteration = false;
    for (std::size_t i = 0; i < header.size(); ++i) {
        const std::string &name = header[i];
        if (name == "iteration") {
            if (!parseInteger(cells[i], s.iteration))
                return false;
            haveIteration = true;
            continue;
        }
        double v = 0;
        if (!parseNumber(cells[i], v))
            return false;
        if (name == "epoch")
            s.epoch = static_cast<int>(v);
        else if (name == "lr")
            s.lr = v;
        else if (name == kSecondsColumn)
            s.secondsPerIteration = v;
        else if (auto it = std::find(lossNames.begin(), lossNames.end(), name);
                 it != lossNames.end())
            losses[static_cast<std::size_t>(it - lossNames.begin())] = v;
    }
    s.losses = LossValues::fromVector(losses);
    return haveIteration;
}

std::string readAllOrEmpty(const std::string &path) {
    std::ifstream in(path, std::ios::binary);
    if (!in)
        return {};
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
}

} // namespace

std::string RunFolder::checkpointsDir() const { return runCheckpointsDir(m_dir); }

bool RunFolder::holdsRun() const {
    std::error_code ec;
    return fs::exists(configPath(), ec) || fs::exists(checkpointsDir(), ec);
}

bool RunFolder::isBeingTrained() const { return RunLock::isHeld(m_dir); }

std::vector<std::string> RunFolder::watchPaths() const {
    return {m_dir, configPath(), lossLogPath(), previewsDir(), checkpointsDir()};
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

TrainOptions RunFolder::readOptions() const {
    std::string text;
    try {
        text = readFile(configPath());
    } catch (const IoError &e) {
        throw ConfigError("'" + m_dir + "' is not a training run: " + e.what());
    }
    TrainOptions options;
    try {
        options = trainOptionsFromJson(text);
    } catch (const Error &e) {
        throw ConfigError("Cannot use '" + configPath() + "': " + e.what());
    }
    // The folder may have moved since it was written: the run is where it is now.
    const fs::path here = fs::absolute(fs::path(m_dir)).lexically_normal();
    const fs::path folder = here.has_filename() ? here : here.parent_path();
    options.name = folder.filename().string();
    options.checkpointsDir = folder.parent_path().string();
    return options;
}

std::string RunFolder::lossLogHeader() {
    std::string header = "iteration,epoch,lr";
    for (const auto &name : LossValues::names())
        header += "," + name;
    return header + "," + kSecondsColumn;
}

void RunFolder::startLossLog(LossLog start, std::int64_t iteration) const {
    std::string text = lossLogHeader() + "\n";
    if (start == LossLog::Resume)
        for (const auto &s : readLosses().steps)
            if (s.iteration <= iteration)
                text += formatRow(s) + "\n";
    writeFileAtomically(lossLogPath(), text);
}

void RunFolder::appendLosses(const std::vector<StepReport> &reports) const {
    if (reports.empty())
        return;
    std::string text;
    for (const auto &r : reports)
        text += formatRow(r) + "\n";
    text.pop_back();
    appendLine(lossLogPath(), text);
}

RunFolder::LossRows RunFolder::readLosses(std::size_t fromRow) const {
    LossRows rows;
    const std::string text = readAllOrEmpty(lossLogPath());
    const std::size_t headerEnd = text.find('\n');
    if (headerEnd == std::string::npos)
        return rows;
    std::string headerLine = text.substr(0, headerEnd);
    if (!headerLine.empty() && headerLine.back() == '\r')
        headerLine.pop_back();
    const std::vector<std::string> header = splitCsvLine(headerLine);
    // Count the complete rows first: a file shorter than fromRow was rewritten by a resume.
    std::size_t complete = 0;
    for (std::size_t pos = headerEnd + 1; (pos = text.find('\n', pos)) != std::string::npos; ++pos)
        ++complete;
    if (complete < fromRow) {
        rows.restarted = true;
        fromRow = 0;
    }
    std::size_t row = 0;
    for (std::size_t begin = headerEnd + 1;; ++row) {
        const std::size_t end = text.find('\n', begin);
        if (end == std::string::npos)
            break; // a last line still being written
        if (row >= fromRow) {
            std::string line = text.substr(begin, end - begin);
            if (!line.empty() && line.back() == '\r')
                line.pop_back();
            StepReport s;
            if (parseRow(header, line, s))
                rows.steps.push_back(s);
        }
        begin = end + 1;
    }
    rows.nextRow = row;
    return rows;
}

std::string RunFolder::previewPath(int epoch, std::int64_t iteration,
                                   const std::string &extension) const {
    char name[64];
    std::snprintf(name, sizeof name, "/epoch%03d_iter%08lld", epoch,
                  static_cast<long long>(iteration));
    return previewsDir() + name + extension;
}

std::string RunFolder::rescuedGeneratorsDir(const std::string &tag,
                                            std::int64_t iteration) const {
    char name[32];
    std::snprintf(name, sizeof name, "_iter%08lld", static_cast<long long>(iteration));
    return m_dir + "/rescued/" + tag + name;
}

std::vector<std::string> RunFolder::previews() const {
    std::vector<std::string> files;
    std::error_code ec;
    for (const auto &entry : fs::directory_iterator(previewsDir(), ec)) {
        const std::string name = entry.path().filename().string();
        if (entry.is_regular_file(ec) && name.rfind("epoch", 0) == 0)
            files.push_back(entry.path().string());
    }
    std::sort(files.begin(), files.end());
    return files;
}

} // namespace cgs
