#include "qc/category.h"

#include "qc/text.h"

namespace gep::qc {

std::string_view to_string(PhotoCategory category) {
  switch (category) {
    case PhotoCategory::before:
      return "BEFORE";
    case PhotoCategory::during:
      return "DURING";
    case PhotoCategory::after:
      return "AFTER";
    case PhotoCategory::uncategorized:
      break;
  }
  return "UNCATEGORIZED";
}

std::optional<PhotoCategory> parse_category(std::string_view text) {
  for (const auto category : {PhotoCategory::before, PhotoCategory::during, PhotoCategory::after,
                              PhotoCategory::uncategorized}) {
    if (same_name(text, to_string(category))) return category;
  }
  return std::nullopt;
}

int CategoryCounts::get(PhotoCategory category) const {
  switch (category) {
    case PhotoCategory::before:
      return before;
    case PhotoCategory::during:
      return during;
    case PhotoCategory::after:
      return after;
    case PhotoCategory::uncategorized:
      break;
  }
  return uncategorized;
}

int& CategoryCounts::at(PhotoCategory category) {
  switch (category) {
    case PhotoCategory::before:
      return before;
    case PhotoCategory::during:
      return during;
    case PhotoCategory::after:
      return after;
    case PhotoCategory::uncategorized:
      break;
  }
  return uncategorized;
}

}  // namespace gep::qc
