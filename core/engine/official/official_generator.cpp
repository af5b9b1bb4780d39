// The generator half of official_weights.h: architecture inference, load and save.
#include "core/engine/official/official_weights.h"

#include "core/engine/error.h"

#include <map>
#include <set>
#include <sstream>

namespace cgs {
namespace {

using Shape = std::vector<int64_t>;
using Layout = std::vector<std::pair<std::string, Shape>>;

std::string shapeText(const Shape &shape) {
    std::ostringstream out;
    out << "[";
    for (size_t i = 0; i < shape.size(); ++i)
        out << (i ? ", " : "") << shape[i];
    out << "]";
    return out.str();
}

// "'x.pth' holds 10 tensors with keys model.0.weight, model.0.bias, model.2.weight ..."
std::string describe(const StateDict &stateDict, const std::string &path) {
    std::string text = "'" + path + "' holds " + std::to_string(stateDict.size()) + " tensors";
    if (stateDict.empty())
        return "'" + path + "' holds no tensors";
    text += " with keys ";
    for (size_t i = 0; i < stateDict.size() && i < 3; ++i)
        text += (i ? ", " : "") + stateDict[i].first;
    return text + (stateDict.size() > 3 ? " ..." : "");
}

// Every key and shape of the official generator with `arch`, in the official order.
Layout expectedLayout(const GeneratorArch &arch) {
    const int64_t g = arch.ngf, n = arch.nBlocks;
    Layout layout;
    const auto conv = [&layout](const std::string &prefix, const Shape &weight, int64_t out) {
        layout.emplace_back(prefix + ".weight", weight);
        layout.emplace_back(prefix + ".bias", Shape{out});
    };
    conv("model.1", {g, arch.inputNc, 7, 7}, g);
    conv("model.4", {2 * g, g, 3, 3}, 2 * g);
    conv("model.7", {4 * g, 2 * g, 3, 3}, 4 * g);
    for (int64_t i = 0; i < n; ++i)
        for (const char *conv3 : {".conv_block.1", ".conv_block.5"})
            conv("model." + std::to_string(10 + i) + conv3, {4 * g, 4 * g, 3, 3}, 4 * g);
    // Transposed convolutions store their weight as [in, out, k, k].
    conv("model." + std::to_string(10 + n), {4 * g, 2 * g, 3, 3}, 2 * g);
    conv("model." + std::to_string(13 + n), {2 * g, g, 3, 3}, g);
    conv("model." + std::to_string(17 + n), {arch.outputNc, g, 7, 7}, arch.outputNc);
    return layout;
}

// Why a state dict without a ResNet head is not what we want.
std::string foreignKind(const std::map<std::string, Shape> &shapes) {
    const auto first = shapes.find("model.0.weight");
    if (first != shapes.end() && first->second.size() == 4)
        return first->second[2] == 4 ? "looks like a PatchGAN discriminator"
                                     : "looks like a discriminator";
    for (const auto &entry : shapes)
        if (entry.first.rfind("model.model.", 0) == 0)
            return "looks like a U-Net generator (pix2pix)";
    if (shapes.empty())
        return "does not have the layout of the official networks";
    // Every key behind one unknown prefix ("netG_A.model.1.weight"): another wrapper.
    const std::string &firstKey = shapes.begin()->first;
    const size_t at = firstKey.find(".model.");
    if (at != std::string::npos) {
        const std::string prefix = firstKey.substr(0, at + 1);
        bool all = true;
        for (const auto &entry : shapes)
            all = all && entry.first.rfind(prefix + "model.", 0) == 0;
        if (all)
            return "every key carries the prefix '" + prefix +
                   "' (module., _orig_mod. are removed, this one is not known): save the inner "
                   "network's state_dict(), or strip the prefix";
    }
    return "does not have the layout of the official networks";
}

// Residual blocks: the indices with conv_block keys, which must be 10, 11, ...
int countBlocks(const std::map<std::string, Shape> &shapes, std::string *problem) {
    std::set<int> indices;
    for (const auto &entry : shapes) {
        const std::string &key = entry.first;
        const size_t block = key.find(".conv_block.");
        if (key.rfind("model.", 0) == 0 && block != std::string::npos)
            indices.insert(std::atoi(key.substr(6, block - 6).c_str()));
    }
    int expected = 10;
    for (const int index : indices)
        if (index != expected++)
            *problem = "its residual blocks are not numbered 10, 11, ...";
    return static_cast<int>(indices.size());
}

} // namespace

namespace {

// Empty when `shapes` is exactly the layout of `arch`, else what differs.
std::string layoutProblem(const std::map<std::string, Shape> &shapes, const GeneratorArch &arch) {
    const Layout layout = expectedLayout(arch);
    std::set<std::string> expectedKeys;
    for (const auto &[key, shape] : layout) {
        expectedKeys.insert(key);
        const auto found = shapes.find(key);
        if (found == shapes.end())
            return "key " + key + " is missing";
        if (found->second != shape)
            return key + " has shape " + shapeText(found->second) + ", expected " +
                   shapeText(shape);
    }
    for (const auto &entry : shapes)
        if (!expectedKeys.count(entry.first))
            return "unexpected key " + entry.first;
    return {};
}

std::map<std::string, Shape> shapesOf(const StateDict &stateDict) {
    std::map<std::string, Shape> shapes;
    for (const auto &[key, tensor] : stateDict)
        shapes[key] = tensor.sizes().vec();
    return shapes;
}

} // namespace

GeneratorArch inferGeneratorArch(const StateDict &stateDict, const std::string &pathForMessages) {
    const auto shapes = shapesOf(stateDict);
    const std::string what = describe(stateDict, pathForMessages);
    const auto head = shapes.find("model.1.weight");
    if (head == shapes.end() || head->second.size() != 4 || head->second[2] != 7 ||
        head->second[3] != 7)
        throw CheckpointError(what + ": " + foreignKind(shapes) + ", not a ResNet generator");
    GeneratorArch arch;
    arch.ngf = static_cast<int>(head->second[0]);
    arch.inputNc = static_cast<int>(head->second[1]);
    std::string problem;
    arch.nBlocks = countBlocks(shapes, &problem);
    const std::string lastKey = "model." + std::to_string(17 + arch.nBlocks) + ".weight";
    const auto last = shapes.find(lastKey);
    if (problem.empty() && (last == shapes.end() || last->second.size() != 4))
        problem = "key " + lastKey + " (the last convolution) is missing";
    if (problem.empty()) {
        arch.outputNc = static_cast<int>(last->second[0]);
        problem = arch.ngf > 0 && arch.inputNc > 0 && arch.outputNc > 0
                      ? layoutProblem(shapes, arch)
                      : "it has empty convolutions";
    }
    if (!problem.empty())
        throw CheckpointError(what + ": not a ResNet generator (ngf " + std::to_string(arch.ngf) +
                              ", " + std::to_string(arch.nBlocks) + " blocks): " + problem);
    return arch;
}

ResnetGenerator loadOfficialGenerator(const std::string &path, const torch::Device &device,
                                      std::string *formatOut) {
    const StateDict stateDict = readStateDictFile(path, formatOut);
    const GeneratorArch arch = inferGeneratorArch(stateDict, path);
    ResnetGenerator generator(
        ResnetGeneratorOptions(arch.inputNc, arch.outputNc).ngf(arch.ngf).n_blocks(arch.nBlocks));
    auto params = generator->named_parameters(/*recurse=*/true);
    auto buffers = generator->named_buffers(/*recurse=*/true);
    if (params.size() + buffers.size() != stateDict.size())
        throw CheckpointError("Cannot load '" + path + "': it holds " +
                              std::to_string(stateDict.size()) + " tensors, the generator has " +
                              std::to_string(params.size() + buffers.size()));
    torch::NoGradGuard noGrad;
    for (const auto &[key, tensor] : stateDict) {
        torch::Tensor *target = params.find(key);
        if (!target)
            target = buffers.find(key);
        if (!target || target->sizes() != tensor.sizes())
            throw CheckpointError("Cannot load '" + path + "': tensor " + key +
                                  " does not match the generator");
        target->copy_(tensor);
    }
    try {
        generator->to(device);
    } catch (const c10::Error &e) {
        const std::string what = e.what_without_backtrace();
        throw DeviceError("Cannot move the generator of '" + path + "' to " + device.str() + ": " +
                          what.substr(0, what.find('\n')));
    }
    generator->eval();
    return generator;
}

void loadOfficialWeightsInto(torch::nn::Module &module, const std::string &path) {
    const StateDict stateDict = readStateDictFile(path);
    auto params = module.named_parameters(/*recurse=*/true);
    auto buffers = module.named_buffers(/*recurse=*/true);
    auto shape = [](const torch::Tensor &t) {
        std::string s = "[";
        for (std::size_t i = 0; i < t.sizes().size(); ++i)
            s += (i ? ", " : "") + std::to_string(t.sizes()[i]);
        return s + "]";
    };
    const std::string hint = " (check --netG, --ngf, --ndf, --n_layers_D, --input_nc, "
                             "--output_nc: they must be the ones the official run used)";
    std::size_t found = 0;
    torch::NoGradGuard noGrad;
    for (const auto &[key, tensor] : stateDict) {
        torch::Tensor *target = params.find(key);
        if (!target)
            target = buffers.find(key);
        if (!target)
            throw CheckpointError("Cannot load '" + path + "': it holds " + key +
                                  ", which this network does not have" + hint);
        if (target->sizes() != tensor.sizes())
            throw CheckpointError("Cannot load '" + path + "': " + key + " is " + shape(tensor) +
                                  " in the file but " + shape(*target) + " in this network" +
                                  hint);
        target->copy_(tensor);
        ++found;
    }
    if (found != params.size() + buffers.size())
        throw CheckpointError("Cannot load '" + path + "': it holds " + std::to_string(found) +
                              " tensors, this network has " +
                              std::to_string(params.size() + buffers.size()) + hint);
}

void saveOfficialGenerator(const std::string &path, ResnetGenerator &generator) {
    // named_parameters() visits modules depth-first in registration order, which is the
    // order of Python's state_dict() for this module tree (it has no buffers).
    StateDict stateDict;
    for (const auto &item : generator->named_parameters(/*recurse=*/true))
        stateDict.emplace_back(item.key(), item.value().detach());
    for (const auto &item : generator->named_buffers(/*recurse=*/true))
        stateDict.emplace_back(item.key(), item.value().detach());
    writeOfficialStateDict(path, stateDict);
}

} // namespace cgs
