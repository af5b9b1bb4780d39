#include "core/engine/atomic_file.h"

#include "core/engine/error.h"

#include <fcntl.h>
#include <unistd.h>

#include <cstdint>
#include <random>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <sstream>

namespace cgs {
namespace {

[[noreturn]] void fail(const std::string &what, const std::string &path, int err) {
    throw IoError("Cannot " + what + " '" + path + "': " + std::strerror(err));
}

std::string temporaryName(const std::string &path) {
    // pid + a per-process random stream: concurrent writers (threads or processes) never share
    // a temporary file, and O_EXCL below makes sure of it.
    static thread_local std::mt19937_64 rng(std::random_device{}() ^
                                            (static_cast<std::uint64_t>(::getpid()) << 32));
    char text[17];
    std::snprintf(text, sizeof text, "%016llx", static_cast<unsigned long long>(rng()));
    return path + ".part-" + text;
}

std::string parentFolder(const std::string &path) {
    const auto slash = path.find_last_of('/');
    if (slash == std::string::npos)
        return ".";
    return slash == 0 ? "/" : path.substr(0, slash);
}

void writeAll(int fd, const char *p, size_t left, const std::string &what, const std::string &path) {
    while (left > 0) {
        const ssize_t n = ::write(fd, p, left);
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0)
            fail(what, path, n == 0 ? EIO : errno);
        p += n;
        left -= static_cast<size_t>(n);
    }
}

} // namespace

void writeFileAtomically(const std::string &path, const void *data, std::size_t size,
                         const std::string &what) {
    if (path.empty())
        throw IoError("Cannot " + what + ": the path is empty");
    const std::string tmp = temporaryName(path);
    const int fd = ::open(tmp.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0644);
    if (fd < 0)
        fail(what, path, errno);
    try {
        writeAll(fd, static_cast<const char *>(data), size, what, path);
        if (::fsync(fd) != 0)
            fail(what, path, errno);
    } catch (...) {
        ::close(fd);
        ::unlink(tmp.c_str());
        throw;
    }
    if (::close(fd) != 0 || std::rename(tmp.c_str(), path.c_str()) != 0) {
        const int err = errno;
        ::unlink(tmp.c_str());
        fail(what, path, err);
    }
    syncFolder(parentFolder(path)); // makes the rename itself durable
}

void writeFileAtomically(const std::string &path, const std::string &contents) {
    writeFileAtomically(path, contents.data(), contents.size(), "write");
}

void appendLine(const std::string &path, const std::string &line) {
    const int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0644);
    if (fd < 0)
        fail("append to", path, errno);
    try {
        const std::string text = line + "\n";
        writeAll(fd, text.data(), text.size(), "append to", path);
    } catch (...) {
        ::close(fd);
        throw;
    }
    ::close(fd);
}

std::string readFile(const std::string &path) {
    std::ifstream in(path, std::ios::binary);
    if (!in)
        fail("read", path, errno ? errno : ENOENT);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

void syncFile(const std::string &path) {
    const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0)
        fail("open", path, errno);
    const int rc = ::fsync(fd);
    const int err = errno;
    ::close(fd);
    if (rc != 0)
        fail("flush", path, err);
}

void syncFolder(const std::string &path) {
    const int fd = ::open(path.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (fd >= 0) {
        ::fsync(fd);
        ::close(fd);
    }
}

std::string fileChecksum(const std::string &path) {
    std::ifstream in(path, std::ios::binary);
    if (!in)
        fail("read", path, errno ? errno : ENOENT);
    std::uint64_t h = 1469598103934665603ULL;
    char buf[1 << 16];
    while (in) {
        in.read(buf, sizeof buf);
        for (std::streamsize i = 0; i < in.gcount(); ++i) {
            h ^= static_cast<unsigned char>(buf[i]);
            h *= 1099511628211ULL;
        }
    }
    char hex[17];
    std::snprintf(hex, sizeof hex, "%016llx", static_cast<unsigned long long>(h));
    return hex;
}

} // namespace cgs
