#include "core/engine/train/run_lock.h"

#include "core/engine/error.h"

#include <cerrno>
#include <chrono>
#include <cstring>
#include <filesystem>
#include <string>
#include <system_error>
#include <thread>

#include <fcntl.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

namespace cgs {
namespace fs = std::filesystem;

namespace {

std::string readHolder(int fd) {
    char buffer[256] = {};
    const ssize_t n = ::pread(fd, buffer, sizeof buffer - 1, 0);
    if (n <= 0)
        return {};
    std::string text(buffer, static_cast<std::size_t>(n));
    while (!text.empty() && (text.back() == '\n' || text.back() == ' '))
        text.pop_back();
    return text;
}

void writeHolder(int fd) {
    char host[128] = {};
    if (::gethostname(host, sizeof host - 1) != 0)
        std::strcpy(host, "?");
    const std::string text = "pid " + std::to_string(::getpid()) + " on " + host + "\n";
    if (::ftruncate(fd, 0) == 0) {
        // Informational only: a short write costs nothing but a vaguer refusal message.
        [[maybe_unused]] const ssize_t n = ::pwrite(fd, text.data(), text.size(), 0);
    }
}

} // namespace

RunLock::RunLock(const std::string &runDir) : m_dir(runDir) {
    std::error_code ec;
    if (!fs::is_directory(runDir, ec)) {
        m_createdFolder = fs::create_directories(runDir, ec);
        if (ec)
            throw IoError("Cannot create the run folder '" + runDir + "': " + ec.message());
    }
    const std::string path = lockPath(runDir);
    for (int attempt = 0;; ++attempt) {
        // O_EXCL first, to know whether this lock made the file (a refused start removes it).
        int fd = ::open(path.c_str(), O_RDWR | O_CREAT | O_EXCL | O_CLOEXEC, 0644);
        const bool created = fd >= 0;
        if (fd < 0 && errno == EEXIST)
            fd = ::open(path.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0644);
        if (fd < 0)
            throw IoError("Cannot open the run lock '" + path + "': " + std::strerror(errno));
        // isHeld() probes with a shared lock held for an instant: a few short retries keep
        // such a probe from being mistaken for another training.
        int rc;
        for (int tries = 0;; ++tries) {
            do {
                rc = ::flock(fd, LOCK_EX | LOCK_NB);
            } while (rc != 0 && errno == EINTR);
            if (rc == 0 || errno != EWOULDBLOCK || tries >= 10)
                break;
            std::this_thread::sleep_for(std::chrono::milliseconds(5));
        }
        if (rc != 0) {
            const int err = errno;
            const std::string holder = err == EWOULDBLOCK ? readHolder(fd) : std::string();
            ::close(fd);
            if (err == EWOULDBLOCK)
                throw ConfigError("Run folder '" + runDir + "' is in use by another training" +
                                  (holder.empty() ? std::string() : " (" + holder + ")") +
                                  ": wait for it to finish or stop it, or choose another --name");
            if (err == ENOLCK || err == EOPNOTSUPP || err == ENOSYS) {
                ::close(fd);
                // Some network and FUSE file systems have no locks: train anyway, and say so.
                m_warning = "The file system of run folder '" + runDir +
                            "' does not support locks (" + std::strerror(err) +
                            "): a second training of this run would not be refused";
                return;
            }
            throw IoError("Cannot lock the run folder '" + runDir + "': " + std::strerror(err));
        }
        // A holder that gave up on a folder it had just created removes the lock file; if we
        // locked that unlinked file, the lock protects nothing: open the path again.
        struct stat held {}, named {};
        if (::fstat(fd, &held) == 0 && ::stat(path.c_str(), &named) == 0 &&
            held.st_dev == named.st_dev && held.st_ino == named.st_ino) {
            m_fd = fd;
            m_createdLockFile = created;
            break;
        }
        ::close(fd);
        if (attempt >= 10)
            throw IoError("Cannot lock the run folder '" + runDir +
                          "': its lock file keeps disappearing");
        if (!fs::is_directory(runDir, ec) && !fs::create_directories(runDir, ec) && ec)
            throw IoError("Cannot create the run folder '" + runDir + "': " + ec.message());
    }
    writeHolder(m_fd);
}

RunLock::~RunLock() { release(); }

RunLock::RunLock(RunLock &&other) noexcept
    : m_fd(other.m_fd), m_dir(std::move(other.m_dir)), m_warning(std::move(other.m_warning)),
      m_createdFolder(other.m_createdFolder), m_createdLockFile(other.m_createdLockFile) {
    other.m_fd = -1;
}

RunLock &RunLock::operator=(RunLock &&other) noexcept {
    if (this != &other) {
        release();
        m_fd = other.m_fd;
        m_dir = std::move(other.m_dir);
        m_warning = std::move(other.m_warning);
        m_createdFolder = other.m_createdFolder;
        m_createdLockFile = other.m_createdLockFile;
        other.m_fd = -1;
    }
    return *this;
}

bool RunLock::isHeld(const std::string &runDir) {
    const int fd = ::open(lockPath(runDir).c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0)
        return false;
    int rc;
    do {
        rc = ::flock(fd, LOCK_SH | LOCK_NB);
    } while (rc != 0 && errno == EINTR);
    const bool held = rc != 0 && errno == EWOULDBLOCK;
    ::close(fd); // drops the probe's shared lock, if taken
    return held;
}

void RunLock::release(Cleanup cleanup) {
    if (m_fd < 0)
        return;
    if (cleanup == Cleanup::RemoveCreatedFolder && (m_createdFolder || m_createdLockFile)) {
        // Still holding the lock, so no other training is using the folder: remove the lock
        // file this lock made (a refused start leaves no trace, also in an official run
        // folder, which is only read), then the folder if this lock made it and it is empty
        // (never anything a user put there).
        std::error_code ec;
        fs::remove(lockPath(m_dir), ec);
        if (m_createdFolder)
            fs::remove(m_dir, ec); // fails, harmlessly, when not empty
    }
    ::close(m_fd); // drops the flock
    m_fd = -1;
}

} // namespace cgs
