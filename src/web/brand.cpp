#include "web/brand.h"

#include <algorithm>
#include <cctype>
#include <cmath>

namespace gep::web {
namespace {

bool is_hex_colour(std::string_view hex) {
  return hex.size() == 7 && hex.front() == '#' &&
         std::all_of(hex.begin() + 1, hex.end(),
                     [](char c) { return std::isxdigit(static_cast<unsigned char>(c)) != 0; });
}

double channel(std::string_view hex, size_t at) {
  const auto value = std::stoi(std::string(hex.substr(at, 2)), nullptr, 16);
  const double srgb = value / 255.0;
  return srgb <= 0.04045 ? srgb / 12.92 : std::pow((srgb + 0.055) / 1.055, 2.4);
}

double luminance(std::string_view hex) {
  return 0.2126 * channel(hex, 1) + 0.7152 * channel(hex, 3) + 0.0722 * channel(hex, 5);
}

}  // namespace

double contrast_ratio(std::string_view a, std::string_view b) {
  const double la = luminance(a);
  const double lb = luminance(b);
  return (std::max(la, lb) + 0.05) / (std::min(la, lb) + 0.05);
}

std::string brand_stylesheet(std::string_view hex) {
  const std::string_view colour = is_hex_colour(hex) ? hex : kDefaultBrandColour;
  const std::string_view ink =
      contrast_ratio(colour, "#ffffff") >= contrast_ratio(colour, "#000000") ? "#ffffff"
                                                                             : "#000000";
  return ":root { --brand: " + std::string(colour) + "; --brand-ink: " + std::string(ink) + "; }\n";
}

}  // namespace gep::web
