#pragma once

#include "core/engine/image.h"

#include <cstddef>
#include <functional>
#include <mutex>
#include <string>
#include <vector>

namespace cgs {

// The image files of one dataset domain, with the bookkeeping that makes unreadable files
// harmless: load(i) decodes file i, or, when it cannot be read, the next readable one
// (i + 1, i + 2, ... wrapping around). Each unreadable file is reported once through the
// warning callback, by name and cause, then remembered and never decoded again.
// Which file load(i) returns depends only on i and the files' contents, not on call order.
// Thread safety: load() may be called from several threads at once.
class DomainFiles {
public:
    using WarningHandler = std::function<void(const std::string &)>;

    // `label` names the domain in messages ("A"). `files` must not be empty.
    DomainFiles(std::string label, std::string folder, std::vector<std::string> files,
                WarningHandler warn);

    struct Loaded {
        Image image;      // 8-bit RGB
        std::string path; // the file it came from
    };

    // Throws DatasetError "No image of domain A in '<folder>' can be read (N files; first:
    // <cause>)" when every file is unreadable.
    Loaded load(std::size_t index) const;

    std::size_t size() const { return m_files.size(); }
    const std::vector<std::string> &files() const { return m_files; }
    const std::string &folder() const { return m_folder; }

private:
    bool isBad(std::size_t index) const;
    void markBad(std::size_t index, const std::string &cause) const;

    std::string m_label;
    std::string m_folder;
    std::vector<std::string> m_files;
    WarningHandler m_warn;
    mutable std::mutex m_mutex;
    mutable std::vector<char> m_bad; // 1 = known unreadable
    mutable std::string m_firstCause;
};

} // namespace cgs
