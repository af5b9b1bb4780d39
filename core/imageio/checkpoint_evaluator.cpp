#include "core/imageio/checkpoint_evaluator.h"

#include "core/engine/checkpoint/checkpoint_store.h"
#include "core/engine/checkpoint/model_location.h"
#include "core/engine/error.h"
#include "core/engine/metrics/feature_cache.h"
#include "core/engine/metrics/frechet_distance.h"
#include "core/engine/metrics/inception_feature_extractor.h"
#include "core/engine/metrics/inception_weights.h"
#include "core/engine/translate/translator.h"
#include "core/imageio/dataset_scan.h"
#include "core/imageio/image_codec.h"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <optional>
#include <sstream>

namespace cgs {
namespace fs = std::filesystem;
namespace {

bool isDigits(const std::string &s) {
    return !s.empty() && std::all_of(s.begin(), s.end(), [](unsigned char c) { return std::isdigit(c); });
}

std::string lower(std::string s) {
    std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return std::tolower(c); });
    return s;
}

// 16 hex digits of FNV-1a over `text`.
std::string hashText(const std::string &text) {
    std::uint64_t h = 0xCBF29CE484222325ULL;
    for (unsigned char c : text)
        h = (h ^ c) * 0x100000001B3ULL;
    char out[17];
    std::snprintf(out, sizeof out, "%016llx", static_cast<unsigned long long>(h));
    return out;
}

// The cache key of a folder's reference features: its files, their sizes and times, the weights.
std::string folderKey(const std::vector<std::string> &files, const std::string &weightsHash) {
    std::ostringstream s;
    s << "inception-pool3-v1|" << weightsHash;
    for (const std::string &f : files) {
        std::error_code ec;
        const auto size = fs::file_size(f, ec);
        const auto time = fs::last_write_time(f, ec).time_since_epoch().count();
        s << '|' << fs::absolute(f).string() << ':' << size << ':' << time;
    }
    return hashText(s.str());
}

struct TestFolder {
    std::string label; // "A"
    std::vector<std::string> files;
    std::vector<Image> images; // the readable ones
    FeatureMatrix features;    // Inception features of `images` (when FID/KID)
    std::optional<SwdDescriptors> swd;
};

std::vector<EvalTarget> officialTargets(const ModelLocation &location) {
    const std::string &dir = location.path;
    std::vector<EvalTarget> all;
    for (const std::string &tag : location.tags) {
        EvalTarget t;
        t.tag = tag;
        t.epoch = isDigits(tag) ? std::stoi(tag) : -1;
        t.model = dir;
        all.push_back(t);
    }
    return all;
}

std::vector<EvalTarget> runTargets(const std::string &runDir) {
    std::vector<EvalTarget> all;
    for (const CheckpointInfo &info : listCheckpoints(runDir))
        all.push_back({info.tag, info.epoch, info.iteration, runDir});
    return all;
}

// all: every checkpoint, "latest" only when it is not a copy of an epoch checkpoint.
std::vector<EvalTarget> select(const std::vector<EvalTarget> &all, const std::string &epoch,
                               const std::string &model) {
    std::vector<EvalTarget> out;
    const std::string e = lower(epoch);
    for (const EvalTarget &t : all) {
        if (e == "all") {
            const bool duplicate = t.tag == "latest" &&
                std::any_of(all.begin(), all.end(), [&](const EvalTarget &o) {
                    return o.tag != "latest" && o.epoch == t.epoch &&
                           (t.iteration < 0 || o.iteration == t.iteration);
                });
            if (!duplicate)
                out.push_back(t);
        } else if (t.tag == epoch || (isDigits(e) && t.tag != "latest" && t.epoch == std::stoi(e))) {
            out.push_back(t);
        }
    }
    if (out.empty()) {
        std::string have;
        for (const EvalTarget &t : all)
            have += (have.empty() ? "" : ", ") + t.tag;
        throw CheckpointError("'" + model + "' has no checkpoint for --epoch " + epoch +
                              (have.empty() ? " (it has none)" : " (it has: " + have + ")"));
    }
    return out;
}

} // namespace

EvalMetrics EvalMetrics::parse(const std::string &list) {
    EvalMetrics m{false, false, false};
    std::istringstream in(list);
    std::string name;
    while (std::getline(in, name, ',')) {
        name = lower(name);
        if (name == "fid")
            m.fid = true;
        else if (name == "kid")
            m.kid = true;
        else if (name == "swd")
            m.swd = true;
        else if (!name.empty())
            throw ConfigError("--metrics: unknown metric '" + name + "' (fid, kid, swd)");
    }
    if (!m.fid && !m.kid && !m.swd)
        throw ConfigError("--metrics '" + list + "' names no metric (fid, kid, swd)");
    return m;
}

