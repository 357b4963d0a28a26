#include "store/postgres/placeholders.h"

#include <cctype>

namespace gep::store::postgres {
namespace {

bool is_identifier_char(char c) {
  return std::isalnum(static_cast<unsigned char>(c)) != 0 || c == '_' || c == '$';
}

// Index just past a quoted run that starts at `start` (the opening quote), honouring doubled
// quotes and, for E'' strings, backslash escapes.
size_t skip_quoted(std::string_view sql, size_t start, char quote, bool backslash_escapes) {
  size_t i = start + 1;
  while (i < sql.size()) {
    if (backslash_escapes && sql[i] == '\\') {
      i += 2;
      continue;
    }
    if (sql[i] == quote) {
      if (i + 1 < sql.size() && sql[i + 1] == quote) {
        i += 2;
        continue;
      }
      return i + 1;
    }
    ++i;
  }
  return sql.size();
}

// `$tag$ ... $tag$`; answers npos when `start` does not open a dollar quote.
size_t skip_dollar_quoted(std::string_view sql, size_t start) {
  size_t tag_end = start + 1;
  while (tag_end < sql.size() && sql[tag_end] != '$') {
    if (!is_identifier_char(sql[tag_end]) ||
        std::isdigit(static_cast<unsigned char>(sql[tag_end]))) {
      return std::string_view::npos;
    }
    ++tag_end;
  }
  if (tag_end >= sql.size()) return std::string_view::npos;
  const std::string_view tag = sql.substr(start, tag_end - start + 1);
  const size_t close = sql.find(tag, tag_end + 1);
  return close == std::string_view::npos ? sql.size() : close + tag.size();
}

}  // namespace

TranslatedSql translate_placeholders(std::string_view sql) {
  TranslatedSql out;
  out.text.reserve(sql.size() + sql.size() / 4);
  size_t i = 0;
  while (i < sql.size()) {
    const char c = sql[i];
    const bool after_identifier = i > 0 && is_identifier_char(sql[i - 1]);
    size_t next = i + 1;
    if (c == '\'') {
      const bool escapes = i > 0 && (sql[i - 1] == 'E' || sql[i - 1] == 'e') &&
                           (i < 2 || !is_identifier_char(sql[i - 2]));
      next = skip_quoted(sql, i, '\'', escapes);
    } else if (c == '"') {
      next = skip_quoted(sql, i, '"', false);
    } else if (c == '-' && i + 1 < sql.size() && sql[i + 1] == '-') {
      const size_t end_of_line = sql.find('\n', i);
      next = end_of_line == std::string_view::npos ? sql.size() : end_of_line;
    } else if (c == '/' && i + 1 < sql.size() && sql[i + 1] == '*') {
      const size_t close = sql.find("*/", i + 2);
      next = close == std::string_view::npos ? sql.size() : close + 2;
    } else if (c == '$' && !after_identifier) {
      const size_t end = skip_dollar_quoted(sql, i);
      if (end != std::string_view::npos) next = end;
    } else if (c == '?') {
      out.text += '$';
      out.text += std::to_string(++out.placeholders);
      i = next;
      continue;
    }
    out.text.append(sql.substr(i, next - i));
    i = next;
  }
  return out;
}

}  // namespace gep::store::postgres
