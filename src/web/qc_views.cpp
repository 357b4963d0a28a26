#include "web/qc_views.h"

#include <array>
#include <map>
#include <nlohmann/json.hpp>

#include "qc/qc_service.h"
#include "web/view_values.h"

namespace gep::web {
namespace {

constexpr std::array<Choice, 3> kStatuses = {
    {{"PASS", "Pass"}, {"FAIL", "Fail"}, {"NOT_CHECKED", "Not checked"}}};
constexpr std::array<Choice, 4> kCategories = {{{"BEFORE", "Before"},
                                                {"DURING", "During"},
                                                {"AFTER", "After"},
                                                {"UNCATEGORIZED", "Not categorized"}}};

// The photos of one category, in the order the check listed them.
List photo_cards(const nlohmann::json& photos, const std::string& category,
                 const std::map<std::string, domain::File>& files, const PhotoLink& photo_link) {
  List cards;
  for (const auto& photo : photos) {
    if (text_of(photo["category"]) != category) continue;
    const std::string id = text_of(photo["photoId"]);
    const auto file = files.find(id);
    Data card;
    card.set("filename", file != files.end() ? file->second.filename : id);
    card.set("caption", file != files.end() ? file->second.caption : std::string());
    card.set("hasCaption", file != files.end() && !file->second.caption.empty());
    // A photo the mirror no longer lists has no bytes gep may serve: its name stays, as text.
    card.set("hasImage", file != files.end());
    card.set("imageSrc", file != files.end() ? photo_link(file->second) : std::string());
    // The caption says what the photo shows; the file name is the fallback a reader can still use.
    const bool captioned = file != files.end() && !file->second.caption.empty();
    card.set("alt",
             captioned ? file->second.caption : (file != files.end() ? file->second.filename : id));
    card.set("reason", text_of(photo["reason"]));
    card.set("source", text_of(photo["source"]));
    const std::string duplicate_of = text_of(photo["duplicateOf"]);
    const auto original = files.find(duplicate_of);
    card.set("isDuplicate", !duplicate_of.empty());
    card.set("duplicateOf", original != files.end() ? original->second.filename : duplicate_of);
    cards.push_back(card);
  }
  return cards;
}

List category_sections(const nlohmann::json& check,
                       const std::map<std::string, domain::File>& files,
                       const PhotoLink& photo_link) {
  List sections;
  static const nlohmann::json kNoPhotos = nlohmann::json::array();
  const nlohmann::json& photos = check.contains("photos") ? check["photos"] : kNoPhotos;
  for (const auto& [code, label] : kCategories) {
    Data section;
    section.set("label", label);
    section.set("anchor", ascii_lower(code));
    List cards = photo_cards(photos, code, files, photo_link);
    section.set("count", std::to_string(cards.size()));
    section.set("hasPhotos", !cards.empty());
    section.set("photos", cards);
    sections.push_back(section);
  }
  return sections;
}

List missing_rows(const nlohmann::json& check) {
  List rows;
  for (const auto& missing : check["missingCategories"]) {
    Data row;
    row.set("category", text_of(missing["category"]));
    row.set("missing", std::to_string(missing["missing"].get<int64_t>()));
    row.set("required", std::to_string(missing["required"].get<int64_t>()));
    row.set("current", std::to_string(missing["current"].get<int64_t>()));
    rows.push_back(row);
  }
  return rows;
}

}  // namespace

std::span<const Choice> qc_status_choices() {
  return kStatuses;
}

std::string staff_photo_link(const domain::File& file) {
  return "/media/files/" + percent_encode(file.jnid) + "?w=320";
}

std::string qc_status_label(const std::string& status) {
  for (const auto& [code, label] : kStatuses) {
    if (status == code) return label;
  }
  return status;
}

Result<Data> qc_check_view(domain::Repositories& store, const domain::Job& job,
                           const PhotoLink& photo_link) {
  const auto check = store.qc_checks().latest(job.id);
  const auto photos = store.files().list_for_job(job.jnid, domain::FileKind::photo);
  if (!check) return fail(check.error());
  if (!photos) return fail(photos.error());
  std::map<std::string, domain::File> files;
  for (const domain::File& file : *photos) files.emplace(file.jnid, file);
  Data data;
  data.set("checked", check->has_value());
  const nlohmann::json dto =
      check->has_value() ? qc::check_to_json(**check) : nlohmann::json::object();
  const std::string status = check->has_value() ? text_of(dto["status"]) : "NOT_CHECKED";
  data.set("status", qc_status_label(status));
  data.set("statusTone", ascii_lower(status));
  data.set("summary", check->has_value() ? text_of(dto["summary"]) : std::string());
  data.set("lastChecked", format_when(check->has_value() ? (**check).last_checked_at : 0));
  data.set("categories", check->has_value() ? category_sections(dto, files, photo_link) : List{});
  List missing = check->has_value() ? missing_rows(dto) : List{};
  data.set("hasMissing", !missing.empty());
  data.set("missing", missing);
  data.set("photoCount", std::to_string(photos->size()));
  return data;
}

Data qc_summary_view(domain::Repositories& store, int64_t job_id) {
  Data qc;
  const auto latest = store.qc_checks().latest(job_id);
  const bool checked = latest && latest->has_value();
  qc.set("checked", checked);
  qc.set("status", checked ? (*latest)->status : std::string("NOT_CHECKED"));
  qc.set("statusTone", checked ? ascii_lower((*latest)->status) : std::string("not_checked"));
  qc.set("before", std::to_string(checked ? (*latest)->before_count : 0));
  qc.set("during", std::to_string(checked ? (*latest)->during_count : 0));
  qc.set("after", std::to_string(checked ? (*latest)->after_count : 0));
  qc.set("lastChecked", format_when(checked ? (*latest)->last_checked_at : 0));
  return qc;
}

}  // namespace gep::web
