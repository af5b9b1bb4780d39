#pragma once

// Helpers shared by the imageio tests: a temporary folder removed at the end of the test, file
// writing, and the path of the committed fixtures.

#include "core/engine/image.h"

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <stdexcept>
#include <string>
#include <vector>

namespace cgs::test {

class TempDir {
public:
    TempDir() {
        std::string pattern =
            (std::filesystem::temp_directory_path() / "cgs-imageio-XXXXXX").string();
        if (!::mkdtemp(pattern.data()))
            throw std::runtime_error("mkdtemp failed");
        m_path = pattern;
    }
    ~TempDir() {
        std::error_code ec;
        std::filesystem::remove_all(m_path, ec);
    }
    TempDir(const TempDir &) = delete;
    TempDir &operator=(const TempDir &) = delete;

    const std::string &path() const { return m_path; }
    std::string file(const std::string &name) const { return m_path + "/" + name; }

private:
    std::string m_path;
};

inline void writeFile(const std::string &path, const std::string &bytes) {
    std::filesystem::create_directories(std::filesystem::path(path).parent_path());
    std::ofstream out(path, std::ios::binary);
    out << bytes;
}

inline std::string readFile(const std::string &path) {
    std::ifstream in(path, std::ios::binary);
    return std::string(std::istreambuf_iterator<char>(in), {});
}

inline std::string sourceDir() {
    const char *dir = std::getenv("CGS_SOURCE_DIR");
    return dir ? dir : ".";
}

inline std::string fixture(const std::string &name) {
    return sourceDir() + "/tests/core/imageio/data/" + name;
}

// A w x h image whose pixels encode their position and channel, so any transposition, flip or
// channel swap changes some value.
inline Image patternImage(int w, int h, int channels) {
    Image img(w, h, channels);
    for (int y = 0; y < h; ++y)
        for (int x = 0; x < w; ++x)
            for (int c = 0; c < channels; ++c)
                img.pixel(x, y)[c] = static_cast<std::uint8_t>((x * 7 + y * 31 + c * 85) % 256);
    return img;
}

inline std::vector<std::string> filesIn(const std::string &folder) {
    std::vector<std::string> names;
    for (const auto &entry : std::filesystem::directory_iterator(folder))
        names.push_back(entry.path().filename().string());
    return names;
}

} // namespace cgs::test
