#include "core/imageio/dataset_scan.h"

#include "core/engine/error.h"
#include "core/imageio/image_codec.h"
#include "core/imageio/image_gate.h"
#include "core/imageio/image_header.h"

#include <algorithm>
#include <cerrno>
#include <cstdint>
#include <cstring>
#include <filesystem>
#include <fstream>
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

std::string unreadableImageCause(const std::string &path) {
    std::ifstream in(path, std::ios::binary);
    if (!in)
        return "Cannot read image '" + path + "': " + std::strerror(errno ? errno : ENOENT);
    std::vector<std::uint8_t> head(4096);
    in.read(reinterpret_cast<char *>(head.data()), static_cast<std::streamsize>(head.size()));
    head.resize(static_cast<std::size_t>(in.gcount()));
    if (head.empty())
        return "Cannot read image '" + path + "': file is empty (0 bytes)";
    if (probeImageHeader(head.data(), head.size()).format != ImageFormat::Unknown)
        return {};
    const std::string foreign = foreignFormatName(head.data(), head.size());
    return "Cannot read image '" + path + "': not an image in a supported format (" +
           supportedFormatList() + "): " +
           (foreign.empty() ? "unknown content" : "looks like " + foreign);
}

std::vector<std::string> scanDomain(const TrainOptions &options, Domain domain,
                                    std::vector<std::string> *leftOut) {
    const std::string folder = domainFolder(options, domain);
    std::vector<std::string> files = requireImageFiles(folder, Recursion::IncludeSubfolders);
    std::vector<std::string> readable, refused;
    for (auto &file : files) {
        std::string cause = unreadableImageCause(file);
        if (cause.empty())
            readable.push_back(std::move(file));
        else
            refused.push_back(std::move(cause) + " (left out of the dataset)");
    }
    if (readable.empty())
        throw DatasetError("Folder '" + folder + "' has no readable image: all " +
                           std::to_string(refused.size()) + " image files were refused, the " +
                           "first: " + refused.front());
    if (options.maxDatasetSize >= 0 &&
        readable.size() > static_cast<std::size_t>(options.maxDatasetSize))
        readable.resize(static_cast<std::size_t>(options.maxDatasetSize));
    if (leftOut)
        leftOut->insert(leftOut->end(), refused.begin(), refused.end());
    return readable;
}

} // namespace cgs
