#include "core/imageio/png_writer.h"

#include "core/engine/error.h"
#include "core/imageio/image_codec.h"
#include "tests/core/imageio/test_util.h"

#include <gtest/gtest.h>

#include <memory>

namespace cgs {
namespace {

TEST(PngWriter, WritesLosslessPngThroughTheEngineInterface) {
    test::TempDir dir;
    std::unique_ptr<ImageWriter> writer = std::make_unique<PngWriter>();
    EXPECT_EQ(writer->extension(), ".png");
    const Image img = test::patternImage(9, 5, 3);
    writer->write(dir.file("preview" + writer->extension()), img);
    EXPECT_EQ(test::readFile(dir.file("preview.png")).substr(1, 3), "PNG");
    EXPECT_EQ(readImage(dir.file("preview.png")).data, img.data);
}

TEST(PngWriter, FailureIsAnIoErrorNamingThePath) {
    test::TempDir dir;
    PngWriter writer;
    const std::string path = dir.file("missing/preview.png");
    try {
        writer.write(path, test::patternImage(2, 2, 3));
        FAIL() << "no IoError";
    } catch (const IoError &e) {
        EXPECT_NE(std::string(e.what()).find("'" + path + "'"), std::string::npos);
    }
}

} // namespace
} // namespace cgs
