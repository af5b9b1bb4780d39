// DatasetOverviewPanel on folders made here: counts, thumbnails, warnings, domain names, the
// epoch estimate; and the Train page's form showing it when a dataroot is chosen.
#include "ui/train/dataset_overview_panel.h"

#include "tests/ui/ui_test_support.h"
#include "ui/train/train_options_form.h"

#include <QDir>
#include <QFile>
#include <QLineEdit>
#include <QSignalSpy>
#include <QTemporaryDir>

#include <gtest/gtest.h>

namespace cgs::ui {
namespace {

class DatasetOverviewPanelTest : public ::testing::Test {
protected:
    void SetUp() override
    {
        m_root = m_dir.path() + "/cats2dogs";
        QDir().mkpath(m_root + "/trainA");
        QDir().mkpath(m_root + "/trainB");
        for (int i = 0; i < 3; ++i)
            test::writeTestImage(m_root + "/trainA", QStringLiteral("cat%1.png").arg(i), 300, 300);
        QFile text(m_root + "/trainA/readme.jpg");
        EXPECT_TRUE(text.open(QIODevice::WriteOnly));
        text.write("not an image");
        text.close();
        for (int i = 0; i < 2; ++i)
            test::writeTestImage(m_root + "/trainB", QStringLiteral("dog%1.png").arg(i), 100, 100);
        m_options.dataroot = m_root.toStdString();
        m_options.preprocess = cgs::Preprocess::Crop;
        m_options.cropSize = 256;
    }

    QTemporaryDir m_dir;
    QString m_root;
    cgs::TrainOptions m_options;
};

TEST_F(DatasetOverviewPanelTest, ShowsCountsThumbnailsAndWarnings) {
    DatasetOverviewPanel panel;
    QSignalSpy shown(&panel, &DatasetOverviewPanel::overviewShown);
    panel.inspect(m_options);
    ASSERT_TRUE(shown.wait(30000));
    EXPECT_TRUE(panel.domainText(cgs::Domain::A).contains("cats")) << panel.domainText(cgs::Domain::A).toStdString();
    EXPECT_TRUE(panel.domainText(cgs::Domain::A).contains("3 image")) << panel.domainText(cgs::Domain::A).toStdString();
    EXPECT_TRUE(panel.domainText(cgs::Domain::B).contains("dogs"));
    EXPECT_TRUE(panel.domainText(cgs::Domain::B).contains(QString::fromUtf8("100\u00d7100: 2")))
        << panel.domainText(cgs::Domain::B).toStdString();
    EXPECT_EQ(panel.thumbnailCount(), 5);
    const QString warnings = panel.warningTexts().join('\n');
    EXPECT_TRUE(warnings.contains("readme.jpg")) << warnings.toStdString();
    EXPECT_TRUE(warnings.contains("larger than every image")) << warnings.toStdString();
    EXPECT_FALSE(warnings.contains("cats2dogs/trainA' (e.g.")); // trainA's images are big enough
}

TEST_F(DatasetOverviewPanelTest, EstimatesTheTimePerEpochFromTimedSteps) {
    m_options.preprocess = cgs::Preprocess::ResizeAndCrop;
    m_options.cropSize = 32;
    m_options.loadSize = 36;
    m_options.netG = "resnet_6blocks";
    m_options.ngf = 4;
    m_options.ndf = 4;
    m_options.device = "cpu";
    DatasetOverviewPanel panel;
    QSignalSpy shown(&panel, &DatasetOverviewPanel::overviewShown);
    panel.inspect(m_options);
    ASSERT_TRUE(shown.wait(30000));
    QSignalSpy estimated(&panel, &DatasetOverviewPanel::estimateShown);
    panel.estimateEpochTime();
    ASSERT_TRUE(estimated.wait(120000));
    EXPECT_TRUE(panel.estimateText().contains("per epoch")) << panel.estimateText().toStdString();
}

TEST_F(DatasetOverviewPanelTest, TheTrainFormShowsTheOverviewOfTheChosenDataroot) {
    TrainOptionsForm form;
    auto *panel = form.findChild<DatasetOverviewPanel *>();
    ASSERT_NE(panel, nullptr);
    QSignalSpy shown(panel, &DatasetOverviewPanel::overviewShown);
    form.useFolders({m_root});
    ASSERT_TRUE(shown.wait(30000));
    EXPECT_TRUE(panel->domainText(cgs::Domain::A).contains("3 image")) << panel->domainText(cgs::Domain::A).toStdString();
}

} // namespace
} // namespace cgs::ui
