#pragma once

#include "core/engine/translate/translator.h"

#include <string>

namespace cgs {

// Converting a generator between an official weight file (.pth) and our checkpoint format;
// the engine facade behind `cyclegan convert` (no Torch types).
//
//   cgs::ConvertRequest r;  r.input = "style_monet.pth";  r.output = "models/monet";
//   cgs::ConvertResult done = cgs::convertModel(r);   // a one-generator checkpoint folder
//
// The conversion is exact: weights are copied bit for bit, both ways.
struct ConvertRequest {
    // An official .pth file (-> checkpoint folder), or a run folder / checkpoint folder /
    // G_A.pt / G_B.pt (-> official .pth), as TranslatorOptions::model.
    std::string input;
    std::string output;                    // checkpoint folder or .pth file to write
    Direction direction = Direction::AToB; // which generator of a checkpoint (G_A or G_B)
    std::string epoch = "latest";          // checkpoint tag inside a run folder
    bool overwrite = false;                // replace an existing output
};

struct ConvertResult {
    ModelInfo model;          // what was read
    std::string outputFormat; // "checkpoint" | "official-zip"
};

// How exported weights are stored: fp16 halves the files (loading converts back to fp32; the
// outputs differ from fp32 weights by rounding, well under one grey level for trained models).
enum class WeightStorage { Float32, Float16 };

// Both generators of one of our runs or checkpoints as a small model folder for sharing and
// translating (no discriminators, optimizers or pools): `cyclegan convert RUN OUT --both`.
struct ExportModelRequest {
    std::string input;                               // run folder or checkpoint folder of ours
    std::string epoch = "latest";                    // checkpoint tag inside a run folder
    std::string output;                              // model folder to write
    WeightStorage storage = WeightStorage::Float32;
    bool overwrite = false;                          // replace an existing output
};

// Writes <output>/state.json, G_A.pt (A -> B) and G_B.pt (B -> A). Throws as convertModel, and
// CheckpointError when the input is not a checkpoint of ours (an official .pth holds one
// generator: convert it without --both).
ConvertResult exportModel(const ExportModelRequest &request);

// Reads the input on the CPU and writes the other format. Throws ConfigError when the output
// exists and overwrite is off (or input and output are the same), CheckpointError naming the
// input for a missing, damaged or foreign model, IoError naming the output when it cannot be
// written. Reentrant.
ConvertResult convertModel(const ConvertRequest &request);

} // namespace cgs
