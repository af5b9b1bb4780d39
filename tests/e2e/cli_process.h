// Runs the real `cyclegan` executable as a child process for the end-to-end tests: start it,
// watch its run folder, signal or kill it, wait for it. Linux only (fork/exec, waitpid).
#pragma once

#include <gtest/gtest.h>

#include <signal.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <fcntl.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <memory>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

namespace cgs::e2e {
namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;

inline std::string readAll(const fs::path &p) {
    std::ifstream in(p, std::ios::binary);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

inline void sleepMs(double ms) {
    std::this_thread::sleep_for(std::chrono::microseconds(static_cast<long long>(ms * 1000)));
}

// Optional limits for the child: a file-size limit (RLIMIT_FSIZE, with SIGXFSZ ignored so a
// write past it fails with EFBIG, like a full disk) is how the tests fill "the disk".
struct SpawnLimits {
    long long maxFileBytes = -1;
    // Leave SIGXFSZ at its default action (kill), as `ulimit -f` in a shell does: then only
    // the program's own handling turns a write past the limit into an error.
    bool defaultFileSizeSignal = false;
};

// One `cyclegan` process; stdout and stderr go to `log`.
class CliProcess {
public:
    CliProcess(const std::vector<std::string> &args, fs::path log, SpawnLimits limits = {})
        : m_log(std::move(log)) {
        std::vector<std::string> argv = {CGS_CLI_PATH};
        argv.insert(argv.end(), args.begin(), args.end());
        m_pid = ::fork();
        if (m_pid == 0) {
            const int fd = ::open(m_log.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
            ::dup2(fd, 1);
            ::dup2(fd, 2);
            if (limits.maxFileBytes >= 0) {
                ::signal(SIGXFSZ, limits.defaultFileSizeSignal ? SIG_DFL : SIG_IGN);
                const rlimit lim{static_cast<rlim_t>(limits.maxFileBytes),
                                 static_cast<rlim_t>(limits.maxFileBytes)};
                ::setrlimit(RLIMIT_FSIZE, &lim);
            }
            std::vector<char *> cargv;
            for (auto &a : argv)
                cargv.push_back(a.data());
            cargv.push_back(nullptr);
            ::execv(cargv[0], cargv.data());
            std::_Exit(127);
        }
    }
    ~CliProcess() {
        if (running()) {
            ::kill(m_pid, SIGKILL);
            wait(30);
        }
    }
    CliProcess(const CliProcess &) = delete;
    CliProcess &operator=(const CliProcess &) = delete;

    bool started() const { return m_pid > 0; }
    pid_t pid() const { return m_pid; }
    bool running() {
        if (m_done || m_pid <= 0)
            return false;
        int status = 0;
        if (::waitpid(m_pid, &status, WNOHANG) == m_pid) {
            m_done = true;
            m_status = status;
        }
        return !m_done;
    }
    void signal(int sig) const { ::kill(m_pid, sig); }

    // Waits up to `seconds`; true when the process ended.
    bool wait(double seconds) {
        const auto end = Clock::now() + std::chrono::duration<double>(seconds);
        while (running() && Clock::now() < end)
            sleepMs(5);
        return !running();
    }
    bool exitedNormally() const { return m_done && WIFEXITED(m_status); }
    int exitCode() const { return m_done && WIFEXITED(m_status) ? WEXITSTATUS(m_status) : -1; }
    bool killedBy(int sig) const {
        return m_done && WIFSIGNALED(m_status) && WTERMSIG(m_status) == sig;
    }
    std::string output() const { return readAll(m_log); }

private:
    fs::path m_log;
    pid_t m_pid = -1;
    bool m_done = false;
    int m_status = 0;
};

// Polls `ready` every millisecond for up to `seconds`, giving up early when `p` ended.
template <typename Pred> bool waitFor(CliProcess &p, double seconds, Pred ready) {
    const auto end = Clock::now() + std::chrono::duration<double>(seconds);
    while (Clock::now() < end) {
        if (ready())
            return true;
        if (!p.running())
            return ready();
        sleepMs(1);
    }
    return false;
}

// The iterations of loss_log.csv's complete rows (12 fields), in file order.
inline std::vector<long long> loggedIterations(const fs::path &csv) {
    std::istringstream in(readAll(csv));
    std::string line;
    std::vector<long long> its;
    std::getline(in, line); // header
    while (std::getline(in, line)) {
        if (std::count(line.begin(), line.end(), ',') != 11)
            continue;
        its.push_back(std::atoll(line.c_str()));
    }
    return its;
}

// "iteration" from <checkpoint>/state.json; -1 when absent.
inline long long checkpointIteration(const fs::path &dir) {
    const std::string s = readAll(dir / "state.json");
    const auto at = s.find("\"iteration\":");
    return at == std::string::npos ? -1 : std::atoll(s.c_str() + at + 12);
}

// N in "Resumed from <dir> at iteration N"; -1 when the output has no such line.
inline long long resumedIteration(const std::string &output) {
    const auto at = output.find("Resumed from ");
    if (at == std::string::npos)
        return -1;
    const auto it = output.find(" at iteration ", at);
    return it == std::string::npos ? -1 : std::atoll(output.c_str() + it + 14);
}

// Test fixture: a temp folder and the tiny model's `cyclegan train` arguments.
class CliRun : public ::testing::Test {
protected:
    void SetUp() override {
        m_dir = fs::temp_directory_path() /
                ("cgs_e2e_" + std::to_string(::getpid()) + "_" +
                 ::testing::UnitTest::GetInstance()->current_test_info()->name());
        fs::remove_all(m_dir);
        fs::create_directories(m_dir);
        const char *src = std::getenv("CGS_SOURCE_DIR");
        m_demo = fs::path(src ? src : ".") / "resources/demo/monet2photo";
    }
    void TearDown() override {
        if (!HasFailure())
            fs::remove_all(m_dir);
    }

    // 8 images per domain, 32x32 crops, ngf/ndf 4: a step takes a few milliseconds.
    std::vector<std::string> tinyTrain(const std::string &name, int epochs,
                                       int saveLatestFreq) const {
        return {"train", "--dataroot", m_demo.string(), "--name", name, "--checkpoints_dir",
                (m_dir / "runs").string(), "--netG", "resnet_6blocks", "--ngf", "4", "--ndf",
                "4", "--load_size", "36", "--crop_size", "32", "--max_dataset_size", "8",
                "--n_epochs", std::to_string(epochs), "--n_epochs_decay", "0",
                "--save_latest_freq", std::to_string(saveLatestFreq), "--save_epoch_freq", "2",
                "--display_freq", "100000", "--print_freq", "1", "--seed", "11",
                "--cpu_threads", "1", "--num_threads", "1"};
    }
    static std::vector<std::string> with(std::vector<std::string> args,
                                         const std::vector<std::string> &more) {
        args.insert(args.end(), more.begin(), more.end());
        return args;
    }
    fs::path runDir(const std::string &name) const { return m_dir / "runs" / name; }
    fs::path log(const std::string &what) const { return m_dir / (what + ".log"); }

    // Runs to the end (at most `seconds`), returning the process for its exit code and output.
    std::unique_ptr<CliProcess> runToEnd(const std::vector<std::string> &args,
                                         const std::string &logName, double seconds = 300,
                                         SpawnLimits limits = {}) const {
        auto p = std::make_unique<CliProcess>(args, log(logName), limits);
        EXPECT_TRUE(p->wait(seconds)) << "cyclegan did not finish in " << seconds << " s";
        return p;
    }

    fs::path m_dir;
    fs::path m_demo;
};

} // namespace cgs::e2e
