#include "core/engine/dist/process_group.h"

#include "core/engine/dist/distributed_error.h"
#include "core/engine/dist/gradient_reducer.h"

#include <gtest/gtest.h>
#include <torch/torch.h>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <chrono>
#include <functional>
#include <future>
#include <thread>

namespace {

cgs::DistEnv envFor(int rank, int world, int port) {
    cgs::DistEnv env;
    env.rank = rank;
    env.worldSize = world;
    env.localRank = rank;
    env.localWorldSize = world;
    env.masterAddr = "127.0.0.1";
    env.masterPort = port;
    env.launched = true;
    return env;
}

cgs::DistOptions quick(double seconds = 20) {
    cgs::DistOptions o;
    o.backend = "gloo";
    o.timeoutSeconds = seconds;
    return o;
}

// Runs `body(group)` on two ranks (threads of this process, each with its own group).
void onTwoRanks(const std::function<void(cgs::ProcessGroup &)> &body) {
    const int port = cgs::freeLoopbackPort();
    auto rank = [&](int r) {
        auto group = cgs::ProcessGroup::join(envFor(r, 2, port), quick(), "cpu");
        body(*group);
        group->barrier();
    };
    auto other = std::async(std::launch::async, rank, 1);
    rank(0);
    other.get();
}

TEST(ProcessGroup, AllReduceBroadcastAndStoreExchangesOverGloo) {
    onTwoRanks([](cgs::ProcessGroup &g) {
        EXPECT_EQ(g.worldSize(), 2);
        EXPECT_EQ(g.backendName(), "gloo");
        std::vector<torch::Tensor> t{torch::full({3}, float(g.rank() + 1)),
                                     torch::arange(4, torch::kFloat) * (g.rank() + 1)};
        g.allReduceSum(t);
        EXPECT_TRUE(torch::equal(t[0], torch::full({3}, 3.0f)));
        EXPECT_TRUE(torch::equal(t[1], torch::arange(4, torch::kFloat) * 3));
        std::vector<torch::Tensor> b{torch::full({2}, float(g.rank() + 10))};
        g.broadcast(b, 1);
        EXPECT_TRUE(torch::equal(b[0], torch::full({2}, 11.0f)));
        const auto all = g.allGather("r" + std::to_string(g.rank()));
        EXPECT_EQ(all, (std::vector<std::string>{"r0", "r1"}));
        const auto gathered = g.gatherToMain(std::string(100000, char('a' + g.rank())));
        if (g.isMain()) {
            ASSERT_EQ(gathered.size(), 2u);
            EXPECT_EQ(gathered[1], std::string(100000, 'b'));
        } else {
            EXPECT_TRUE(gathered.empty());
        }
        EXPECT_EQ(g.shareFromMain(g.isMain() ? "from0" : "ignored"), "from0");
        EXPECT_TRUE(g.anyOf(g.rank() == 1));
        EXPECT_FALSE(g.anyOf(false));
    });
}

TEST(GradientReducer, AveragesGradientsInFewBuckets) {
    onTwoRanks([](cgs::ProcessGroup &g) {
        std::vector<torch::Tensor> params;
        for (int i = 0; i < 5; ++i)
            params.push_back(torch::zeros({10, 10}, torch::requires_grad()));
        params.push_back(torch::zeros({3}, torch::requires_grad())); // never gets a gradient
        for (int i = 0; i < 5; ++i)
            params[i].mutable_grad() = torch::full({10, 10}, float((g.rank() + 1) * (i + 1)));
        cgs::GradientReducer reducer(g, params, 2 * 10 * 10 * 4); // two params per bucket
        EXPECT_EQ(reducer.bucketCount(), 3);
        reducer.averageGradients();
        for (int i = 0; i < 5; ++i)
            EXPECT_TRUE(torch::allclose(params[i].grad(), torch::full({10, 10}, 1.5f * (i + 1))))
                << i;
        ASSERT_TRUE(params[5].grad().defined());
        EXPECT_EQ(params[5].grad().abs().sum().item<float>(), 0.0f);
    });
}

TEST(ProcessGroup, PortInUseIsRefusedClearly) {
    const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in a{};
    a.sin_family = AF_INET;
    a.sin_addr.s_addr = htonl(INADDR_ANY);
    ASSERT_EQ(::bind(fd, reinterpret_cast<sockaddr *>(&a), sizeof a), 0);
    ::listen(fd, 1);
    socklen_t len = sizeof a;
    ::getsockname(fd, reinterpret_cast<sockaddr *>(&a), &len);
    const int port = ntohs(a.sin_port);
    try {
        cgs::ProcessGroup::join(envFor(0, 2, port), quick(3), "cpu");
        ADD_FAILURE() << "joined on a port in use";
    } catch (const cgs::DistributedError &e) {
        EXPECT_NE(std::string(e.what()).find(std::to_string(port)), std::string::npos) << e.what();
        EXPECT_NE(std::string(e.what()).find("in use"), std::string::npos) << e.what();
    }
    ::close(fd);
}

TEST(ProcessGroup, UnreachableMasterIsRefusedWithinTheTimeout) {
    const auto start = std::chrono::steady_clock::now();
    try {
        cgs::ProcessGroup::join(envFor(1, 2, cgs::freeLoopbackPort()), quick(2), "cpu");
        ADD_FAILURE() << "joined without a master";
    } catch (const cgs::DistributedError &e) {
        EXPECT_NE(std::string(e.what()).find("cannot reach the master"), std::string::npos)
            << e.what();
    }
    EXPECT_LT(std::chrono::steady_clock::now() - start, std::chrono::seconds(30));
}

TEST(ProcessGroup, NcclOnTheCpuIsAConfigError) {
    cgs::DistOptions o = quick();
    o.backend = "nccl";
    EXPECT_THROW(cgs::ProcessGroup::join(envFor(0, 2, cgs::freeLoopbackPort()), o, "cpu"), cgs::ConfigError);
}

} // namespace
