#include "sandbox/sample_pdf.h"

#include <array>
#include <cstdio>
#include <vector>

namespace gep::sandbox {
namespace {

// A PDF literal string: backslash, parentheses escaped; Helvetica's standard encoding has no
// glyphs for UTF-8 sequences, so every non-ASCII byte becomes '?'.
std::string literal(std::string_view text) {
  std::string out = "(";
  for (const char c : text) {
    const auto byte = static_cast<unsigned char>(c);
    if (c == '\\' || c == '(' || c == ')') out.push_back('\\');
    out.push_back(byte >= 0x20 && byte < 0x7f ? c : '?');
  }
  out.push_back(')');
  return out;
}

std::string seed_hex(uint64_t value) {
  std::array<char, 17> buffer{};
  std::snprintf(buffer.data(), buffer.size(), "%016llx", static_cast<unsigned long long>(value));
  return std::string(buffer.data(), 16);
}

std::string page_text(std::string_view title, std::string_view subtitle, uint64_t seed) {
  std::string text = "BT /F1 28 Tf 72 700 Td " + literal(title) + " Tj ET\n";
  if (!subtitle.empty()) text += "BT /F1 14 Tf 72 670 Td " + literal(subtitle) + " Tj ET\n";
  text += "BT /F1 9 Tf 72 72 Td " + literal("gep sandbox document " + seed_hex(seed)) + " Tj ET\n";
  return text;
}

}  // namespace

std::string sample_pdf(std::string_view title, std::string_view subtitle, uint64_t seed) {
  const std::string content = page_text(title, subtitle, seed);
  const std::array<std::string, 6> objects = {
      "<< /Type /Catalog /Pages 2 0 R >>",
      "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
      "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 4 0 R >> "
      ">> /Contents 5 0 R >>",
      "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
      "<< /Length " + std::to_string(content.size()) + " >>\nstream\n" + content + "endstream",
      "<< /Title " + literal(title) + " /Producer (gep sandbox) >>",
  };
  // The binary comment line tells tools the file is binary, as the PDF specification suggests.
  std::string out = "%PDF-1.4\n%\xe2\xe3\xcf\xd3\n";
  std::vector<size_t> offsets;
  for (size_t i = 0; i < objects.size(); ++i) {
    offsets.push_back(out.size());
    out += std::to_string(i + 1) + " 0 obj\n" + objects[i] + "\nendobj\n";
  }
  const size_t xref = out.size();
  out += "xref\n0 " + std::to_string(objects.size() + 1) + "\n0000000000 65535 f \n";
  for (const size_t offset : offsets) {
    std::array<char, 21> entry{};  // exactly 20 bytes each, end of line included
    std::snprintf(entry.data(), entry.size(), "%010zu 00000 n \n", offset);
    out.append(entry.data(), 20);
  }
  const std::string id = "<" + seed_hex(seed) + seed_hex(~seed) + ">";
  out += "trailer\n<< /Size " + std::to_string(objects.size() + 1) +
         " /Root 1 0 R /Info 6 0 R /ID [" + id + " " + id + "] >>\nstartxref\n" +
         std::to_string(xref) + "\n%%EOF\n";
  return out;
}

}  // namespace gep::sandbox
