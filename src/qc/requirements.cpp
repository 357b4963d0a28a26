#include "qc/requirements.h"

#include <charconv>

#include "qc/text.h"

namespace gep::qc {
namespace {

constexpr int kMaxMinimum = 1000;

std::string_view next_item(std::string_view& rest, char separator) {
  const size_t end = rest.find(separator);
  const std::string_view item = rest.substr(0, end);
  rest = end == std::string_view::npos ? std::string_view{} : rest.substr(end + 1);
  return trim(item);
}

Result<CategoryMinimums> parse_type_minimums(std::string_view type_name, std::string_view list,
                                             CategoryMinimums minimums) {
  const std::string where = "QC_REQUIREMENTS_BY_TYPE '" + std::string(type_name) + "'";
  bool any = false;
  while (!list.empty()) {
    const std::string_view pair = next_item(list, ',');
    if (pair.empty()) continue;
    const size_t equals = pair.find('=');
    if (equals == std::string_view::npos) {
      return fail("validation",
                  where + ": expected CATEGORY=COUNT, got '" + std::string(pair) + "'");
    }
    const std::string_view category_text = trim(pair.substr(0, equals));
    const auto category = parse_category(category_text);
    if (!category || *category == PhotoCategory::uncategorized) {
      return fail("validation", where + ": unknown category '" + std::string(category_text) +
                                    "' (use BEFORE, DURING or AFTER)");
    }
    auto count = parse_minimum(where + " " + std::string(to_string(*category)),
                               trim(pair.substr(equals + 1)));
    if (!count) return fail(count.error());
    minimums.at(*category) = *count;
    any = true;
  }
  if (!any) return fail("validation", where + ": no CATEGORY=COUNT given");
  return minimums;
}

}  // namespace

int CategoryMinimums::get(PhotoCategory category) const {
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
  return 0;
}

int& CategoryMinimums::at(PhotoCategory category) {
  switch (category) {
    case PhotoCategory::before:
      return before;
    case PhotoCategory::during:
      return during;
    case PhotoCategory::after:
    case PhotoCategory::uncategorized:  // never asked for: parse rejects it
      break;
  }
  return after;
}

const CategoryMinimums& QcRequirements::for_type(std::string_view record_type_name) const {
  for (const TypeOverride& entry : by_type) {
    if (same_name(entry.record_type_name, record_type_name)) return entry.minimums;
  }
  return defaults;
}

JobStage QcRequirements::stage_requiring(PhotoCategory category) const {
  if (category == PhotoCategory::uncategorized) return JobStage::unknown;
  return required_from[static_cast<size_t>(category)];
}

Result<int> parse_minimum(std::string_view name, std::string_view value) {
  const std::string_view text = trim(value);
  int parsed = 0;
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), parsed);
  if (text.empty() || error != std::errc{} || end != text.data() + text.size() || parsed < 0 ||
      parsed > kMaxMinimum) {
    return fail("validation", std::string(name) + ": expected a whole number from 0 to " +
                                  std::to_string(kMaxMinimum) + ", got '" + std::string(value) +
                                  "'");
  }
  return parsed;
}

Result<std::vector<QcRequirements::TypeOverride>> parse_requirements_by_type(
    std::string_view spec, const CategoryMinimums& defaults) {
  std::vector<QcRequirements::TypeOverride> overrides;
  while (!spec.empty()) {
    const std::string_view group = next_item(spec, ';');
    if (group.empty()) continue;
    const size_t colon = group.find(':');
    const std::string_view type_name = trim(group.substr(0, colon));
    if (colon == std::string_view::npos || type_name.empty()) {
      return fail("validation",
                  "QC_REQUIREMENTS_BY_TYPE: expected 'Type:BEFORE=n,DURING=n,...', "
                  "got '" +
                      std::string(group) + "'");
    }
    for (const auto& existing : overrides) {
      if (same_name(existing.record_type_name, type_name)) {
        return fail("validation", "QC_REQUIREMENTS_BY_TYPE: type '" + std::string(type_name) +
                                      "' is listed twice");
      }
    }
    auto minimums = parse_type_minimums(type_name, group.substr(colon + 1), defaults);
    if (!minimums) return fail(minimums.error());
    overrides.push_back({std::string(type_name), *minimums});
  }
  return overrides;
}

Result<QcRequirements> parse_qc_requirements(const EnvMap& environment) {
  QcRequirements requirements;
  const auto value_of = [&environment](const char* name) -> std::string_view {
    const auto found = environment.find(name);
    return found == environment.end() ? std::string_view{} : trim(found->second);
  };
  const std::pair<const char*, PhotoCategory> globals[] = {
      {"QC_REQUIRED_BEFORE", PhotoCategory::before},
      {"QC_REQUIRED_DURING", PhotoCategory::during},
      {"QC_REQUIRED_AFTER", PhotoCategory::after}};
  for (const auto& [name, category] : globals) {
    const std::string_view value = value_of(name);
    if (value.empty()) continue;
    auto count = parse_minimum(name, value);
    if (!count) return fail(count.error());
    requirements.defaults.at(category) = *count;
  }
  auto overrides =
      parse_requirements_by_type(value_of("QC_REQUIREMENTS_BY_TYPE"), requirements.defaults);
  if (!overrides) return fail(overrides.error());
  requirements.by_type = std::move(*overrides);
  return requirements;
}

}  // namespace gep::qc
