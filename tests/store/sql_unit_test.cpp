// The pieces of the SQL layer that need no server: placeholder renumbering, search patterns and
// row conversions.
#include <gtest/gtest.h>

#include "store/postgres/placeholders.h"
#include "store/repos/record_table.h"
#include "store/repos/search_text.h"
#include "store/sql/value.h"

namespace gep::store {
namespace {

TEST(Placeholders, RenumbersQuestionMarksInOrder) {
  const auto translated =
      postgres::translate_placeholders("SELECT a FROM t WHERE b = ? AND c IN (?, ?)");
  EXPECT_EQ(translated.text, "SELECT a FROM t WHERE b = $1 AND c IN ($2, $3)");
  EXPECT_EQ(translated.placeholders, 3U);
}

TEST(Placeholders, LeavesQuotedTextAndCommentsAlone) {
  const auto translated = postgres::translate_placeholders(
      "SELECT '?', 'it''s ?', \"col?\", E'\\'?', $$ ? $$, $tag$ ? $tag$ -- ?\n"
      "/* ? */ FROM t WHERE x = ? AND y LIKE ? ESCAPE '\\'");
  EXPECT_EQ(translated.text,
            "SELECT '?', 'it''s ?', \"col?\", E'\\'?', $$ ? $$, $tag$ ? $tag$ -- ?\n"
            "/* ? */ FROM t WHERE x = $1 AND y LIKE $2 ESCAPE '\\'");
  EXPECT_EQ(translated.placeholders, 2U);
}

TEST(SearchText, LowerCasesAsciiOnlyAndSeparatesFields) {
  EXPECT_EQ(search_text_of({"Clark KENT", "", "Zoë ÅB"}), "clark kent\nzoë Åb");
  EXPECT_EQ(ascii_lower("ABC-xyz 123"), "abc-xyz 123");
}

TEST(SearchText, LikePatternEscapesWildcards) {
  EXPECT_EQ(like_pattern("100%_Done\\"), "%100\\%\\_done\\\\%");
  EXPECT_EQ(like_pattern(""), "%%");
}

TEST(StatementRows, UsesPowersOfTwoWithinTheCap) {
  EXPECT_EQ(next_statement_rows(1234, 512), 512U);
  EXPECT_EQ(next_statement_rows(210, 512), 128U);  // then 64, 16, 2: few distinct shapes
  EXPECT_EQ(next_statement_rows(1, 512), 1U);
  EXPECT_EQ(next_statement_rows(0, 512), 0U);
  EXPECT_EQ(next_statement_rows(5000, 1310), 1024U);  // SQLite's limit over 25 columns
}

TEST(Row, ConvertsBetweenDriverRepresentations) {
  const sql::Row row({sql::Value{std::string("42")}, sql::Value{int64_t{7}}, sql::Value{},
                      sql::Value{std::string("t")}, sql::Value{int64_t{0}}, sql::Value{2.5}});
  EXPECT_EQ(row.integer(0), 42);
  EXPECT_EQ(row.text(1), "7");
  EXPECT_TRUE(row.is_null(2));
  EXPECT_EQ(row.text(2), "");
  EXPECT_FALSE(row.optional_integer(2).has_value());
  EXPECT_TRUE(row.boolean(3));
  EXPECT_FALSE(row.boolean(4));
  EXPECT_DOUBLE_EQ(row.real(5), 2.5);
  EXPECT_DOUBLE_EQ(row.real(0), 42.0);
}

}  // namespace
}  // namespace gep::store
