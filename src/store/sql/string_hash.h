#pragma once
// Lets statement caches look up by string_view without copying long SQL texts.
#include <functional>
#include <string>
#include <string_view>

namespace gep::store::sql {

struct StringHash {
  using is_transparent = void;
  size_t operator()(std::string_view text) const { return std::hash<std::string_view>{}(text); }
};

}  // namespace gep::store::sql
