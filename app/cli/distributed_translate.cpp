#include "app/cli/distributed_translate.h"

#include "core/engine/dist/work_split.h"
#include "core/imageio/image_header.h"
#include "core/imageio/video_file.h"
#include "core/imageio/video_reader.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <filesystem>
#include <fstream>

namespace cgs::cli {
namespace {

using nlohmann::json;

// Pixels of the frames a video would translate (1 when it cannot be opened: it fails fast).
std::int64_t videoCost(const std::string &path, const VideoTranslateOptions &video) {
    try {
        const VideoReader reader(path);
        const VideoInfo &info = reader.info();
        const std::int64_t end =
            video.endFrame < 0 ? info.frameCount : std::min(video.endFrame, info.frameCount);
        const std::int64_t frames = std::max<std::int64_t>(1, end - video.firstFrame);
        return static_cast<std::int64_t>(info.width) * info.height * frames;
    } catch (const std::exception &) {
        return 1;
    }
}

// Pixels declared by the file's header; the file size when the header does not say.
std::int64_t pixelCost(const std::string &path, const VideoTranslateOptions &video) {
    if (isVideoFile(path))
        return videoCost(path, video);
    std::ifstream in(path, std::ios::binary);
    std::vector<std::uint8_t> head(1 << 16);
    in.read(reinterpret_cast<char *>(head.data()), static_cast<std::streamsize>(head.size()));
    const ImageHeader h = probeImageHeader(head.data(), static_cast<std::size_t>(in.gcount()));
    if (h.hasSize())
        return h.pixels();
    std::error_code ec;
    const auto size = std::filesystem::file_size(path, ec);
    return ec ? 1 : static_cast<std::int64_t>(size);
}

std::vector<std::int64_t> sharedCosts(const std::vector<ExportItem> &items,
                                      const VideoTranslateOptions &video, ProcessGroup &group) {
    json mine = json::object();
    for (size_t i = static_cast<size_t>(group.rank()); i < items.size();
         i += static_cast<size_t>(group.worldSize()))
        mine[std::to_string(i)] = pixelCost(items[i].input, video);
    std::vector<std::int64_t> costs(items.size(), 1);
    for (const auto &part : group.allGather(mine.dump())) {
        const json slice = json::parse(part); // items() refers to it: keep it alive
        for (const auto &[index, cost] : slice.items())
            costs[std::stoul(index)] = cost.get<std::int64_t>();
    }
    return costs;
}

json toJson(const ExportSummary &s) {
    json failures = json::array();
    for (const auto &f : s.failures)
        failures.push_back({f.path, f.reason});
    json videos = json::array();
    for (const auto &v : s.videos)
        videos.push_back({{"input", v.input},
                          {"output", v.output},
                          {"width", v.width},
                          {"height", v.height},
                          {"fps", v.fps},
                          {"first_frame", v.firstFrame},
                          {"frames", v.frames},
                          {"codec", v.codec},
                          {"audio", static_cast<int>(v.audio)},
                          {"audio_note", v.audioNote},
                          {"seconds", v.seconds}});
    const auto &p = s.progress;
    return {{"total", p.total},         {"translated", p.translated}, {"skipped", p.skipped},
            {"failed", p.failed},       {"cancelled", s.cancelled},   {"seconds", s.seconds},
            {"failures", failures},     {"videos", videos}};
}

VideoResult videoFromJson(const json &j) {
    VideoResult v;
    v.input = j["input"].get<std::string>();
    v.output = j["output"].get<std::string>();
    v.width = j["width"].get<int>();
    v.height = j["height"].get<int>();
    v.fps = j["fps"].get<double>();
    v.firstFrame = j["first_frame"].get<std::int64_t>();
    v.frames = j["frames"].get<std::int64_t>();
    v.codec = j["codec"].get<std::string>();
    v.audio = static_cast<AudioOutcome>(j["audio"].get<int>());
    v.audioNote = j["audio_note"].get<std::string>();
    v.seconds = j["seconds"].get<double>();
    return v;
}

void add(ExportSummary &into, const json &j) {
    auto &p = into.progress;
    p.total += j["total"].get<std::int64_t>();
    p.translated += j["translated"].get<std::int64_t>();
    p.skipped += j["skipped"].get<std::int64_t>();
    p.failed += j["failed"].get<std::int64_t>();
    into.cancelled = into.cancelled || j["cancelled"].get<bool>();
    into.seconds = std::max(into.seconds, j["seconds"].get<double>());
    for (const auto &f : j["failures"])
        into.failures.push_back({f[0].get<std::string>(), f[1].get<std::string>()});
    for (const auto &v : j["videos"])
        into.videos.push_back(videoFromJson(v));
}

} // namespace

ExportSummary runDistributedExport(BatchExporter &exporter, const VideoTranslateOptions &video,
                                   ProcessGroup &group, const std::atomic<bool> &cancel,
                                   const ProgressFunction &progress) {
    std::vector<ExportFailure> planFailures;
    const std::vector<ExportItem> items = exporter.plan(planFailures);
    const std::vector<int> part = splitByCost(sharedCosts(items, video, group), group.worldSize());
    std::vector<ExportItem> mine;
    for (size_t i = 0; i < items.size(); ++i)
        if (part[i] == group.rank())
            mine.push_back(items[i]);
    if (!group.isMain())
        planFailures.clear();
    const ExportSummary own = exporter.run(mine, std::move(planFailures), cancel, progress);
    const auto all = group.gatherToMain(toJson(own).dump());
    if (!group.isMain())
        return own;
    ExportSummary merged;
    for (const auto &text : all)
        add(merged, json::parse(text));
    return merged;
}

} // namespace cgs::cli
