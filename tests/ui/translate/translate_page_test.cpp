#include "ui/translate/translate_page.h"

#include "ui/translate/before_after_view.h"
#include "ui/widgets/error_banner.h"
#include "ui/widgets/model_picker.h"
#include "tests/ui/ui_test_support.h"

#include <QDragEnterEvent>
#include <QDropEvent>
#include <QFile>
#include <QListWidget>
#include <QMimeData>
#include <QSettings>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QUrl>

#include <QClipboard>
#include <QApplication>
#include <gtest/gtest.h>

namespace cgs::ui {
namespace {

using test::waitUntil;

// Sends a drag-enter and a drop of `paths` as file URLs, as a file manager would.
bool dropFiles(QWidget *target, const QStringList &paths)
{
    QMimeData mime;
    QList<QUrl> urls;
    for (const QString &path : paths)
        urls << QUrl::fromLocalFile(path);
    mime.setUrls(urls);
    QDragEnterEvent enter(QPoint(20, 20), Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
    QCoreApplication::sendEvent(target, &enter);
    if (!enter.isAccepted())
        return false;
    QDropEvent drop(QPointF(20, 20), Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
    QCoreApplication::sendEvent(target, &drop);
    return drop.isAccepted();
}

class TranslatePageTest : public ::testing::Test {
protected:
    static void SetUpTestSuite()
    {
        s_runs = new QTemporaryDir;
        s_runDir = test::trainTinyModel(s_runs->path());
    }
    static void TearDownTestSuite() { delete s_runs; }

    static QTemporaryDir *s_runs;
    static QString s_runDir;
    QTemporaryDir m_dir;
};
QTemporaryDir *TranslatePageTest::s_runs = nullptr;
QString TranslatePageTest::s_runDir;

TEST_F(TranslatePageTest, DroppedImagesAreTranslatedAtTheirOwnSize)
{
    TranslatePage page;
    page.show();
    page.modelPicker()->setModel(s_runDir);
    ASSERT_EQ(page.modelPicker()->model(), QDir::cleanPath(s_runDir));
    const QString a = test::writeTestImage(m_dir.path(), "odd.png", 53, 37);
    const QString b = test::writeTestImage(m_dir.path(), "wide.jpg", 120, 40);
    ASSERT_TRUE(dropFiles(&page, {a, b}));
    ASSERT_EQ(page.entryCount(), 2);
    ASSERT_TRUE(waitUntil([&] { return !page.entryOutput(0).isNull() && !page.entryOutput(1).isNull(); },
                          60000))
        << page.entryError(0).toStdString() << page.entryError(1).toStdString();
    EXPECT_EQ(page.entryOutput(0).size(), QSize(53, 37));
    EXPECT_EQ(page.entryOutput(1).size(), QSize(120, 40));
    EXPECT_EQ(page.entryInput(0).size(), QSize(53, 37));
    EXPECT_EQ(page.view()->after().size(), QSize(53, 37)) << "the first dropped image is shown";
    EXPECT_FALSE(page.banner()->isVisibleTo(&page));

    // Switching the direction translates the shown images again.
    QSignalSpy updated(&page, &TranslatePage::entryUpdated);
    const QImage before = page.entryOutput(0);
    page.modelPicker()->setDirection(cgs::Direction::BToA);
    ASSERT_TRUE(waitUntil([&] { return updated.size() >= 2; }, 60000));
    EXPECT_EQ(page.entryOutput(0).size(), QSize(53, 37));
    EXPECT_NE(page.entryOutput(0), before) << "G_B differs from G_A";
}

TEST_F(TranslatePageTest, AnUnreadableDropIsReportedInline)
{
    TranslatePage page;
    page.modelPicker()->setModel(s_runDir);
    QFile bad(m_dir.filePath("broken.png"));
    ASSERT_TRUE(bad.open(QIODevice::WriteOnly));
    bad.write("this is not a png");
    bad.close();
    ASSERT_TRUE(dropFiles(&page, {bad.fileName()}));
    ASSERT_TRUE(waitUntil([&] { return !page.entryError(0).isEmpty(); }, 60000));
    EXPECT_TRUE(page.banner()->isVisibleTo(&page));
    EXPECT_TRUE(page.banner()->detail().contains("broken.png")) << page.banner()->detail().toStdString();
}

TEST_F(TranslatePageTest, WithoutAModelTheErrorSaysSo)
{
    QSettings().remove(QStringLiteral("models/recent"));
    qputenv("CGS_DEMO_MODEL", "none"); // as an installation without the bundled model
    TranslatePage page;
    qunsetenv("CGS_DEMO_MODEL");
    ASSERT_TRUE(page.modelPicker()->model().isEmpty());
    const QString a = test::writeTestImage(m_dir.path(), "a.png", 16, 16);
    ASSERT_TRUE(dropFiles(&page, {a}));
    ASSERT_TRUE(waitUntil([&] { return !page.entryError(0).isEmpty(); }, 60000));
    EXPECT_TRUE(page.entryOutput(0).isNull());
}

TEST_F(TranslatePageTest, AFreshStartTranslatesADroppedPhotoWithTheDemoModel)
{
    QSettings().remove(QStringLiteral("models/recent"));
    TranslatePage page;
    ASSERT_TRUE(page.modelPicker()->isDemoModel()) << page.modelPicker()->model().toStdString();
    EXPECT_EQ(page.modelPicker()->direction(), cgs::Direction::BToA); // photo -> Monet
    const QString photo = test::writeTestImage(m_dir.path(), "photo.png", 45, 33);
    ASSERT_TRUE(dropFiles(&page, {photo}));
    ASSERT_TRUE(waitUntil([&] { return !page.entryOutput(0).isNull() || !page.entryError(0).isEmpty(); },
                          120000));
    EXPECT_TRUE(page.entryError(0).isEmpty()) << page.entryError(0).toStdString();
    EXPECT_EQ(page.entryOutput(0).size(), QSize(45, 33)); // at its own size
    // Opening another model makes it the choice; the demo stays in the list.
    page.modelPicker()->setModel(s_runDir);
    EXPECT_FALSE(page.modelPicker()->isDemoModel());
}

TEST_F(TranslatePageTest, StatusAndBannerBelongToTheSelectedEntry)
{
    TranslatePage page;
    page.resize(1000, 700);
    page.show();
    page.modelPicker()->setModel(s_runDir);
    const QString small = test::writeTestImage(m_dir.path(), "small.png", 31, 27);
    const QString large = test::writeTestImage(m_dir.path(), "large.png", 140, 90);
    const QString text = m_dir.filePath("text.jpg");
    const QString empty = m_dir.filePath("empty.png");
    {
        QFile f(text);
        ASSERT_TRUE(f.open(QIODevice::WriteOnly));
        f.write("not an image at all");
        QFile e(empty);
        ASSERT_TRUE(e.open(QIODevice::WriteOnly));
    }
    page.addFiles({small, text, large, empty});
    ASSERT_EQ(page.entryCount(), 4);
    auto done = [&](int i) { return !page.entryOutput(i).isNull() || !page.entryError(i).isEmpty(); };
    ASSERT_TRUE(waitUntil([&] { return done(0) && done(1) && done(2) && done(3); }, 60000));

    // The first entry is selected: its own size, whichever finished last.
    EXPECT_EQ(page.entryList()->currentRow(), 0);
    EXPECT_TRUE(page.statusText().startsWith(QString::fromUtf8("31 \u00d7 27"))) << page.statusText().toStdString();
    EXPECT_FALSE(page.banner()->isVisibleTo(&page));
    page.entryList()->setCurrentRow(2);
    EXPECT_TRUE(page.statusText().startsWith(QString::fromUtf8("140 \u00d7 90"))) << page.statusText().toStdString();

    // Each failure keeps its own reason, shown when its row is selected.
    ASSERT_FALSE(page.entryError(1).isEmpty());
    ASSERT_FALSE(page.entryError(3).isEmpty());
    EXPECT_NE(page.entryError(1), page.entryError(3));
    for (int row : {1, 3}) {
        page.entryList()->setCurrentRow(row);
        EXPECT_TRUE(page.banner()->isVisibleTo(&page));
        EXPECT_EQ(page.banner()->detail(), page.entryError(row));
        EXPECT_TRUE(page.banner()->summary().contains(row == 1 ? "text.jpg" : "empty.png"));
        EXPECT_FALSE(page.statusText().contains(QString::fromUtf8("\u00d7")));
        QListWidgetItem *item = page.entryList()->item(row);
        EXPECT_FALSE(item->icon().isNull());
        EXPECT_TRUE(item->toolTip().contains(page.entryError(row)));
        // A failed row is as high as a translated one.
        EXPECT_EQ(page.entryList()->visualItemRect(item).height(),
                  page.entryList()->visualItemRect(page.entryList()->item(0)).height());
    }
    page.entryList()->setCurrentRow(0);
    EXPECT_FALSE(page.banner()->isVisibleTo(&page));
}


// The 12-06 walk: pasting a file copied in a file manager was refused; Save on a failed item
// did nothing; there was no way to remove one image.
TEST_F(TranslatePageTest, PastedFilesOpenAndAFailedItemSaysWhyNothingIsSaved)
{
    TranslatePage page;
    page.modelPicker()->setModel(s_runDir);
    const QString a = test::writeTestImage(m_dir.path(), "copied.png", 20, 12);
    QFile bad(m_dir.filePath("broken.png"));
    ASSERT_TRUE(bad.open(QIODevice::WriteOnly));
    bad.write("this is not a png");
    bad.close();
    auto *mime = new QMimeData; // what a file manager's Copy puts there
    mime->setUrls({QUrl::fromLocalFile(a), QUrl::fromLocalFile(bad.fileName())});
    QApplication::clipboard()->setMimeData(mime);
    page.pasteImage();
    ASSERT_EQ(page.entryCount(), 2);
    ASSERT_TRUE(waitUntil([&] { return !page.entryError(1).isEmpty(); }, 60000));
    page.entryList()->setCurrentRow(1);
    page.saveResult(); // no dialog: there is nothing to save
    EXPECT_TRUE(page.banner()->isVisibleTo(&page));
    EXPECT_TRUE(page.banner()->summary().contains("nothing to save"))
        << page.banner()->summary().toStdString();
    page.removeSelected();
    EXPECT_EQ(page.entryCount(), 1);
    EXPECT_TRUE(QFile::exists(bad.fileName())) << "removing an entry must not delete its file";
}
} // namespace
} // namespace cgs::ui
