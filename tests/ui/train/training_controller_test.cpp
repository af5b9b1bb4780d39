#include "ui/train/training_controller.h"

#include "tests/ui/ui_test_support.h"

#include <QElapsedTimer>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QThread>

#include <gtest/gtest.h>

namespace cgs::ui {
namespace {

using test::tinyOptions;
using test::waitUntil;
using State = TrainingController::State;

int stepCount(const QSignalSpy &spy)
{
    int n = 0;
    for (const QList<QVariant> &args : spy)
        n += args.at(0).value<QVector<cgs::StepReport>>().size();
    return n;
}

TEST(TrainingController, StartPauseResumeStop)
{
    QTemporaryDir runs;
    TrainingController controller;
    QSignalSpy steps(&controller, &TrainingController::stepsFinished);
    QSignalSpy finished(&controller, &TrainingController::trainingFinished);
    QSignalSpy failed(&controller, &TrainingController::trainingFailed);
    ASSERT_TRUE(controller.start(tinyOptions(runs.path(), "run", 50, 4)));
    EXPECT_EQ(controller.state(), State::Starting);
    EXPECT_FALSE(controller.start(tinyOptions(runs.path(), "other"))) << "a second run while active";

    ASSERT_TRUE(waitUntil([&] { return stepCount(steps) >= 2; }, 120000))
        << (failed.isEmpty() ? "" : failed.first().at(1).toString().toStdString());
    EXPECT_EQ(controller.state(), State::Running);
    const QVector<cgs::StepReport> first = steps.first().at(0).value<QVector<cgs::StepReport>>();
    EXPECT_EQ(first.first().iteration, 1);
    EXPECT_GT(first.first().losses.cycleA, 0.0);

    controller.pause();
    EXPECT_EQ(controller.state(), State::Paused);
    waitUntil([] { return false; }, 1500); // the step in flight finishes and is flushed
    const int whilePaused = stepCount(steps);
    waitUntil([] { return false; }, 1500);
    EXPECT_EQ(stepCount(steps), whilePaused) << "no step may run while paused";

    controller.resume();
    EXPECT_EQ(controller.state(), State::Running);
    ASSERT_TRUE(waitUntil([&] { return stepCount(steps) > whilePaused; }, 60000));

    controller.stop();
    EXPECT_EQ(controller.state(), State::Stopping);
    ASSERT_TRUE(waitUntil([&] { return !finished.isEmpty(); }, 120000));
    EXPECT_EQ(controller.state(), State::Idle);
    EXPECT_FALSE(finished.first().at(0).toBool()) << "stopped, not completed";
    EXPECT_TRUE(failed.isEmpty());
    // Iterations are contiguous across the pause.
    qint64 expected = 1;
    for (const QList<QVariant> &args : steps)
        for (const cgs::StepReport &s : args.at(0).value<QVector<cgs::StepReport>>())
            EXPECT_EQ(s.iteration, expected++);
}

TEST(TrainingController, StopWhilePausedEndsTheRun)
{
    QTemporaryDir runs;
    TrainingController controller;
    QSignalSpy steps(&controller, &TrainingController::stepsFinished);
    QSignalSpy finished(&controller, &TrainingController::trainingFinished);
    controller.start(tinyOptions(runs.path(), "run", 50, 4));
    ASSERT_TRUE(waitUntil([&] { return !steps.isEmpty(); }, 120000));
    controller.pause();
    waitUntil([] { return false; }, 300);
    controller.stop();
    ASSERT_TRUE(waitUntil([&] { return !finished.isEmpty(); }, 60000));
    EXPECT_EQ(controller.state(), State::Idle);
}

TEST(TrainingController, DestroyWhileTrainingNeitherCrashesNorHangs)
{
    QTemporaryDir runs;
    auto controller = std::make_unique<TrainingController>();
    QSignalSpy steps(controller.get(), &TrainingController::stepsFinished);
    controller->start(tinyOptions(runs.path(), "run", 50, 4));
    ASSERT_TRUE(waitUntil([&] { return !steps.isEmpty(); }, 120000));
    QElapsedTimer timer;
    timer.start();
    controller.reset();
    std::printf("[          ] destroying a training controller took %lld ms\n",
                static_cast<long long>(timer.elapsed()));
    EXPECT_LT(timer.elapsed(), 60000);
    // The stop wrote the latest checkpoint: the run can be resumed.
    EXPECT_TRUE(QDir(runs.filePath("run/checkpoints/latest")).exists());
}

TEST(TrainingController, DestroyRightAfterStart)
{
    QTemporaryDir runs;
    auto controller = std::make_unique<TrainingController>();
    controller->start(tinyOptions(runs.path(), "run", 50, 4));
    controller.reset(); // before the worker even built the trainer
    SUCCEED();
}

TEST(TrainingController, StopTwiceIsHarmless)
{
    QTemporaryDir runs;
    TrainingController controller;
    QSignalSpy steps(&controller, &TrainingController::stepsFinished);
    QSignalSpy finished(&controller, &TrainingController::trainingFinished);
    controller.stop(); // idle: nothing happens
    EXPECT_EQ(controller.state(), State::Idle);
    controller.start(tinyOptions(runs.path(), "run", 50, 4));
    ASSERT_TRUE(waitUntil([&] { return !steps.isEmpty(); }, 120000));
    controller.stop();
    controller.stop();
    ASSERT_TRUE(waitUntil([&] { return !finished.isEmpty(); }, 60000));
    controller.stop();
    waitUntil([] { return false; }, 300);
    EXPECT_EQ(finished.size(), 1);
    EXPECT_EQ(controller.state(), State::Idle);
}

TEST(TrainingController, RestartAfterFailure)
{
    QTemporaryDir runs;
    TrainingController controller;
    QSignalSpy failed(&controller, &TrainingController::trainingFailed);
    QSignalSpy steps(&controller, &TrainingController::stepsFinished);
    QSignalSpy finished(&controller, &TrainingController::trainingFinished);
    cgs::TrainOptions bad = tinyOptions(runs.path(), "bad");
    bad.dataroot = runs.filePath("no/such/folder").toStdString();
    ASSERT_TRUE(controller.start(bad));
    ASSERT_TRUE(waitUntil([&] { return !failed.isEmpty(); }, 60000));
    EXPECT_EQ(controller.state(), State::Idle);
    const QString message = failed.first().at(1).toString();
    std::printf("[          ] failure message: %s\n", qPrintable(message));
    EXPECT_TRUE(message.contains("no/such/folder")) << message.toStdString();

    ASSERT_TRUE(controller.start(tinyOptions(runs.path(), "good", 1, 2)));
    ASSERT_TRUE(waitUntil([&] { return !finished.isEmpty() || failed.size() > 1; }, 120000));
    EXPECT_EQ(failed.size(), 1);
    ASSERT_EQ(finished.size(), 1);
    EXPECT_TRUE(finished.first().at(0).toBool()) << "the second run completes";
    EXPECT_EQ(stepCount(steps), 2);
}

} // namespace
} // namespace cgs::ui
