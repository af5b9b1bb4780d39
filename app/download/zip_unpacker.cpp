#include "app/download/zip_unpacker.h"

#include "core/engine/error.h"

#include <zip.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <memory>
#include <vector>

namespace cgs::download {

namespace fs = std::filesystem;

namespace {

bool isSafeEntryName(const std::string &name)
{
    if (name.empty() || name.front() == '/' || name.find('\\') != std::string::npos ||
        name.find(':') != std::string::npos)
        return false;
    for (const auto &part : fs::path(name))
        if (part == "..")
            return false;
    return true;
}

struct ZipCloser {
    void operator()(zip_t *archive) const { zip_discard(archive); }
};
struct ZipFileCloser {
    void operator()(zip_file_t *file) const { zip_fclose(file); }
};
struct StdioCloser {
    void operator()(std::FILE *file) const { std::fclose(file); }
};

std::string writeFailure(const fs::path &path, int error)
{
    const bool full = error == ENOSPC || error == EFBIG || error == EDQUOT;
    return "Cannot write '" + path.string() + "': " +
           (full ? "the disk is full (" + std::string(std::strerror(error)) + ")"
                 : std::string(std::strerror(error)));
}

void extractEntry(zip_t *archive, zip_uint64_t index, const std::string &archivePath,
                  const fs::path &target)
{
    std::unique_ptr<zip_file_t, ZipFileCloser> in(zip_fopen_index(archive, index, 0));
    if (!in)
        throw DatasetError("Cannot read '" + archivePath + "': " + zip_strerror(archive));
    fs::create_directories(target.parent_path());
    errno = 0;
    std::unique_ptr<std::FILE, StdioCloser> out(std::fopen(target.c_str(), "wb"));
    if (!out)
        throw IoError(writeFailure(target, errno));
    std::vector<char> buffer(1 << 16);
    for (;;) {
        const zip_int64_t n = zip_fread(in.get(), buffer.data(), buffer.size());
        if (n < 0)
            throw DatasetError("Cannot read '" + archivePath + "': " +
                               zip_file_strerror(in.get()));
        if (n == 0)
            break;
        errno = 0;
        if (std::fwrite(buffer.data(), 1, size_t(n), out.get()) != size_t(n))
            throw IoError(writeFailure(target, errno));
    }
    errno = 0;
    if (std::fclose(out.release()) != 0)
        throw IoError(writeFailure(target, errno));
}

} // namespace

void unpackZip(const std::string &archivePath, const std::string &folder,
               const std::atomic<bool> *cancel)
{
    int error = 0;
    std::unique_ptr<zip_t, ZipCloser> archive(zip_open(archivePath.c_str(), ZIP_RDONLY | ZIP_CHECKCONS, &error));
    if (!archive) {
        zip_error_t details;
        zip_error_init_with_code(&details, error);
        const std::string cause = zip_error_strerror(&details);
        zip_error_fini(&details);
        throw DatasetError("'" + archivePath + "' is not a readable zip archive: " + cause);
    }
    const fs::path root(folder);
    fs::create_directories(root);
    const zip_int64_t count = zip_get_num_entries(archive.get(), 0);
    for (zip_int64_t i = 0; i < count; ++i) {
        if (cancel && cancel->load())
            throw Cancelled();
        const char *raw = zip_get_name(archive.get(), zip_uint64_t(i), 0);
        const std::string name = raw ? raw : "";
        if (!isSafeEntryName(name))
            throw DatasetError("'" + archivePath + "' holds an entry outside its folder: '" + name + "'");
        if (name.back() == '/')
            fs::create_directories(root / name);
        else
            extractEntry(archive.get(), zip_uint64_t(i), archivePath, root / name);
    }
}

} // namespace cgs::download
