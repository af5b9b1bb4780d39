#include "app/cli/command.h"
#include "app/cli/stop_signal_watcher.h"
#include "app/cli/video_options.h"

#include "app/cli/dist_setup.h"
#include "app/cli/distributed_translate.h"
#include "core/engine/error.h"
#include "core/engine/translate/translator.h"
#include "core/imageio/batch_export.h"

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <memory>
#include <unistd.h>

namespace cgs::cli {
namespace {

struct TranslateArgs {
    TranslatorOptions model;
    BatchExportOptions exportOptions;
    std::string direction = "AtoB";
    bool recursive = false;
    int tile = 0;
    VideoArgs video;
    DistOptions dist;
};

// One line on stderr: redrawn in place on a terminal, a new line every few seconds otherwise.
class ProgressBar {
public:
    void show(const ExportProgress &p) {
        const auto now = std::chrono::steady_clock::now();
        const bool last = p.currentFile.empty();
        const double interval = m_tty ? 0.2 : 5.0;
        if (!last && now - m_lastDraw < std::chrono::duration<double>(interval))
            return;
        m_lastDraw = now;
        const int width = 30;
        const bool video = p.video.total > 0;
        const auto done = video ? p.video.frame : p.processed();
        const auto total = video ? p.video.total : p.total;
        const int filled = total > 0 ? static_cast<int>(width * done / total) : width;
        char counts[160];
        std::snprintf(counts, sizeof counts, "%lld/%lld  %.2f img/s  ETA %s",
                      static_cast<long long>(p.processed()), static_cast<long long>(p.total),
                      p.imagesPerSecond, formatDuration(p.etaSeconds).c_str());
        std::fprintf(stderr, "%s[%s%s] %s  %s%s", m_tty ? "\r" : "",
                     std::string(filled, '#').c_str(), std::string(width - filled, '.').c_str(),
                     video ? videoProgressText(p.video).c_str() : counts,
                     shortName(p.currentFile).c_str(), m_tty ? "\033[K" : "\n");
        if (last && m_tty)
            std::fprintf(stderr, "\n");
        std::fflush(stderr);
    }

private:
    static std::string shortName(const std::string &path) {
        return path.size() <= 40 ? path : "..." + path.substr(path.size() - 37);
    }
    bool m_tty = ::isatty(2) != 0;
    std::chrono::steady_clock::time_point m_lastDraw{};
};

int printSummary(const ExportSummary &s) {
    const auto &p = s.progress;
    std::printf("%s: %lld translated, %lld skipped (output exists; --overwrite replaces), "
                "%lld failed, in %s\n",
                s.cancelled ? "Stopped" : "Done", static_cast<long long>(p.translated),
                static_cast<long long>(p.skipped), static_cast<long long>(p.failed),
                formatDuration(s.seconds).c_str());
    std::fflush(stdout);
    if (!s.failures.empty()) {
        std::fprintf(stderr, "%zu input(s) failed:\n", s.failures.size());
        for (const auto &f : s.failures)
            std::fprintf(stderr, "  %s\n    %s\n", f.path.c_str(), f.reason.c_str());
    }
    if (s.cancelled)
        return kExitInterrupted;
    return s.failures.empty() ? kExitOk : kExitPartial;
}

int runTranslate(TranslateArgs &a) {
    a.model.direction = parseDirection(a.direction);
    if (a.tile < 0)
        throw ConfigError("--tile must be >= 0 (0 = chosen from the device)");
    a.model.maxTilePixels = static_cast<std::int64_t>(a.tile) * a.tile;
    a.exportOptions.recursion =
        a.recursive ? Recursion::IncludeSubfolders : Recursion::TopLevelOnly;
    applyVideoOptions(a.video, a.exportOptions);
    a.exportOptions.validate();
    const DistEnv env = DistEnv::fromEnvironment();
    auto group = joinFromEnvironment(env, a.dist, a.model.device);
    const std::unique_ptr<Translator> translator =
        openNamedModel([&] { return std::make_unique<Translator>(a.model); });
    const ModelInfo &info = translator->info();
    if (env.isMain()) // every rank loads the same model: one line
        std::fprintf(stderr, "model: %s (%s, ngf %d, %d blocks) on %s\n", info.source.c_str(),
                     info.format.c_str(), info.ngf, info.nBlocks,
                     translator->deviceDescription().c_str());
    if (env.isMain())
        printWarnings(info.warnings);
    // One process records which model made each output (ranks would overwrite each other's
    // record); with several, existing outputs are skipped as before.
    if (!group)
        a.exportOptions.producer = producerOf(info, a.model.direction);
    BatchExporter exporter(a.exportOptions, [&](const Image &in, const std::atomic<bool> &stop) {
        return translator->translate(in, &stop);
    });
    exporter.setVideoFrameFactory(videoFrameFactory(*translator, a.video));
    std::atomic<bool> stop{false};
    const StopSignalWatcher watcher([&stop] { stop = true; });
    ProgressBar bar;
    const auto show = [&bar, &env](const ExportProgress &p) {
        if (env.isMain()) // one bar: rank 0's share
            bar.show(p);
    };
    if (group) {
        // Whole files are split across the ranks (videos too); rank 0 prints every rank's
        // video lines and the gathered summary, the others only return their exit code.
        const ExportSummary summary =
            runDistributedExport(exporter, a.exportOptions.video, *group, stop, show);
        if (!group->isMain())
            return summary.cancelled ? kExitInterrupted
                                     : (summary.failures.empty() ? kExitOk : kExitPartial);
        printVideoSummaries(summary, a.video);
        return printSummary(summary);
    }
    const ExportSummary summary = exporter.run(stop, show);
    printVideoSummaries(summary, a.video);
    return printSummary(summary);
}

} // namespace

int translateFiles(const TranslatorOptions &model, const std::vector<std::string> &inputs,
                   const std::string &outputDir) {
    TranslateArgs a;
    a.model = model;
    a.direction = model.direction == Direction::AToB ? "AtoB" : "BtoA";
    a.exportOptions.inputs = inputs;
    a.exportOptions.outputDir = outputDir;
    return runTranslate(a);
}

Command addTranslateCommand(CLI::App &root) {
    auto a = std::make_shared<TranslateArgs>();
    CLI::App *cmd = root.add_subcommand(
        "translate", "Translate image and video files and folders with a trained generator, at "
                     "their own size (videos frame by frame: same size, frame rate, container "
                     "and name).\nOutput names depend on each input alone: photo.png -> photo.png, "
                     "photo.jpg -> photo_jpg.png (the input's extension joins the name unless it "
                     "is the output --format); input sub-folders are mirrored. An input is "
                     "skipped when its own output exists (--overwrite replaces it); two inputs "
                     "that would still get one name are reported as failed, never skipped.\n"
                     "Exit codes: 0 all done, 2 some inputs failed (listed at the end), "
                     "1 usage or model error, 7 output folder not writable, 130 interrupted "
                     "(Ctrl-C or SIGTERM).");
    cmd->add_option("inputs", a->exportOptions.inputs, "Image and video files and/or folders")
        ->required();
    cmd->add_option("-o,--output", a->exportOptions.outputDir,
                    "Output folder (created; input sub-folders are mirrored)")
        ->required();
    cmd->add_option("--model", a->model.model,
                    "Run folder, checkpoint folder, official run or model folder "
                    "(<epoch>_net_G_A.pth, <epoch>_net_G.pth), official .pth file, or 'demo' "
                    "(the bundled Monet <-> photo model: AtoB Monet -> photo, BtoA photo -> Monet)")
        ->required();
    cmd->add_option("--direction", a->direction, "AtoB (G_A) or BtoA (G_B); ignored for .pth")
        ->capture_default_str();
    cmd->add_option("--epoch", a->model.epoch,
                    "Checkpoint tag in a run folder (latest, epoch_0005; official folders: "
                    "latest, 5)")
        ->capture_default_str();
    cmd->add_flag("--recursive,-r", a->recursive, "Include sub-folders of input folders");
    cmd->add_option("--format", a->exportOptions.format, "png | jpg | webp")->capture_default_str();
    cmd->add_option("--quality", a->exportOptions.quality,
                    "jpg/webp quality 1..100 (webp 101 = lossless)")
        ->capture_default_str();
    cmd->add_flag("--overwrite", a->exportOptions.overwrite,
                  "Replace existing outputs (default: skip)");
    cmd->add_flag("--grey", a->model.greyscaleOutput,
                  "Grey inputs give grey outputs (default: RGB)");
    cmd->add_option("--device", a->model.device, "auto | cpu | cuda | cuda:N")
        ->capture_default_str();
    cmd->add_option("--cpu_threads", a->model.cpuThreads, "LibTorch CPU threads (0 = all cores)")
        ->capture_default_str();
    cmd->add_option("--tile", a->tile,
                    "Tile side in pixels for large images (0 = from device memory)")
        ->capture_default_str();
    cmd->add_option("--tile_overlap", a->model.tileOverlap, "Overlap of tiles in pixels, blended")
        ->capture_default_str();
    addVideoOptions(*cmd, a->video);
    addDistOptions(cmd, a->dist);
    return {cmd, [a] { return runTranslate(*a); }};
}

} // namespace cgs::cli
