#pragma once

#include <map>
#include <optional>
#include <string>

namespace cgs {

// Which model made each output of an export folder: <outputDir>/.cyclegan-export.json, this
// unit its only reader and writer. An export that finds an output already there skips it only
// when the same model made it (or when nothing is recorded for it: outputs of earlier builds
// and of other tools), so that exporting again into a folder with another model or direction
// never passes the other model's results off as its own.
//
// Format: {"format": "cyclegan-studio-export", "outputs": {"<path relative to the folder>":
// "<producer>", ...}}; the producer is producerOf() of translator.h ("<model> [<tag>,
// iteration N] AtoB"). Not thread-safe: one exporter uses one record.
class ExportRecord {
public:
    static constexpr const char *kFileName = ".cyclegan-export.json";

    // Reads the record of `outputDir` when there is one. Never throws: a missing, unreadable
    // or damaged record reads as empty (every output then counts as not recorded).
    explicit ExportRecord(std::string outputDir);

    // The producer recorded for the output file `output` (a path inside the folder), or
    // nothing when none is.
    std::optional<std::string> producerOf(const std::string &output) const;
    void record(const std::string &output, const std::string &producer);

    // Writes the record atomically (nothing when nothing was recorded). Throws IoError naming
    // the file.
    void save() const;

private:
    std::string key(const std::string &output) const;

    std::string m_dir;
    std::map<std::string, std::string> m_outputs;
    bool m_changed = false;
};

} // namespace cgs
