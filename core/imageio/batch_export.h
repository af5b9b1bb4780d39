#pragma once

#include "core/engine/image.h"
#include "core/imageio/dataset_scan.h"
#include "core/imageio/video_translation.h"

#include <atomic>
#include <cstdint>
#include <functional>
#include <string>
#include <vector>

namespace cgs {

class ExportRecord;

// Translating many files and folders into an output folder: the work behind
// `cyclegan translate` and the Export page.
//
//   cgs::BatchExportOptions o;  o.inputs = {"photos/"};  o.outputDir = "out";
//   cgs::Translator translator(modelOptions);
//   cgs::BatchExporter exporter(o, [&](const cgs::Image &in, const std::atomic<bool> &stop) {
//       return translator.translate(in, &stop);
//   });
//   cgs::ExportSummary s = exporter.run(cancelFlag, [](const cgs::ExportProgress &p) { ... });
//
// Inputs are image files and/or folders (their image files, sub-folders with
// Recursion::IncludeSubfolders). Output names depend on the input alone:
//   name      the input's name when its extension is the output format (a.png -> a.png with
//             png), else its stem + "_" + its extension (a.jpg -> a_jpg.png, a.JPG ->
//             a_JPG.png), so that a.png and a.jpg of one folder never meet;
//   folder    an input `photos/trips/a.jpg` found in folder `photos/` goes to
//             `<outputDir>/trips/`, a file given directly to `<outputDir>/`, and with several
//             folder inputs each gets its own sub-folder `<outputDir>/<folder name>/`.
// When the rule still maps two inputs to one output (a/x.png and b/x.png given as files, two
// input folders of one name, x_jpg.png beside x.jpg), the first in input order keeps it and
// the others are reported as failures (never renamed, never skipped silently).
// An input whose own output exists is skipped unless `overwrite`. Every file is written atomically
// (writeImage), so a failure or a cancel never leaves a half-written file and never damages
// what is already in the output folder. A file that cannot be read, translated or written is
// recorded (path + reason) and the others go on; there is no cap on the number of files.
// Videos (isVideoFile: mp4, m4v, mov, mkv, webm, avi), given or found in folders, are
// translated frame by frame into a video of the same container and name
// (`<outputDir>/clip.mp4`) by translateVideo() with `video` options and a frame function from
// the video frame factory (one per video, so that per-video state such as temporal smoothing
// starts afresh); progress then also counts frames.

struct BatchExportOptions {
    std::vector<std::string> inputs; // image files and/or folders
    std::string outputDir;           // created if missing
    Recursion recursion = Recursion::TopLevelOnly;
    std::string format = "png"; // png | jpg | jpeg | webp
    int quality = 95;           // jpg / webp quality 1..100 (webp 101 = lossless)
    bool overwrite = false;     // replace existing outputs (else skip them)
    // What makes the outputs (producerOf(): model, checkpoint, direction). When set, each
    // output written is recorded in the folder's ExportRecord, and an existing output recorded
    // as made by another producer is not skipped as done but reported as a failure that
    // names its producer (it is kept; overwrite replaces it). "" records nothing.
    std::string producer;
    VideoTranslateOptions video; // frames range, codec, audio for video inputs
    // Throws ConfigError for no inputs, no output folder, an unknown format or quality.
    void validate() const;
};

struct ExportItem {
    std::string input;
    std::string output;
};

struct ExportFailure {
    std::string path;   // the input file (or input argument) that failed
    std::string reason; // the core's message, naming the file and the cause
};

struct ExportProgress {
    std::int64_t total = 0;      // files planned
    std::int64_t translated = 0; // written
    std::int64_t skipped = 0;    // output existed
    std::int64_t failed = 0;
    double imagesPerSecond = 0; // translated images per second of wall time
    double etaSeconds = 0;      // for the files left, at the rate so far
    std::string currentFile;    // the input being processed (empty at the end)
    VideoProgress video;        // frames of the current video (total 0 for an image)
    std::int64_t processed() const { return translated + skipped + failed; }
};

struct ExportSummary {
    ExportProgress progress;             // the final counts
    std::vector<ExportFailure> failures; // in processing order
    std::vector<VideoResult> videos;     // the videos written, in processing order
    bool cancelled = false;
    double seconds = 0;
    // About the job as a whole, for the front end to show: the model load's warnings
    // (ModelInfo::warnings: a damaged checkpoint replaced by an intact one, ...).
    std::vector<std::string> warnings;
};

// (input image, stop flag) -> translated image; may throw (recorded as a failure) or throw
// Cancelled (ends the run as cancelled).
using TranslateFunction = std::function<Image(const Image &, const std::atomic<bool> &)>;
using ProgressFunction = std::function<void(const ExportProgress &)>;
// Makes the frame function for one video (called once per video, before its first frame).
using VideoFrameFactory = std::function<FrameFunction()>;

class BatchExporter {
public:
    // Throws ConfigError (options.validate()).
    BatchExporter(BatchExportOptions options, TranslateFunction translate);

    // Videos get their frame functions from `factory` (default: the translate function).
    void setVideoFrameFactory(VideoFrameFactory factory);

    // The files to process, in order, with their output paths; inputs that do not exist or
    // are not images are returned in `failures`. Reads the file system only.
    std::vector<ExportItem> plan(std::vector<ExportFailure> &failures) const;

    // Creates the output folder (throws IoError naming it when it cannot be created or written
    // to), then processes the plan. Checks `cancel` between files (and the translate function
    // may check it inside one); `progress` (optional) is called before and after every file, on
    // the calling thread. Blocks until done or cancelled.
    ExportSummary run(const std::atomic<bool> &cancel, const ProgressFunction &progress = {});

    // The same over a given part of a plan (a distributed translate gives each process its
    // share of plan()); `planFailures` are counted as failed, as run() counts plan()'s.
    ExportSummary run(const std::vector<ExportItem> &items,
                      std::vector<ExportFailure> planFailures, const std::atomic<bool> &cancel,
                      const ProgressFunction &progress = {});

private:
    bool processOne(const ExportItem &item, const std::atomic<bool> &cancel, ExportSummary &s,
                    const ProgressFunction &progress);
    void processVideo(const ExportItem &item, const std::atomic<bool> &cancel, ExportSummary &s,
                      const ProgressFunction &progress);

    BatchExportOptions m_options;
    TranslateFunction m_translate;
    VideoFrameFactory m_videoFrames;
    ExportRecord *m_record = nullptr; // during run(), when options.producer is set
};

} // namespace cgs
