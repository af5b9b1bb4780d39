// End-to-end: the whole window during a short real training on the demo data, then each page,
// grabbed to PNG files (label e2e; `ctest -L e2e`): <build>/screenshots by default, or the
// folder CGS_SCREENSHOT_DIR names (docs/screenshots for the README).
// CGS_SCREENSHOT_RUN=<run folder> takes the pictures from a longer run instead (the README's come
// from the demo model's run, scripts/train-demo-model.sh): a copy of it (the run itself is never
// written) is resumed on the Train page, translated, compared, exported, and continued by
// `cyclegan train --continue_train` for the watching picture.
#include "ui/main_window.h"

#include "core/engine/checkpoint/checkpoint_store.h"
#include "core/engine/train/run_folder.h"

#include "ui/compare/compare_page.h"
#include "ui/demo_locator.h"
#include "ui/export/export_page.h"
#include "ui/language_manager.h"
#include "ui/runs/run_catalog.h"
#include "ui/train/loss_plot.h"
#include "ui/widgets/model_picker.h"
#include "ui/train/preview_panel.h"
#include "ui/train/train_options_form.h"
#include "ui/train/train_page.h"
#include "ui/translate/translate_page.h"
#include "tests/ui/ui_test_support.h"

#include <QDir>
#include <QProcess>
#include <QSignalSpy>
#include <QTemporaryDir>

#include <algorithm>
#include <filesystem>
#include <fstream>

#include <nlohmann/json.hpp>

#include <gtest/gtest.h>

