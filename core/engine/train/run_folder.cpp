#include "core/engine/train/run_folder.h"

#include "core/engine/atomic_file.h"
#include "core/engine/csv_line.h"
#include "core/engine/checkpoint/checkpoint_store.h"
#include "core/engine/error.h"
#include "core/engine/train/run_lock.h"

#include <nlohmann/json.hpp>

#include <sys/stat.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <ctime>
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

std::int64_t nowSeconds() {
    return std::chrono::duration_cast<std::chrono::seconds>(
               std::chrono::system_clock::now().time_since_epoch())
        .count();
}

// Modification time in seconds since 1970, 0 when the file is missing.
std::int64_t modifiedSeconds(const std::string &path) {
    struct stat info {};
    return ::stat(path.c_str(), &info) == 0 ? static_cast<std::int64_t>(info.st_mtime) : 0;
}

constexpr const char *kHeartbeatFormat = "cyclegan-studio-heartbeat";

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
    return {m_dir, configPath(), lossLogPath(), heartbeatPath(), previewsDir(), checkpointsDir()};
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

std::optional<StepReport> RunFolder::readLastLosses() const {
    std::ifstream in(lossLogPath(), std::ios::binary);
    std::string headerLine;
    if (!in || !std::getline(in, headerLine))
        return std::nullopt;
    if (!headerLine.empty() && headerLine.back() == '\r')
        headerLine.pop_back();
    const std::vector<std::string> header = splitCsvLine(headerLine);
    const std::streamoff dataStart = in.tellg();
    in.seekg(0, std::ios::end);
    const std::streamoff size = in.tellg();
    // A row is ~120 bytes: the last 16 KiB hold the last complete rows.
    const std::streamoff from = std::max(dataStart, size - static_cast<std::streamoff>(16384));
    in.seekg(from);
    std::string tail(static_cast<std::size_t>(size - from), '\0');
    in.read(tail.data(), static_cast<std::streamsize>(tail.size()));
    tail.resize(static_cast<std::size_t>(in.gcount()));
    // Complete lines only (the last one may be being written); the first may be cut.
    std::size_t end = tail.rfind('\n');
    while (end != std::string::npos && end > 0) {
        const std::size_t begin = tail.rfind('\n', end - 1);
        if (begin == std::string::npos && from != dataStart)
            break; // the first line of a tail that starts mid-file is cut
        const std::size_t start = begin == std::string::npos ? 0 : begin + 1;
        std::string line = tail.substr(start, end - start);
        if (!line.empty() && line.back() == '\r')
            line.pop_back();
        StepReport s;
        if (parseRow(header, line, s))
            return s;
        if (begin == std::string::npos)
            break;
        end = begin;
    }
    return std::nullopt;
}

std::string RunFolder::toString(RunState state) {
    switch (state) {
    case RunState::Training: return "training";
    case RunState::Paused: return "paused";
    case RunState::Stopped: return "stopped";
    case RunState::Finished: return "finished";
    case RunState::Failed: return "failed";
    }
    return "stopped";
}

void RunFolder::writeHeartbeat(const Heartbeat &beat) const {
    const nlohmann::json doc = {{"format", kHeartbeatFormat},
                                {"state", toString(beat.state)},
                                {"host", beat.host},
                                {"pid", beat.pid},
                                {"epoch", beat.epoch},
                                {"total_epochs", beat.totalEpochs},
                                {"iteration", beat.iteration},
                                {"total_iterations", beat.totalIterations},
                                {"updated", beat.updated != 0 ? beat.updated : nowSeconds()},
                                {"interval_seconds", beat.intervalSeconds},
                                {"message", beat.message}};
    writeFileAtomically(heartbeatPath(), doc.dump() + "\n");
}

std::optional<RunFolder::Heartbeat> RunFolder::readHeartbeat() const {
    const std::string text = readAllOrEmpty(heartbeatPath());
    if (text.empty())
        return std::nullopt;
    try {
        const nlohmann::json doc = nlohmann::json::parse(text);
        if (doc.value("format", std::string()) != kHeartbeatFormat)
            return std::nullopt;
        Heartbeat beat;
        const std::string state = doc.at("state").get<std::string>();
        bool known = false;
        for (RunState s : {RunState::Training, RunState::Paused, RunState::Stopped,
                           RunState::Finished, RunState::Failed})
            if (toString(s) == state) {
                beat.state = s;
                known = true;
            }
        if (!known)
            return std::nullopt;
        beat.host = doc.value("host", std::string());
        beat.pid = doc.value("pid", 0LL);
        beat.epoch = doc.value("epoch", 0);
        beat.totalEpochs = doc.value("total_epochs", 0);
        beat.iteration = doc.value("iteration", std::int64_t{0});
        beat.totalIterations = doc.value("total_iterations", std::int64_t{0});
        beat.updated = doc.at("updated").get<std::int64_t>();
        beat.intervalSeconds = doc.value("interval_seconds", kHeartbeatSeconds);
        beat.message = doc.value("message", std::string());
        return beat;
    } catch (const nlohmann::json::exception &) {
        return std::nullopt; // torn by hand or another program: as if there were none
    }
}

