#include "core/imageio/audio_copy.h"

#include "core/engine/error.h"

#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <sstream>
#include <vector>

#include <fcntl.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

extern char **environ;

namespace cgs {
namespace {

std::string findOnPath(const std::string &program) {
    const char *path = std::getenv("PATH");
    std::stringstream dirs(path ? path : "");
    std::string dir;
    while (std::getline(dirs, dir, ':')) {
        const std::string candidate = (dir.empty() ? "." : dir) + "/" + program;
        if (::access(candidate.c_str(), X_OK) == 0 &&
            !std::filesystem::is_directory(candidate))
            return candidate;
    }
    return {};
}

struct ProcessResult {
    int exitCode = -1;
    std::string output; // stdout and stderr together
};

// Runs argv[0] with the arguments, no shell, stdin from /dev/null; collects its output.
ProcessResult runProcess(const std::vector<std::string> &args) {
    int pipeFds[2];
    if (::pipe(pipeFds) != 0)
        return {-1, std::strerror(errno)};
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0);
    posix_spawn_file_actions_adddup2(&actions, pipeFds[1], 1);
    posix_spawn_file_actions_adddup2(&actions, pipeFds[1], 2);
    posix_spawn_file_actions_addclose(&actions, pipeFds[0]);
    std::vector<char *> argv;
    for (const std::string &a : args)
        argv.push_back(const_cast<char *>(a.c_str()));
    argv.push_back(nullptr);
    pid_t pid = 0;
    const int spawned = ::posix_spawn(&pid, argv[0], &actions, nullptr, argv.data(), environ);
    posix_spawn_file_actions_destroy(&actions);
    ::close(pipeFds[1]);
    ProcessResult result;
    char buffer[4096];
    for (ssize_t n; (n = ::read(pipeFds[0], buffer, sizeof buffer)) > 0;)
        result.output.append(buffer, static_cast<std::size_t>(n));
    ::close(pipeFds[0]);
    if (spawned != 0)
        return {-1, std::strerror(spawned)};
    int status = 0;
    while (::waitpid(pid, &status, 0) < 0 && errno == EINTR) {
    }
    result.exitCode = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    return result;
}

std::string lastLine(const std::string &text) {
    std::string s = text;
    while (!s.empty() && (s.back() == '\n' || s.back() == '\r'))
        s.pop_back();
    const auto nl = s.find_last_of('\n');
    s = nl == std::string::npos ? s : s.substr(nl + 1);
    return s.empty() ? "no message" : s;
}

std::string seconds(double value) {
    char text[32];
    std::snprintf(text, sizeof text, "%.6f", value);
    return text;
}

} // namespace

AudioCopy::AudioCopy() : m_ffmpeg(findOnPath("ffmpeg")), m_ffprobe(findOnPath("ffprobe")) {}

bool AudioCopy::hasAudio(const std::string &video) const {
    if (m_ffprobe.empty())
        return false;
    const ProcessResult r =
        runProcess({m_ffprobe, "-v", "error", "-select_streams", "a", "-show_entries",
                    "stream=index", "-of", "csv=p=0", "-i", video});
    return r.exitCode == 0 && r.output.find_first_of("0123456789") != std::string::npos;
}

void AudioCopy::mux(const std::string &videoOnly, const std::string &source,
                    double startSeconds, double durationSeconds,
                    const std::string &output) const {
    std::vector<std::string> args = {m_ffmpeg, "-nostdin", "-v", "error", "-y", "-i", videoOnly};
    if (startSeconds > 0)
        args.insert(args.end(), {"-ss", seconds(startSeconds)});
    args.insert(args.end(), {"-i", source, "-map", "0:v:0", "-map", "1:a", "-c", "copy"});
    if (durationSeconds > 0)
        args.insert(args.end(), {"-t", seconds(durationSeconds)});
    args.push_back(output);
    const ProcessResult r = runProcess(args);
    if (r.exitCode != 0)
        throw IoError("Cannot copy the audio of '" + source + "': " + lastLine(r.output));
}

} // namespace cgs
