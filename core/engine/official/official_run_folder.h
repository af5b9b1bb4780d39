#pragma once

#include <string>
#include <vector>

namespace cgs {

// The folders the official code (junyanz/pytorch-CycleGAN-and-pix2pix) writes: a run folder of
// its train.py holds <epoch>_net_G_A.pth, _net_G_B.pth, _net_D_A.pth, _net_D_B.pth per saved
// epoch; a pretrained model folder of its test.py holds <epoch>_net_G.pth. Epoch tags are
// numbers ("5") or "latest". Torch-free; reads directory listings only. Reentrant.

// The epochs of an official run or model folder (files <epoch>_net_G_A.pth, <epoch>_net_G_B.pth
// or <epoch>_net_G.pth), numbers ascending, then the others ("latest") by name; empty when the
// folder holds none or cannot be read. Load one with TranslatorOptions{model = dir, epoch = tag}.
std::vector<std::string> listOfficialEpochs(const std::string &dir);

// True when the folder holds a generator pair (<epoch>_net_G_A.pth or _net_G_B.pth): a run of
// train.py, as opposed to a test.py model folder with <epoch>_net_G.pth only.
bool holdsOfficialPair(const std::string &dir);

// The official tag for one of ours: "latest" for "", "5" for "epoch_0005", else unchanged.
std::string officialEpochTag(const std::string &epoch);

// The weight file <dir>/<tag>_net_<name>.pth of an official folder for the first of `names`
// that exists (tag = officialEpochTag(epoch); names such as "G_A", "D_B", "G"). Throws
// CheckpointError naming the folder, the files looked for and the epochs the folder has.
std::string officialWeightFile(const std::string &dir, const std::string &epoch,
                               const std::vector<std::string> &names);

} // namespace cgs
