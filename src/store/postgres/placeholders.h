#pragma once
// Repositories write `?` placeholders (SQLite's and the portable form); PostgreSQL wants $1, $2.
// Question marks inside string literals, quoted identifiers, dollar-quoted bodies and comments
// are left alone. (So are none of PostgreSQL's jsonb `?` operators: use jsonb_exists() instead.)
#include <cstddef>
#include <string>
#include <string_view>

namespace gep::store::postgres {

struct TranslatedSql {
  std::string text;
  size_t placeholders = 0;
};

TranslatedSql translate_placeholders(std::string_view sql);

}  // namespace gep::store::postgres
