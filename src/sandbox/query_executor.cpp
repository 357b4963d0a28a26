#include "sandbox/query_executor.h"

#include <algorithm>
#include <cmath>

#include "sandbox/json_members.h"
#include "sandbox/json_writer.h"
#include "sandbox/rng.h"

namespace gep::sandbox {
namespace {

// A record in output order with the group of records it ties with.
struct Keyed {
  int64_t group = 0;
  const Record* record = nullptr;
};

// Without sort_field, records are shuffled within blocks of this many consecutive records, and
// the blocks start at a random offset per request, so a page boundary never falls at a stable
// place: what "the order is not stable between calls" means for a client growing `from`.
constexpr size_t kUnsortedBlock = 24;

void shuffle_runs(std::vector<Keyed>& window, Rng& rng) {
  size_t start = 0;
  while (start < window.size()) {
    size_t end = start + 1;
    while (end < window.size() && window[end].group == window[start].group) ++end;
    for (size_t i = end - 1; i > start; --i) {
      std::swap(window[i], window[start + rng.index(i - start + 1)]);
    }
    start = end;
  }
}

// Cuts the page out of records already in output order, shuffling the ties it touches.
Page slice(std::vector<Keyed> window, size_t page_offset, size_t page_size, int64_t total,
           Rng& rng) {
  shuffle_runs(window, rng);
  Page page;
  page.total = total;
  page.records.reserve(page_size);
  for (size_t i = page_offset; i < page_offset + page_size && i < window.size(); ++i) {
    page.records.push_back(window[i].record);
  }
  return page;
}

Page slice_vector(std::vector<Keyed>& ordered, const ListQuery& query, Rng& rng, size_t block) {
  const size_t n = ordered.size();
  if (block > 0) {
    const size_t offset = rng.index(block);
    for (size_t i = 0; i < n; ++i) ordered[i].group = static_cast<int64_t>((i + offset) / block);
  }
  const auto from = static_cast<size_t>(query.from);
  if (from >= n || query.size == 0) return Page{static_cast<int64_t>(n), {}};
  const size_t end = std::min(n, from + static_cast<size_t>(query.size));
  size_t lo = from;
  while (lo > 0 && ordered[lo - 1].group == ordered[lo].group) --lo;
  size_t hi = end;
  while (hi < n && ordered[hi].group == ordered[hi - 1].group) ++hi;
  std::vector<Keyed> window(ordered.begin() + static_cast<std::ptrdiff_t>(lo),
                            ordered.begin() + static_cast<std::ptrdiff_t>(hi));
  return slice(std::move(window), from - lo, end - from, static_cast<int64_t>(n), rng);
}

// The page straight from an index range [lo, hi) whose every entry matches.
Page slice_index(const OrderedIndex& index, size_t lo, size_t hi, bool ascending, size_t block,
                 const ListQuery& query, Rng& rng) {
  const size_t n = hi - lo;
  const auto from = static_cast<size_t>(query.from);
  if (from >= n || query.size == 0) return Page{static_cast<int64_t>(n), {}};
  const size_t end = std::min(n, from + static_cast<size_t>(query.size));
  const auto rank_at = [&](size_t position) {
    return ascending ? lo + position : hi - 1 - position;
  };
  // The window of output positions holding the page and every record it ties with.
  size_t first = from;
  size_t last = end;  // exclusive
  size_t offset = 0;
  if (block > 0) {
    offset = rng.index(block);
    first = (from + offset) / block * block;
    first = first >= offset ? first - offset : 0;
    last = std::min(n, (end + offset + block - 1) / block * block - offset);
  } else {
    const auto tie_start = [&](size_t rank) {
      return std::max(lo, index.lower_bound(index.at(rank).key));
    };
    const auto tie_end = [&](size_t rank) {
      return std::min(hi, index.upper_bound(index.at(rank).key));
    };
    if (ascending) {
      first = tie_start(rank_at(from)) - lo;
      last = tie_end(rank_at(end - 1)) - lo;
    } else {
      first = hi - tie_end(rank_at(from));
      last = hi - tie_start(rank_at(end - 1));
    }
  }
  std::vector<Keyed> window;
  window.reserve(last - first);
  const size_t rank_lo = ascending ? lo + first : hi - last;
  const size_t rank_hi = ascending ? lo + last : hi - first;
  index.for_range(rank_lo, rank_hi, [&](const OrderedIndex::Entry& entry) {
    window.push_back({entry.key, entry.record});
  });
  if (!ascending) std::reverse(window.begin(), window.end());
  if (block > 0) {
    for (size_t i = 0; i < window.size(); ++i) {
      window[i].group = static_cast<int64_t>((first + i + offset) / block);
    }
  }
  return slice(std::move(window), from - first, end - from, static_cast<int64_t>(n), rng);
}

std::vector<const Predicate*> root_leaves(const Predicate& filter) {
  std::vector<const Predicate*> leaves;
  if (filter.op == Predicate::Op::all_of) {
    for (const auto& child : filter.children) leaves.push_back(&child);
  } else if (filter.op != Predicate::Op::match_all) {
    leaves.push_back(&filter);
  }
  return leaves;
}

std::optional<double> bound_number(const std::optional<Scalar>& bound) {
  if (!bound) return std::nullopt;
  if (bound->type == Scalar::Type::number) return bound->number;
  if (bound->type == Scalar::Type::string) {
    char* end = nullptr;
    const double value = std::strtod(bound->text.c_str(), &end);
    if (end != nullptr && *end == '\0' && !bound->text.empty()) return value;
  }
  return std::nullopt;
}

// Narrows [lo, hi) of `index` by a numeric range leaf; false if a bound is not numeric.
bool narrow(const OrderedIndex& index, const Predicate& range, size_t& lo, size_t& hi) {
  const auto to_key = [](double value) { return static_cast<int64_t>(value); };
  if (range.gte) {
    const auto v = bound_number(range.gte);
    if (!v) return false;
    lo = std::max(lo, index.lower_bound(to_key(std::ceil(*v))));
  }
  if (range.gt) {
    const auto v = bound_number(range.gt);
    if (!v) return false;
    lo = std::max(lo, index.upper_bound(to_key(std::floor(*v))));
  }
  if (range.lte) {
    const auto v = bound_number(range.lte);
    if (!v) return false;
    hi = std::min(hi, index.upper_bound(to_key(std::floor(*v))));
  }
  if (range.lt) {
    const auto v = bound_number(range.lt);
    if (!v) return false;
    hi = std::min(hi, index.lower_bound(to_key(std::ceil(*v))));
  }
  if (lo > hi) lo = hi;
  return true;
}

const OrderedIndex* date_index(const Collection& collection, HotField field) {
  if (field == HotField::date_updated) return &collection.by_updated();
  if (field == HotField::date_created) return &collection.by_created();
  return nullptr;
}

int64_t date_of(const Record& record, HotField field) {
  return field == HotField::date_updated ? record.date_updated : record.date_created;
}

// Sorts by a field without an order index; `by_text` tells whether any value compared was text.
std::vector<Keyed> sort_generic(std::vector<const Record*> records, const std::string& field,
                                bool ascending, bool& by_text) {
  std::vector<std::pair<Scalar, const Record*>> valued;
  std::vector<const Record*> missing;
  for (const Record* record : records) {
    auto values = field_values(*record, field);
    if (values.empty()) {
      missing.push_back(record);
    } else {
      by_text = by_text || values.front().type == Scalar::Type::string;
      valued.emplace_back(std::move(values.front()), record);
    }
  }
  std::sort(valued.begin(), valued.end(),
            [](const auto& a, const auto& b) { return compare_scalars(a.first, b.first) < 0; });
  if (!ascending) std::reverse(valued.begin(), valued.end());
  std::vector<Keyed> ordered;
  ordered.reserve(records.size());
  int64_t group = 0;
  for (size_t i = 0; i < valued.size(); ++i) {
    if (i > 0 && compare_scalars(valued[i - 1].first, valued[i].first) != 0) ++group;
    ordered.push_back({group, valued[i].second});
  }
  ++group;  // records without the field come last, as Elasticsearch's default "_last"
  for (const Record* record : missing) ordered.push_back({group, record});
  return ordered;
}

bool is_string_range(const Predicate& leaf) {
  if (leaf.op != Predicate::Op::range) return false;
  const auto textual = [](const std::optional<Scalar>& bound) {
    return bound && bound->type == Scalar::Type::string && !bound_number(bound);
  };
  return textual(leaf.gte) || textual(leaf.gt) || textual(leaf.lte) || textual(leaf.lt);
}

// Applies the policy to every string range in the filter: false when one must be rejected.
bool apply_string_ranges(Predicate& filter, StringBehaviour behaviour) {
  if (is_string_range(filter)) {
    if (behaviour == StringBehaviour::reject) return false;
    Predicate nothing;  // ignored: the clause matches no record, as an unmapped field does
    nothing.op = Predicate::Op::none_of;
    nothing.children.emplace_back();
    filter = std::move(nothing);
    return true;
  }
  for (auto& child : filter.children) {
    if (!apply_string_ranges(child, behaviour)) return false;
  }
  return true;
}

Result<Page> run_checked(const Collection& collection, const ListQuery& query, Rng& rng,
                         StringBehaviour string_sort) {
  const HotField sort_hot =
      query.explicit_sort ? hot_field(query.sort_field) : HotField::date_created;
  const OrderedIndex* order_index = date_index(collection, sort_hot);
  const size_t block = query.explicit_sort ? 0 : kUnsortedBlock;
  const auto leaves = root_leaves(query.filter);

  // The whole answer is a slice of the order index when every condition is a range on its date.
  if (order_index != nullptr) {
    size_t lo = 0;
    size_t hi = order_index->size();
    const bool pure = std::all_of(leaves.begin(), leaves.end(), [&](const Predicate* leaf) {
      return leaf->op == Predicate::Op::range && leaf->hot == sort_hot &&
             narrow(*order_index, *leaf, lo, hi);
    });
    if (pure) return slice_index(*order_index, lo, hi, query.ascending, block, query, rng);
  }

  // Otherwise gather candidates from the narrowest source, then filter them all.
  std::vector<const Record*> matched;
  bool in_order = false;  // matched is already ascending by the order index
  const auto id_leaf = std::find_if(leaves.begin(), leaves.end(), [](const Predicate* leaf) {
    return leaf->op == Predicate::Op::term &&
           (leaf->hot == HotField::related_id || leaf->hot == HotField::primary_id);
  });
  const auto range_leaf = std::find_if(leaves.begin(), leaves.end(), [&](const Predicate* leaf) {
    return leaf->op == Predicate::Op::range && date_index(collection, leaf->hot) != nullptr;
  });
  if (id_leaf != leaves.end()) {
    for (const auto& value : (*id_leaf)->values) {
      if (value.type != Scalar::Type::string) continue;
      if (const auto* list = collection.related_to(value.text)) {
        for (const Record* record : *list) {
          if (matches(query.filter, *record)) matched.push_back(record);
        }
      }
    }
    if ((*id_leaf)->values.size() > 1) {
      std::sort(matched.begin(), matched.end());
      matched.erase(std::unique(matched.begin(), matched.end()), matched.end());
    }
  } else {
    const OrderedIndex* source = &collection.by_created();
    size_t lo = 0;
    size_t hi = source->size();
    if (range_leaf != leaves.end()) {
      const OrderedIndex* ranged = date_index(collection, (*range_leaf)->hot);
      size_t range_lo = 0;
      size_t range_hi = ranged->size();
      if (narrow(*ranged, **range_leaf, range_lo, range_hi)) {
        source = ranged;
        lo = range_lo;
        hi = range_hi;
      }
    }
    in_order = source == order_index;
    source->for_range(lo, hi, [&](const OrderedIndex::Entry& entry) {
      if (matches(query.filter, *entry.record)) matched.push_back(entry.record);
    });
  }

  std::vector<Keyed> ordered;
  if (order_index == nullptr) {
    bool by_text = false;
    ordered = sort_generic(std::move(matched), query.sort_field, query.ascending, by_text);
    if (by_text && string_sort == StringBehaviour::reject) {
      return fail("validation", "No mapping found for [" + query.sort_field +
                                    "] in order to sort on: text fields are not sortable");
    }
    if (by_text && string_sort == StringBehaviour::ignore) {
      for (auto& keyed : ordered) keyed.group = 0;  // one tie: shuffled whole per request
    }
  } else {
    ordered.reserve(matched.size());
    for (const Record* record : matched) {
      ordered.push_back({date_of(*record, sort_hot), record});
    }
    if (!in_order) {
      std::stable_sort(ordered.begin(), ordered.end(),
                       [](const Keyed& a, const Keyed& b) { return a.group < b.group; });
    }
    if (!query.ascending) std::reverse(ordered.begin(), ordered.end());
  }
  return slice_vector(ordered, query, rng, block);
}

}  // namespace

Result<Page> run_query(const Collection& collection, const ListQuery& query, uint64_t shuffle_seed,
                       StringPolicy policy) {
  Rng rng(shuffle_seed);
  if (policy.ranges == StringBehaviour::honour) {
    return run_checked(collection, query, rng, policy.sort);
  }
  ListQuery adjusted = query;
  if (!apply_string_ranges(adjusted.filter, policy.ranges)) {
    return fail("validation", "failed to create query: a range on a text field is not supported");
  }
  return run_checked(collection, adjusted, rng, policy.sort);
}

void write_projected(std::string& out, const Record& record,
                     const std::vector<std::string>& fields) {
  if (fields.empty()) {
    out.append(record.json);
    return;
  }
  // Id-set reconciliation asks for jnid (and the cursor's dates) only: answer from the indexed
  // fields without scanning the record's text.
  const bool indexed_only = std::all_of(fields.begin(), fields.end(), [](const std::string& f) {
    return f == "jnid" || f == "date_updated" || f == "date_created";
  });
  if (indexed_only) {
    JsonWriter w(out);
    w.begin_object();
    for (const auto& field : fields) {
      if (field == "jnid") {
        w.field("jnid", record.jnid);
      } else {
        w.field(field, field == "date_updated" ? record.date_updated : record.date_created);
      }
    }
    w.end_object();
    return;
  }
  std::vector<std::string> wanted;
  wanted.reserve(fields.size());
  for (const auto& field : fields)
    wanted.push_back(escape_member_name(field.substr(0, field.find('.'))));
  out.push_back('{');
  bool first = true;
  for_each_member(record.json, [&](std::string_view key, std::string_view value) {
    if (std::find(wanted.begin(), wanted.end(), key) == wanted.end()) return true;
    if (!first) out.push_back(',');
    first = false;
    out.push_back('"');
    out.append(key);
    out.append("\":");
    out.append(value);
    return true;
  });
  out.push_back('}');
}

void write_page(std::string& out, Kind kind, const Page& page,
                const std::vector<std::string>& fields) {
  size_t estimate = 64;
  for (const Record* record : page.records) {
    estimate += fields.empty() ? record->json.size() + 1 : 40;
  }
  out.reserve(out.size() + estimate);
  out.append("{\"count\":");
  out.append(std::to_string(page.total));
  out.append(",\"");
  out.append(list_member(kind));
  out.append("\":[");
  for (size_t i = 0; i < page.records.size(); ++i) {
    if (i > 0) out.push_back(',');
    write_projected(out, *page.records[i], fields);
  }
  out.append("]}");
}

}  // namespace gep::sandbox
