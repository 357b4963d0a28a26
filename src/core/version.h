#pragma once
#include <string_view>

namespace gep {

inline constexpr std::string_view kVersion = "0.1.0";

}  // namespace gep
