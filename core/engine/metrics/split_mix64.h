#pragma once

// SplitMix64 (Steele, Lea, Flood, "Fast splittable pseudorandom number generators", OOPSLA
// 2014; the constants of Vigna's reference splitmix64.c): the small seeded generator the
// metrics use wherever a result must be reproducible outside this program (KID subsets, the
// test fixtures' weights and features). tests/fixtures/metrics/make_metrics_fixtures.py has the
// same few lines in Python. Not thread-safe; copy one per thread.

#include <cstdint>

namespace cgs {

class SplitMix64 {
public:
    explicit SplitMix64(std::uint64_t seed) : m_state(seed) {}

    // The next 64 random bits.
    std::uint64_t next() {
        m_state += 0x9E3779B97F4A7C15ULL;
        return mix(m_state);
    }

    // A double in [0, 1) from the top 53 bits of next().
    double uniform() { return static_cast<double>(next() >> 11) * 0x1.0p-53; }

    // An integer in [0, bound): next() % bound (the modulo bias, below 2^-40 for the bounds
    // used here, is part of the definition so that Python reproduces it exactly).
    std::uint64_t below(std::uint64_t bound) { return next() % bound; }

    // The finaliser alone: a stateless hash of one 64-bit value.
    static std::uint64_t mix(std::uint64_t z) {
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
        return z ^ (z >> 31);
    }

private:
    std::uint64_t m_state;
};

} // namespace cgs
