#pragma once

#include <string>

namespace cgs {

// Exclusive use of one run folder by one training. Two trainings writing the
// same run folder (two studio windows, the studio and the CLI, two shells) would interleave
// loss_log.csv and overwrite each other's checkpoints; the second one is refused instead.
//
// The lock is an advisory flock() on <runDir>/.lock, taken without waiting. The kernel drops
// it when the process ends in any way (SIGKILL, crash), so a killed run never leaves a stale
// lock behind; the file itself stays and is harmless. The holder's pid and host are written
// into it only to name them in the refusal message. Readers (translate, compare, export)
// never lock: checkpoints are swapped in atomically.
class RunLock {
public:
    RunLock() = default;
    // Creates runDir when missing and takes the lock. Throws ConfigError naming the folder
    // (and the holder) when another training has it, IoError when the folder or lock file
    // cannot be created or locking fails for another reason than missing lock support.
    explicit RunLock(const std::string &runDir);
    ~RunLock();
    RunLock(RunLock &&other) noexcept;
    RunLock &operator=(RunLock &&other) noexcept;
    RunLock(const RunLock &) = delete;
    RunLock &operator=(const RunLock &) = delete;

    bool held() const { return m_fd >= 0; }
    // Set, and nothing held, when the folder's file system has no locks (some network and
    // FUSE file systems): the training goes on unguarded and reports this.
    const std::string &warning() const { return m_warning; }
    // True when this lock created the run folder (it was missing).
    bool createdFolder() const { return m_createdFolder; }
    enum class Cleanup {
        KeepFolder,
        // Also remove the lock file if this lock created it, and the run folder if this lock
        // created it and nothing else was put there (a run that failed to start leaves
        // nothing behind).
        RemoveCreatedFolder,
    };
    // Releases the lock (idempotent).
    void release(Cleanup cleanup = Cleanup::KeepFolder);

    // True when a training holds the lock of runDir now (in this or another process). Creates
    // nothing; probes with a shared lock taken and dropped at once (a training starting in
    // that instant retries, see the constructor). False when there is no lock file or the
    // file system has no locks.
    static bool isHeld(const std::string &runDir);

    static std::string lockPath(const std::string &runDir) { return runDir + "/.lock"; }

private:
    int m_fd = -1;
    std::string m_dir;
    std::string m_warning;
    bool m_createdFolder = false;
    bool m_createdLockFile = false;
};

} // namespace cgs
