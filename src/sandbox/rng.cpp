#include "sandbox/rng.h"

#include <algorithm>

namespace gep::sandbox {
namespace {
constexpr char kAlphabet[] = "0123456789abcdefghijklmnopqrstuvwxyz";
}

std::string random_jnid(Rng& rng) {
  std::string id(23, '0');
  // Real ids start with a letter or digit alike, but never look like a short old id.
  for (char& c : id) c = kAlphabet[rng.below(36)];
  return id;
}

std::string short_jnid(uint64_t counter) {
  uint64_t value = counter + 36 * 36;  // at least three characters, like "3pg"
  std::string id;
  while (value > 0) {
    id.push_back(kAlphabet[value % 36]);
    value /= 36;
  }
  std::reverse(id.begin(), id.end());
  return id;
}

}  // namespace gep::sandbox
