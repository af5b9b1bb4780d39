#include "core/imageio/domain_files.h"

#include "core/engine/error.h"
#include "core/imageio/image_codec.h"

namespace cgs {

DomainFiles::DomainFiles(std::string label, std::string folder, std::vector<std::string> files,
                         WarningHandler warn)
    : m_label(std::move(label)), m_folder(std::move(folder)), m_files(std::move(files)),
      m_warn(std::move(warn)), m_bad(m_files.size(), 0) {}

DomainFiles::Loaded DomainFiles::load(std::size_t index) const {
    const std::size_t n = m_files.size();
    for (std::size_t step = 0; step < n; ++step) {
        const std::size_t i = (index + step) % n;
        if (isBad(i))
            continue;
        try {
            return Loaded{readImage(m_files[i]), m_files[i]};
        } catch (const DatasetError &e) {
            markBad(i, e.what());
        }
    }
    std::lock_guard<std::mutex> lock(m_mutex);
    throw DatasetError("No image of domain " + m_label + " in '" + m_folder + "' can be read (" +
                       std::to_string(n) + " files; first: " + m_firstCause + ")");
}

bool DomainFiles::isBad(std::size_t index) const {
    std::lock_guard<std::mutex> lock(m_mutex);
    return m_bad[index] != 0;
}

void DomainFiles::markBad(std::size_t index, const std::string &cause) const {
    {
        std::lock_guard<std::mutex> lock(m_mutex);
        if (m_bad[index])
            return; // another thread reported it first
        m_bad[index] = 1;
        if (m_firstCause.empty())
            m_firstCause = cause;
    }
    // Outside the lock: the handler may take its own locks or be slow.
    if (m_warn)
        m_warn("Skipping unreadable image (domain " + m_label + "): " + cause);
}

} // namespace cgs
