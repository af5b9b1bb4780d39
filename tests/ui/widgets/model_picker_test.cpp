// ModelPicker: a run of ours names its directions after its dataset's domains.
#include "ui/widgets/model_picker.h"

#include "tests/ui/ui_test_support.h"

#include <QComboBox>
#include <QDate>
#include <QFile>
#include <QTemporaryDir>

#include <gtest/gtest.h>

namespace cgs::ui {
namespace {

TEST(ModelPicker, ARunNamesItsDirectionsAfterItsDataset) {
    QTemporaryDir dir;
    const QString run = test::trainTinyModel(dir.path()); // trained on resources/demo/monet2photo
    ModelPicker picker;
    picker.setModel(run);
    ASSERT_EQ(picker.model(), run);
    auto *direction = picker.findChildren<QComboBox *>().at(1);
    EXPECT_EQ(direction->itemText(0), QString::fromUtf8("monet \u2192 photo"));
    EXPECT_EQ(direction->itemText(1), QString::fromUtf8("photo \u2192 monet"));
    EXPECT_TRUE(direction->isEnabled());
}

} // namespace
} // namespace cgs::ui

namespace cgs::ui {
namespace {

// The 12-06 walk: the model lists showed names only and defaulted to an interrupted 2-epoch
// run. A run now says its epoch, state and date; a weight file says it is one.
TEST(ModelPicker, ARunIsListedWithItsEpochStateAndDate)
{
    QTemporaryDir runs;
    const QString run = test::trainTinyModel(runs.path(), QStringLiteral("h2z"));
    const QString label = ModelPicker::describeModel(run);
    EXPECT_TRUE(label.startsWith(QStringLiteral("h2z (run, epoch 1 of 1, finished, ")))
        << label.toStdString();
    EXPECT_TRUE(label.contains(QString::number(QDate::currentDate().year() % 100)))
        << label.toStdString();
    QFile pth(runs.filePath(QStringLiteral("style.pth")));
    ASSERT_TRUE(pth.open(QIODevice::WriteOnly));
    pth.close();
    EXPECT_EQ(ModelPicker::describeModel(pth.fileName()), QStringLiteral("style.pth (weight file)"));
}

} // namespace
} // namespace cgs::ui