std::vector<EvalTarget> CheckpointEvaluator::findTargets(const std::string &model,
                                                         const std::string &epoch,
                                                         std::string *runDirOut) {
    if (model.empty())
        throw ConfigError("--model is empty: give a run folder or a checkpoint folder");
    std::error_code ec;
    if (!fs::is_directory(model, ec))
        throw CheckpointError("Model '" + model + "' is not a folder: give a run folder, a "
                              "checkpoint folder or an official train.py run folder (a single "
                              ".pth file holds only one direction)");
    std::string runDir = model;
    std::vector<EvalTarget> targets;
    const ModelLocation location = locateModel(model);
    if (location.kind == ModelKind::Run) {
        targets = select(runTargets(model), epoch, model);
    } else if (location.kind == ModelKind::CheckpointFolder) {
        const CheckpointInfo info = readCheckpointInfo(model);
        targets = {{info.tag, info.epoch, info.iteration, model}};
        const fs::path parent = fs::absolute(model).lexically_normal().parent_path();
        const fs::path run = parent.parent_path();
        runDir = fs::path(runCheckpointsDir(run.string())) == parent ? run.string() : model;
    } else {
        targets = select(officialTargets(location), epoch, model);
    }
    if (runDirOut)
        *runDirOut = runDir;
    return targets;
}

struct CheckpointEvaluator::Impl {
    EvalOptions options;
    std::vector<EvalTarget> targets;
    std::string runDir;
    std::string weightsPath, weightsHash;
    std::unique_ptr<InceptionFeatureExtractor> inception;
    EvalSummary summary;
    std::chrono::steady_clock::time_point start;
    EvalProgress progress;
    ProgressHandler onProgress;

    void report(const std::string &stage) {
        progress.stage = stage;
        const double seconds =
            std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
        progress.imagesPerSecond = seconds > 0 ? progress.done / seconds : 0;
        progress.etaSeconds = progress.imagesPerSecond > 0
                                  ? (progress.total - progress.done) / progress.imagesPerSecond
                                  : -1;
        if (onProgress)
            onProgress(progress);
    }

    void readFolder(TestFolder &folder, const std::atomic<bool> &stop) {
        for (const std::string &file : folder.files) {
            if (stop)
                throw Cancelled();
            try {
                folder.images.push_back(readImage(file));
            } catch (const DatasetError &e) {
                summary.unreadable.push_back(e.what());
            }
        }
        if (folder.images.empty())
            throw DatasetError("No image of test" + folder.label + " can be read (" +
                               std::to_string(folder.files.size()) + " files)");
    }

    void referenceStatistics(TestFolder &folder, const std::atomic<bool> &stop) {
        if (options.metrics.needsInception()) {
            FeatureCache cache(options.cacheDir);
            const std::string key = folderKey(folder.files, weightsHash);
            if (auto cached = cache.load(key); cached && cached->features.rows ==
                                                             static_cast<int64_t>(folder.images.size())) {
                folder.features = cached->features;
            } else {
                for (const Image &image : folder.images) {
                    if (stop)
                        throw Cancelled();
                    inception->add(image);
                    ++progress.done;
                    report("reference features " + folder.label);
                }
                folder.features = inception->takeFeatures();
                cache.store(key, {folder.features, 0});
            }
        }
        if (options.metrics.swd) {
            folder.swd.emplace(options.swd);
            for (const Image &image : folder.images)
                folder.swd->add(image);
        }
    }

