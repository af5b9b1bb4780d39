#include "core/engine/metrics/metrics_log.h"

#include "core/engine/atomic_file.h"
#include "core/engine/csv_line.h"
#include "core/engine/error.h"

#include <algorithm>
#include <cstdio>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>

namespace cgs {
namespace {

std::string number(double value) {
    if (std::isnan(value))
        return "";
    char text[32];
    std::snprintf(text, sizeof text, "%.9g", value);
    return text;
}

double parseNumber(const std::string &cell) {
    if (cell.empty())
        return NAN;
    try {
        return std::stod(cell);
    } catch (const std::exception &) {
        return NAN;
    }
}

long long parseInteger(const std::string &cell, long long fallback) {
    try {
        return cell.empty() ? fallback : std::stoll(cell);
    } catch (const std::exception &) {
        return fallback;
    }
}

std::string rowText(const MetricsRow &r) {
    std::ostringstream s;
    s << r.checkpoint << ',' << r.epoch << ',' << r.iteration << ',' << r.direction << ','
      << r.images << ',' << r.referenceImages << ',' << r.skipped << ',' << number(r.fid) << ','
      << number(r.kid) << ',' << number(r.kidStd) << ',' << number(r.swd) << ','
      << r.inceptionWeights << ',' << r.time;
    return s.str();
}

} // namespace

MetricsLog::MetricsLog(std::string runDir) : m_runDir(std::move(runDir)) {}

std::string MetricsLog::path() const { return m_runDir + "/" + kFileName; }

std::string MetricsLog::header() {
    return "checkpoint,epoch,iteration,direction,images,reference_images,skipped,fid,kid,"
           "kid_std,swd,inception_weights,time";
}

std::string MetricsLog::utcNow() {
    const std::time_t now = std::time(nullptr);
    std::tm utc{};
    gmtime_r(&now, &utc);
    char text[32];
    std::strftime(text, sizeof text, "%Y-%m-%dT%H:%M:%SZ", &utc);
    return text;
}

void MetricsLog::append(const std::vector<MetricsRow> &rows) const {
    std::error_code ec;
    if (!std::filesystem::exists(path(), ec))
        appendLine(path(), header());
    for (const MetricsRow &row : rows)
        appendLine(path(), rowText(row));
}

std::vector<MetricsRow> MetricsLog::read() const {
    std::ifstream in(path(), std::ios::binary);
    if (!in)
        return {};
    std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    const size_t complete = text.rfind('\n');
    text = complete == std::string::npos ? "" : text.substr(0, complete + 1);
    std::istringstream lines(text);
    std::string line;
    if (!std::getline(lines, line))
        return {};
    std::map<std::string, size_t> column;
    const std::vector<std::string> names = splitCsvLine(line);
    for (size_t i = 0; i < names.size(); ++i)
        column[names[i]] = i;
    if (!column.count("checkpoint") || !column.count("direction"))
        throw CheckpointError("'" + path() + "' is not a metrics file: its header '" + line +
                              "' has no checkpoint and direction columns");
    std::vector<MetricsRow> rows;
    while (std::getline(lines, line)) {
        const std::vector<std::string> cells = splitCsvLine(line);
        auto cell = [&](const char *name) -> std::string {
            auto it = column.find(name);
            return it != column.end() && it->second < cells.size() ? cells[it->second] : "";
        };
        MetricsRow r;
        r.checkpoint = cell("checkpoint");
        r.direction = cell("direction");
        if (r.checkpoint.empty() || r.direction.empty())
            continue;
        r.epoch = static_cast<int>(parseInteger(cell("epoch"), -1));
        r.iteration = parseInteger(cell("iteration"), -1);
        r.images = static_cast<int>(parseInteger(cell("images"), 0));
        r.referenceImages = static_cast<int>(parseInteger(cell("reference_images"), 0));
        r.skipped = static_cast<int>(parseInteger(cell("skipped"), 0));
        r.fid = parseNumber(cell("fid"));
        r.kid = parseNumber(cell("kid"));
        r.kidStd = parseNumber(cell("kid_std"));
        r.swd = parseNumber(cell("swd"));
        r.inceptionWeights = cell("inception_weights");
        r.time = cell("time");
        rows.push_back(r);
    }
    return rows;
}

std::vector<MetricsRow> MetricsLog::latestRows(const std::vector<MetricsRow> &rows) {
    std::map<std::pair<std::string, std::string>, MetricsRow> last;
    for (const MetricsRow &r : rows)
        last[{r.checkpoint, r.direction}] = r;
    std::vector<MetricsRow> out;
    for (auto &entry : last)
        out.push_back(entry.second);
    std::stable_sort(out.begin(), out.end(), [](const MetricsRow &a, const MetricsRow &b) {
        return std::tie(a.epoch, a.checkpoint, a.direction) <
               std::tie(b.epoch, b.checkpoint, b.direction);
    });
    return out;
}

} // namespace cgs
