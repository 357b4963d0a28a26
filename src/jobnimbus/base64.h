#pragma once
#include <string>
#include <string_view>

namespace gep::jobnimbus {

// Standard base64 with padding (RFC 4648 §4), as POST /files expects in "data".
std::string base64_encode(std::string_view bytes);

}  // namespace gep::jobnimbus
