#include "app/cli/stop_signal_watcher.h"

#include <cerrno>
#include <csignal>
#include <system_error>

#include <fcntl.h>
#include <unistd.h>

namespace cgs::cli {
namespace {

// Shared with the handler: plain globals, since a handler cannot reach an object safely.
std::atomic<int> g_writeEnd{-1};
std::atomic<bool> g_signalled{false};
static_assert(std::atomic<int>::is_always_lock_free && std::atomic<bool>::is_always_lock_free,
              "the signal handler needs lock-free atomics");

constexpr char kSignalByte = 's';
constexpr char kQuitByte = 'q';

extern "C" void onStopSignal(int) {
    const int savedErrno = errno; // write() may change it under the interrupted code
    g_signalled.store(true);
    const int fd = g_writeEnd.load();
    if (fd >= 0) {
        const char byte = kSignalByte;
        [[maybe_unused]] const auto written = ::write(fd, &byte, 1);
    }
    errno = savedErrno;
}

void setAction(int sig, void (*handler)(int), int flags) {
    struct sigaction action {};
    action.sa_handler = handler;
    sigemptyset(&action.sa_mask);
    action.sa_flags = flags;
    ::sigaction(sig, &action, nullptr);
}

} // namespace

StopSignalWatcher::StopSignalWatcher(std::function<void()> onSignal)
    : m_onSignal(std::move(onSignal)) {
    if (::pipe2(m_pipe, O_CLOEXEC) != 0)
        throw std::system_error(errno, std::generic_category(), "cannot create a pipe");
    g_signalled = false;
    g_writeEnd = m_pipe[1];
    m_thread = std::thread([this] { watch(); });
    setAction(SIGINT, onStopSignal, SA_RESETHAND | SA_RESTART);
    setAction(SIGTERM, onStopSignal, SA_RESETHAND | SA_RESTART);
}

StopSignalWatcher::~StopSignalWatcher() {
    setAction(SIGINT, SIG_DFL, 0);
    setAction(SIGTERM, SIG_DFL, 0);
    g_writeEnd = -1;
    const char byte = kQuitByte;
    while (::write(m_pipe[1], &byte, 1) < 0 && errno == EINTR) {
    }
    m_thread.join();
    ::close(m_pipe[0]);
    ::close(m_pipe[1]);
}

bool StopSignalWatcher::signalled() const { return g_signalled.load(); }

void StopSignalWatcher::watch() {
    for (;;) {
        char byte = 0;
        const auto n = ::read(m_pipe[0], &byte, 1);
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0 || byte == kQuitByte)
            return;
        if (m_onSignal)
            m_onSignal();
    }
}

} // namespace cgs::cli
