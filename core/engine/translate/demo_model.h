#pragma once

#include <string>
#include <vector>

namespace cgs {

// The demo model bundled with CycleGAN Studio: Monet paintings (A) <-> landscape photos (B),
// trained by scripts/train-demo-model.sh (sources and licences in resources/demo/model/SOURCE.md).
// It is a checkpoint folder (state.json, G_A.pt: Monet -> photo, G_B.pt: photo -> Monet, fp16
// storage, converted to fp32 on load) that TranslatorOptions::model accepts by the name "demo".

// The name that stands for the demo model wherever a model path is taken (CLI --model demo).
inline constexpr const char *kDemoModelName = "demo";

// Folders searched for the demo model: $CGS_DEMO_MODEL alone when set ("none": no demo model),
// else, in order: $CGS_SOURCE_DIR/resources/demo/model, <executable>/../share/cyclegan-studio/
// demo/model (an installed package), the source folder this build was configured from, the
// configured install data folder. Thread-safe.
std::vector<std::string> demoModelSearchPaths();

// The first of demoModelSearchPaths() that holds a demo model (state.json and G_A.pt), or ""
// when none does.
std::string findDemoModelFolder();

// As findDemoModelFolder(), but throws CheckpointError listing the folders looked in when there
// is no demo model.
std::string demoModelFolder();

// What the demo model does and was trained on, for labels ("Demo model: Monet <-> photo ...").
std::string demoModelDescription();

} // namespace cgs
