#include "app/cli/local_launcher.h"

#include "core/engine/dist/dist_env.h"
#include "core/engine/dist/distributed_error.h"

#include <sys/wait.h>
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

namespace cgs::cli {

std::vector<std::string> runLocalRanks(int ranks, const std::vector<std::string> &args) {
    namespace fs = std::filesystem;
    const std::string self = fs::read_symlink("/proc/self/exe").string();
    const int port = cgs::freeLoopbackPort();
    const fs::path dir = fs::temp_directory_path() / ("cgs_ranks_" + std::to_string(::getpid()));
    fs::create_directories(dir);
    std::vector<pid_t> pids;
    std::fflush(stdout); // a child must not inherit (and print again) what is still buffered
    std::fflush(stderr);
    for (int r = 0; r < ranks; ++r) {
        const std::string out = (dir / ("rank" + std::to_string(r))).string();
        const pid_t pid = ::fork();
        if (pid < 0)
            throw DistributedError("Cannot start rank " + std::to_string(r) + ": fork failed");
        if (pid == 0) {
            const std::pair<const char *, int> vars[] = {{"RANK", r},
                                                         {"LOCAL_RANK", r},
                                                         {"WORLD_SIZE", ranks},
                                                         {"LOCAL_WORLD_SIZE", ranks},
                                                         {"MASTER_PORT", port}};
            for (const auto &[k, v] : vars)
                ::setenv(k, std::to_string(v).c_str(), 1);
            ::setenv("MASTER_ADDR", "127.0.0.1", 1);
            if (!std::freopen(out.c_str(), "w", stdout))
                ::_exit(126);
            std::vector<char *> argv{const_cast<char *>(self.c_str())};
            for (const auto &a : args)
                argv.push_back(const_cast<char *>(a.c_str()));
            argv.push_back(nullptr);
            ::execv(self.c_str(), argv.data());
            ::_exit(127);
        }
        pids.push_back(pid);
    }
    std::string failed;
    for (int r = 0; r < ranks; ++r) {
        int status = 0;
        ::waitpid(pids[static_cast<size_t>(r)], &status, 0);
        if (!WIFEXITED(status) || WEXITSTATUS(status) != 0)
            failed += (failed.empty() ? "" : ", ") + std::string("rank ") + std::to_string(r) +
                      (WIFEXITED(status) ? " exited with " + std::to_string(WEXITSTATUS(status))
                                         : " was killed by signal " + std::to_string(WTERMSIG(status)));
    }
    std::vector<std::string> outputs;
    for (int r = 0; r < ranks; ++r) {
        std::ifstream in(dir / ("rank" + std::to_string(r)));
        std::ostringstream s;
        s << in.rdbuf();
        outputs.push_back(s.str());
    }
    std::error_code ec;
    fs::remove_all(dir, ec);
    if (!failed.empty())
        throw DistributedError("Local multi-process run failed: " + failed);
    return outputs;
}

} // namespace cgs::cli
