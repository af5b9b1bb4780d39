#pragma once

// Reading and writing the weight files of the official PyTorch CycleGAN implementation
// (junyanz/pytorch-CycleGAN-and-pix2pix): `torch.save(net.state_dict())` of a ResnetGenerator,
// such as the pretrained style_monet.pth or horse2zebra.pth. Internal to the engine (Torch).
//
//   std::string format;
//   cgs::ResnetGenerator g = cgs::loadOfficialGenerator("style_monet.pth", torch::kCPU, &format);
//   ...                                                   // format == "official-legacy"
//   cgs::saveOfficialGenerator("latest_net_G_A.pth", g); // runs in the official test.py
//
// Both file formats are read: the zip format of PyTorch >= 1.6 ("official-zip") and the older
// legacy pickle format ("official-legacy"). The pickle inside is read by our own minimal
// unpickler, which knows only the globals a state dict uses and never executes code.
// Writing produces the zip format, which Python's torch.load (>= 1.6) reads.
// All functions are reentrant; they share no state.

#include "core/engine/nn/resnet_generator.h"

#include <torch/torch.h>

#include <string>
#include <utility>
#include <vector>

namespace cgs {

// A state dict in file order: official keys ("model.1.weight", ...) and CPU tensors.
using StateDict = std::vector<std::pair<std::string, torch::Tensor>>;

// Reads the state dict of an official weight file. Entries `<m>.running_mean`,
// `<m>.running_var` and `<m>.num_batches_tracked` of a module `<m>` without `<m>.weight` are
// dropped: they are InstanceNorm statistics that old PyTorch versions saved and that the
// model does not use. Keys are brought to the official layout (state_dict_keys.h: wrapper
// prefixes such as "module." removed, dropout blocks renamed). `formatOut` (optional) receives
// "official-zip" or "official-legacy", followed by "; <note>" for each such change.
// A file holding a whole pickled model instead of a state dict gets a CheckpointError saying so
// and what to save instead.
// Throws CheckpointError naming the file and the cause: "cannot open", "not a PyTorch file",
// "truncated", "unsupported pickle opcode 0x69", "unsupported global 'os.system'", ...
StateDict readStateDictFile(const std::string &path, std::string *formatOut = nullptr);

// Writes `stateDict` atomically (temporary file, flush, rename) in the zip format of
// `torch.save`: an OrderedDict of tensors, which `torch.load` returns and
// `nn.Module.load_state_dict` accepts. Tensors may live on any device; they are saved as
// contiguous CPU tensors of their dtype. Throws IoError naming the file and the cause.
void writeOfficialStateDict(const std::string &path, const StateDict &stateDict);

// The architecture of an official ResNet generator.
struct GeneratorArch {
    int ngf = 64;     // filters of the first convolution
    int nBlocks = 9;  // residual blocks
    int inputNc = 3;  // input channels
    int outputNc = 3; // output channels
};

// Infers the architecture from the keys and shapes (model.1.weight is [ngf, input_nc, 7, 7],
// blocks are the indices with `conv_block` keys, the last convolution gives output_nc) and
// checks that every key and shape is the one of that architecture. Throws CheckpointError
// saying what the file holds instead, e.g. "'D.pth' holds 10 tensors with keys
// model.0.weight, model.0.bias, model.2.weight ...: looks like a PatchGAN discriminator, not a
// ResNet generator"; `pathForMessages` names the file in messages.
GeneratorArch inferGeneratorArch(const StateDict &stateDict, const std::string &pathForMessages);

// Reads an official generator file, infers its architecture, builds a ResnetGenerator with
// it, copies the weights in (shape-checked), moves it to `device` and sets eval mode.
// Throws CheckpointError naming the file and the cause (as readStateDictFile and
// inferGeneratorArch), DeviceError if the device cannot take it.
ResnetGenerator loadOfficialGenerator(const std::string &path, const torch::Device &device,
                                      std::string *formatOut = nullptr);

// Copies the weights of an official file into `module` (any network whose parameter names
// are the official keys: our generators and discriminators), on the module's device. Every
// tensor of the module must be in the file with its shape, and nothing else. Throws
// CheckpointError naming the file, the key and both shapes, with the options to check.
void loadOfficialWeightsInto(torch::nn::Module &module, const std::string &path);

// Writes `generator` as an official weight file (keys in the official order), which the
// official `test.py --model test --no_dropout` loads as it loads the pretrained models.
// Throws IoError naming the file and the cause.
void saveOfficialGenerator(const std::string &path, ResnetGenerator &generator);

} // namespace cgs
