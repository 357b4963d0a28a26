#pragma once
// The listing's q= search: a lower-cased copy of the searchable fields is stored per row and
// found through each store's index (store/repos/record_search.h), which also folds letters
// beyond ASCII. Lower-casing ASCII here, in C++, keeps the LIKE fallback of both backends alike.
#include <initializer_list>
#include <string>
#include <string_view>

namespace gep::store {

std::string ascii_lower(std::string_view text);
// The fields joined by a separator that no search term contains, so a match never spans two.
std::string search_text_of(std::initializer_list<std::string_view> fields);
// "%<q lower-cased, with % _ \ escaped>%" for `search_text LIKE ? ESCAPE '\'`.
std::string like_pattern(std::string_view query);

inline constexpr std::string_view kSearchCondition = "search_text LIKE ? ESCAPE '\\'";

}  // namespace gep::store
