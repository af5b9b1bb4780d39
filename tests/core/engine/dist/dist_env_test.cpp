#include "core/engine/dist/dist_env.h"

#include "core/engine/error.h"

#include <gtest/gtest.h>

#include <map>
#include <string>

namespace {

cgs::DistEnv parse(const std::map<std::string, std::string> &vars) {
    return cgs::DistEnv::fromLookup([&](const char *name) -> const char * {
        const auto it = vars.find(name);
        return it == vars.end() ? nullptr : it->second.c_str();
    });
}

TEST(DistEnv, NoVariablesIsOneProcess) {
    const auto env = parse({});
    EXPECT_FALSE(env.launched);
    EXPECT_FALSE(env.distributed());
    EXPECT_EQ(env.worldSize, 1);
    EXPECT_TRUE(env.isMain());
}

TEST(DistEnv, ReadsTheTorchrunVariables) {
    const auto env = parse({{"RANK", "3"}, {"WORLD_SIZE", "4"}, {"LOCAL_RANK", "1"},
                            {"LOCAL_WORLD_SIZE", "2"}, {"MASTER_ADDR", "node0"},
                            {"MASTER_PORT", "29400"}, {"TORCHELASTIC_RESTART_COUNT", "2"}});
    EXPECT_TRUE(env.distributed());
    EXPECT_EQ(env.rank, 3);
    EXPECT_EQ(env.worldSize, 4);
    EXPECT_EQ(env.localRank, 1);
    EXPECT_EQ(env.localWorldSize, 2);
    EXPECT_EQ(env.masterAddr, "node0");
    EXPECT_EQ(env.masterPort, 29400);
    EXPECT_EQ(env.restartCount, 2);
    EXPECT_FALSE(env.isMain());
}

TEST(DistEnv, NamesTheMissingOrBadVariable) {
    auto message = [](const std::map<std::string, std::string> &vars) {
        try {
            parse(vars);
        } catch (const cgs::ConfigError &e) {
            return std::string(e.what());
        }
        return std::string("no error");
    };
    EXPECT_NE(message({{"RANK", "0"}, {"WORLD_SIZE", "2"}, {"MASTER_PORT", "1"}}).find("MASTER_ADDR"),
              std::string::npos);
    EXPECT_NE(message({{"RANK", "0"}, {"WORLD_SIZE", "2"}, {"MASTER_ADDR", "h"}}).find("MASTER_PORT"),
              std::string::npos);
    EXPECT_NE(message({{"RANK", "2"}, {"WORLD_SIZE", "2"}, {"MASTER_ADDR", "h"},
                       {"MASTER_PORT", "5"}}).find("RANK=2"),
              std::string::npos);
    EXPECT_NE(message({{"RANK", "x"}, {"WORLD_SIZE", "2"}}).find("RANK='x'"), std::string::npos);
    EXPECT_NE(message({{"RANK", "0"}, {"WORLD_SIZE", "2"}, {"MASTER_ADDR", "h"},
                       {"MASTER_PORT", "70000"}}).find("MASTER_PORT=70000"),
              std::string::npos);
}

} // namespace
