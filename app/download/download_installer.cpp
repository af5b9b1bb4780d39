#include "app/download/download_installer.h"

#include "app/download/zip_unpacker.h"
#include "core/engine/error.h"
#include "core/engine/translate/translator.h"
#include "core/imageio/dataset_scan.h"

#include <filesystem>
#include <system_error>

namespace cgs::download {

namespace fs = std::filesystem;

namespace {

bool hasDomains(const fs::path &folder)
{
    std::error_code ec;
    return fs::is_directory(folder / "trainA", ec) && fs::is_directory(folder / "trainB", ec);
}

// The official zips hold one folder named after the dataset; accept the domains at the top too.
fs::path findDatasetRoot(const fs::path &unpacked, const std::string &archive)
{
    if (hasDomains(unpacked))
        return unpacked;
    for (const auto &entry : fs::directory_iterator(unpacked))
        if (entry.is_directory() && hasDomains(entry.path()))
            return entry.path();
    throw DatasetError("'" + archive + "' holds no dataset: expected the folders trainA/ and trainB/");
}

void renameOrThrow(const fs::path &from, const fs::path &to)
{
    std::error_code ec;
    fs::rename(from, to, ec);
    if (ec)
        throw IoError("Cannot move '" + from.string() + "' to '" + to.string() + "': " + ec.message());
}

} // namespace

void installModel(const std::string &partFile, const std::string &finalFile)
{
    try {
        TranslatorOptions options;
        options.model = partFile;
        options.device = "cpu";
        const Translator translator(options); // loads every weight: a damaged file throws here
    } catch (const CheckpointError &e) {
        std::error_code ignored;
        fs::remove(partFile, ignored);
        throw CheckpointError("The downloaded file is not a CycleGAN generator: " + std::string(e.what()));
    }
    renameOrThrow(partFile, finalFile);
}

void installDataset(const std::string &partFile, const std::string &finalFolder,
                    const std::atomic<bool> *cancel)
{
    const fs::path target(finalFolder);
    const fs::path temporary = target.parent_path() / ("." + target.filename().string() + ".unpacking");
    std::error_code ignored;
    fs::remove_all(temporary, ignored);
    try {
        unpackZip(partFile, temporary.string(), cancel);
        const fs::path root = findDatasetRoot(temporary, partFile);
        requireImageFiles((root / "trainA").string());
        requireImageFiles((root / "trainB").string());
        fs::remove_all(target, ignored); // an incomplete folder (it had no trainA/trainB)
        renameOrThrow(root, target);
    } catch (const DatasetError &) {
        fs::remove_all(temporary, ignored);
        fs::remove(partFile, ignored); // damaged: a resume would not repair it
        throw;
    } catch (...) {
        fs::remove_all(temporary, ignored);
        throw;
    }
    fs::remove_all(temporary, ignored);
    fs::remove(partFile, ignored);
}

} // namespace cgs::download
