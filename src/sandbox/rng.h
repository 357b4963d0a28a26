#pragma once
// A small, fast, fully specified PRNG (splitmix64): the seeded account must be identical for a
// given seed on every machine, and std:: distributions are implementation-defined.
#include <cstddef>
#include <cstdint>
#include <span>
#include <string>

namespace gep::sandbox {

class Rng {
 public:
  explicit Rng(uint64_t seed) : state_(seed) {}

  uint64_t next() {
    uint64_t z = (state_ += 0x9e3779b97f4a7c15ULL);
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
    return z ^ (z >> 31);
  }
  // Uniform in [0, bound); bound 0 gives 0.
  uint64_t below(uint64_t bound) {
    if (bound == 0) return 0;
    __extension__ using Wide = unsigned __int128;  // multiply-shift: no modulo bias, no division
    return static_cast<uint64_t>((static_cast<Wide>(next()) * bound) >> 64);
  }
  size_t index(size_t size) { return static_cast<size_t>(below(size)); }
  // Uniform in [low, high] (inclusive).
  int64_t between(int64_t low, int64_t high) {
    if (high <= low) return low;
    return low + static_cast<int64_t>(below(static_cast<uint64_t>(high - low) + 1));
  }
  // Uniform in [0, 1).
  double real() { return static_cast<double>(next() >> 11) * 0x1.0p-53; }
  bool chance(double probability) { return real() < probability; }

  template <class T>
  const T& pick(std::span<const T> items) {
    return items[index(items.size())];
  }
  // A derived generator, so that one part of generation does not shift another's sequence.
  Rng fork(uint64_t salt) { return Rng(next() ^ (salt * 0xd1342543de82ef95ULL)); }

 private:
  uint64_t state_;
};

// A new-style JobNimbus id: 23 lower-case alphanumerics.
std::string random_jnid(Rng& rng);
// An old-style short id ("3pg"): base 36 of a counter, unique for distinct counters.
std::string short_jnid(uint64_t counter);

}  // namespace gep::sandbox
