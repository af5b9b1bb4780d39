#include "core/engine/train/train_control.h"

#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <future>
#include <thread>

namespace cgs {
namespace {

// A paused waiter must wake on every resume: with the flags changed outside the mutex, a
// resume() between the waiter's check and its sleep was lost and the run stayed paused.
TEST(TrainControl, PauseAndResumeManyTimesNeverLoseAWakeUp) {
    TrainControl control;
    constexpr int kRounds = 2000;
    std::atomic<int> woken{0};
    std::atomic<bool> paused{false};
    std::thread worker([&] {
        for (int i = 0; i < kRounds; ++i) {
            while (!control.pauseRequested()) // the trainer polls between steps
                std::this_thread::yield();
            paused = true;
            ASSERT_TRUE(control.waitWhilePaused());
            ++woken;
        }
    });
    for (int i = 0; i < kRounds; ++i) {
        control.requestPause();
        while (!paused)
            std::this_thread::yield();
        paused = false;
        control.resume();
        const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(10);
        while (woken.load() <= i && std::chrono::steady_clock::now() < deadline)
            std::this_thread::yield();
        ASSERT_GT(woken.load(), i) << "resume " << i << " was lost";
    }
    worker.join();
    EXPECT_EQ(woken.load(), kRounds);
}

TEST(TrainControl, StopEndsAPauseAndIsReported) {
    TrainControl control;
    control.requestPause();
    auto waiter = std::async(std::launch::async, [&] { return control.waitWhilePaused(); });
    EXPECT_EQ(waiter.wait_for(std::chrono::milliseconds(50)), std::future_status::timeout);
    control.requestStop();
    ASSERT_EQ(waiter.wait_for(std::chrono::seconds(10)), std::future_status::ready);
    EXPECT_FALSE(waiter.get());
    EXPECT_TRUE(control.stopRequested());
    control.reset();
    EXPECT_FALSE(control.stopRequested());
    EXPECT_FALSE(control.pauseRequested());
    EXPECT_TRUE(control.waitWhilePaused()); // not paused: returns at once
}

} // namespace
} // namespace cgs
