#include "ui/translate/video_panel.h"

#include "core/engine/translate/translator.h"
#include "core/imageio/video_reader.h"
#include "tests/core/imageio/video_test_util.h"
#include "tests/ui/ui_test_support.h"
#include "ui/translate/before_after_view.h"
#include "ui/translate/translate_page.h"
#include "ui/widgets/error_banner.h"
#include "ui/widgets/image_convert.h"
#include "ui/widgets/model_picker.h"

#include <QDir>
#include <QDragEnterEvent>
#include <QDropEvent>
#include <QFile>
#include <QMimeData>
#include <QSignalSpy>
#include <QSlider>
#include <QTemporaryDir>
#include <QUrl>

#include <gtest/gtest.h>

namespace cgs::ui {
namespace {

using test::waitUntil;

constexpr int kFrames = 24, kWidth = 68, kHeight = 52;
constexpr double kFps = 12;

void dropFile(QWidget *target, const QString &path) {
    QMimeData mime;
    mime.setUrls({QUrl::fromLocalFile(path)});
    QDragEnterEvent enter(QPoint(20, 20), Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
    QCoreApplication::sendEvent(target, &enter);
    QDropEvent drop(QPointF(20, 20), Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
    QCoreApplication::sendEvent(target, &drop);
}

// Frame `index` of `path`, decoded from the start in order (not through the panel's seek).
cgs::Image decodedFrame(const QString &path, int index) {
    cgs::VideoReader reader(path.toStdString());
    cgs::Image frame;
    for (int i = 0; i <= index; ++i)
        if (!reader.read(frame))
            throw std::runtime_error("clip too short");
    return frame;
}

// Files in `dir`, hidden ones (the writer's .part files) included.
QStringList filesIn(const QString &dir) {
    return QDir(dir).entryList(QDir::Files | QDir::Hidden | QDir::NoDotAndDotDot);
}

class VideoPanelTest : public ::testing::Test {
protected:
    static void SetUpTestSuite() {
        s_runs = new QTemporaryDir;
        s_runDir = test::trainTinyModel(s_runs->path());
    }
    static void TearDownTestSuite() { delete s_runs; }

    void SetUp() override {
        // A lossless clip (FFV1) written by OpenCV itself, so frames compare exactly.
        m_clip = m_dir.filePath("clip.mkv");
        cgs::test::writeClip(m_clip.toStdString(),
                             cgs::test::panningFrames(kFrames, kWidth, kHeight), kFps);
        QDir().mkpath(m_dir.filePath("out"));
        m_page.modelPicker()->setModel(s_runDir);
        m_page.show();
    }

    // Drops the clip and waits until frame 0 and its translation are shown.
    bool openClip() {
        QSignalSpy shown(m_page.videoPanel(), &VideoPanel::frameShown);
        dropFile(&m_page, m_clip);
        return waitUntil([&] { return !shown.isEmpty(); }, 60000);
    }

    static QTemporaryDir *s_runs;
    static QString s_runDir;
    QTemporaryDir m_dir;
    QString m_clip;
    TranslatePage m_page;
};
QTemporaryDir *VideoPanelTest::s_runs = nullptr;
QString VideoPanelTest::s_runDir;

TEST_F(VideoPanelTest, SliderShowsTheSingleImageTranslationOfTheDecodedFrame) {
    VideoPanel *panel = m_page.videoPanel();
    ASSERT_TRUE(openClip()) << m_page.banner()->detail().toStdString();
    EXPECT_TRUE(panel->isVisibleTo(&m_page));
    EXPECT_EQ(panel->frameCount(), kFrames);
    EXPECT_EQ(panel->slider()->maximum(), kFrames - 1);
    EXPECT_EQ(panel->shownFrame(), 0);

    // Dragging over several frames: only where the slider rests counts.
    for (int k : {3, 9, 15})
        panel->showFrame(k);
    ASSERT_TRUE(waitUntil([&] { return panel->shownFrame() == 15; }, 60000));
    const cgs::Image frame = decodedFrame(m_clip, 15);
    cgs::Translator translator(m_page.modelPicker()->translatorOptions());
    const QImage expected = toQImage(translator.translate(frame));
    EXPECT_EQ(panel->view()->before(), toQImage(frame)) << "the panel decoded another frame";
    EXPECT_EQ(panel->view()->after().size(), QSize(kWidth, kHeight));
    EXPECT_EQ(panel->view()->after(), expected)
        << "the slider's frame is not the single-image translation of the decoded frame";
    // And it is not just any frame's translation: frame 14 differs.
    EXPECT_NE(toQImage(translator.translate(decodedFrame(m_clip, 14))), expected);
}

TEST_F(VideoPanelTest, ExportVideoWritesEveryFrameAtTheInputsSizeAndRate) {
    VideoPanel *panel = m_page.videoPanel();
    ASSERT_TRUE(openClip());
    QSignalSpy finished(panel, &VideoPanel::exportFinished);
    QSignalSpy progressed(panel->exportJob(), &VideoExportJob::progressed);
    const QString out = m_dir.filePath("out/clip_translated.mkv");
    panel->exportVideo(out);
    EXPECT_TRUE(panel->exportJob()->isRunning());
    ASSERT_TRUE(waitUntil([&] { return !finished.isEmpty(); }, 120000));
    const auto outcome = finished.first().at(0).value<VideoExportOutcome>();
    ASSERT_TRUE(outcome.ok()) << outcome.error.toStdString();
    EXPECT_EQ(outcome.frames, kFrames);
    EXPECT_FALSE(progressed.isEmpty());
    EXPECT_EQ(progressed.last().at(0).value<VideoExportProgress>().frame, kFrames);
    EXPECT_EQ(filesIn(m_dir.filePath("out")), QStringList{"clip_translated.mkv"});

    double fps = 0;
    const auto frames = cgs::test::readClip(out.toStdString(), &fps);
    ASSERT_EQ(static_cast<int>(frames.size()), kFrames);
    EXPECT_EQ(frames[0].cols, kWidth);
    EXPECT_EQ(frames[0].rows, kHeight);
    EXPECT_NEAR(fps, kFps, 1e-6);
    // Smoothing off: frame 7 of the file is frame 7's own translation (FFV1 is lossless).
    cgs::Translator translator(m_page.modelPicker()->translatorOptions());
    cgs::VideoReader written(out.toStdString());
    cgs::Image got;
    for (int i = 0; i <= 7; ++i)
        ASSERT_TRUE(written.read(got));
    EXPECT_EQ(toQImage(got), toQImage(translator.translate(decodedFrame(m_clip, 7))));
    EXPECT_TRUE(panel->statusText().contains("clip_translated.mkv"));
}

TEST_F(VideoPanelTest, CancelLeavesNoOutputFile) {
    VideoPanel *panel = m_page.videoPanel();
    ASSERT_TRUE(openClip());
    QSignalSpy finished(panel, &VideoPanel::exportFinished);
    panel->exportVideo(m_dir.filePath("out/cancelled.mkv"));
    panel->cancelExport();
    ASSERT_TRUE(waitUntil([&] { return !finished.isEmpty(); }, 60000));
    const auto outcome = finished.first().at(0).value<VideoExportOutcome>();
    EXPECT_TRUE(outcome.cancelled);
    EXPECT_TRUE(outcome.error.isEmpty()) << outcome.error.toStdString();
    EXPECT_EQ(filesIn(m_dir.filePath("out")), QStringList{}) << "no output, no .part file";
    EXPECT_FALSE(m_page.banner()->isVisibleTo(&m_page)) << "a cancel is no error";

    // The panel can export again afterwards.
    finished.clear();
    panel->exportVideo(m_dir.filePath("out/again.mkv"));
    ASSERT_TRUE(waitUntil([&] { return !finished.isEmpty(); }, 120000));
    EXPECT_TRUE(finished.first().at(0).value<VideoExportOutcome>().ok());
    EXPECT_EQ(filesIn(m_dir.filePath("out")), QStringList{"again.mkv"});
}

TEST_F(VideoPanelTest, ATextFileNamedMp4ShowsAClearErrorInTheBanner) {
    const QString fake = m_dir.filePath("notes.mp4");
    QFile file(fake);
    ASSERT_TRUE(file.open(QIODevice::WriteOnly));
    file.write("These are my holiday notes, not a film.\n");
    file.close();
    dropFile(&m_page, fake);
    ASSERT_TRUE(waitUntil([&] { return m_page.banner()->isVisibleTo(&m_page); }, 30000));
    EXPECT_EQ(m_page.banner()->level(), ErrorBanner::Level::Error);
    EXPECT_TRUE(m_page.banner()->summary().contains("notes.mp4"))
        << m_page.banner()->summary().toStdString();
    EXPECT_TRUE(m_page.banner()->detail().contains("not a video file"))
        << m_page.banner()->detail().toStdString();
    EXPECT_FALSE(m_page.videoPanel()->isVisibleTo(&m_page));
    EXPECT_EQ(m_page.entryCount(), 0) << "not taken for an image either";

    // A real video afterwards opens normally.
    ASSERT_TRUE(openClip());
    EXPECT_FALSE(m_page.banner()->isVisibleTo(&m_page));
}

TEST_F(VideoPanelTest, DroppingImagesAfterAVideoShowsTheImagesAgain) {
    ASSERT_TRUE(openClip());
    const QString image = test::writeTestImage(m_dir.path(), "still.png", 40, 30);
    QSignalSpy closed(m_page.videoPanel(), &VideoPanel::videoClosed);
    dropFile(&m_page, image);
    EXPECT_EQ(closed.count(), 1);
    EXPECT_FALSE(m_page.videoPanel()->isVisibleTo(&m_page));
    EXPECT_EQ(m_page.entryCount(), 1);
}

} // namespace
} // namespace cgs::ui
