#pragma once

#include <map>
#include <set>
#include <string>
#include <vector>

namespace cgs::test {

// The declared architecture of docs/ARCHITECTURE.md: its ```layers block (one layer a line,
// lowest first; entries are folders or extension-less file paths, relative to the repository)
// and its ```facades block (the engine headers ui/ and app/ may include).
struct Architecture {
    std::vector<std::vector<std::string>> layers;
    std::set<std::string> facades;
};

// Parses the two fenced blocks of `markdown`. Entries are separated by blanks.
Architecture parseArchitecture(const std::string &markdown);

// Checks every #include "..." of the .h/.cpp files under <root>/{core,ui,app} against `arch`:
// the including file's entry (the longest entry that names its folder or its path without the
// extension) must be the included header's entry or on a lower layer; files of ui/ and app/
// include only `facades` from core/engine; a facade must not reach a Torch header (<torch/,
// <ATen/, <c10/) through the engine's own includes. Returns one message per violation
// ("ui/a.cpp:3 includes core/engine/x.h: ..."), empty when the tree conforms.
std::vector<std::string> checkIncludes(const std::string &root, const Architecture &arch);

} // namespace cgs::test
