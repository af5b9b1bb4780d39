#pragma once

// Contents that are not one of the supported image formats but that OpenCV would hand to one
// of its decoders: the 132-byte DICOM trigger and variants, and small files in the
// formats OpenCV 4.6 sniffs besides ours, made by OpenCV itself where it can encode them.
// Shared by the imageio, CLI and training tests.

#include <opencv2/core.hpp>
#include <opencv2/imgcodecs.hpp>

#include <unistd.h>

#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

namespace cgs::test {

struct ForeignImage {
    std::string label;    // short, usable in file names
    std::string looksLike; // the name the gate gives it ("" for "unknown content")
    std::string bytes;
    bool openCvDecodes;   // OpenCV alone would decode it (checked where it cannot abort)
};

inline std::string dicomTrigger() {
    return std::string(128, '\0') + "DICM"; // the 132-byte DICOM trigger
}

inline std::string openCvEncoded(const std::string &ext, const cv::Mat &mat) {
    std::vector<std::uint8_t> bytes;
    if (ext == ".jp2") { // OpenCV's OpenJPEG encoder writes files only
        const std::string path = (std::filesystem::temp_directory_path() /
                                  ("cgs_foreign_" + std::to_string(::getpid()) + ".jp2"))
                                     .string();
        cv::imwrite(path, mat);
        std::ifstream in(path, std::ios::binary);
        bytes.assign(std::istreambuf_iterator<char>(in), {});
        std::filesystem::remove(path);
    } else {
        cv::imencode(ext, mat, bytes);
    }
    return std::string(bytes.begin(), bytes.end());
}

inline std::vector<ForeignImage> foreignImages() {
    const cv::Mat colour(16, 16, CV_8UC3, cv::Scalar(10, 200, 30));
    const cv::Mat large(64, 64, CV_8UC3, cv::Scalar(10, 200, 30)); // OpenJPEG's smallest
    const cv::Mat grey(16, 16, CV_8UC1, cv::Scalar(100));
    const cv::Mat hdr(16, 16, CV_32FC3, cv::Scalar(0.5, 0.25, 0.125));
    std::string dicomWithPreamble = std::string(128, '\xAB') + "DICM";
    dicomWithPreamble += std::string("\x02\x00\x10\x00UI\x14\x00", 8) + "1.2.840.10008.1.2.1\0";
    return {
        {"dicom-132", "DICOM", dicomTrigger(), false},
        {"dicom-preamble", "DICOM", dicomWithPreamble, false},
        {"dicom-long", "DICOM", dicomTrigger() + std::string(4096, '\x7F'), false},
        {"dicm-at-0", "", "DICM" + std::string(128, '\0'), false},
        {"dicm-at-127", "", std::string(127, '\0') + "DICM", false},
        {"ppm", "PPM/PGM/PBM (Netpbm)", openCvEncoded(".ppm", colour), true},
        {"pgm", "PPM/PGM/PBM (Netpbm)", openCvEncoded(".pgm", grey), true},
        {"pbm", "PPM/PGM/PBM (Netpbm)", openCvEncoded(".pbm", grey), true},
        {"pam", "PAM", openCvEncoded(".pam", colour), true},
        {"sunraster", "Sun raster", openCvEncoded(".ras", colour), true},
        {"hdr", "Radiance HDR", openCvEncoded(".hdr", hdr), true},
        {"pfm", "PFM", openCvEncoded(".pfm", hdr), true},
        {"jpeg2000", "JPEG 2000", openCvEncoded(".jp2", large), true},
        {"openexr", "OpenEXR", openCvEncoded(".exr", hdr), true},
        {"bigtiff", "BigTIFF", std::string("II+\0\x08\0\0\0", 8) + std::string(16, '\0'), false},
        {"nitf", "NITF", "NITF02.10" + std::string(200, '0'), false},
        {"gif", "GIF", std::string("GIF89a\x01\0\x01\0\0\0\0;", 13), false},
        {"pdf", "PDF", "%PDF-1.4\n%\xE2\xE3\xCF\xD3\n", false},
        {"zip", "ZIP archive", std::string("PK\x03\x04\x14\0\0\0\0\0", 10), false},
        {"text", "", "just some text, not a picture\n", false},
    };
}

} // namespace cgs::test
