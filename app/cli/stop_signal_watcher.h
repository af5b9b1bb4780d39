#pragma once

#include <atomic>
#include <functional>
#include <thread>

namespace cgs::cli {

// Turns SIGINT / SIGTERM into a call of `onSignal` on an ordinary thread. The signal handler
// itself does only what is async-signal-safe: it stores to a lock-free atomic and writes one
// byte to a pipe (the self-pipe trick); a watcher thread blocked on that pipe calls
// `onSignal` (which may lock mutexes, notify condition variables, ...). The handler is
// installed with SA_RESETHAND, so a second signal takes the default action and ends the
// process even when the first one is being handled slowly.
//
//   TrainControl control;
//   StopSignalWatcher watcher([&control] { control.requestStop(); });
//   ... long work ...
//   if (watcher.signalled()) return kExitInterrupted;
//
// One watcher at a time per process. The destructor restores the default actions and joins
// the thread. Throws std::system_error when the pipe or the thread cannot be created.
class StopSignalWatcher {
public:
    explicit StopSignalWatcher(std::function<void()> onSignal);
    ~StopSignalWatcher();
    StopSignalWatcher(const StopSignalWatcher &) = delete;
    StopSignalWatcher &operator=(const StopSignalWatcher &) = delete;

    // True once SIGINT or SIGTERM arrived (whether or not onSignal has run yet).
    bool signalled() const;

private:
    void watch();

    std::function<void()> m_onSignal;
    int m_pipe[2] = {-1, -1};
    std::thread m_thread;
};

} // namespace cgs::cli
