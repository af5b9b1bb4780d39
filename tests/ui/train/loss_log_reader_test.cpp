#include "ui/train/loss_log_reader.h"

#include <QFile>
#include <QTemporaryDir>

#include <gtest/gtest.h>

namespace cgs::ui {
namespace {

TEST(LossLogReader, ReadsColumnsByName)
{
    QTemporaryDir dir;
    QFile csv(dir.filePath("loss_log.csv"));
    ASSERT_TRUE(csv.open(QIODevice::WriteOnly));
    csv.write("iteration,epoch,lr,D_A,G_A,cycle_A,idt_A,D_B,G_B,cycle_B,idt_B,seconds/iter\n"
              "1,1,0.0002,0.5,1.0,3.0,1.5,0.4,0.9,2.5,1.25,0.1\n"
              "garbage line\n"
              "2,1,0.0002,0.45,1.1,2.9,1.4,0.35,0.95,2.4,1.2,0.1\n");
    csv.close();
    const auto steps = LossLogReader::read(csv.fileName());
    ASSERT_EQ(steps.size(), 2);
    EXPECT_EQ(steps[1].iteration, 2);
    EXPECT_DOUBLE_EQ(steps[0].losses.cycleA, 3.0);
    EXPECT_DOUBLE_EQ(steps[0].losses.idtB, 1.25);
    EXPECT_DOUBLE_EQ(steps[1].lr, 0.0002);
}

TEST(LossLogReader, MissingFileGivesNothing)
{
    EXPECT_TRUE(LossLogReader::read("/no/such/loss_log.csv").isEmpty());
}

} // namespace
} // namespace cgs::ui
