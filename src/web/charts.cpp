#include "web/charts.h"

#include <algorithm>

namespace gep::web {
namespace {

constexpr int kRowHeight = 28;
constexpr int kBarHeight = 18;
constexpr int kChartWidth = 400;
constexpr int kValueSpace = 50;  // right of the longest bar, for its number
constexpr int kColumnsWidth = 400;
constexpr int kColumnsHeight = 120;

int64_t largest(const std::vector<ChartBar>& bars) {
  int64_t top = 0;
  for (const ChartBar& bar : bars) top = std::max(top, bar.value);
  return top;
}

int64_t total(const std::vector<ChartBar>& bars) {
  int64_t sum = 0;
  for (const ChartBar& bar : bars) sum += bar.value;
  return sum;
}

}  // namespace

Data horizontal_bars(const std::vector<ChartBar>& bars, int label_width) {
  const int64_t bar_space = kChartWidth - label_width - kValueSpace;
  const int64_t top = largest(bars);
  const int64_t sum = total(bars);
  List rows;
  int y = 0;
  for (const ChartBar& bar : bars) {
    const int64_t width =
        top == 0 ? 0 : std::max<int64_t>(bar.value * bar_space / top, bar.value > 0);
    Data row;
    row.set("label", bar.label);
    row.set("value", std::to_string(bar.value));
    row.set("tone", bar.tone);
    row.set("href", bar.href);
    row.set("hasHref", !bar.href.empty());
    row.set("y", std::to_string(y + (kRowHeight - kBarHeight) / 2));
    row.set("textY", std::to_string(y + kRowHeight / 2 + 5));
    row.set("barX", std::to_string(label_width));
    row.set("width", std::to_string(width));
    row.set("valueX", std::to_string(label_width + width + 6));
    row.set("percent",
            sum == 0 ? std::string("0%") : std::to_string((bar.value * 100 + sum / 2) / sum) + "%");
    rows.push_back(row);
    y += kRowHeight;
  }
  Data chart;
  chart.set("height", std::to_string(std::max(y, kRowHeight)));
  chart.set("barHeight", std::to_string(kBarHeight));
  chart.set("bars", rows);
  chart.set("total", std::to_string(sum));
  return chart;
}

Data column_chart(const std::vector<ChartBar>& bars) {
  const int64_t top = largest(bars);
  const int count = std::max<int>(static_cast<int>(bars.size()), 1);
  const int slot = kColumnsWidth / count;
  const int width = std::max(slot - 4, 2);
  List columns;
  for (size_t index = 0; index < bars.size(); ++index) {
    const ChartBar& bar = bars[index];
    const int64_t height =
        top == 0 ? 0 : std::max<int64_t>(bar.value * kColumnsHeight / top, bar.value > 0);
    Data column;
    column.set("label", bar.label);
    column.set("value", std::to_string(bar.value));
    column.set("tone", bar.tone);
    column.set("x", std::to_string(static_cast<int>(index) * slot + 2));
    column.set("y", std::to_string(kColumnsHeight - height));
    column.set("width", std::to_string(width));
    column.set("barHeight", std::to_string(height));
    columns.push_back(column);
  }
  Data chart;
  chart.set("height", std::to_string(kColumnsHeight));
  chart.set("columns", columns);
  chart.set("maxLabel", std::to_string(top));
  return chart;
}

}  // namespace gep::web
