// The "Get models and datasets..." dialog against the local fixture server: success (the model
// on the Translate page, the dataset on the Train page), cancel, resume, 404, truncated, full disk.
#include "ui/download/download_dialog.h"

#include "tests/app/download/fixture_server.h"
#include "tests/ui/ui_test_support.h"
#include "ui/main_window.h"
#include "ui/train/train_options_form.h"
#include "ui/translate/translate_page.h"
#include "ui/widgets/error_banner.h"
#include "ui/widgets/model_picker.h"

#include <QComboBox>
#include <QFileInfo>
#include <QMenu>
#include <QProgressBar>
#include <QPushButton>
#include <QSignalSpy>
#include <QToolButton>
#include <QTreeWidget>

#include "ui/widgets/display_path.h"

#include <QDir>
#include <QLabel>

#include <gtest/gtest.h>

#include <csignal>
#include <sys/resource.h>

namespace cgs::ui {
namespace {

using download::DownloadOutcome;
using download::DownloadStatus;
using download::ItemKind;

class DownloadDialogTest : public ::testing::Test {
protected:
    void SetUp() override
    {
        qputenv(download::kDataFolderVariable, m_server.dataFolder().toUtf8());
        useServer("ok");
    }
    void TearDown() override
    {
        qunsetenv(download::kDataFolderVariable);
        qunsetenv(download::kBaseUrlVariable);
    }
    void useServer(const QString &mode) { qputenv(download::kBaseUrlVariable, m_server.base(mode).toUtf8()); }

    // Selects, clicks Download and waits for the end (calls onProgress at each progress).
    DownloadOutcome download(DownloadDialog &dialog, ItemKind kind, const QString &name,
                             const std::function<void()> &onProgress = {})
    {
        EXPECT_TRUE(dialog.select(kind, name));
        QSignalSpy finished(&dialog, &DownloadDialog::downloadFinished);
        QMetaObject::Connection progress;
        if (onProgress)
            progress = QObject::connect(dialog.findChild<QProgressBar *>(), &QProgressBar::valueChanged, onProgress);
        auto *button = dialog.findChild<QPushButton *>(QStringLiteral("downloadButton"));
        EXPECT_TRUE(button->isEnabled());
        button->click();
        EXPECT_TRUE(finished.wait(60000) || !finished.isEmpty());
        QObject::disconnect(progress);
        return finished.isEmpty() ? DownloadOutcome{} : finished.first().first().value<DownloadOutcome>();
    }
    static ErrorBanner *banner(DownloadDialog &dialog)
    {
        return dialog.findChild<ErrorBanner *>(QStringLiteral("downloadBanner"));
    }
    QString model(const QString &name) const { return m_server.dataFolder() + "/models/" + name + ".pth"; }