RunFolder::Status RunFolder::status(std::int64_t now) const {
    if (now == 0)
        now = nowSeconds();
    Status st;
    st.lockHeld = isBeingTrained();
    st.heartbeat = readHeartbeat();
    const bool active = st.heartbeat && (st.heartbeat->state == RunState::Training ||
                                         st.heartbeat->state == RunState::Paused);
    if (active) {
        std::int64_t age = now - modifiedSeconds(heartbeatPath());
        if (st.heartbeat->updated <= now + kHeartbeatStaleSeconds)
            age = std::min(age, now - st.heartbeat->updated);
        st.heartbeatAlive = age < kHeartbeatStaleSeconds;
    }
    if (st.lockHeld || st.heartbeatAlive) {
        st.state = active && st.heartbeat->state == RunState::Paused ? RunState::Paused
                                                                     : RunState::Training;
        return st;
    }
    if (st.heartbeat) {
        if (active) {
            const std::time_t last = static_cast<std::time_t>(
                std::max(st.heartbeat->updated, modifiedSeconds(heartbeatPath())));
            char when[32] = "?";
            std::strftime(when, sizeof when, "%Y-%m-%d %H:%M:%S UTC", std::gmtime(&last));
            st.state = RunState::Failed;
            st.detail = "No heartbeat since " + std::string(when) + ": the training (" +
                        st.heartbeat->host + ", process " + std::to_string(st.heartbeat->pid) +
                        ") ended without saying so (killed, crashed, or its machine or the "
                        "connection to this folder went down)";
        } else {
            st.state = st.heartbeat->state;
            st.detail = st.heartbeat->message;
        }
        return st;
    }
    // No heartbeat: a run of an earlier version, or of another program.
    st.state = RunState::Stopped;
    try {
        const int total = readOptions().totalEpochs();
        int done = 0;
        for (const CheckpointInfo &c : listCheckpoints(m_dir))
            done = std::max(done, c.epoch);
        if (total > 0 && done >= total)
            st.state = RunState::Finished;
    } catch (const std::exception &) {
        // no options or no readable checkpoint: stopped
    }
    return st;
}

RunFolder::Summary RunFolder::summary(std::int64_t now) const {
    Summary sum;
    sum.status = status(now);
    try {
        sum.totalEpochs = readOptions().totalEpochs();
    } catch (const std::exception &) {
    }
    try {
        for (const CheckpointInfo &c : listCheckpoints(m_dir)) {
            sum.checkpointTags.push_back(c.tag);
            sum.epoch = std::max(sum.epoch, c.epoch);
            sum.iteration = std::max(sum.iteration, c.iteration);
        }
    } catch (const std::exception &) {
    }
    sum.lastLosses = readLastLosses();
    if (sum.lastLosses) {
        sum.epoch = sum.lastLosses->epoch;
        sum.iteration = std::max(sum.iteration, sum.lastLosses->iteration);
    }
    for (const std::string &path : {m_dir, configPath(), lossLogPath(), heartbeatPath(),
                                     checkpointsDir(), previewsDir()})
        sum.modified = std::max(sum.modified, modifiedSeconds(path));
    const std::vector<std::string> shots = previews();
    if (!shots.empty())
        sum.latestPreview = shots.back();
    return sum;
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
    const std::string base = m_dir + "/rescued/" + tag + name;
    std::error_code ec;
    std::string dir = base;
    for (int n = 2; fs::exists(dir, ec); ++n)
        dir = base + "_" + std::to_string(n);
    return dir;
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

std::optional<RunFolder::PreviewPosition> RunFolder::previewPosition(const std::string &path) {
    const std::string name = fs::path(path).filename().string();
    int epoch = 0;
    long long iteration = 0;
    int consumed = 0;
    if (std::sscanf(name.c_str(), "epoch%d_iter%lld%n", &epoch, &iteration, &consumed) != 2 ||
        consumed == 0 || (name[static_cast<std::size_t>(consumed)] != '.' &&
                          name[static_cast<std::size_t>(consumed)] != '\0'))
        return std::nullopt;
    return PreviewPosition{epoch, static_cast<std::int64_t>(iteration)};
}

} // namespace cgs
