#pragma once

#include <CLI/CLI.hpp>

#include <map>
#include <memory>
#include <string>
#include <vector>

namespace cgs::cli {

// The options of the official scripts (junyanz/pytorch-CycleGAN-and-pix2pix: options/
// base_options.py, train_options.py, test_options.py, models/cycle_gan_model.py,
// models/test_model.py) that `cyclegan train` and `cyclegan test` take besides those they bind
// to an option of their own, so that an official command line runs as it is:
//   - options without effect here (visdom and HTML display, wandb, --verbose, --suffix, ...):
//     accepted with any value, one note each on stderr that they are ignored and why;
//   - options with a meaning here: --gpu_ids (-> --device), --dataset_mode, --lr_policy,
//     --direction, --load_iter, and the names of old versions (--niter, --niter_decay,
//     --which_epoch, --how_many, --ntest): values the official code gives this meaning are
//     accepted, others refused by name with the reason (ConfigError, exit 1).
enum class OfficialScript { Train, Test };

class OfficialOptions {
public:
    // Registers the options of `script` on `cmd` (help group "Official options").
    OfficialOptions(CLI::App *cmd, OfficialScript script);

    // After parsing: the --device that --gpu_ids gives ("-1" -> cpu, "N" -> cuda:N), or
    // `device` unchanged when --gpu_ids was not given. Throws ConfigError for several ids
    // (use torchrun: one process per GPU), a value that is no id, or --gpu_ids together with
    // a --device other than auto.
    std::string device(const std::string &device) const;

    // After parsing: refuses (ConfigError naming the option, the value and why) the values of
    // --dataset_mode, --lr_policy, --direction and --load_iter this program cannot honour.
    void check() const;

    // --direction as given ("AtoB" unless given).
    const std::string &direction() const { return m_direction; }

    // After parsing: one "note: --<name> <value> has no effect here: <why>" line on stderr per
    // ignored option that was given.
    void noteIgnored() const;

    // The ignored options of `script`, by name (without dashes), for the tests and --help.
    static std::vector<std::string> ignoredNames(OfficialScript script);

private:
    CLI::App *m_cmd;
    OfficialScript m_script;
    std::map<std::string, std::string> m_values; // ignored options with a value
    std::map<std::string, bool> m_flags;         // ignored flags
    std::string m_gpuIds;
    std::string m_datasetMode;
    std::string m_lrPolicy = "linear";
    std::string m_direction = "AtoB";
    int m_loadIter = 0;
};

} // namespace cgs::cli
