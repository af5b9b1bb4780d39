#include "core/imageio/file_io.h"

#include "core/engine/error.h"

#include <cerrno>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <fcntl.h>
#include <random>
#include <sys/stat.h>
#include <unistd.h>

namespace cgs {
namespace {

std::string randomSuffix() {
    // random_device alone may be slow or deterministic on some platforms; mixing in the pid
    // and an address keeps concurrent writers in different processes apart.
    static thread_local std::mt19937_64 rng(std::random_device{}() ^
                                            (static_cast<std::uint64_t>(::getpid()) << 32) ^
                                            reinterpret_cast<std::uintptr_t>(&rng));
    char text[17];
    std::snprintf(text, sizeof text, "%016llx", static_cast<unsigned long long>(rng()));
    return text;
}

std::string parentFolder(const std::string &path) {
    const auto slash = path.find_last_of('/');
    if (slash == std::string::npos)
        return ".";
    return slash == 0 ? "/" : path.substr(0, slash);
}

bool writeAll(int fd, const std::vector<std::uint8_t> &bytes) {
    std::size_t done = 0;
    while (done < bytes.size()) {
        const ssize_t n = ::write(fd, bytes.data() + done, bytes.size() - done);
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0) {
            if (n == 0)
                errno = EIO;
            return false;
        }
        done += static_cast<std::size_t>(n);
    }
    return true;
}

void syncFolder(const std::string &folder) {
    // Makes the rename itself durable; failure here is harmless for correctness (the data
    // file is already synced), so it is not reported.
    const int fd = ::open(folder.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (fd >= 0) {
        ::fsync(fd);
        ::close(fd);
    }
}

} // namespace

void writeBytesAtomically(const std::string &path, const std::vector<std::uint8_t> &bytes,
                          const std::string &what) {
    const auto fail = [&](int error) {
        throw IoError("Cannot " + what + " '" + path + "': " + std::strerror(error));
    };
    if (path.empty())
        throw IoError("Cannot " + what + ": the path is empty");
    const std::string part = path + ".part-" + randomSuffix();
    const int fd = ::open(part.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0666);
    if (fd < 0)
        fail(errno);
    const bool written = writeAll(fd, bytes) && ::fsync(fd) == 0;
    int error = errno;
    const bool closed = ::close(fd) == 0;
    if (written && !closed)
        error = errno;
    if (!written || !closed || ::rename(part.c_str(), path.c_str()) != 0) {
        if (written && closed)
            error = errno;
        ::unlink(part.c_str());
        fail(error);
    }
    syncFolder(parentFolder(path));
}

std::vector<std::uint8_t> readFileBytes(const std::string &path, const std::string &what) {
    const auto fail = [&](const std::string &cause) {
        throw DatasetError("Cannot " + what + " '" + path + "': " + cause);
    };
    const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0)
        fail(std::string("cannot open file (") + std::strerror(errno) + ")");
    struct stat info {};
    if (::fstat(fd, &info) != 0 || S_ISDIR(info.st_mode)) {
        ::close(fd);
        fail("not a regular file");
    }
    if (info.st_size > INT32_MAX) { // the decoder cannot take it; do not read it all first
        ::close(fd);
        fail("file is larger than 2 GiB");
    }
    std::vector<std::uint8_t> bytes;
    bytes.reserve(static_cast<std::size_t>(info.st_size));
    std::uint8_t buffer[1 << 16];
    for (;;) {
        const ssize_t n = ::read(fd, buffer, sizeof buffer);
        if (n < 0 && errno == EINTR)
            continue;
        if (n < 0) {
            const int error = errno;
            ::close(fd);
            fail(std::string("read failed (") + std::strerror(error) + ")");
        }
        if (n == 0)
            break;
        bytes.insert(bytes.end(), buffer, buffer + n);
    }
    ::close(fd);
    return bytes;
}

} // namespace cgs
