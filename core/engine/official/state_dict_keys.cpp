#include "core/engine/official/state_dict_keys.h"

#include <regex>
#include <set>

namespace cgs {
namespace {

bool allStartWith(const StateDict &stateDict, const std::string &prefix) {
    for (const auto &entry : stateDict)
        if (entry.first.rfind(prefix, 0) != 0)
            return false;
    return !stateDict.empty();
}

// Removes wrapper prefixes, outermost first; returns what was removed ("module._orig_mod.").
std::string stripWrapperPrefixes(StateDict &stateDict) {
    std::string removed;
    for (bool again = true; again;) {
        again = false;
        for (const std::string prefix : {"module.", "_orig_mod."}) {
            if (!allStartWith(stateDict, prefix))
                continue;
            for (auto &entry : stateDict)
                entry.first.erase(0, prefix.size());
            removed += prefix;
            again = true;
        }
    }
    return removed;
}

// model.<i>.conv_block.6.* -> model.<i>.conv_block.5.* when every residual block has its
// second convolution at 6 and none at 5 (the dropout layout); returns the blocks renamed.
int renameDropoutBlocks(StateDict &stateDict) {
    static const std::regex blockKey(R"(^model\.(\d+)\.conv_block\.(\d+)\.(weight|bias)$)");
    std::set<std::string> withFive, withSix;
    for (const auto &entry : stateDict) {
        std::smatch m;
        if (!std::regex_match(entry.first, m, blockKey))
            continue;
        if (m[2] == "5")
            withFive.insert(m[1]);
        else if (m[2] == "6")
            withSix.insert(m[1]);
    }
    if (withSix.empty() || !withFive.empty())
        return 0;
    for (auto &entry : stateDict) {
        std::smatch m;
        const std::string key = entry.first;
        if (std::regex_match(key, m, blockKey) && m[2] == "6")
            entry.first = "model." + m[1].str() + ".conv_block.5." + m[3].str();
    }
    return static_cast<int>(withSix.size());
}

} // namespace

StateDict normalizeStateDictKeys(StateDict stateDict, std::vector<std::string> *notes) {
    const std::string prefix = stripWrapperPrefixes(stateDict);
    if (notes && !prefix.empty())
        notes->push_back("keys carried the prefix '" + prefix +
                         "' of a wrapped model (DataParallel / torch.compile), removed");
    const int blocks = renameDropoutBlocks(stateDict);
    if (notes && blocks > 0)
        notes->push_back("saved with dropout (conv_block.6 keys in " + std::to_string(blocks) +
                         " residual blocks, trained without --no_dropout); dropout has no "
                         "weights and is the identity at inference, so it translates the same");
    return stateDict;
}

} // namespace cgs
