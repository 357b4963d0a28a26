#pragma once
// Inline SVG charts drawn on the server: the geometry is computed here and the template only
// places it, so a chart needs no script and no style attribute (the CSP forbids both). Every
// chart is beside its numbers in text, for screen readers and for people who read numbers.
#include <cstdint>
#include <string>
#include <vector>

#include "web/page_renderer.h"

namespace gep::web {

struct ChartBar {
  std::string label;
  int64_t value = 0;
  std::string tone;  // a CSS class suffix: "high", "pass", "neutral", ...
  std::string href;  // where the bar's row links ("" = nowhere)
};

// {height, barHeight, total, bars:[{label, value, tone, href, hasHref, y, textY, barX, width,
// valueX, percent}]}: one row per bar, widths relative to the largest, labels in the first
// `label_width` of a 400-wide view box.
Data horizontal_bars(const std::vector<ChartBar>& bars, int label_width = 130);
// {height, columns:[{label, value, tone, x, y, width, barHeight, labelX}], maxLabel}: one column
// per bar, heights relative to the largest.
Data column_chart(const std::vector<ChartBar>& bars);

}  // namespace gep::web
