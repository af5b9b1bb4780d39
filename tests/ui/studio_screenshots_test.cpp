// End-to-end: the whole window during a short real training on the demo data, then each page,
// grabbed to PNG files (label e2e; `ctest -L e2e`): <build>/screenshots by default, or the
// folder CGS_SCREENSHOT_DIR names (docs/screenshots for the README).
#include "ui/main_window.h"

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

#include <gtest/gtest.h>

namespace cgs::ui {
namespace {

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

QStringList demoImages(const QString &sub, int count)
{
    QDir dir(QDir(DemoLocator::demoDataroot()).filePath(sub));
    QStringList files;
    for (const QString &f : dir.entryList(QDir::Files, QDir::Name).mid(0, count))
        files << dir.filePath(f);
    return files;
}

TEST(StudioScreenshots, EveryPageDuringAShortRealTraining)
{
    QTemporaryDir runs;
    LanguageManager languages;
    languages.setLanguage("en");
    MainWindow window(&languages);
    window.resize(1360, 860);
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
    window.showPage(MainWindow::RunsPageIndex);
    window.runCatalog()->refreshNow();
    grab(&window, QStringLiteral("runs.png"));
    cli.terminate();
    ASSERT_TRUE(cli.waitForFinished(300000));
    train->stopWatching();

    languages.setLanguage("ko");
    window.showPage(MainWindow::TrainPageIndex);
    grab(&window, QStringLiteral("train_ko.png"));
    languages.setLanguage("en");
}

} // namespace
} // namespace cgs::ui
