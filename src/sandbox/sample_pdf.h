#pragma once
// Small valid PDF documents for the sandbox's seeded files: one page of Helvetica text.
#include <cstdint>
#include <string>
#include <string_view>

namespace gep::sandbox {

// A one-page PDF 1.4 showing `title` large and `subtitle` below it (non-ASCII shown as '?'), with
// `seed` printed on the page and in the trailer's /ID, so two seeds never give the same bytes.
std::string sample_pdf(std::string_view title, std::string_view subtitle, uint64_t seed);

}  // namespace gep::sandbox
