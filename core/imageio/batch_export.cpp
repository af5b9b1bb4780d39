#include "core/imageio/batch_export.h"

#include "core/imageio/export_record.h"

#include "core/engine/error.h"
#include "core/imageio/image_codec.h"
#include "core/imageio/video_file.h"

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <map>
#include <unistd.h>

namespace cgs {
namespace fs = std::filesystem;

namespace {

std::string lower(std::string s) {
    std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return std::tolower(c); });
    return s;
}

fs::path normalAbsolute(const fs::path &p) {
    std::error_code ec;
    const fs::path a = fs::absolute(p, ec);
    return (ec ? p : a).lexically_normal();
}

// "photos/" and "photos" both name the folder "photos".
fs::path folderPath(const std::string &dir) {
    const fs::path p = normalAbsolute(dir);
    return p.has_filename() ? p : p.parent_path();
}

// True when `path` is strictly below `dir`.
bool isBelow(const fs::path &path, const fs::path &dir) {
    const auto rel = folderPath(path.string()).lexically_relative(folderPath(dir.string()));
    return !rel.empty() && *rel.begin() != ".." && rel != ".";
}

// The output file name of `input` (the naming rule of batch_export.h): its stem, plus
// "_<extension>" unless the extension is the output format, so that inputs of one folder that
// differ only in their extension get different names.
std::string outputName(const fs::path &input, const std::string &format) {
    const std::string ext = input.extension().string();
    const std::string stem = input.stem().string();
    if (ext.empty() || ext.substr(1) == format)
        return stem + "." + format;
    return stem + "_" + ext.substr(1) + "." + format;
}

void prepareOutputDir(const std::string &dir) {
    std::error_code ec;
    fs::create_directories(dir, ec);
    if (ec || !fs::is_directory(dir))
        throw IoError("Cannot create output folder '" + dir +
                      "': " + (ec ? ec.message() : std::string("a file of that name exists")));
    const fs::path probe = fs::path(dir) / (".cgs-write-test-" + std::to_string(::getpid()));
    std::ofstream f(probe, std::ios::binary);
    const int err = errno;
    if (!f)
        throw IoError("Cannot write to output folder '" + dir + "': " + std::strerror(err));
    f.close();
    fs::remove(probe, ec);
}

} // namespace

void BatchExportOptions::validate() const {
    if (inputs.empty())
        throw ConfigError("No inputs given (image files and/or folders)");
    if (outputDir.empty())
        throw ConfigError("No output folder given (-o)");
    const std::string f = lower(format);
    if (f != "png" && f != "jpg" && f != "jpeg" && f != "webp")
        throw ConfigError("Output format '" + format + "' is not supported (png, jpg or webp)");
    video.validate();
    if (quality < 1 || quality > 101)
        throw ConfigError("Quality must be 1..100 (101: lossless webp), got " +
                          std::to_string(quality));
}

BatchExporter::BatchExporter(BatchExportOptions options, TranslateFunction translate)
    : m_options(std::move(options)), m_translate(std::move(translate)) {
    m_options.validate();
    m_options.format = lower(m_options.format);
}

void BatchExporter::setVideoFrameFactory(VideoFrameFactory factory) {
    m_videoFrames = std::move(factory);
}

std::vector<ExportItem> BatchExporter::plan(std::vector<ExportFailure> &failures) const {
    const auto folderCount =
        std::count_if(m_options.inputs.begin(), m_options.inputs.end(),
                      [](const std::string &p) { return fs::is_directory(p); });
    const fs::path outDir(m_options.outputDir);
    std::vector<ExportItem> items;
    std::map<std::string, std::string> used; // output -> the input that has it
    auto add = [&](const std::string &input, const fs::path &relative) {
        // A video keeps its name and so its container.
        const fs::path out = outDir / relative.parent_path() /
                             (isVideoFile(input) ? relative.filename().string()
                                                 : outputName(relative, m_options.format));
        if (normalAbsolute(out) == normalAbsolute(input)) {
            failures.push_back(
                {input, "Output '" + out.string() + "' would replace its own input"});
            return;
        }
        // Two inputs that the rule maps to one name (a/x.png and b/x.png given as files, two
        // input folders of one name, x_jpg.png beside x.jpg): the first keeps it, the others
        // are reported, never renamed by what else is there, never skipped silently.
        const auto [it, fresh] = used.emplace(normalAbsolute(out).string(), input);
        if (!fresh) {
            failures.push_back({input, "Output '" + out.string() + "' is also the output of '" +
                                           it->second + "': translate one of them into " +
                                           "another output folder"});
            return;
        }
        items.push_back({input, out.string()});
    };
    for (const std::string &input : m_options.inputs) {
        std::error_code ec;
        if (!fs::exists(input, ec)) {
            failures.push_back({input, "Input '" + input + "' does not exist"});
        } else if (fs::is_directory(input, ec)) {
            try {
                const fs::path dir = folderPath(input);
                const fs::path prefix = folderCount > 1 ? dir.filename() : fs::path();
                // An output folder inside the input folder holds a previous run's outputs,
                // which are not inputs.
                const bool skipOut = isBelow(outDir, dir);
                const auto media = [](const std::string &p) {
                    return isImageFile(p) || isVideoFile(p);
                };
                std::size_t found = 0;
                for (const std::string &file : listFiles(input, m_options.recursion, media))
                    if (!skipOut || !isBelow(file, outDir)) {
                        add(file, prefix / normalAbsolute(file).lexically_relative(dir));
                        ++found;
                    }
                // A folder the user named and nothing came of it: a failed input, not success.
                if (found == 0)
                    failures.push_back(
                        {input, "Folder '" + input + "' holds no image or video file (" +
                                    imageExtensionList() + "; " + videoExtensionList() + ")" +
                                    (m_options.recursion == Recursion::TopLevelOnly
                                         ? std::string("; sub-folders are searched only when "
                                                       "asked: --recursive, or the studio's "
                                                       "Include sub-folders")
                                         : std::string())});
            } catch (const std::exception &e) {
                failures.push_back({input, e.what()});
            }
        } else if (!isImageFile(input) && !isVideoFile(input)) {
            failures.push_back({input, "'" + input + "' is not an image or video file (expected " +
                                           imageExtensionList() + "; " + videoExtensionList() +
                                           ")"});
        } else {
            add(input, fs::path(input).filename());
        }
    }
    return items;
}

