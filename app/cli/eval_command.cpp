#include "app/cli/command.h"

#include "core/engine/error.h"
#include "core/engine/metrics/metrics_log.h"
#include "core/imageio/checkpoint_evaluator.h"

#include <nlohmann/json.hpp>

#include <atomic>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <memory>
#include <unistd.h>

namespace cgs::cli {
namespace {

struct EvalArgs {
    EvalOptions options;
    std::string metrics = "fid,kid,swd";
    bool json = false;
    bool noLog = false;
};

std::string cell(double value, const char *format) {
    if (std::isnan(value))
        return "-";
    char text[32];
    std::snprintf(text, sizeof text, format, value);
    return text;
}

void printTable(const std::vector<MetricsRow> &rows) {
    std::printf("%-12s %-5s %10s %10s %10s %8s %7s\n", "checkpoint", "dir", "FID", "KID",
                "KID std", "SWDx1e3", "images");
    for (const MetricsRow &r : rows)
        std::printf("%-12s %-5s %10s %10s %10s %8s %3d/%-3d\n", r.checkpoint.c_str(),
                    r.direction.c_str(), cell(r.fid, "%.2f").c_str(), cell(r.kid, "%.5f").c_str(),
                    cell(r.kidStd, "%.5f").c_str(), cell(r.swd, "%.2f").c_str(), r.images,
                    r.referenceImages);
}

nlohmann::json number(double value) {
    return std::isnan(value) ? nlohmann::json(nullptr) : nlohmann::json(value);
}

void printJson(const EvalSummary &s, const std::string &metricsPath) {
    nlohmann::json rows = nlohmann::json::array();
    for (const MetricsRow &r : s.rows)
        rows.push_back({{"checkpoint", r.checkpoint}, {"epoch", r.epoch},
                        {"iteration", r.iteration}, {"direction", r.direction},
                        {"images", r.images}, {"reference_images", r.referenceImages},
                        {"fid", number(r.fid)}, {"kid", number(r.kid)},
                        {"kid_std", number(r.kidStd)}, {"swd", number(r.swd)}});
    const nlohmann::json out = {{"rows", rows},
                                {"skipped", s.unreadable},
                                {"metrics_csv", metricsPath},
                                {"seconds", s.seconds}};
    std::printf("%s\n", out.dump(2).c_str());
}

// One line on stderr, redrawn in place on a terminal, every few seconds otherwise.
class EvalProgressLine {
public:
    void show(const EvalProgress &p) {
        const auto now = std::chrono::steady_clock::now();
        if (now - m_last < std::chrono::duration<double>(m_tty ? 0.2 : 5.0) && p.done < p.total)
            return;
        m_last = now;
        std::fprintf(stderr, "%s%-22s %lld/%lld images  %.2f img/s  ETA %s%s", m_tty ? "\r" : "",
                     p.stage.c_str(), static_cast<long long>(p.done),
                     static_cast<long long>(p.total), p.imagesPerSecond,
                     formatDuration(p.etaSeconds).c_str(), m_tty ? "\033[K" : "\n");
        std::fflush(stderr);
    }
    void finish() {
        if (m_tty)
            std::fprintf(stderr, "\n");
    }

private:
    bool m_tty = ::isatty(2) != 0;
    std::chrono::steady_clock::time_point m_last{};
};

int runEval(EvalArgs &a) {
    a.options.metrics = EvalMetrics::parse(a.metrics);
    CheckpointEvaluator evaluator(a.options);
    MetricsLog log(evaluator.runDir());
    std::fprintf(stderr, "evaluating %zu checkpoint(s) of %s; results go to %s\n",
                 evaluator.targets().size(), evaluator.runDir().c_str(),
                 a.noLog ? "stdout only" : log.path().c_str());
    std::atomic<bool> stop{false};
    installStopHandler([&stop] { stop = true; });
    EvalProgressLine line;
    EvalSummary summary;
    std::string logFailure; // the first metrics.csv write that failed: reported after the table
    try {
        summary = evaluator.run(
            stop, [&line](const EvalProgress &p) { line.show(p); },
            [&](const std::vector<MetricsRow> &rows) {
                if (a.noLog || !logFailure.empty())
                    return;
                try {
                    log.append(rows); // each checkpoint as it finishes: Ctrl-C keeps them
                } catch (const IoError &e) {
                    // The scores cost minutes of compute: finish them and print them anyway.
                    logFailure = e.what();
                }
            });
    } catch (const Cancelled &) {
        line.finish();
        std::fprintf(stderr, "Stopped; rows of finished checkpoints are in %s\n", log.path().c_str());
        return kExitInterrupted;
    }
    line.finish();
    if (a.json)
        printJson(summary, a.noLog ? "" : log.path());
    else
        printTable(summary.rows);
    std::fflush(stdout); // the table before any message on stderr, also in one log file
    if (!summary.unreadable.empty()) {
        std::fprintf(stderr, "%zu unreadable test image(s) skipped:\n", summary.unreadable.size());
        for (const std::string &u : summary.unreadable)
            std::fprintf(stderr, "  %s\n", u.c_str());
    }
    if (!logFailure.empty()) {
        std::fprintf(stderr, "error: the results above were not saved to %s: %s\n",
                     log.path().c_str(), logFailure.c_str());
        return kExitIo;
    }
    std::fprintf(stderr, "Done in %s%s\n", formatDuration(summary.seconds).c_str(),
                 a.noLog ? "" : ("; appended to " + log.path()).c_str());
    return summary.unreadable.empty() ? kExitOk : kExitPartial;
}

} // namespace

Command addEvalCommand(CLI::App &root) {
    auto a = std::make_shared<EvalArgs>();
    CLI::App *cmd = root.add_subcommand(
        "eval", "Which checkpoint is best? FID, KID (pytorch-fid's Inception weights, supplied "
                "by you) and SWD (no weights) of translated test images against the real images "
                "of the other domain; appends to metrics.csv in the run folder.\nExit codes: 0 "
                "ok, 2 some test images unreadable (skipped, counted), 1 usage or missing "
                "weights, 3 test folder, 4 checkpoint (missing or damaged), 5 device, 7 metrics.csv cannot be written (the "
                "table is printed first), 130 interrupted.");
    cmd->add_option("--model", a->options.model,
                    "Run folder, checkpoint folder, or official train.py run folder")
        ->required();
    cmd->add_option("--epoch", a->options.epoch, "all | latest | N | checkpoint tag")
        ->capture_default_str();
    cmd->add_option("--testA", a->options.testA, "Real test images of domain A")->required();
    cmd->add_option("--testB", a->options.testB, "Real test images of domain B")->required();
    cmd->add_option("--metrics", a->metrics, "Comma-separated: fid, kid, swd")
        ->capture_default_str();
    cmd->add_option("--inception_weights", a->options.inceptionWeights,
                    "pt_inception-2015-12-05-6726825d.pth (default: $CGS_INCEPTION_WEIGHTS, "
                    "~/.cache/cyclegan-studio/, ~/.cache/torch/hub/checkpoints/)");
    cmd->add_flag("--json", a->json, "Print the results as JSON (for scripts)");
    cmd->add_flag("--no_log", a->noLog, "Do not append to metrics.csv");
    cmd->add_flag("--untranslated", a->options.untranslated,
                  "Also score the test images untranslated (testA against testB and back): the "
                  "distance a model has to beat (first rows, 'untranslated'; not logged)");
    cmd->add_option("--kid_subsets", a->options.kid.subsets, "KID subsets")->capture_default_str();
    cmd->add_option("--kid_subset_size", a->options.kid.subsetSize,
                    "KID subset size (capped at the images available)")
        ->capture_default_str();
    cmd->add_option("--cache_dir", a->options.cacheDir,
                    "Reference feature cache (default ~/.cache/cyclegan-studio/features)");
    cmd->add_option("--device", a->options.device, "auto | cpu | cuda | cuda:N")
        ->capture_default_str();
    cmd->add_option("--cpu_threads", a->options.cpuThreads, "LibTorch CPU threads (0 = all cores)")
        ->capture_default_str();
    return {cmd, [a] { return runEval(*a); }};
}

} // namespace cgs::cli
