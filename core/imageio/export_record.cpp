#include "core/imageio/export_record.h"

#include "core/engine/atomic_file.h"
#include "core/engine/error.h"

#include <nlohmann/json.hpp>

#include <filesystem>

namespace cgs {
namespace fs = std::filesystem;

namespace {
const char *const kFormat = "cyclegan-studio-export";
} // namespace

ExportRecord::ExportRecord(std::string outputDir) : m_dir(std::move(outputDir)) {
    const fs::path file = fs::path(m_dir) / kFileName;
    std::error_code ec;
    if (!fs::is_regular_file(file, ec))
        return;
    try {
        const nlohmann::json record = nlohmann::json::parse(readFile(file.string()));
        if (!record.is_object() || record.value("format", "") != kFormat)
            return;
        const auto outputs = record.find("outputs");
        if (outputs == record.end() || !outputs->is_object())
            return;
        for (const auto &[name, producer] : outputs->items())
            if (producer.is_string())
                m_outputs[name] = producer.get<std::string>();
    } catch (const std::exception &) {
        m_outputs.clear(); // a damaged record: as if there were none
    }
}

std::string ExportRecord::key(const std::string &output) const {
    return fs::path(output).lexically_normal().lexically_relative(
                                                   fs::path(m_dir).lexically_normal())
        .generic_string();
}

std::optional<std::string> ExportRecord::producerOf(const std::string &output) const {
    const auto it = m_outputs.find(key(output));
    if (it == m_outputs.end())
        return std::nullopt;
    return it->second;
}

void ExportRecord::record(const std::string &output, const std::string &producer) {
    m_outputs[key(output)] = producer;
    m_changed = true;
}

void ExportRecord::save() const {
    if (!m_changed)
        return;
    nlohmann::json outputs = nlohmann::json::object();
    for (const auto &[name, producer] : m_outputs)
        outputs[name] = producer;
    const nlohmann::json record = {{"format", kFormat}, {"outputs", outputs}};
    writeFileAtomically((fs::path(m_dir) / kFileName).string(), record.dump(1));
}

} // namespace cgs
