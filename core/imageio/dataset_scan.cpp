#include "core/imageio/dataset_scan.h"

#include "core/engine/error.h"
#include "core/imageio/image_codec.h"

#include <algorithm>
#include <filesystem>
#include <system_error>

namespace fs = std::filesystem;

namespace cgs {
namespace {

bool isHidden(const fs::path &path) {
    const std::string name = path.filename().string();
    return !name.empty() && name[0] == '.';
}

void checkFolder(const std::string &folder) {
    std::error_code ec;
    const fs::file_status status = fs::status(folder, ec);
    if (status.type() == fs::file_type::not_found || (ec && !fs::exists(status)))
        throw DatasetError("Folder '" + folder + "' does not exist");
    if (ec)
        throw DatasetError("Cannot list folder '" + folder + "': " + ec.message());
    if (!fs::is_directory(status))
        throw DatasetError("'" + folder + "' is not a folder");
}

// The iterators build entry paths as folder / name, so the folder string is a prefix; cutting
// it keeps the caller's spelling of the folder (relative or absolute) in the result.
std::string relativeTo(const std::string &folder, const fs::path &path) {
    const std::string full = path.generic_string();
    std::size_t cut = folder.size();
    if (cut < full.size() && full[cut] == '/')
        ++cut;
    return full.substr(std::min(cut, full.size()));
}

void addIfAccepted(const fs::directory_entry &entry, const std::string &folder,
                   const std::function<bool(const std::string &)> &accept,
                   std::vector<std::string> &files) {
    std::error_code ec;
    if (isHidden(entry.path()) || !entry.is_regular_file(ec) || !accept(entry.path()))
        return;
    const std::string separator = !folder.empty() && folder.back() == '/' ? "" : "/";
    files.push_back(folder + separator + relativeTo(folder, entry.path()));
}

} // namespace

const char *toString(Domain domain) {
    return domain == Domain::A ? "A" : "B";
}

std::vector<std::string> listImageFiles(const std::string &folder, Recursion recursion) {
    return listFiles(folder, recursion, [](const std::string &path) { return isImageFile(path); });
}

std::vector<std::string> listFiles(const std::string &folder, Recursion recursion,
                                   const std::function<bool(const std::string &)> &accept) {
    checkFolder(folder);
    std::vector<std::string> files;
    std::error_code ec;
    if (recursion == Recursion::TopLevelOnly) {
        for (fs::directory_iterator it(folder, ec), end; !ec && it != end; it.increment(ec))
            addIfAccepted(*it, folder, accept, files);
    } else {
        fs::recursive_directory_iterator it(folder, fs::directory_options::none, ec), end;
        for (; !ec && it != end; it.increment(ec)) {
            if (it->is_directory() && isHidden(it->path())) {
                it.disable_recursion_pending();
                continue;
            }
            addIfAccepted(*it, folder, accept, files);
        }
    }
    if (ec)
        throw DatasetError("Cannot list folder '" + folder + "': " + ec.message());
    std::sort(files.begin(), files.end());
    return files;
}

std::vector<std::string> requireImageFiles(const std::string &folder, Recursion recursion) {
    std::vector<std::string> files = listImageFiles(folder, recursion);
    if (files.empty())
        throw DatasetError("Folder '" + folder + "' has no images (looked for " +
                           imageExtensionList() + ")");
    return files;
}

std::string domainFolder(const TrainOptions &options, Domain domain) {
    const std::string &explicitDir = domain == Domain::A ? options.dirA : options.dirB;
    if (!explicitDir.empty())
        return explicitDir;
    std::string root = options.dataroot.empty() ? "." : options.dataroot;
    if (root.back() != '/')
        root += '/';
    return root + options.phase + toString(domain);
}

std::vector<std::string> scanDomain(const TrainOptions &options, Domain domain) {
    std::vector<std::string> files =
        requireImageFiles(domainFolder(options, domain), Recursion::IncludeSubfolders);
    if (options.maxDatasetSize >= 0 &&
        files.size() > static_cast<std::size_t>(options.maxDatasetSize))
        files.resize(static_cast<std::size_t>(options.maxDatasetSize));
    return files;
}

} // namespace cgs
