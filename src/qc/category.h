#pragma once
// The photo categories of the QC spec and the counts the QC result reports per category.
#include <array>
#include <cstdint>
#include <optional>
#include <string_view>

namespace gep::qc {

enum class PhotoCategory : uint8_t { before, during, after, uncategorized };

// The three categories that have requirements, in the order the spec lists them.
inline constexpr std::array<PhotoCategory, 3> kRequiredCategories{
    PhotoCategory::before, PhotoCategory::during, PhotoCategory::after};

// "BEFORE", "DURING", "AFTER", "UNCATEGORIZED": the spelling of the API and of notes.
std::string_view to_string(PhotoCategory category);
// Case-insensitive inverse of to_string.
std::optional<PhotoCategory> parse_category(std::string_view text);

struct CategoryCounts {
  int before = 0;
  int during = 0;
  int after = 0;
  int uncategorized = 0;

  int get(PhotoCategory category) const;
  int& at(PhotoCategory category);
  friend bool operator==(const CategoryCounts&, const CategoryCounts&) = default;
};

}  // namespace gep::qc
