#pragma once

// <run>/metrics.csv: the image-quality metrics of a run's checkpoints, one row per evaluated
// checkpoint and direction, appended by `cyclegan eval`, by training with --eval_freq and by
// the studio's Evaluate action; read by the studio's Compare and Train pages. The single owner
// of the file's name and format:
//
//   checkpoint,epoch,iteration,direction,images,reference_images,skipped,fid,kid,kid_std,swd,
//   inception_weights,time
//   epoch_0005,5,5000,AtoB,60,60,0,112.4,0.0513,0.0041,21.7,1c5a...,2026-11-30T07:30:00Z
//
// `direction` AtoB compares G_A(testA) with testB; metrics not computed are empty cells. A later
// row for the same checkpoint and direction replaces an earlier one (re-evaluation, or a resumed
// run that saved the epoch again). Columns are found by name, so readers keep working when
// columns are added. No Torch types; functions are reentrant; appends are whole lines, so a
// reader running at the same time sees complete rows (a partial last line is ignored).

#include <cmath>
#include <cstdint>
#include <string>
#include <vector>

namespace cgs {

struct MetricsRow {
    std::string checkpoint; // tag: epoch_0005, latest; official folders: 5, latest
    int epoch = -1;         // epochs completed (-1 unknown)
    std::int64_t iteration = -1;
    std::string direction;  // "AtoB" or "BtoA"
    int images = 0;         // translated images measured
    int referenceImages = 0; // real images of the other domain
    int skipped = 0;        // unreadable test images left out (both folders)
    double fid = NAN;       // NaN: not computed
    double kid = NAN;
    double kidStd = NAN;
    double swd = NAN;       // SWD x 1e3, average over pyramid levels
    std::string inceptionWeights; // hash of the weight file used for FID/KID
    std::string time;       // UTC, ISO 8601, when computed
};

class MetricsLog {
public:
    static constexpr const char *kFileName = "metrics.csv";

    // `runDir`: the folder that holds (or will hold) metrics.csv.
    explicit MetricsLog(std::string runDir);
    std::string path() const;

    // Appends rows (the header first when the file is new). Throws IoError naming the file.
    void append(const std::vector<MetricsRow> &rows) const;

    // Every complete row in file order; empty when the file does not exist. Throws
    // CheckpointError naming the file when it has no checkpoint/direction columns.
    std::vector<MetricsRow> read() const;

    // The last row of each (checkpoint, direction), ordered by epoch then checkpoint then
    // direction.
    static std::vector<MetricsRow> latestRows(const std::vector<MetricsRow> &rows);

    static std::string header();
    // The current UTC time as "2026-11-30T07:30:00Z".
    static std::string utcNow();

private:
    std::string m_runDir;
};

} // namespace cgs