ExportSummary BatchExporter::run(const std::atomic<bool> &cancel,
                                 const ProgressFunction &progress) {
    std::vector<ExportFailure> failures;
    const std::vector<ExportItem> items = plan(failures);
    return run(items, std::move(failures), cancel, progress);
}

ExportSummary BatchExporter::run(const std::vector<ExportItem> &items,
                                 std::vector<ExportFailure> planFailures,
                                 const std::atomic<bool> &cancel,
                                 const ProgressFunction &progress) {
    prepareOutputDir(m_options.outputDir);
    ExportRecord record(m_options.outputDir);
    m_record = m_options.producer.empty() ? nullptr : &record;
    ExportSummary s;
    s.failures = std::move(planFailures);
    ExportProgress &p = s.progress;
    p.failed = static_cast<std::int64_t>(s.failures.size());
    p.total = static_cast<std::int64_t>(items.size()) + p.failed;
    const auto start = std::chrono::steady_clock::now();
    auto elapsed = [&] {
        return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    };
    for (const ExportItem &item : items) {
        if (cancel.load()) {
            s.cancelled = true;
            break;
        }
        p.currentFile = item.input;
        p.video = {};
        if (progress)
            progress(p);
        if (!processOne(item, cancel, s, progress)) {
            s.cancelled = true;
            break;
        }
        const double t = elapsed();
        p.imagesPerSecond = t > 0 ? p.translated / t : 0;
        const auto left = p.total - p.processed();
        p.etaSeconds = p.processed() > 0 ? t / p.processed() * left : 0;
        if (progress)
            progress(p);
    }
    p.currentFile.clear();
    p.video = {};
    if (m_record) {
        try {
            record.save();
        } catch (const Error &e) {
            s.warnings.push_back(std::string(e.what()) + " (which model made each output is "
                                                         "not recorded)");
        }
        m_record = nullptr;
    }
    s.seconds = elapsed();
    if (progress)
        progress(p);
    return s;
}

bool BatchExporter::processOne(const ExportItem &item, const std::atomic<bool> &cancel,
                               ExportSummary &s, const ProgressFunction &progress) {
    std::error_code ec;
    if (!m_options.overwrite && fs::exists(item.output, ec)) {
        const auto madeBy = m_record ? m_record->producerOf(item.output) : std::nullopt;
        if (madeBy && *madeBy != m_options.producer) {
            ++s.progress.failed;
            s.failures.push_back({item.input, "Output '" + item.output +
                                                  "' exists, made by another model (" + *madeBy +
                                                  "); it is kept: replace it (--overwrite, "
                                                  "\"Overwrite\") or export into another folder"});
        } else {
            ++s.progress.skipped; // this model's own output (or one made before records)
        }
        return true;
    }
    // Boundary of one file: whatever goes wrong with it is recorded and the export goes on.
    try {
        if (isVideoFile(item.input)) {
            processVideo(item, cancel, s, progress);
            return true;
        }
        const Image input = readImage(item.input, ReadOptions{Alpha::Keep});
        const Image output = m_translate(input, cancel);
        fs::create_directories(fs::path(item.output).parent_path(), ec);
        if (ec)
            throw IoError("Cannot create folder '" + fs::path(item.output).parent_path().string() +
                          "': " + ec.message());
        WriteOptions w;
        w.quality = m_options.quality;
        writeImage(item.output, output, w);
        if (m_record)
            m_record->record(item.output, m_options.producer);
        ++s.progress.translated;
    } catch (const Cancelled &) {
        return false;
    } catch (const std::exception &e) {
        ++s.progress.failed;
        s.failures.push_back({item.input, e.what()});
    }
    return true;
}

void BatchExporter::processVideo(const ExportItem &item, const std::atomic<bool> &cancel,
                                 ExportSummary &s, const ProgressFunction &progress) {
    std::error_code ec;
    fs::create_directories(fs::path(item.output).parent_path(), ec);
    if (ec)
        throw IoError("Cannot create folder '" + fs::path(item.output).parent_path().string() +
                      "': " + ec.message());
    const FrameFunction frames = m_videoFrames ? m_videoFrames() : FrameFunction(m_translate);
    s.videos.push_back(translateVideo(item.input, item.output, m_options.video, frames, cancel,
                                      [&](const VideoProgress &v) {
                                          s.progress.video = v;
                                          if (progress)
                                              progress(s.progress);
                                      }));
    if (m_record)
        m_record->record(item.output, m_options.producer);
    ++s.progress.translated;
}

} // namespace cgs
