#include "core/imageio/background_evaluator.h"

#include "core/engine/error.h"
#include "core/engine/metrics/metrics_log.h"

#include <condition_variable>
#include <cmath>
#include <cstdio>
#include <deque>
#include <mutex>
#include <thread>

#include <sys/resource.h>
#include <sys/syscall.h>
#include <unistd.h>

namespace cgs {

struct BackgroundEvaluator::Impl {
    EvalOptions options;
    std::string runDir;
    MessageHandler onMessage;
    std::mutex mutex;
    std::condition_variable changed;
    std::deque<std::string> queue;
    bool busy = false;
    bool quitting = false;
    std::atomic<bool> cancel{false};
    std::thread worker;

    void say(LogLevel level, const std::string &message) {
        if (onMessage)
            onMessage(level, message);
    }

    static std::string summary(const MetricsRow &r) {
        std::string s = r.checkpoint + " " + r.direction + ":";
        char part[48];
        if (!std::isnan(r.fid)) {
            std::snprintf(part, sizeof part, " FID %.2f", r.fid);
            s += part;
        }
        if (!std::isnan(r.kid)) {
            std::snprintf(part, sizeof part, " KID %.4f", r.kid);
            s += part;
        }
        if (!std::isnan(r.swd)) {
            std::snprintf(part, sizeof part, " SWD %.2f", r.swd);
            s += part;
        }
        return s;
    }

    void evaluate(const std::string &checkpointDir) {
        EvalOptions o = options;
        o.model = checkpointDir;
        o.epoch = "all";
        // The boundary of the worker: an evaluation failure is a message, never a training stop.
        try {
            CheckpointEvaluator evaluator(o);
            evaluator.run(cancel, {}, [&](const std::vector<MetricsRow> &rows) {
                MetricsLog(runDir).append(rows);
                for (const MetricsRow &r : rows)
                    say(LogLevel::Info, "eval " + summary(r));
            });
        } catch (const Cancelled &) {
        } catch (const std::exception &e) {
            say(LogLevel::Warning, "eval of '" + checkpointDir + "' failed: " + e.what());
        }
    }

    void loop() {
        ::setpriority(PRIO_PROCESS, static_cast<id_t>(::syscall(SYS_gettid)), 10);
        std::unique_lock<std::mutex> lock(mutex);
        while (true) {
            changed.wait(lock, [this] { return quitting || !queue.empty(); });
            if (quitting)
                return;
            const std::string next = queue.front();
            queue.pop_front();
            busy = true;
            lock.unlock();
            evaluate(next);
            lock.lock();
            busy = false;
            changed.notify_all();
        }
    }
};

BackgroundEvaluator::BackgroundEvaluator(EvalOptions options, std::string runDir,
                                         MessageHandler onMessage)
    : m_impl(std::make_unique<Impl>()) {
    m_impl->options = std::move(options);
    m_impl->runDir = std::move(runDir);
    m_impl->onMessage = std::move(onMessage);
    m_impl->worker = std::thread([impl = m_impl.get()] { impl->loop(); });
}

BackgroundEvaluator::~BackgroundEvaluator() {
    {
        std::lock_guard<std::mutex> lock(m_impl->mutex);
        m_impl->quitting = true;
        m_impl->queue.clear();
    }
    m_impl->cancel = true;
    m_impl->changed.notify_all();
    m_impl->worker.join();
}

void BackgroundEvaluator::enqueue(const std::string &checkpointDir) {
    {
        std::lock_guard<std::mutex> lock(m_impl->mutex);
        m_impl->queue.push_back(checkpointDir);
    }
    m_impl->changed.notify_all();
}

void BackgroundEvaluator::finish() {
    std::unique_lock<std::mutex> lock(m_impl->mutex);
    m_impl->changed.wait(lock, [this] { return m_impl->queue.empty() && !m_impl->busy; });
}

} // namespace cgs
