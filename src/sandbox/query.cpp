#include "sandbox/query.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <nlohmann/json.hpp>

#include "core/json_input.h"
#include "sandbox/json_members.h"

namespace gep::sandbox {
namespace {

using nlohmann::json;

Scalar scalar_from(const json& value) {
  Scalar scalar;
  if (value.is_number()) {
    scalar.type = Scalar::Type::number;
    scalar.number = value.get<double>();
  } else if (value.is_string()) {
    scalar.type = Scalar::Type::string;
    scalar.text = value.get<std::string>();
  } else if (value.is_boolean()) {
    scalar.type = Scalar::Type::boolean;
    scalar.flag = value.get<bool>();
  }
  return scalar;
}

Scalar number_scalar(double number) {
  Scalar scalar;
  scalar.type = Scalar::Type::number;
  scalar.number = number;
  return scalar;
}

Scalar string_scalar(std::string text) {
  Scalar scalar;
  scalar.type = Scalar::Type::string;
  scalar.text = std::move(text);
  return scalar;
}

std::optional<double> as_number(const Scalar& scalar) {
  if (scalar.type == Scalar::Type::number) return scalar.number;
  if (scalar.type != Scalar::Type::string) return std::nullopt;
  double value = 0;
  const auto& text = scalar.text;
  const auto result = std::from_chars(text.data(), text.data() + text.size(), value);
  if (result.ec != std::errc{} || result.ptr != text.data() + text.size()) return std::nullopt;
  return value;
}

bool scalars_equal(const Scalar& value, const Scalar& wanted) {
  if (value.type == wanted.type) {
    switch (value.type) {
      case Scalar::Type::number:
        return value.number == wanted.number;
      case Scalar::Type::string:
        return value.text == wanted.text;
      case Scalar::Type::boolean:
        return value.flag == wanted.flag;
      case Scalar::Type::null:
        return false;
    }
  }
  // Elasticsearch coerces a query value to the field's type: "2" matches 2, "true" matches true.
  if (value.type == Scalar::Type::boolean && wanted.type == Scalar::Type::string) {
    return (value.flag ? "true" : "false") == wanted.text;
  }
  const auto a = as_number(value);
  const auto b = as_number(wanted);
  return a && b && *a == *b;
}

// <0, 0, >0, or nullopt when the two cannot be compared.
std::optional<int> range_compare(const Scalar& value, const Scalar& bound) {
  if (value.type == Scalar::Type::string && bound.type == Scalar::Type::string) {
    const int c = value.text.compare(bound.text);
    return c < 0 ? -1 : (c > 0 ? 1 : 0);
  }
  const auto a = as_number(value);
  const auto b = as_number(bound);
  if (!a || !b) return std::nullopt;
  return *a < *b ? -1 : (*a > *b ? 1 : 0);
}

// `compare(bound)` answers <0, 0, >0 for value-versus-bound, or nullopt when incomparable.
template <class Compare>
bool in_range_by(const Predicate& range, Compare&& compare) {
  const auto check = [&](const std::optional<Scalar>& bound, auto accept) {
    if (!bound) return true;
    const auto c = compare(*bound);
    return c.has_value() && accept(*c);
  };
  return check(range.gte, [](int c) { return c >= 0; }) &&
         check(range.gt, [](int c) { return c > 0; }) &&
         check(range.lte, [](int c) { return c <= 0; }) &&
         check(range.lt, [](int c) { return c < 0; });
}

bool in_range(const Predicate& range, const Scalar& value) {
  return in_range_by(range, [&](const Scalar& bound) { return range_compare(value, bound); });
}

bool number_in_range(const Predicate& range, double value) {
  return in_range_by(range, [&](const Scalar& bound) -> std::optional<int> {
    const auto b = as_number(bound);
    if (!b) return std::nullopt;
    return value < *b ? -1 : (value > *b ? 1 : 0);
  });
}

bool text_in_range(const Predicate& range, std::string_view value) {
  return in_range_by(range, [&](const Scalar& bound) -> std::optional<int> {
    if (bound.type != Scalar::Type::string) return std::nullopt;
    const int c = value.compare(bound.text);
    return c < 0 ? -1 : (c > 0 ? 1 : 0);
  });
}

// The value of a hot numeric field.
std::optional<double> hot_number(const Record& record, HotField field) {
  switch (field) {
    case HotField::date_created:
      return static_cast<double>(record.date_created);
    case HotField::date_updated:
      return static_cast<double>(record.date_updated);
    case HotField::record_type:
      return record.record_type;
    default:
      return std::nullopt;
  }
}

// The value of a hot single-string field.
const std::string* hot_text(const Record& record, HotField field) {
  if (field == HotField::jnid) return &record.jnid;
  if (field == HotField::record_type_name) return &record.record_type_name;
  if (field == HotField::primary_id) return &record.primary_id;
  return nullptr;
}

void collect_scalars(const json& value, std::vector<Scalar>& out) {
  if (value.is_array()) {
    for (const auto& element : value) collect_scalars(element, out);
  } else if (!value.is_object() && !value.is_null()) {
    out.push_back(scalar_from(value));
  }
}

void walk_path(const json& value, std::string_view rest, std::vector<Scalar>& out) {
  if (rest.empty()) {
    collect_scalars(value, out);
    return;
  }
  if (value.is_array()) {
    for (const auto& element : value) walk_path(element, rest, out);
    return;
  }
  if (!value.is_object()) return;
  const size_t dot = rest.find('.');
  const std::string head(rest.substr(0, dot));
  const auto it = value.find(head);
  if (it == value.end()) return;
  walk_path(*it, dot == std::string_view::npos ? std::string_view{} : rest.substr(dot + 1), out);
}

Result<Predicate> parse_clause(const json& clause);

Result<std::vector<Predicate>> parse_clause_list(const json& list) {
  std::vector<Predicate> out;
  if (list.is_object()) {
    auto one = parse_clause(list);
    if (!one) return fail(one.error());
    out.push_back(std::move(*one));
    return out;
  }
  if (!list.is_array()) return fail("validation", "a bool clause list must be an array or object");
  for (const auto& clause : list) {
    auto one = parse_clause(clause);
    if (!one) return fail(one.error());
    out.push_back(std::move(*one));
  }
  return out;
}

Result<Predicate> parse_bool(const json& body) {
  if (!body.is_object()) return fail("validation", "filter must be a JSON object");
  Predicate all;
  all.op = Predicate::Op::all_of;
  for (const auto& [name, list] : body.items()) {
    if (name == "minimum_should_match" || name == "boost") continue;
    auto parsed = parse_clause_list(list);
    if (!parsed) return fail(parsed.error());
    if (name == "must" || name == "filter") {
      for (auto& child : *parsed) all.children.push_back(std::move(child));
    } else if (name == "should" || name == "must_not") {
      Predicate group;
      group.op = name == "should" ? Predicate::Op::any_of : Predicate::Op::none_of;
      group.children = std::move(*parsed);
      all.children.push_back(std::move(group));
    } else {
      return fail("validation", "unsupported bool clause '" + name + "'");
    }
  }
  return all;
}

Result<std::pair<std::string, const json*>> single_field(const json& body, const char* what) {
  if (!body.is_object() || body.size() != 1) {
    return fail("validation", std::string(what) + " needs exactly one field");
  }
  return std::pair<std::string, const json*>{body.begin().key(), &body.begin().value()};
}

Result<Predicate> parse_clause(const json& clause) {
  if (!clause.is_object() || clause.size() != 1) {
    return fail("validation", "each filter clause must be an object with one key");
  }
  const std::string& type = clause.begin().key();
  const json& body = clause.begin().value();
  if (type == "bool") return parse_bool(body);
  if (type == "match_all") return Predicate{};
  Predicate leaf;
  if (type == "exists") {
    if (!body.is_object() || !body.contains("field") || !body["field"].is_string()) {
      return fail("validation", "exists needs {\"field\": name}");
    }
    leaf.op = Predicate::Op::exists;
    leaf.field = body["field"].get<std::string>();
    leaf.hot = hot_field(leaf.field);
    return leaf;
  }
  if (type != "term" && type != "terms" && type != "range") {
    return fail("validation", "unsupported filter clause '" + type + "'");
  }
  auto field = single_field(body, type.c_str());
  if (!field) return fail(field.error());
  leaf.field = field->first;
  leaf.hot = hot_field(leaf.field);
  const json& argument = *field->second;
  if (type == "term") {
    leaf.op = Predicate::Op::term;
    const json& value =
        argument.is_object() && argument.contains("value") ? argument["value"] : argument;
    if (value.is_structured() || value.is_null()) {
      return fail("validation", "term on '" + leaf.field + "' needs a scalar value");
    }
    leaf.values.push_back(scalar_from(value));
  } else if (type == "terms") {
    leaf.op = Predicate::Op::term;
    if (!argument.is_array())
      return fail("validation", "terms on '" + leaf.field + "' needs an array");
    for (const auto& value : argument) leaf.values.push_back(scalar_from(value));
  } else {
    leaf.op = Predicate::Op::range;
    if (!argument.is_object())
      return fail("validation", "range on '" + leaf.field + "' needs bounds");
    for (const auto& [bound, value] : argument.items()) {
      if (value.is_structured() || value.is_null()) {
        return fail("validation", "range bound '" + bound + "' must be a number or string");
      }
      if (bound == "gte") {
        leaf.gte = scalar_from(value);
      } else if (bound == "gt") {
        leaf.gt = scalar_from(value);
      } else if (bound == "lte") {
        leaf.lte = scalar_from(value);
      } else if (bound == "lt") {
        leaf.lt = scalar_from(value);
      } else if (bound != "format" && bound != "boost") {
        return fail("validation", "unsupported range bound '" + bound + "'");
      }
    }
  }
  return leaf;
}

Result<int64_t> parse_integer(const std::optional<std::string>& text, int64_t fallback,
                              const char* name) {
  if (!text || text->empty()) return fallback;
  int64_t value = 0;
  const auto result = std::from_chars(text->data(), text->data() + text->size(), value);
  if (result.ec != std::errc{} || result.ptr != text->data() + text->size() || value < 0) {
    return fail("validation",
                std::string("query parameter '") + name + "' must be a non-negative integer");
  }
  return value;
}

}  // namespace

HotField hot_field(std::string_view path) {
  if (path == "jnid") return HotField::jnid;
  if (path == "date_created") return HotField::date_created;
  if (path == "date_updated") return HotField::date_updated;
  if (path == "record_type") return HotField::record_type;
  if (path == "record_type_name") return HotField::record_type_name;
  if (path == "primary.id") return HotField::primary_id;
  if (path == "related.id") return HotField::related_id;
  return HotField::none;
}

std::vector<Scalar> field_values(const Record& record, std::string_view path) {
  switch (hot_field(path)) {
    case HotField::jnid:
      return {string_scalar(record.jnid)};
    case HotField::date_created:
      return {number_scalar(static_cast<double>(record.date_created))};
    case HotField::date_updated:
      return {number_scalar(static_cast<double>(record.date_updated))};
    case HotField::record_type:
      return {number_scalar(record.record_type)};
    case HotField::record_type_name:
      return {string_scalar(record.record_type_name)};
    case HotField::primary_id:
      if (record.primary_id.empty()) return {};
      return {string_scalar(record.primary_id)};
    case HotField::related_id: {
      std::vector<Scalar> out;
      for (const auto& id : record.related_ids) out.push_back(string_scalar(id));
      return out;
    }
    case HotField::none:
      break;
  }
  const size_t dot = path.find('.');
  const auto member = find_member(record.json, escape_member_name(path.substr(0, dot)));
  if (!member) return {};
  std::vector<Scalar> out;
  const std::string_view text = *member;
  if (dot == std::string_view::npos && !text.empty() && text.front() == '"') {
    if (auto value = json_string_value(text)) out.push_back(string_scalar(std::move(*value)));
    return out;
  }
  const json value = json::parse(text, nullptr, false);
  if (value.is_discarded()) return out;
  walk_path(value, dot == std::string_view::npos ? std::string_view{} : path.substr(dot + 1), out);
  return out;
}

bool matches(const Predicate& predicate, const Record& record) {
  switch (predicate.op) {
    case Predicate::Op::match_all:
      return true;
    case Predicate::Op::all_of:
      return std::all_of(predicate.children.begin(), predicate.children.end(),
                         [&](const Predicate& child) { return matches(child, record); });
    case Predicate::Op::any_of:
      return predicate.children.empty() ||
             std::any_of(predicate.children.begin(), predicate.children.end(),
                         [&](const Predicate& child) { return matches(child, record); });
    case Predicate::Op::none_of:
      return std::none_of(predicate.children.begin(), predicate.children.end(),
                          [&](const Predicate& child) { return matches(child, record); });
    case Predicate::Op::exists:
      return !field_values(record, predicate.field).empty();
    case Predicate::Op::term: {
      // Hot fields compare in place: a filtered scan of 700,000 files must not allocate.
      if (const std::string* text = hot_text(record, predicate.hot)) {
        if (predicate.hot == HotField::primary_id && text->empty()) return false;
        return std::any_of(predicate.values.begin(), predicate.values.end(), [&](const Scalar& v) {
          return v.type == Scalar::Type::string && v.text == *text;
        });
      }
      if (const auto number = hot_number(record, predicate.hot)) {
        return std::any_of(predicate.values.begin(), predicate.values.end(), [&](const Scalar& v) {
          const auto wanted = as_number(v);
          return wanted && *wanted == *number;
        });
      }
      if (predicate.hot == HotField::related_id) {
        return std::any_of(
            record.related_ids.begin(), record.related_ids.end(), [&](const std::string& id) {
              return std::any_of(
                  predicate.values.begin(), predicate.values.end(),
                  [&](const Scalar& v) { return v.type == Scalar::Type::string && v.text == id; });
            });
      }
      const auto values = field_values(record, predicate.field);
      return std::any_of(values.begin(), values.end(), [&](const Scalar& value) {
        return std::any_of(predicate.values.begin(), predicate.values.end(),
                           [&](const Scalar& wanted) { return scalars_equal(value, wanted); });
      });
    }
    case Predicate::Op::range: {
      if (const auto number = hot_number(record, predicate.hot)) {
        return number_in_range(predicate, *number);
      }
      if (const std::string* text = hot_text(record, predicate.hot)) {
        return !text->empty() && text_in_range(predicate, *text);
      }
      const auto values = field_values(record, predicate.field);
      return std::any_of(values.begin(), values.end(),
                         [&](const Scalar& value) { return in_range(predicate, value); });
    }
  }
  return false;
}

int compare_scalars(const Scalar& a, const Scalar& b) {
  if (a.type != b.type) return static_cast<int>(a.type) < static_cast<int>(b.type) ? -1 : 1;
  switch (a.type) {
    case Scalar::Type::number:
      return a.number < b.number ? -1 : (a.number > b.number ? 1 : 0);
    case Scalar::Type::string: {
      const int c = a.text.compare(b.text);
      return c < 0 ? -1 : (c > 0 ? 1 : 0);
    }
    case Scalar::Type::boolean:
      return a.flag == b.flag ? 0 : (a.flag ? 1 : -1);
    case Scalar::Type::null:
      return 0;
  }
  return 0;
}

Result<Predicate> parse_filter(std::string_view json_text) {
  auto parsed = parse_json_input(json_text);
  if (!parsed) return fail("validation", "filter: " + parsed.error().message);
  const json body = std::move(parsed).value();
  if (!body.is_object()) return fail("validation", "filter must be a JSON object");
  if (body.contains("bool")) return parse_clause(body);
  if (body.size() == 1) {
    const std::string& key = body.begin().key();
    if (key == "term" || key == "terms" || key == "range" || key == "exists" ||
        key == "match_all") {
      return parse_clause(body);
    }
  }
  return parse_bool(body);
}

Result<ListQuery> parse_list_query(const ParamLookup& param) {
  ListQuery query;
  const auto size = parse_integer(param("size"), kMaxPageSize, "size");
  if (!size) return fail(size.error());
  const auto from = parse_integer(param("from"), 0, "from");
  if (!from) return fail(from.error());
  query.size = std::min(*size, kMaxPageSize);
  query.from = *from;
  if (query.from + query.size > kResultWindow) {
    return fail("window",
                "Result window is too large, from + size must be less than or equal to: [" +
                    std::to_string(kResultWindow) + "] but was [" +
                    std::to_string(query.from + query.size) +
                    "]. Page with a date_updated range and a sort instead.");
  }
  if (auto field = param("sort_field"); field && !field->empty()) {
    query.sort_field = *field;
    query.explicit_sort = true;
  }
  if (auto direction = param("sort_direction"); direction && !direction->empty()) {
    if (*direction != "asc" && *direction != "desc") {
      return fail("validation", "sort_direction must be asc or desc");
    }
    query.ascending = *direction == "asc";
  }
  if (auto fields = param("fields"); fields && !fields->empty()) {
    std::string_view rest = *fields;
    while (!rest.empty()) {
      const size_t comma = rest.find(',');
      std::string_view name = rest.substr(0, comma);
      while (!name.empty() && name.front() == ' ') name.remove_prefix(1);
      while (!name.empty() && name.back() == ' ') name.remove_suffix(1);
      if (!name.empty() &&
          std::find(query.fields.begin(), query.fields.end(), name) == query.fields.end()) {
        query.fields.emplace_back(name);
      }
      rest = comma == std::string_view::npos ? std::string_view{} : rest.substr(comma + 1);
    }
  }
  if (auto filter = param("filter"); filter && !filter->empty()) {
    auto parsed = parse_filter(*filter);
    if (!parsed) return fail(parsed.error());
    query.filter = std::move(*parsed);
  }
  return query;
}

}  // namespace gep::sandbox
