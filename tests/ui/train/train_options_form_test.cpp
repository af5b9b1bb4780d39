// TrainOptionsForm: every hyper-parameter explains itself with the official default.
#include "ui/train/train_options_form.h"

#include <QFormLayout>
#include <QLabel>
#include <QSpinBox>

#include <gtest/gtest.h>

namespace cgs::ui {
namespace {

TEST(TrainOptionsForm, EveryFieldAndLabelHasATooltip) {
    TrainOptionsForm form;
    int rows = 0;
    for (QFormLayout *layout : form.findChildren<QFormLayout *>()) {
        for (int row = 0; row < layout->rowCount(); ++row) {
            QLayoutItem *label = layout->itemAt(row, QFormLayout::LabelRole);
            QLayoutItem *field = layout->itemAt(row, QFormLayout::FieldRole);
            if (!label || !field || !label->widget() || !field->widget())
                continue;
            ++rows;
            const QString text = qobject_cast<QLabel *>(label->widget())->text();
            EXPECT_FALSE(label->widget()->toolTip().isEmpty()) << text.toStdString();
            EXPECT_EQ(field->widget()->toolTip(), label->widget()->toolTip()) << text.toStdString();
        }
    }
    EXPECT_EQ(rows, 30);
}

TEST(TrainOptionsForm, TooltipsNameTheOfficialDefault) {
    TrainOptionsForm form;
    QStringList tips;
    for (QLabel *label : form.findChildren<QLabel *>())
        tips << label->toolTip();
    const QString all = tips.join('\n');
    for (const char *expected : {"--crop_size; official default: 256", "--load_size; official default: 286",
                                 "--lr; official default: 0.0002", "--pool_size; official default: 50",
                                 "--gan_mode; official default: lsgan", "--n_epochs; official default: 100"})
        EXPECT_TRUE(all.contains(QLatin1String(expected))) << expected;
}

} // namespace
} // namespace cgs::ui

namespace cgs::ui {
namespace {

// The 12-06 walk: a run's 64-bit seed was shown truncated (the field was an int spin box), so
// "the same seed" typed back gave another run.
TEST(TrainOptionsForm, ASixtyFourBitSeedRoundTrips) {
    TrainOptionsForm form;
    cgs::TrainOptions o = form.options();
    o.seed = 8804465342093752013LL;
    form.setOptions(o);
    EXPECT_EQ(form.options().seed, 8804465342093752013LL);
    o.seed = -1;
    form.setOptions(o);
    EXPECT_EQ(form.options().seed, -1);
}

} // namespace
} // namespace cgs::ui
