// cgs::Error carries its category: each thin subclass fixes its kind, errorKindOf() reads it
// from any exception, and a DeviceUnavailableError is still caught as a DeviceError.
#include "core/engine/dist/distributed_error.h"
#include "core/engine/error.h"

#include <gtest/gtest.h>

#include <iterator>
#include <new>
#include <set>
#include <stdexcept>

using namespace cgs;

TEST(ErrorTest, EachSubclassCarriesItsKind) {
    EXPECT_EQ(ConfigError("x").kind(), ErrorKind::Config);
    EXPECT_EQ(DatasetError("x").kind(), ErrorKind::Dataset);
    EXPECT_EQ(CheckpointError("x").kind(), ErrorKind::Checkpoint);
    EXPECT_EQ(DeviceUnavailableError("x").kind(), ErrorKind::DeviceUnavailable);
    EXPECT_EQ(DeviceError("x").kind(), ErrorKind::Device);
    EXPECT_EQ(TrainingError("x").kind(), ErrorKind::Training);
    EXPECT_EQ(IoError("x").kind(), ErrorKind::Io);
    EXPECT_EQ(Cancelled().kind(), ErrorKind::Cancelled);
    EXPECT_EQ(DistributedError("x").kind(), ErrorKind::Distributed);
    EXPECT_EQ(Error(ErrorKind::Other, "x").kind(), ErrorKind::Other);
}

TEST(ErrorTest, KindOfAnyExceptionThroughItsBase) {
    const IoError io("Cannot write 'a.png': No space left on device");
    const std::exception &asStd = io;
    EXPECT_EQ(errorKindOf(asStd), ErrorKind::Io);
    EXPECT_STREQ(asStd.what(), "Cannot write 'a.png': No space left on device");
    EXPECT_EQ(errorKindOf(std::runtime_error("a library error")), ErrorKind::Other);
    EXPECT_EQ(errorKindOf(std::bad_alloc()), ErrorKind::Other);
}

TEST(ErrorTest, AnUnavailableDeviceIsCaughtAsADeviceError) {
    try {
        throw DeviceUnavailableError("Device 'cuda:7' does not exist");
    } catch (const DeviceError &e) {
        EXPECT_EQ(e.kind(), ErrorKind::DeviceUnavailable);
        return;
    }
    FAIL() << "not caught as DeviceError";
}

TEST(ErrorTest, KindsAreListedOnceEach) {
    std::set<ErrorKind> seen(std::begin(kErrorKinds), std::end(kErrorKinds));
    EXPECT_EQ(seen.size(), std::size(kErrorKinds));
    EXPECT_EQ(kErrorKinds[std::size(kErrorKinds) - 1], ErrorKind::Other);
}
