// Chart geometry: bars relative to the largest, a non-zero value never drawn as nothing, and the
// shares in text.
#include <gtest/gtest.h>

#include "web/charts.h"

namespace gep::web {
namespace {

std::string text(const Data& data, const std::string& name) {
  const Data* found = data.get(name);
  return found != nullptr && found->is_string() ? found->string_value() : std::string();
}

TEST(HorizontalBars, ScaleToTheLargestAndShowShares) {
  const Data chart = horizontal_bars({{"High", 10, "high", ""},
                                      {"Low", 30, "low", ""},
                                      {"Medium", 0, "medium", ""},
                                      {"Tiny", 1, "low", ""}});
  const auto& bars = chart.get("bars")->list_value();
  ASSERT_EQ(bars.size(), 4U);
  EXPECT_EQ(text(bars[1], "width"), "220");
  EXPECT_EQ(text(bars[0], "width"), "73");
  EXPECT_EQ(text(bars[2], "width"), "0");
  EXPECT_EQ(text(bars[3], "width"), "7");
  EXPECT_EQ(text(bars[1], "percent"), "73%");
  EXPECT_EQ(text(bars[0], "percent"), "24%");
  EXPECT_EQ(text(chart, "total"), "41");
}

TEST(HorizontalBars, AllZeroDrawsNoBars) {
  const Data chart = horizontal_bars({{"High", 0, "high", ""}});
  EXPECT_EQ(text(chart.get("bars")->list_value()[0], "width"), "0");
  EXPECT_EQ(text(chart.get("bars")->list_value()[0], "percent"), "0%");
}

TEST(ColumnChart, ScalesHeightsAndKeepsSmallValuesVisible) {
  const Data chart =
      column_chart({{"d1", 100, "neutral", ""}, {"d2", 1, "neutral", ""}, {"d3", 0, "failed", ""}});
  const auto& columns = chart.get("columns")->list_value();
  ASSERT_EQ(columns.size(), 3U);
  EXPECT_EQ(text(columns[0], "barHeight"), "120");
  EXPECT_EQ(text(columns[0], "y"), "0");
  EXPECT_EQ(text(columns[1], "barHeight"), "1");
  EXPECT_EQ(text(columns[2], "barHeight"), "0");
  EXPECT_EQ(text(chart, "maxLabel"), "100");
}

}  // namespace
}  // namespace gep::web
