#include "jobnimbus/base64.h"

#include <cstdint>

namespace gep::jobnimbus {

std::string base64_encode(std::string_view bytes) {
  static constexpr char kAlphabet[] =
      "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
  std::string out;
  out.reserve((bytes.size() + 2) / 3 * 4);
  size_t i = 0;
  const auto byte = [&](size_t at) {
    return static_cast<uint32_t>(static_cast<unsigned char>(bytes[at]));
  };
  for (; i + 3 <= bytes.size(); i += 3) {
    const uint32_t group = (byte(i) << 16U) | (byte(i + 1) << 8U) | byte(i + 2);
    out.push_back(kAlphabet[(group >> 18U) & 63U]);
    out.push_back(kAlphabet[(group >> 12U) & 63U]);
    out.push_back(kAlphabet[(group >> 6U) & 63U]);
    out.push_back(kAlphabet[group & 63U]);
  }
  const size_t rest = bytes.size() - i;
  if (rest == 0) return out;
  const uint32_t group = (byte(i) << 16U) | (rest == 2 ? byte(i + 1) << 8U : 0U);
  out.push_back(kAlphabet[(group >> 18U) & 63U]);
  out.push_back(kAlphabet[(group >> 12U) & 63U]);
  out.push_back(rest == 2 ? kAlphabet[(group >> 6U) & 63U] : '=');
  out.push_back('=');
  return out;
}

}  // namespace gep::jobnimbus
