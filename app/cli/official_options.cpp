#include "app/cli/official_options.h"

#include "core/engine/error.h"

#include <cstdio>
#include <cstdlib>

namespace cgs::cli {
namespace {

struct Ignored {
    const char *name;
    bool flag; // takes no value
    const char *why;
};

// Options of both scripts (options/base_options.py) that change nothing here.
const Ignored kBase[] = {
    {"display_winsize", false, "it sizes the visdom and HTML result images; results keep their own size here"},
    {"verbose", true, "it prints the networks; `cyclegan bench` and the run's config.json describe them"},
    {"suffix", false, "it appends to --name in the official code; give the whole --name instead"},
    {"use_wandb", true, "Weights & Biases logging; losses go to loss_log.csv and the studio's live plots"},
    {"wandb_project_name", false, "Weights & Biases logging is not used here"},
};

// train.py only (options/train_options.py).
const Ignored kTrain[] = {
    {"display_ncols", false, "visdom display; previews go to <run>/previews and the studio"},
    {"display_id", false, "visdom display; previews go to <run>/previews and the studio"},
    {"display_server", false, "visdom display; previews go to <run>/previews and the studio"},
    {"display_env", false, "visdom display; previews go to <run>/previews and the studio"},
    {"display_port", false, "visdom display; previews go to <run>/previews and the studio"},
    {"update_html_freq", false, "HTML result pages; previews go to <run>/previews"},
    {"no_html", true, "HTML result pages are never written here"},
    {"save_by_iter", true, "checkpoints here are latest (every --save_latest_freq images) and epoch_N"},
    {"lr_decay_iters", false, "it is used by --lr_policy step only; the schedule here is linear"},
};

// test.py only (options/test_options.py, models/test_model.py), and what test.py reads from
// the base options but cannot matter to a translation at the images' own size.
const Ignored kTest[] = {
    {"aspect_ratio", false, "test.py stretches the saved images; here each keeps its own size"},
    {"eval", true, "the generator always runs in eval mode here"},
    {"ngf", false, "the generator's shape is read from the weight file"},
    {"netG", false, "the generator's shape is read from the weight file"},
    {"norm", false, "the generator's shape is read from the weight file"},
    {"no_dropout", true, "the generator's shape is read from the weight file"},
    {"init_type", false, "weights are loaded, not initialised"},
    {"init_gain", false, "weights are loaded, not initialised"},
    {"input_nc", false, "the generator's shape is read from the weight file"},
    {"output_nc", false, "the generator's shape is read from the weight file"},
    {"ndf", false, "test.py loads no discriminator"},
    {"netD", false, "test.py loads no discriminator"},
    {"n_layers_D", false, "test.py loads no discriminator"},
    {"load_size", false, "images are translated at their own size (test.py resizes to 256 by default)"},
    {"crop_size", false, "images are translated at their own size (test.py crops to 256 by default)"},
    {"preprocess", false, "images are translated at their own size, whole"},
    {"no_flip", true, "test images are never flipped here"},
    {"serial_batches", true, "test images are always taken in order"},
    {"batch_size", false, "each image is translated alone, at its own size"},
    {"num_threads", false, "decoding threads are chosen here"},
    {"max_dataset_size", false, "--num_test limits the images"},
};

template <std::size_t N>
void append(std::vector<const Ignored *> &out, const Ignored (&list)[N]) {
    for (const Ignored &i : list)
        out.push_back(&i);
}

std::vector<const Ignored *> ignoredOf(OfficialScript script) {
    std::vector<const Ignored *> out;
    append(out, kBase);
    if (script == OfficialScript::Train)
        append(out, kTrain);
    else
        append(out, kTest);
    return out;
}

const char *const kGroup = "Official options (accepted for old command lines)";

} // namespace

OfficialOptions::OfficialOptions(CLI::App *cmd, OfficialScript script)
    : m_cmd(cmd), m_script(script) {
    for (const Ignored *i : ignoredOf(script)) {
        const std::string name = std::string("--") + i->name;
        const std::string help = std::string("No effect here: ") + i->why;
        if (i->flag)
            cmd->add_flag(name, m_flags[i->name], help)->group(kGroup);
        else
            cmd->add_option(name, m_values[i->name], help)->group(kGroup);
    }
    cmd->add_option("--gpu_ids", m_gpuIds,
                    "As the official option: -1 = the CPU, N = GPU N (as --device cuda:N); for "
                    "several GPUs start one process per GPU with torchrun")
        ->group(kGroup);
    cmd->add_option("--dataset_mode", m_datasetMode,
                    script == OfficialScript::Train ? "unaligned (the only mode of CycleGAN)"
                                                    : "unaligned (testA and testB of --dataroot) "
                                                      "or single (--dataroot holds the images)")
        ->group(kGroup);
    cmd->add_option("--direction", m_direction,
                    script == OfficialScript::Train
                        ? "AtoB (swap the domains with --dirA and --dirB instead of BtoA)"
                        : "AtoB or BtoA: which generator of a run folder translates")
        ->capture_default_str()
        ->group(kGroup);
    cmd->add_option("--load_iter", m_loadIter,
                    "0 (checkpoints here are named by epoch: use --epoch)")
        ->capture_default_str()
        ->group(kGroup);
    if (script == OfficialScript::Train)
        cmd->add_option("--lr_policy", m_lrPolicy,
                        "linear (the official default: constant for --n_epochs, then linear "
                        "decay to 0 over --n_epochs_decay)")
            ->capture_default_str()
            ->group(kGroup);
}

std::string OfficialOptions::device(const std::string &device) const {
    if (m_gpuIds.empty())
        return device;
    if (device != "auto")
        throw ConfigError("--gpu_ids " + m_gpuIds + " and --device " + device +
                          " both choose the device: give one of them");
    if (m_gpuIds.find(',') != std::string::npos)
        throw ConfigError("--gpu_ids " + m_gpuIds + ": one process uses one device here; train "
                          "on several GPUs with one process each: torchrun --nproc_per_node N "
                          "--no-python cyclegan train ... (see the README, \"Many GPUs\")");
    char *end = nullptr;
    const long id = std::strtol(m_gpuIds.c_str(), &end, 10);
    if (end == m_gpuIds.c_str() || *end != '\0' || id < -1)
        throw ConfigError("--gpu_ids '" + m_gpuIds + "' is not a GPU number (-1 = the CPU)");
    return id < 0 ? "cpu" : "cuda:" + std::to_string(id);
}

void OfficialOptions::check() const {
    const bool train = m_script == OfficialScript::Train;
    if (!m_datasetMode.empty() && m_datasetMode != "unaligned" &&
        !(m_datasetMode == "single" && !train))
        throw ConfigError(
            "--dataset_mode " + m_datasetMode + " is not supported: " +
            (m_datasetMode == "aligned"
                 ? std::string("aligned pairs are pix2pix's data; CycleGAN trains on two "
                               "unaligned folders (trainA, trainB)")
                 : train ? std::string("CycleGAN trains on two unaligned folders (unaligned)")
                         : std::string("use unaligned (testA/testB) or single (one folder)")));
    if (train && m_lrPolicy != "linear")
        throw ConfigError("--lr_policy " + m_lrPolicy + " is not supported: the schedule here is "
                          "the official default, linear (constant for --n_epochs, then linear "
                          "decay to 0 over --n_epochs_decay)");
    if (m_direction != "AtoB" && m_direction != "BtoA")
        throw ConfigError("--direction '" + m_direction + "' is not AtoB or BtoA");
    if (train && m_direction == "BtoA")
        throw ConfigError("--direction BtoA (training with the domains swapped) is not supported "
                          "as an option: swap them with --dirA <dataroot>/trainB --dirB "
                          "<dataroot>/trainA");
    if (m_loadIter != 0)
        throw ConfigError("--load_iter " + std::to_string(m_loadIter) +
                          " is not supported: checkpoints here are named by epoch (latest, "
                          "epoch_0005): choose one with --epoch");
}

void OfficialOptions::noteIgnored() const {
    for (const Ignored *i : ignoredOf(m_script)) {
        const std::string name = std::string("--") + i->name;
        if (m_cmd->count(name) == 0)
            continue;
        const std::string value = i->flag ? std::string() : " " + m_values.at(i->name);
        std::fprintf(stderr, "note: %s%s has no effect here: %s\n", name.c_str(), value.c_str(),
                     i->why);
    }
    std::fflush(stderr);
}

std::vector<std::string> OfficialOptions::ignoredNames(OfficialScript script) {
    std::vector<std::string> names;
    for (const Ignored *i : ignoredOf(script))
        names.emplace_back(i->name);
    return names;
}

} // namespace cgs::cli
