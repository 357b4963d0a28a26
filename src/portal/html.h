#pragma once
// Escaping for every value a portal page or mail renders.
#include <string>
#include <string_view>

namespace gep::portal {

// & < > " ' become entities; everything else is copied.
std::string html_escape(std::string_view text);

}  // namespace gep::portal
