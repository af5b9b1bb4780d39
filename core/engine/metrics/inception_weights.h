#pragma once

// Where the FID Inception weights come from. CycleGAN Studio cannot ship or download
// pytorch-fid's weight file (its licence and size), so the user supplies it once:
//
//   std::string path = cgs::resolveInceptionWeights(options.inceptionWeights); // throws
//
// Looked up in this order: the explicit path (--inception_weights, the studio's setting),
// $CGS_INCEPTION_WEIGHTS, then the file name in $XDG_CACHE_HOME/cyclegan-studio/ (default
// ~/.cache/cyclegan-studio/) and in PyTorch's hub cache ($TORCH_HOME/hub/checkpoints, default
// ~/.cache/torch/hub/checkpoints, where pytorch-fid itself downloads it). No Torch types.

#include <string>

namespace cgs {

inline constexpr const char *kInceptionWeightsFile = "pt_inception-2015-12-05-6726825d.pth";
inline constexpr const char *kInceptionWeightsUrl =
    "https://github.com/mseitzer/pytorch-fid/releases/download/fid_weights/"
    "pt_inception-2015-12-05-6726825d.pth";
inline constexpr const char *kInceptionWeightsEnv = "CGS_INCEPTION_WEIGHTS";

// The weight file to use (see above). Throws ConfigError when none is found: the message names
// the file, the URL and the places looked in (inceptionWeightsHelp()), or, for an explicit path
// or $CGS_INCEPTION_WEIGHTS that does not exist, that path.
std::string resolveInceptionWeights(const std::string &explicitPath);

// "FID and KID need pytorch-fid's Inception weights, pt_inception-...pth (95 MB): download
// <URL> and put it at <default path>, or give its path with --inception_weights or
// $CGS_INCEPTION_WEIGHTS."
std::string inceptionWeightsHelp();

// $XDG_CACHE_HOME/cyclegan-studio/<file> (or ~/.cache/...): where the help says to put it.
std::string defaultInceptionWeightsPath();

// 16 hex digits: a 64-bit FNV-1a hash of the file's bytes, for cache keys. Throws IoError.
std::string hashFileContents(const std::string &path);

} // namespace cgs
