#pragma once
// The customer portal's brand colour as a stylesheet. Pages allow no inline style (CSP
// style-src 'self'), so the colour reaches them as a static file of its own.
#include <string>
#include <string_view>

namespace gep::web {

inline constexpr std::string_view kDefaultBrandColour = "#14213d";

// ":root { --brand: #rrggbb; --brand-ink: #ffffff; }": the ink is black or white, whichever has
// the higher WCAG contrast on the colour. `hex` is "#rrggbb" (config validated it); anything
// else gives the default colour.
std::string brand_stylesheet(std::string_view hex);

// WCAG 2 contrast ratio (1..21) of two "#rrggbb" colours.
double contrast_ratio(std::string_view a, std::string_view b);

}  // namespace gep::web
