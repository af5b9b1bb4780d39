#include "tests/architecture/include_layers.h"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <functional>
#include <regex>
#include <sstream>

namespace cgs::test {
namespace fs = std::filesystem;

namespace {

std::string readText(const fs::path &file) {
    std::ifstream in(file, std::ios::binary);
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
}

std::vector<std::string> words(const std::string &line) {
    std::istringstream in(line);
    std::vector<std::string> out;
    for (std::string w; in >> w;)
        out.push_back(w);
    return out;
}

struct Include {
    int line = 0;
    std::string target; // as written between the quotes or brackets
    bool quoted = true;
};

std::vector<Include> includesOf(const fs::path &file) {
    static const std::regex pattern(R"(^\s*#\s*include\s*([<"])([^>"]+)[>"])");
    std::vector<Include> out;
    std::istringstream in(readText(file));
    std::string line;
    for (int n = 1; std::getline(in, line); ++n) {
        std::smatch m;
        if (std::regex_search(line, m, pattern))
            out.push_back({n, m[2].str(), m[1].str() == "\""});
    }
    return out;
}

std::string withoutExtension(const std::string &path) {
    const auto dot = path.rfind('.');
    const auto slash = path.rfind('/');
    return dot == std::string::npos || (slash != std::string::npos && dot < slash)
               ? path
               : path.substr(0, dot);
}

std::string folderOf(const std::string &path) {
    const auto slash = path.rfind('/');
    return slash == std::string::npos ? std::string() : path.substr(0, slash);
}

bool startsWith(const std::string &s, const std::string &prefix) {
    return s.compare(0, prefix.size(), prefix) == 0;
}

bool isTorchHeader(const std::string &target) {
    return startsWith(target, "torch/") || startsWith(target, "ATen/") ||
           startsWith(target, "c10/");
}

} // namespace

Architecture parseArchitecture(const std::string &markdown) {
    Architecture arch;
    std::istringstream in(markdown);
    std::string line, block;
    bool inBlock = false;
    while (std::getline(in, line)) {
        if (startsWith(line, "```")) {
            inBlock = !inBlock;
            const auto name = words(line.substr(3));
            block = inBlock && !name.empty() ? name[0] : std::string();
            continue;
        }
        if (block == "layers" && !words(line).empty())
            arch.layers.push_back(words(line));
        else if (block == "facades")
            for (const auto &w : words(line))
                arch.facades.insert(w);
    }
    return arch;
}

std::vector<std::string> checkIncludes(const std::string &rootDir, const Architecture &arch) {
    const fs::path root(rootDir);
    std::map<std::string, int> rank; // entry -> layer
    for (std::size_t i = 0; i < arch.layers.size(); ++i)
        for (const auto &entry : arch.layers[i])
            rank[entry] = static_cast<int>(i);
    // A file's entry: its own path without extension if listed, else its folder if listed.
    auto entryOf = [&rank](const std::string &path) -> std::string {
        if (rank.count(withoutExtension(path)))
            return withoutExtension(path);
        return rank.count(folderOf(path)) ? folderOf(path) : std::string();
    };

    std::vector<std::string> problems;
    std::set<std::string> unlisted;
    for (const char *top : {"core", "ui", "app"}) {
        std::error_code ec;
        for (auto it = fs::recursive_directory_iterator(root / top, ec);
             it != fs::recursive_directory_iterator(); it.increment(ec)) {
            const std::string ext = it->path().extension().string();
            if (!it->is_regular_file() || (ext != ".h" && ext != ".cpp"))
                continue;
            const std::string file = fs::relative(it->path(), root).generic_string();
            const std::string from = entryOf(file);
            if (from.empty()) {
                if (unlisted.insert(folderOf(file)).second)
                    problems.push_back(folderOf(file) +
                                       "/ is in no layer of docs/ARCHITECTURE.md: add it");
                continue;
            }
            const bool client = startsWith(file, "ui/") || startsWith(file, "app/");
            for (const Include &inc : includesOf(it->path())) {
                if (!inc.quoted)
                    continue;
                const std::string where = file + ":" + std::to_string(inc.line) + " includes " +
                                          inc.target + ": ";
                if (client && startsWith(inc.target, "core/engine/") &&
                    !arch.facades.count(inc.target)) {
                    problems.push_back(where + "not an engine facade (docs/ARCHITECTURE.md)");
                    continue;
                }
                const std::string to = entryOf(inc.target);
                if (to.empty() || to == from)
                    continue; // outside the checked tree, or its own entry
                if (rank.at(to) > rank.at(from))
                    problems.push_back(where + "climbs from " + from + " up to " + to);
                else if (rank.at(to) == rank.at(from))
                    problems.push_back(where + "its sibling " + to + " is on the same layer");
            }
        }
    }

    // Facades stay Torch-free through everything they include inside the tree.
    std::function<std::string(const std::string &, std::set<std::string> &)> torchVia =
        [&](const std::string &header, std::set<std::string> &seen) -> std::string {
        if (!seen.insert(header).second || !fs::exists(root / header))
            return {};
        for (const Include &inc : includesOf(root / header)) {
            if (!inc.quoted && isTorchHeader(inc.target))
                return header + " includes <" + inc.target + ">";
            if (inc.quoted) {
                const std::string found = torchVia(inc.target, seen);
                if (!found.empty())
                    return found;
            }
        }
        return {};
    };
    for (const auto &facade : arch.facades) {
        if (!fs::exists(root / facade)) {
            problems.push_back("facade " + facade + " does not exist");
            continue;
        }
        std::set<std::string> seen;
        const std::string torch = torchVia(facade, seen);
        if (!torch.empty())
            problems.push_back("facade " + facade + " reaches Torch: " + torch);
    }
    return problems;
}

} // namespace cgs::test
