// ModelPicker: a run of ours names its directions after its dataset's domains.
#include "ui/widgets/model_picker.h"

#include "tests/ui/ui_test_support.h"

#include <QComboBox>
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