    cgs::test::FixtureServer m_server;
};

TEST_F(DownloadDialogTest, ListsEveryOfficialModelAndDatasetByWhatItDoes) {
    DownloadDialog dialog;
    auto *list = dialog.findChild<QTreeWidget *>();
    ASSERT_EQ(list->topLevelItemCount(), 2);
    EXPECT_EQ(list->topLevelItem(0)->childCount(), 18);
    EXPECT_EQ(list->topLevelItem(1)->childCount(), 10);
    EXPECT_EQ(list->findItems(QString::fromUtf8("photo \u2192 Monet"), Qt::MatchRecursive).size(), 1);
    EXPECT_FALSE(dialog.findChild<QPushButton *>(QStringLiteral("downloadButton"))->isEnabled()); // nothing selected
}

TEST_F(DownloadDialogTest, ADownloadedModelIsChosenOnTheTranslatePageByWhatItDoes) {
    MainWindow window;
    DownloadDialog *dialog = window.showDownloads();
    QSignalSpy installed(dialog, &DownloadDialog::modelInstalled);
    const DownloadOutcome o = download(*dialog, ItemKind::Model, "style_monet");
    ASSERT_EQ(o.status, DownloadStatus::Installed) << o.message.toStdString();
    ASSERT_EQ(installed.size(), 1);
    EXPECT_EQ(installed.first().first().toString(), model("style_monet"));
    EXPECT_EQ(banner(*dialog)->level(), ErrorBanner::Level::Info);
    EXPECT_TRUE(banner(*dialog)->summary().contains(QString::fromUtf8("photo \u2192 Monet")));
    auto *list = dialog->findChild<QTreeWidget *>();
    EXPECT_EQ(list->currentItem()->text(2), "Downloaded");
    EXPECT_FALSE(dialog->findChild<QPushButton *>(QStringLiteral("downloadButton"))->isEnabled());
    ModelPicker *picker = window.translatePage()->modelPicker();
    EXPECT_EQ(picker->model(), model("style_monet"));
    auto *models = picker->findChildren<QComboBox *>().at(0);
    EXPECT_TRUE(models->currentText().startsWith(QString::fromUtf8("photo \u2192 Monet"))) << models->currentText().toStdString();
    auto *direction = picker->findChildren<QComboBox *>().at(1);
    EXPECT_FALSE(direction->isEnabled());
    EXPECT_EQ(direction->currentText(), QString::fromUtf8("photo \u2192 Monet"));
}

TEST_F(DownloadDialogTest, ADownloadedDatasetIsOfferedOnTheTrainPage) {
    DownloadDialog dialog;
    QSignalSpy installed(&dialog, &DownloadDialog::datasetInstalled);
    const DownloadOutcome o = download(dialog, ItemKind::Dataset, "horse2zebra");
    ASSERT_EQ(o.status, DownloadStatus::Installed) << o.message.toStdString();
    ASSERT_EQ(installed.size(), 1);
    TrainOptionsForm form;
    auto *button = form.findChild<QToolButton *>(QStringLiteral("downloadedDatasets"));
    ASSERT_NE(button, nullptr);
    emit button->menu()->aboutToShow();
    ASSERT_EQ(button->menu()->actions().size(), 1);
    EXPECT_TRUE(button->menu()->actions().first()->text().startsWith("horse2zebra"));
    button->menu()->actions().first()->trigger();
    EXPECT_EQ(QString::fromStdString(form.options().dataroot), m_server.dataFolder() + "/datasets/horse2zebra");
}

TEST_F(DownloadDialogTest, CancelKeepsThePartFileAndTheNextDownloadResumes) {
    useServer("slow");
    DownloadDialog dialog;
    auto *cancel = dialog.findChild<QPushButton *>(QStringLiteral("cancelButton"));
    const DownloadOutcome o = download(dialog, ItemKind::Model, "style_monet", [cancel] {
        if (cancel->isEnabled())
            cancel->click();
    });
    ASSERT_EQ(o.status, DownloadStatus::Cancelled) << o.message.toStdString();
    EXPECT_FALSE(QFileInfo::exists(model("style_monet")));
    EXPECT_GT(QFileInfo(model("style_monet") + ".part").size(), 0);
    EXPECT_FALSE(cancel->isEnabled());
    useServer("ok");
    const DownloadOutcome again = download(dialog, ItemKind::Model, "style_monet");
    ASSERT_EQ(again.status, DownloadStatus::Installed) << again.message.toStdString();
    EXPECT_TRUE(again.resumed);
    EXPECT_EQ(cgs::test::FixtureServer::readFile(model("style_monet")), cgs::test::FixtureServer::modelBytes());
}

TEST_F(DownloadDialogTest, DestroyedWhileDownloadingKeepsThePartFile) {
    useServer("slow");
    {
        auto dialog = std::make_unique<DownloadDialog>();
        ASSERT_TRUE(dialog->select(ItemKind::Model, "style_monet"));
        dialog->findChild<QPushButton *>(QStringLiteral("downloadButton"))->click();
        ASSERT_TRUE(test::waitUntil([this] { return QFileInfo(model("style_monet") + ".part").size() > 0; }, 30000));
        EXPECT_TRUE(dialog->isDownloading());
    } // the destructor cancels the transfer
    EXPECT_FALSE(QFileInfo::exists(model("style_monet")));
    EXPECT_GT(QFileInfo(model("style_monet") + ".part").size(), 0);
}

TEST_F(DownloadDialogTest, NotFoundAndTruncatedAreShownInline) {
    DownloadDialog dialog;
    const DownloadOutcome missing = download(dialog, ItemKind::Model, "apple2orange");
    ASSERT_EQ(missing.status, DownloadStatus::NotFound);
    EXPECT_EQ(banner(dialog)->level(), ErrorBanner::Level::Error);
    EXPECT_EQ(banner(dialog)->summary(), "Not found on the server");
    EXPECT_TRUE(banner(dialog)->detail().contains("404"));
    useServer("truncate");
    const DownloadOutcome cut = download(dialog, ItemKind::Model, "style_monet");
    ASSERT_EQ(cut.status, DownloadStatus::Truncated);
    EXPECT_EQ(banner(dialog)->summary(), "The download was cut short");
    EXPECT_TRUE(banner(dialog)->detail().contains("stopped after"));
    EXPECT_FALSE(QFileInfo::exists(model("style_monet")));
}

// A full disk, simulated with the file size limit (RLIMIT_FSIZE, SIGXFSZ ignored).
TEST_F(DownloadDialogTest, FullDiskIsShownInline) {
    DownloadDialog dialog;
    rlimit before{};
    ASSERT_EQ(getrlimit(RLIMIT_FSIZE, &before), 0);
    const auto oldHandler = std::signal(SIGXFSZ, SIG_IGN);
    rlimit limited = before;
    limited.rlim_cur = 16384;
    ASSERT_EQ(setrlimit(RLIMIT_FSIZE, &limited), 0);
    const DownloadOutcome o = download(dialog, ItemKind::Model, "style_monet");
    setrlimit(RLIMIT_FSIZE, &before);
    std::signal(SIGXFSZ, oldHandler);
    ASSERT_EQ(o.status, DownloadStatus::DiskFull) << o.message.toStdString();
    EXPECT_EQ(banner(dialog)->summary(), "The disk is full");
    EXPECT_FALSE(QFileInfo::exists(model("style_monet")));
    EXPECT_FALSE(QFileInfo::exists(model("style_monet") + ".part"));
}

// The README's picture: the dialog after a download (CGS_SCREENSHOT_DIR=<source>/docs/screenshots
// refreshes docs/screenshots/downloads.png; otherwise it goes to a temporary folder).
TEST_F(DownloadDialogTest, GrabsTheDialogAfterADownload) {
    // A home folder with the usual data folder, so the picture shows "~/.local/share/...".
    const QByteArray home = qgetenv("HOME");
    const QString fakeHome = m_server.root() + "/home";
    qputenv("HOME", fakeHome.toUtf8());
    qputenv(download::kDataFolderVariable, (fakeHome + "/.local/share/cyclegan-studio").toUtf8());
    DownloadDialog dialog;
    dialog.resize(760, 600);
    dialog.show();
    ASSERT_EQ(download(dialog, ItemKind::Model, "style_monet").status, DownloadStatus::Installed);
    const QImage image = dialog.grab().toImage();
    ASSERT_FALSE(image.isNull());
    EXPECT_EQ(image.width(), dialog.width() * image.devicePixelRatio());
    const QString dir = qEnvironmentVariableIsSet("CGS_SCREENSHOT_DIR") ? qEnvironmentVariable("CGS_SCREENSHOT_DIR")
                                                                        : m_server.root();
    EXPECT_TRUE(image.save(dir + "/downloads.png")) << dir.toStdString();
    QStringList texts;
    for (const QLabel *label : dialog.findChildren<QLabel *>())
        texts << label->text();
    qputenv("HOME", home);
    EXPECT_TRUE(texts.contains(QStringLiteral("Data folder: ~/.local/share/cyclegan-studio")))
        << texts.join(QStringLiteral(" | ")).toStdString();
    EXPECT_EQ(displayPath(QStringLiteral("/srv/data")), QStringLiteral("/srv/data"));
    EXPECT_EQ(displayPath(QDir::homePath() + QStringLiteral("sick/x")), QDir::homePath() + QStringLiteral("sick/x"))
        << "a sibling of the home folder whose name starts like it";
}

} // namespace
} // namespace cgs::ui