namespace cgs::ui {
namespace {

// The window size of the pictures: 1360x860, or $CGS_SCREENSHOT_SIZE ("1280x720") to look at
// the pages at another size.
QSize screenshotSize()
{
    const QList<QByteArray> parts = qgetenv("CGS_SCREENSHOT_SIZE").split('x');
    if (parts.size() == 2 && parts[0].toInt() > 0 && parts[1].toInt() > 0)
        return {parts[0].toInt(), parts[1].toInt()};
    return {1360, 860};
}

using test::waitUntil;
using State = TrainingController::State;

QString screenshotDir()
{
    // Into the build tree by default, so that a plain ctest run leaves the checkout clean;
    // CGS_SCREENSHOT_DIR=<source>/docs/screenshots refreshes the committed pictures.
    QString dir = qEnvironmentVariable("CGS_SCREENSHOT_DIR");
    if (dir.isEmpty())
        dir = QDir(qEnvironmentVariable("CGS_BINARY_DIR", CGS_TEST_BINARY_DIR))
                  .filePath(QStringLiteral("screenshots"));
    QDir().mkpath(dir);
    return dir;
}

void grab(QWidget *window, const QString &name)
{
    waitUntil([] { return false; }, 600); // let the plot's replot timer and layouts settle
    const QString path = QDir(screenshotDir()).filePath(name);
    ASSERT_TRUE(window->grab().save(path)) << path.toStdString();
    std::printf("[          ] screenshot %s\n", qPrintable(path));
}

// The first `count` files of a folder, by name.
QStringList imagesIn(const QString &folder, int count)
{
    QDir dir(folder);
    QStringList files;
    for (const QString &f : dir.entryList(QDir::Files, QDir::Name).mid(0, count))
        files << dir.filePath(f);
    return files;
}

QStringList demoImages(const QString &sub, int count)
{
    return imagesIn(QDir(DemoLocator::demoDataroot()).filePath(sub), count);
}

// The end of both tests, while `cli` trains the watched run: the Runs page, then (the CLI
// stopped) the Train page in Korean.
void grabRunsThenKorean(MainWindow &window, LanguageManager &languages, QProcess &cli)
{
    window.showPage(MainWindow::RunsPageIndex);
    window.runCatalog()->refreshNow();
    grab(&window, QStringLiteral("runs.png"));
    cli.terminate();
    ASSERT_TRUE(cli.waitForFinished(300000));
    window.trainPage()->stopWatching();

    languages.setLanguage("ko");
    window.showPage(MainWindow::TrainPageIndex);
    grab(&window, QStringLiteral("train_ko.png"));
    languages.setLanguage("en");
}

// The checkpoints a copy of a long run keeps: latest and up to four epochs spread over the run.
std::vector<std::string> keptCheckpoints(const std::string &runDir)
{
    std::vector<std::string> epochs;
    for (const cgs::CheckpointInfo &info : cgs::listCheckpoints(runDir))
        if (info.tag != "latest")
            epochs.push_back(info.tag);
    std::vector<std::string> kept = {"latest"};
    const size_t n = epochs.size();
    for (size_t i = 1; i <= std::min<size_t>(4, n); ++i)
        kept.push_back(epochs[i * n / std::min<size_t>(4, n) - 1]);
    return kept;
}

// Copies a run (config, losses, previews, metrics, kept checkpoints) to <runs>/<its name>, with
// previews every 5 steps from now on (its own interval may be hundreds of steps).
QString copyRun(const QString &source, const QString &runs)
{
    namespace fs = std::filesystem;
    const fs::path from = source.toStdString();
    const fs::path to = fs::path(runs.toStdString()) / from.filename();
    fs::create_directories(to / "checkpoints");
    for (const char *file : {"config.json", "loss_log.csv", "metrics.csv"})
        if (fs::exists(from / file))
            fs::copy(from / file, to / file);
    fs::copy(from / "previews", to / "previews", fs::copy_options::recursive);
    for (const std::string &tag : keptCheckpoints(from.string()))
        fs::copy(from / "checkpoints" / tag, to / "checkpoints" / tag, fs::copy_options::recursive);
    nlohmann::json config;
    std::ifstream(to / "config.json") >> config;
    config["options"]["display_freq"] = 5;
    config["options"]["checkpoints_dir"] = runs.toStdString();
    std::ofstream(to / "config.json") << config.dump(2);
    return QString::fromStdString(to.string());
}

TEST(StudioScreenshots, EveryPageOfALongerRun)
{
    const QString source = qEnvironmentVariable("CGS_SCREENSHOT_RUN");
    if (source.isEmpty())
        GTEST_SKIP() << "CGS_SCREENSHOT_RUN names no run folder";
    // The runs folder in a stand-in home folder, so the pages show "~/cyclegan-runs".
    QTemporaryDir temp;
    const QByteArray home = qgetenv("HOME");
    qputenv("HOME", temp.path().toUtf8());
    struct RestoreHome {
        QByteArray value;
        ~RestoreHome() { qputenv("HOME", value); }
    } restore{home};
    const QString runsPath = temp.filePath(QStringLiteral("cyclegan-runs"));
    QDir().mkpath(runsPath);
    const QString runDir = copyRun(source, runsPath);
    const cgs::TrainOptions o = cgs::RunFolder(runDir.toStdString()).readOptions();
    const QString dataroot = QString::fromStdString(o.dataroot);
    LanguageManager languages;
    languages.setLanguage("en");
    MainWindow window(&languages);
    window.resize(screenshotSize());
    window.show();

    // Train: the run resumed for one more epoch, its loss history and a few live previews.
    TrainPage *train = window.trainPage();
    window.showPage(MainWindow::TrainPageIndex);
    const int history = static_cast<int>(cgs::RunFolder(runDir.toStdString()).readLosses().steps.size());
    train->resumeRun(runDir, 1);
    ASSERT_TRUE(waitUntil([&] { return train->previewPanel()->shownImages().size() > 1 &&
                                       train->lossPlot()->pointCount() >= history + 12; }, 600000));
    grab(&window, QStringLiteral("train.png"));
    train->stopTraining();
    ASSERT_TRUE(waitUntil([&] { return train->controller()->state() == State::Idle; }, 600000));

    TranslatePage *translate = window.translatePage();
    window.showPage(MainWindow::TranslatePageIndex);
    translate->modelPicker()->setModel(runDir);
    translate->modelPicker()->setDirection(cgs::Direction::BToA); // photo -> Monet
    translate->addFiles(imagesIn(dataroot + QStringLiteral("/testB"), 3));
    ASSERT_TRUE(waitUntil([&] { return !translate->entryOutput(2).isNull(); }, 120000));
    grab(&window, QStringLiteral("translate.png"));

    ComparePage *compare = window.comparePage();
    window.showPage(MainWindow::ComparePageIndex);
    compare->addRunCheckpoints(runDir);
    compare->addInputs(imagesIn(dataroot + QStringLiteral("/testA"), 3));
    QSignalSpy evaluated(compare, &ComparePage::evaluationFinished);
    compare->evaluate(dataroot + QStringLiteral("/testA"), dataroot + QStringLiteral("/testB"));
    ASSERT_TRUE(waitUntil([&] { return !evaluated.isEmpty(); }, 1200000));
    QSignalSpy compared(compare, &ComparePage::comparisonFinished);
    compare->compare();
    ASSERT_TRUE(waitUntil([&] { return !compared.isEmpty(); }, 120000));
    grab(&window, QStringLiteral("compare.png"));

    ExportPage *exporter = window.exportPage();
    window.showPage(MainWindow::ExportPageIndex);
    exporter->modelPicker()->setModel(runDir);
    exporter->addInputDir(dataroot + QStringLiteral("/testA"));
    exporter->setOutputDir(temp.filePath(QStringLiteral("export")));
    QSignalSpy exported(exporter, &ExportPage::exportFinished);
    exporter->startExport();
    ASSERT_TRUE(waitUntil([&] { return !exported.isEmpty(); }, 300000));
    grab(&window, QStringLiteral("export.png"));

    // `cyclegan train --continue_train` goes on with the same run; the Train page watches it.
    const cgs::TrainOptions now = cgs::RunFolder(runDir.toStdString()).readOptions();
    QProcess cli;
    cli.start(QStringLiteral(CGS_CLI_PATH),
              {"train", "--continue_train", "--dataroot", dataroot, "--name", QDir(runDir).dirName(),
               "--checkpoints_dir", runsPath, "--netG", QString::fromStdString(now.netG),
               "--ngf", QString::number(now.ngf), "--ndf", QString::number(now.ndf),
               "--load_size", QString::number(now.loadSize), "--crop_size", QString::number(now.cropSize),
               "--precision", QString::fromStdString(now.precision),
               "--n_epochs", QString::number(now.nEpochs),
               "--n_epochs_decay", QString::number(now.nEpochsDecay + 1), "--display_freq", "5",
               "--print_freq", "1000", "--save_epoch_freq", "1000", "--seed",
               QString::number(now.seed), "--cpu_threads", "1"});
    ASSERT_TRUE(cli.waitForStarted(30000));
    ASSERT_TRUE(waitUntil([&] {
        return cgs::RunFolder(runDir.toStdString()).status().state == cgs::RunFolder::RunState::Training;
    }, 300000));
    train->openRun(runDir);
    window.showPage(MainWindow::TrainPageIndex);
    ASSERT_TRUE(waitUntil([&] { return train->isWatching() &&
                                       train->previewPanel()->frameCount() >= 3; }, 600000));
    grab(&window, QStringLiteral("watch.png"));
    grabRunsThenKorean(window, languages, cli);
}

TEST(StudioScreenshots, EveryPageDuringAShortRealTraining)
{
    if (!qEnvironmentVariable("CGS_SCREENSHOT_RUN").isEmpty())
        GTEST_SKIP() << "pictures from CGS_SCREENSHOT_RUN instead";
    QTemporaryDir runs;
    LanguageManager languages;
    languages.setLanguage("en");
    MainWindow window(&languages);
    window.resize(screenshotSize());
    window.show();

    cgs::TrainOptions options =
        TrainOptionsForm::quickStartOptions(test::demoDataroot(), runs.path());
    options.cropSize = 64;
    options.loadSize = 72;
    // CGS_SCREENSHOT_EPOCHS trains longer (and wider) for nicer pictures; the default is quick.
    const int epochs = qEnvironmentVariableIntValue("CGS_SCREENSHOT_EPOCHS");
    options.ngf = epochs > 0 ? 16 : 8;
    options.ndf = epochs > 0 ? 16 : 8;
    options.nEpochs = epochs > 0 ? epochs : 2;
    options.nEpochsDecay = epochs > 0 ? epochs / 2 : 1;
    options.saveEpochFreq = epochs > 0 ? std::max(1, epochs / 3) : 1;
    options.displayFreq = 5;
    options.device = "cpu";
    TrainPage *train = window.trainPage();
    train->optionsForm()->setOptions(options);
    window.showPage(MainWindow::TrainPageIndex);
    train->startTraining();
    ASSERT_TRUE(waitUntil([&] { return train->previewPanel()->frameCount() >= 4 &&
                                       train->lossPlot()->pointCount() >= 25; }, 600000));
    grab(&window, QStringLiteral("train.png"));
    ASSERT_TRUE(waitUntil([&] { return train->controller()->state() == State::Idle; }, 600000));
    const QString runDir = train->runDir();
    ASSERT_FALSE(runDir.isEmpty());

    TranslatePage *translate = window.translatePage();
    window.showPage(MainWindow::TranslatePageIndex);
    translate->modelPicker()->setModel(runDir);
    translate->modelPicker()->setDirection(cgs::Direction::BToA); // photo -> Monet
    translate->addFiles(demoImages(QStringLiteral("testB"), 3));
    ASSERT_TRUE(waitUntil([&] { return !translate->entryOutput(0).isNull(); }, 120000));
    grab(&window, QStringLiteral("translate.png"));

    ComparePage *compare = window.comparePage();
    window.showPage(MainWindow::ComparePageIndex);
    compare->addRunCheckpoints(runDir);
    compare->addInputs(demoImages(QStringLiteral("testA"), 3));
    // Metrics per checkpoint (SWD without Inception weights; FID/KID with $CGS_INCEPTION_WEIGHTS).
    QSignalSpy evaluated(compare, &ComparePage::evaluationFinished);
    compare->evaluate(QDir(test::demoDataroot()).filePath(QStringLiteral("testA")),
                      QDir(test::demoDataroot()).filePath(QStringLiteral("testB")));
    ASSERT_TRUE(waitUntil([&] { return !evaluated.isEmpty(); }, 600000));
    QSignalSpy compared(compare, &ComparePage::comparisonFinished);
    compare->compare();
    ASSERT_TRUE(waitUntil([&] { return !compared.isEmpty(); }, 120000));
    grab(&window, QStringLiteral("compare.png"));

    ExportPage *exporter = window.exportPage();
    window.showPage(MainWindow::ExportPageIndex);
    exporter->modelPicker()->setModel(runDir);
    exporter->addInputDir(QDir(test::demoDataroot()).filePath(QStringLiteral("testA")));
    exporter->setOutputDir(runs.filePath(QStringLiteral("export")));
    QSignalSpy exported(exporter, &ExportPage::exportFinished);
    exporter->startExport();
    ASSERT_TRUE(waitUntil([&] { return !exported.isEmpty(); }, 120000));
    grab(&window, QStringLiteral("export.png"));

    // A run that `cyclegan train` trains in the same runs folder: the Runs page lists both,
    // the Train page watches the CLI's live.
    QProcess cli;
    cli.start(QStringLiteral(CGS_CLI_PATH),
              {"train", "--dataroot", test::demoDataroot(), "--name", "cli_run",
               "--checkpoints_dir", runs.path(), "--netG", "resnet_6blocks", "--ngf", "8",
               "--ndf", "8", "--load_size", "72", "--crop_size", "64", "--n_epochs", "50",
               "--n_epochs_decay", "0", "--display_freq", "5", "--print_freq", "1000",
               "--save_epoch_freq", "1", "--seed", "7", "--cpu_threads", "1"});
    ASSERT_TRUE(cli.waitForStarted(30000));
    const QString cliRun = QDir(runs.path()).filePath(QStringLiteral("cli_run"));
    ASSERT_TRUE(waitUntil([&] {
        return cgs::RunFolder(cliRun.toStdString()).readLosses().steps.size() >= 2;
    }, 600000));
    train->openRun(cliRun);
    window.showPage(MainWindow::TrainPageIndex);
    ASSERT_TRUE(waitUntil([&] { return train->isWatching() &&
                                       train->previewPanel()->frameCount() >= 3 &&
                                       train->lossPlot()->pointCount() >= 40; }, 600000));
    grab(&window, QStringLiteral("watch.png"));
    grabRunsThenKorean(window, languages, cli);
}

} // namespace
} // namespace cgs::ui
