#pragma once

#include <cstdint>
#include <initializer_list>

namespace cgs {

// Counter-based randomness: every random choice of the data pipeline is a hash of the values
// that identify it (seed, epoch, index, domain, purpose), never a draw from a shared generator,
// so the result does not depend on call order or thread scheduling.

// SplitMix64 finaliser (Steele, Lea, Flood 2014): a bijective 64-bit mixer.
inline std::uint64_t splitmix64(std::uint64_t x) {
    x += 0x9E3779B97F4A7C15ULL;
    x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9ULL;
    x = (x ^ (x >> 27)) * 0x94D049BB133111EBULL;
    return x ^ (x >> 31);
}

// Hash of an ordered list of values: order matters, {1, 2} != {2, 1}.
inline std::uint64_t hashValues(std::initializer_list<std::uint64_t> values) {
    std::uint64_t h = 0x6A09E667F3BCC909ULL;
    for (std::uint64_t v : values)
        h = splitmix64(h ^ splitmix64(v));
    return h;
}

// Uniform integer in [0, n) from 64 random bits (n > 0). The bias for n << 2^64 is negligible.
inline std::uint64_t uniformBelow(std::uint64_t bits, std::uint64_t n) {
    return bits % n;
}

} // namespace cgs
