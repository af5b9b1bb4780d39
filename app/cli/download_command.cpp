// `cyclegan download model|dataset NAME` and `cyclegan download list`: the official pretrained
// generators and datasets, through app/download (the studio's dialog uses the same job).
#include "app/cli/command.h"
#include "app/cli/stop_signal_watcher.h"
#include "app/download/download_catalog.h"
#include "app/download/download_job.h"

#include <QCoreApplication>
#include <QDir>
#include <QMetaObject>

#include <cstdio>
#include <iostream>
#include <memory>
#include <unistd.h>

namespace cgs::cli {

namespace {

struct DownloadArgs {
    std::string name;
    std::string dir;     // data folder ("" = download::dataFolder())
    std::string baseUrl; // "" = download::baseUrl()
};

int exitCodeFor(download::DownloadStatus status)
{
    using download::DownloadStatus;
    switch (status) {
    case DownloadStatus::Installed:
    case DownloadStatus::AlreadyInstalled: return kExitOk;
    case DownloadStatus::Cancelled: return kExitInterrupted;
    case DownloadStatus::NotAModel: return kExitCheckpoint;
    case DownloadStatus::NotADataset: return kExitDataset;
    default: return kExitIo; // network, 404, truncated, disk full, cannot write
    }
}

// Progress on stderr: one rewritten line on a terminal, a line per 10 % otherwise.
class ProgressPrinter {
public:
    void print(qint64 received, qint64 total, double bytesPerSecond)
    {
        const int percent = total > 0 ? int(100 * received / total) : -1;
        if (!m_tty && percent / 10 == m_lastDecile)
            return;
        m_lastDecile = percent / 10;
        char line[160];
        std::snprintf(line, sizeof line, "%s%3d%%  %.1f of %.1f MB  %.1f MB/s", m_tty ? "\r" : "",
                      percent, received / 1e6, total / 1e6, bytesPerSecond / 1e6);
        std::cerr << line << (m_tty ? "" : "\n") << std::flush;
    }
    void end()
    {
        if (m_tty)
            std::cerr << "\n";
    }

private:
    bool m_tty = ::isatty(2) != 0;
    int m_lastDecile = -2;
};

int runDownload(download::ItemKind kind, const DownloadArgs &args)
{
    const download::CatalogEntry *entry = download::findEntry(kind, QString::fromStdString(args.name));
    if (!entry) {
        std::cerr << "error: '" << args.name << "' is not an official " << download::kindName(kind).toStdString()
                  << " (see `cyclegan download list`)\n";
        return kExitUsage;
    }
    const QString folder = args.dir.empty() ? download::dataFolder()
                                            : QDir(QString::fromStdString(args.dir)).absolutePath();
    const QString base = args.baseUrl.empty() ? download::baseUrl() : QString::fromStdString(args.baseUrl);
    std::cerr << "Downloading " << download::kindName(kind).toStdString() << " " << args.name << " from "
              << download::entryUrl(*entry, base).toDisplayString().toStdString() << "\n";
    download::DownloadJob job;
    ProgressPrinter printer;
    download::DownloadOutcome outcome;
    QObject::connect(&job, &download::DownloadJob::progressed, &job,
                     [&printer](qint64 r, qint64 t, double s) { printer.print(r, t, s); });
    QObject::connect(&job, &download::DownloadJob::stageChanged, &job, [&printer](download::DownloadStage stage) {
        if (stage == download::DownloadStage::Transferring)
            return;
        printer.end();
        std::cerr << (stage == download::DownloadStage::Verifying ? "Verifying...\n" : "Unpacking...\n");
    });
    QObject::connect(&job, &download::DownloadJob::finished, &job, [&outcome](const download::DownloadOutcome &o) {
        outcome = o;
        QCoreApplication::quit();
    });
    // Ctrl-C / SIGTERM cancel the transfer (the .part file stays for a resume).
    // A local watcher (not installStopHandler): it must be gone before the job it points to.
    StopSignalWatcher watcher([&job] {
        QMetaObject::invokeMethod(&job, &download::DownloadJob::cancel, Qt::QueuedConnection);
    });
    job.start(*entry, base, folder);
    QCoreApplication::exec();
    printer.end();
    const std::string path = QDir::toNativeSeparators(outcome.path).toStdString();
    switch (outcome.status) {
    case download::DownloadStatus::Installed:
        std::cout << path << "\n";
        std::cerr << "Done: " << entry->description.toStdString() << (outcome.resumed ? " (resumed)" : "") << "\n";
        break;
    case download::DownloadStatus::AlreadyInstalled:
        std::cout << path << "\n";
        std::cerr << "Already downloaded.\n";
        break;
    case download::DownloadStatus::Cancelled:
        std::cerr << "Stopped: " << outcome.message.toStdString() << "\n";
        break;
    default:
        std::cerr << "error: " << outcome.message.toStdString() << "\n";
    }
    return exitCodeFor(outcome.status);
}

int runList(const std::string &dir)
{
    const QString folder = dir.empty() ? download::dataFolder() : QDir(QString::fromStdString(dir)).absolutePath();
    download::ItemKind last = download::ItemKind::Dataset;
    for (const auto &entry : download::catalog()) {
        if (entry.kind != last || &entry == &download::catalog().front())
            std::cout << (entry.kind == download::ItemKind::Model ? "Models:\n" : "Datasets:\n");
        last = entry.kind;
        // Padded by characters, not bytes: "Cézanne" is 7 columns wide in 8 UTF-8 bytes.
        const QString line = QStringLiteral("  %1 %2 %3")
                                 .arg(entry.name.leftJustified(24), entry.description.leftJustified(34),
                                      download::isInstalled(entry, folder) ? QStringLiteral("downloaded")
                                                                           : QString())
                                 .trimmed();
        std::cout << "  " << line.toStdString() << "\n";
    }
    std::cout << "Data folder: " << QDir::toNativeSeparators(folder).toStdString() << "\n";
    return kExitOk;
}

// QCoreApplication needs argc/argv that outlive it; the command has no Qt options.
int withEventLoop(const std::function<int()> &run)
{
    static int argc = 1;
    static char name[] = "cyclegan";
    static char *argv[] = {name, nullptr};
    QCoreApplication app(argc, argv);
    QCoreApplication::setOrganizationName(QStringLiteral("CycleGAN Studio"));
    QCoreApplication::setApplicationName(QStringLiteral("cyclegan-studio")); // the studio's settings
    return run();
}

} // namespace

Command addDownloadCommand(CLI::App &root)
{
    CLI::App *cmd = root.add_subcommand(
        "download",
        "Download an official pretrained model or dataset of the CycleGAN authors into the data "
        "folder ($CGS_DATA_DIR, default ~/.local/share/cyclegan-studio). A model is verified "
        "(it loads as a generator), a dataset unpacked and checked (trainA/, trainB/). Prints the "
        "installed path on stdout. An interrupted download resumes where the server allows.\n"
        "Exit codes: 0 ok, 1 unknown name, 3 not a dataset, 4 not a generator, 7 network, "
        "HTTP 404, truncated download, disk full, 130 interrupted.");
    cmd->require_subcommand(1);
    auto args = std::make_shared<DownloadArgs>();
    auto kind = std::make_shared<download::ItemKind>(download::ItemKind::Model);
    auto list = std::make_shared<bool>(false);
    for (const auto k : {download::ItemKind::Model, download::ItemKind::Dataset}) {
        const bool isModel = k == download::ItemKind::Model;
        CLI::App *sub = cmd->add_subcommand(isModel ? "model" : "dataset",
                                            isModel ? "A pretrained generator: <data>/models/NAME.pth"
                                                    : "A dataset: <data>/datasets/NAME/ (trainA, trainB, ...)");
        sub->add_option("name", args->name, "The official name (see `cyclegan download list`)")->required();
        sub->add_option("--dir", args->dir, "Data folder (default: $CGS_DATA_DIR or ~/.local/share/cyclegan-studio)");
        sub->add_option("--base_url", args->baseUrl,
                        "Server folder holding pretrained_models/ and datasets/ (default: "
                        "$CGS_DOWNLOAD_BASE_URL, the studio's setting, or the authors' server)");
        sub->callback([kind, k] { *kind = k; });
    }
    CLI::App *listCmd = cmd->add_subcommand("list", "List the official models and datasets, and which are downloaded");
    listCmd->add_option("--dir", args->dir, "Data folder");
    listCmd->callback([list] { *list = true; });
    return {cmd, [args, kind, list] {
                return withEventLoop([&] { return *list ? runList(args->dir) : runDownload(*kind, *args); });
            }};
}

} // namespace cgs::cli
