#include "core/engine/atomic_file.h"

#include "core/engine/error.h"

#include <fcntl.h>
#include <unistd.h>

#include <atomic>
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
    static std::atomic<unsigned> counter{0};
    return path + ".tmp-" + std::to_string(::getpid()) + "-" + std::to_string(counter++);
}

void writeAll(int fd, const std::string &contents, const std::string &path) {
    const char *p = contents.data();
    size_t left = contents.size();
    while (left > 0) {
        const ssize_t n = ::write(fd, p, left);
        if (n < 0 && errno == EINTR)
            continue;
        if (n < 0)
            fail("write", path, errno);
        p += n;
        left -= static_cast<size_t>(n);
    }
}

} // namespace

void writeFileAtomically(const std::string &path, const std::string &contents) {
    const std::string tmp = temporaryName(path);
    const int fd = ::open(tmp.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
    if (fd < 0)
        fail("write", path, errno);
    try {
        writeAll(fd, contents, path);
        if (::fsync(fd) != 0)
            fail("write", path, errno);
    } catch (...) {
        ::close(fd);
        ::unlink(tmp.c_str());
        throw;
    }
    if (::close(fd) != 0) {
        const int err = errno;
        ::unlink(tmp.c_str());
        fail("write", path, err);
    }
    if (std::rename(tmp.c_str(), path.c_str()) != 0) {
        const int err = errno;
        ::unlink(tmp.c_str());
        fail("rename into", path, err);
    }
}

void appendLine(const std::string &path, const std::string &line) {
    const int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0644);
    if (fd < 0)
        fail("append to", path, errno);
    try {
        writeAll(fd, line + "\n", path);
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