    // `target` nullptr: the untranslated baseline (every image as it is).
    MetricsRow evaluate(const EvalTarget *target, Direction direction, const TestFolder &source,
                        const TestFolder &reference, const std::atomic<bool> &stop) {
        std::optional<Translator> translator;
        if (target) {
            TranslatorOptions t;
            t.model = target->model;
            t.epoch = target->tag;
            t.direction = direction;
            t.device = options.device;
            t.cpuThreads = options.cpuThreads;
            translator.emplace(t);
            // A score must belong to the checkpoint it is filed under: no fallback here.
            if (translator->info().fellBack) {
                std::string why;
                for (const auto &w : translator->info().warnings)
                    why += (why.empty() ? "" : "; ") + w;
                throw DamagedCheckpointError(why + "; nothing was scored for '" + target->tag +
                                             "' (evaluate the intact one by its tag)");
            }
        }
        const std::string tag = target ? target->tag : EvalOptions::kUntranslated;
        const std::string name = tag + (direction == Direction::AToB ? " AtoB" : " BtoA");
        std::optional<SwdDescriptors> fakeSwd;
        if (options.metrics.swd)
            fakeSwd.emplace(options.swd);
        for (const Image &image : source.images) {
            if (stop)
                throw Cancelled();
            const Image fake = translator ? translator->translate(image, &stop) : image;
            if (options.metrics.needsInception())
                inception->add(fake);
            if (fakeSwd)
                fakeSwd->add(fake);
            ++progress.done;
            report(name);
        }
        MetricsRow row;
        row.checkpoint = tag;
        row.epoch = target ? target->epoch : -1;
        row.iteration = target ? target->iteration : -1;
        row.direction = direction == Direction::AToB ? "AtoB" : "BtoA";
        row.images = static_cast<int>(source.images.size());
        row.referenceImages = static_cast<int>(reference.images.size());
        row.skipped = static_cast<int>(summary.unreadable.size());
        if (options.metrics.needsInception()) {
            const FeatureMatrix fake = inception->takeFeatures();
            if (options.metrics.fid)
                row.fid = frechetDistance(fake, reference.features);
            if (options.metrics.kid) {
                const KidResult kid = kernelInceptionDistance(fake, reference.features, options.kid);
                row.kid = kid.mean;
                row.kidStd = kid.std;
            }
            row.inceptionWeights = weightsHash;
        }
        if (fakeSwd)
            row.swd = slicedWassersteinDistance(*fakeSwd, *reference.swd).mean;
        row.time = MetricsLog::utcNow();
        return row;
    }
};

CheckpointEvaluator::CheckpointEvaluator(const EvalOptions &options)
    : m_impl(std::make_unique<Impl>()) {
    m_impl->options = options;
    if (options.testA.empty() || options.testB.empty())
        throw ConfigError("--testA and --testB are both needed: the real test images of each domain");
    m_impl->targets = findTargets(options.model, options.epoch, &m_impl->runDir);
    requireImageFiles(options.testA);
    requireImageFiles(options.testB);
    if (options.metrics.needsInception())
        m_impl->weightsPath = resolveInceptionWeights(options.inceptionWeights);
}

CheckpointEvaluator::~CheckpointEvaluator() = default;

const std::vector<EvalTarget> &CheckpointEvaluator::targets() const { return m_impl->targets; }
const std::string &CheckpointEvaluator::runDir() const { return m_impl->runDir; }

EvalSummary CheckpointEvaluator::run(const std::atomic<bool> &stop,
                                     const ProgressHandler &onProgress, const RowsHandler &onRows) {
    Impl &d = *m_impl;
    d.summary = {};
    d.start = std::chrono::steady_clock::now();
    d.onProgress = onProgress;
    TestFolder a{"A", requireImageFiles(d.options.testA), {}, {}, {}};
    TestFolder b{"B", requireImageFiles(d.options.testB), {}, {}, {}};
    d.progress = {};
    d.report("reading test images");
    d.readFolder(a, stop);
    d.readFolder(b, stop);
    const auto perCheckpoint = static_cast<std::int64_t>(a.images.size() + b.images.size());
    d.progress.total = perCheckpoint * static_cast<std::int64_t>(d.targets.size() + 1 +
                                                                 (d.options.untranslated ? 1 : 0));
    if (d.options.metrics.needsInception() && !d.inception) {
        d.weightsHash = hashFileContents(d.weightsPath);
        d.inception = std::make_unique<InceptionFeatureExtractor>(
            InceptionFeatureOptions{d.weightsPath, d.options.device, d.options.inceptionBatch});
    }
    d.referenceStatistics(a, stop);
    d.referenceStatistics(b, stop);
    d.progress.done = perCheckpoint; // cached or computed: the reference part is done
    if (d.options.untranslated) {
        d.summary.rows.push_back(d.evaluate(nullptr, Direction::AToB, a, b, stop));
        d.summary.rows.push_back(d.evaluate(nullptr, Direction::BToA, b, a, stop));
    }
    for (const EvalTarget &target : d.targets) {
        std::vector<MetricsRow> rows;
        rows.push_back(d.evaluate(&target, Direction::AToB, a, b, stop));
        rows.push_back(d.evaluate(&target, Direction::BToA, b, a, stop));
        if (onRows)
            onRows(rows);
        d.summary.rows.insert(d.summary.rows.end(), rows.begin(), rows.end());
    }
    d.summary.seconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - d.start).count();
    return d.summary;
}

} // namespace cgs
