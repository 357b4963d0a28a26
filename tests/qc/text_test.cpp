// Word splitting and phrase lookup: the ground rules every keyword table relies on.
#include "qc/text.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace gep::qc {
namespace {

std::vector<std::string> words_of(std::string_view text) {
  const TokenizedText tokens(text);
  std::vector<std::string> out;
  for (size_t i = 0; i < tokens.size(); ++i) out.emplace_back(tokens.word(i));
  return out;
}

using Words = std::vector<std::string>;

TEST(TokenizedText, SplitsOnPunctuationCaseDigitsAndCamelHumps) {
  EXPECT_EQ(words_of("IMG_1234 - After"), (Words{"img", "1234", "after"}));
  EXPECT_EQ(words_of("pre-install/pre_install"), (Words{"pre", "install", "pre", "install"}));
  EXPECT_EQ(words_of("AfterInstall2.JPG"), (Words{"after", "install", "2", "jpg"}));
  EXPECT_EQ(words_of("PTO"), (Words{"pto"}));
  EXPECT_EQ(words_of("afternoon"), (Words{"afternoon"}));
  EXPECT_EQ(words_of(""), Words{});
  EXPECT_EQ(words_of("  --  "), Words{});
}

TEST(TokenizedText, FoldsLatinCapitalsAndTreatsOtherUnicodeAsSpace) {
  EXPECT_EQ(words_of("DESPUÉS"), (Words{"después"}));
  EXPECT_EQ(words_of("✅after🔥"), (Words{"after"}));
  EXPECT_EQ(words_of("南側 after"), (Words{"after"}));
  EXPECT_EQ(words_of("a\xC3"), (Words{"a"}));  // truncated UTF-8 is a separator, not a crash
}

TEST(TokenizedText, QuotesOriginalText) {
  const TokenizedText tokens("Before  Tear-Off!");
  ASSERT_EQ(tokens.size(), 3U);
  EXPECT_EQ(tokens.original(0, 2), "Before  Tear-Off");
  EXPECT_EQ(tokens.original(1, 1), "Tear");
}

TEST(TokenizedText, LongTextsSpillToTheHeap) {
  std::string text;
  for (int i = 0; i < 200; ++i) text += "word" + std::to_string(i % 10) + "x ";
  const TokenizedText tokens(text);
  EXPECT_EQ(tokens.size(), 600U);  // "word", digit, "x" per repetition
  EXPECT_EQ(tokens.word(599), "x");
}

TEST(PhraseTable, LongestPhraseWinsAndMatchesWholeWords) {
  PhraseTable table;
  table.add("final", 1);
  table.add("final inspection", 2);
  table.add("pre-install", 3);
  const TokenizedText text("Final Inspection / final / pre install / finalized");
  EXPECT_EQ(table.longest_at(text, 0).tag, 2U);
  EXPECT_EQ(table.longest_at(text, 0).words, 2U);
  EXPECT_EQ(table.longest_at(text, 2).tag, 1U);
  EXPECT_EQ(table.longest_at(text, 3).tag, 3U);
  EXPECT_EQ(table.longest_at(text, 5).words, 0U);
}

TEST(SameName, IgnoresAsciiCaseAndOuterSpaces) {
  EXPECT_TRUE(same_name(" Paid & Closed ", "paid & closed"));
  EXPECT_FALSE(same_name("In Progress", "InProgress"));
}

}  // namespace
}  // namespace gep::qc
