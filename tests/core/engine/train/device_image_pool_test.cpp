#include "core/engine/train/device_image_pool.h"

#include "core/engine/train/image_pool.h"

#include <gtest/gtest.h>

#include <cmath>
#include <vector>

namespace cgs {
namespace {

// The official ImagePool.query() (util/image_pool.py) on scalar "images", fed given draws:
// u[i] is random.uniform(0, 1) and id[i] random.randint(0, pool_size - 1) for image i, used
// only once the pool is full (the official code draws nothing while filling).
class OfficialPool {
public:
    explicit OfficialPool(int size) : m_size(size) {}
    float query(float image, float u, std::int64_t id) {
        if (static_cast<int>(m_images.size()) < m_size) {
            m_images.push_back(image);
            return image;
        }
        if (u > 0.5f) {
            const float stored = m_images[id];
            m_images[id] = image;
            return stored;
        }
        return image;
    }
    const std::vector<float> &images() const { return m_images; }

private:
    int m_size;
    std::vector<float> m_images;
};

// Batch of n 1x2x2 images, image k filled with values[k].
torch::Tensor images(const std::vector<float> &values) {
    auto t = torch::empty({static_cast<std::int64_t>(values.size()), 1, 2, 2});
    for (size_t k = 0; k < values.size(); ++k)
        t[static_cast<std::int64_t>(k)].fill_(values[k]);
    return t;
}

TEST(DeviceImagePool, FollowsTheOfficialRuleForAFixedSequenceOfDraws) {
    // Fill phase (3 images), then stores and swaps; batches of 1, 2 and 3 images.
    const std::vector<std::vector<float>> batches = {{1}, {2, 3}, {4}, {5, 6, 7}, {8}, {9, 10},
                                                     {11}, {12, 13, 14}, {15}};
    const std::vector<float> u = {0.9f, 0.1f, 0.7f, 0.6f, 0.2f, 0.51f, 0.5f, 0.99f,
                                  0.3f, 0.8f, 0.0f, 0.75f, 0.55f, 0.65f, 0.05f};
    const std::vector<std::int64_t> id = {2, 1, 0, 2, 1, 1, 0, 2, 1, 0, 2, 1, 2, 0, 1};
    OfficialPool official(3);
    DeviceImagePool pool(3);
    size_t k = 0;
    for (const auto &batch : batches) {
        const auto n = static_cast<std::int64_t>(batch.size());
        const auto uT = torch::tensor(std::vector<float>(u.begin() + k, u.begin() + k + n));
        const auto idT = torch::tensor(std::vector<std::int64_t>(id.begin() + k, id.begin() + k + n));
        const auto out = pool.query(images(batch), uT, idT);
        ASSERT_EQ(out.sizes(), torch::IntArrayRef({n, 1, 2, 2}));
        for (std::int64_t i = 0; i < n; ++i, ++k) {
            const float expected = official.query(batch[i], u[k], id[k]);
            EXPECT_TRUE(torch::all(out[i].eq(expected)).item<bool>())
                << "image " << k << ": expected " << expected << ", got " << out[i][0][0][0].item<float>();
        }
    }
    const auto state = pool.state();
    ASSERT_EQ(state.size(0), 3);
    for (int s = 0; s < 3; ++s)
        EXPECT_EQ(state[s][0][0][0].item<float>(), official.images()[s]) << "slot " << s;
}

// Random draws: the device pool and ImagePool (official draws) give the same statistics of
// what they return: how often a stored image comes back, how old it is, which slot it is.
struct PoolStats {
    double fromPool = 0; // fraction of queries answered by a stored image
    double meanAge = 0;  // mean (query index - index of the returned stored image)
};

template <typename Pool> PoolStats statistics(Pool &pool, int queries) {
    PoolStats s;
    int fromPool = 0;
    double ageSum = 0;
    for (int i = 0; i < queries; ++i) {
        const float got = pool.query(torch::full({1, 1, 1, 1}, static_cast<float>(i)))
                              .template item<float>();
        if (got != static_cast<float>(i)) {
            ++fromPool;
            ageSum += i - got;
        }
    }
    s.fromPool = fromPool / double(queries);
    s.meanAge = ageSum / fromPool;
    return s;
}

TEST(DeviceImagePool, RandomDrawsHaveTheOfficialStatistics) {
    const int size = 5, queries = 6000;
    torch::manual_seed(11);
    ImagePool official(size);
    const auto a = statistics(official, queries);
    torch::manual_seed(12);
    DeviceImagePool pool(size);
    const auto b = statistics(pool, queries);
    // After the fill phase half the queries swap: (queries - size) / 2 of queries.
    const double expectedFromPool = 0.5 * (queries - size) / queries;
    const double sd = std::sqrt(0.25 / queries);
    EXPECT_NEAR(a.fromPool, expectedFromPool, 4 * sd);
    EXPECT_NEAR(b.fromPool, expectedFromPool, 4 * sd);
    // A stored image survives each query with probability 1 - 1/(2·size), so a returned one
    // is on average about 2·size queries old: both pools must agree within sampling noise.
    EXPECT_NEAR(a.meanAge, 2.0 * size, 1.0);
    EXPECT_NEAR(b.meanAge, 2.0 * size, 1.0);
    EXPECT_NEAR(a.meanAge, b.meanAge, 1.0);
}

TEST(DeviceImagePool, SlotsAreChosenUniformly) {
    const int size = 4, queries = 8000;
    torch::manual_seed(5);
    DeviceImagePool pool(size);
    std::vector<int> hits(size, 0);
    for (int i = 0; i < queries; ++i) {
        const auto before = pool.state();
        const auto got = pool.query(torch::full({1, 1, 1, 1}, static_cast<float>(i + 1000)));
        if (before.dim() == 4 && before.size(0) == size && got.item<float>() != i + 1000)
            for (int s = 0; s < size; ++s)
                hits[s] += before[s].item<float>() == got.item<float>();
    }
    int total = 0;
    for (int h : hits)
        total += h;
    for (int s = 0; s < size; ++s)
        EXPECT_NEAR(hits[s] / double(total), 1.0 / size, 0.03) << "slot " << s;
}

TEST(DeviceImagePool, SizeZeroPassesThrough) {
    DeviceImagePool pool(0);
    const auto in = torch::rand({3, 3, 4, 4});
    EXPECT_TRUE(torch::equal(pool.query(in), in));
    EXPECT_EQ(pool.state().numel(), 0);
}

TEST(DeviceImagePool, StateIsImagePoolsLayout) {
    torch::manual_seed(1);
    ImagePool official(4);
    for (int i = 0; i < 6; ++i)
        official.query(torch::rand({1, 3, 4, 4}));
    DeviceImagePool pool(4);
    const auto officialState = torch::cat(official.storedImages(), 0);
    pool.loadState(officialState, torch::kCPU);
    EXPECT_TRUE(torch::equal(pool.state(), officialState));
    // A partly filled pool continues filling from where it was.
    ImagePool partial(4);
    partial.query(torch::rand({2, 3, 4, 4}));
    DeviceImagePool resumed(4);
    resumed.loadState(torch::cat(partial.storedImages(), 0), torch::kCPU);
    const auto next = torch::rand({1, 3, 4, 4});
    EXPECT_TRUE(torch::equal(resumed.query(next), next));
    EXPECT_EQ(resumed.state().size(0), 3);
    EXPECT_TRUE(torch::equal(resumed.state()[2], next[0]));
}

} // namespace
} // namespace cgs
