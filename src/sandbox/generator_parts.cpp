#include "sandbox/generator_parts.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <ctime>

#include "sandbox/content_label.h"
#include "sandbox/file_bytes.h"
#include "sandbox/seeded_files.h"

namespace gep::sandbox::gen {
namespace {

using catalog::Stage;

void fill_content(GeneratedFile& file) {
  FileDigest digest = seeded_digest(file.content_seed, file.facts.content_type);
  file.facts.size = digest.size;
  file.facts.md5 = std::move(digest.md5);
}

constexpr std::array<int, 15> kAreaCodes = {602, 480, 702, 619, 559, 916, 512, 210,
                                            214, 713, 303, 801, 407, 813, 919};
constexpr std::array<std::string_view, 5> kEmailDomains = {"gmail.com", "yahoo.com", "outlook.com",
                                                           "icloud.com", "example.com"};

std::string digits(Rng& rng, int count) {
  std::string out;
  for (int i = 0; i < count; ++i) out.push_back(static_cast<char>('0' + rng.below(10)));
  return out;
}

std::optional<std::string> phone(Rng& rng, double present) {
  if (!rng.chance(present)) return rng.chance(0.5) ? std::optional<std::string>{} : std::string{};
  return "(" + std::to_string(kAreaCodes[rng.index(kAreaCodes.size())]) + ") 555-01" +
         digits(rng, 2);
}

std::string ascii_lower(std::string_view text) {
  std::string out;
  for (const char c : text) {
    const auto byte = static_cast<unsigned char>(c);
    if (std::isalpha(byte) != 0 && byte < 0x80)
      out.push_back(static_cast<char>(std::tolower(byte)));
  }
  return out;
}

Address address(Rng& rng) {
  const auto& city = rng.pick(catalog::cities());
  Address a;
  a.line1 =
      std::to_string(rng.between(100, 9999)) + " " + std::string(rng.pick(catalog::streets()));
  if (rng.chance(0.08))
    a.line2 = rng.chance(0.5) ? "Unit " + digits(rng, 2) + "B" : "Apt " + digits(rng, 2);
  a.city = city.name;
  a.state = city.state;
  a.zip = std::string(city.zip_prefix) + digits(rng, 2);
  a.lat = city.lat + (rng.real() - 0.5) * 0.3;
  a.lon = city.lon + (rng.real() - 0.5) * 0.3;
  return a;
}

const catalog::User& random_user(Rng& rng, bool sales) {
  const auto all = catalog::users();
  while (true) {
    const auto& user = all[rng.index(all.size() - 1)];  // never the API user
    if (user.sales == sales) return user;
  }
}

std::vector<const catalog::Status*> main_path(const catalog::Workflow& workflow) {
  std::vector<const catalog::Status*> path;
  for (const auto& status : workflow.statuses) {
    if (status.stage != Stage::lost && status.stage != Stage::on_hold &&
        status.stage != Stage::cancelled) {
      path.push_back(&status);
    }
  }
  return path;
}

const catalog::Status* side_status(const catalog::Workflow& workflow, Stage stage) {
  for (const auto& status : workflow.statuses) {
    if (status.stage == stage) return &status;
  }
  return nullptr;
}

// Days between entering the previous status and entering `next`.
int64_t gap_days(Rng& rng, Stage next) {
  switch (next) {
    case Stage::appointment:
      return rng.between(1, 7);
    case Stage::claim:
      return rng.between(5, 20);
    case Stage::estimate:
      return rng.between(1, 10);
    case Stage::sold:
      return rng.between(3, 30);
    case Stage::permitting:
      return rng.between(1, 5);
    case Stage::scheduled:
      return rng.between(7, 40);
    case Stage::in_progress:
      return rng.between(3, 21);
    case Stage::completed:
      return rng.between(1, 5);
    case Stage::invoiced:
      return rng.between(1, 7);
    case Stage::paid:
      return rng.between(3, 45);
    default:
      return rng.between(2, 30);
  }
}

// How long the job has sat in its current status: some are fresh, many are stuck.
int64_t idle_days(Rng& rng, bool closed) {
  if (closed) return rng.between(5, 400);
  // Open jobs mostly move: most changed status this week, some sit a week or two, a few stall.
  const double r = rng.real();
  if (r < 0.74) return rng.between(0, 6);
  if (r < 0.90) return rng.between(7, 13);
  if (r < 0.97) return rng.between(14, 45);
  return rng.between(46, 150);
}

// "20240312_141522" (compact) or "2024-03-12" (dashed), as cameras and phones name files.
std::string format_date(int64_t unix_seconds, bool compact) {
  const auto seconds = static_cast<std::time_t>(unix_seconds);
  std::tm parts{};
  gmtime_r(&seconds, &parts);
  char buffer[64];
  const size_t length = compact ? std::strftime(buffer, sizeof buffer, "%Y%m%d_%H%M%S", &parts)
                                : std::strftime(buffer, sizeof buffer, "%Y-%m-%d", &parts);
  return std::string(buffer, length);
}

std::string neutral_filename(Rng& rng, int64_t taken) {
  switch (rng.below(8)) {
    case 0:
    case 1:
      return "IMG_" + digits(rng, 4) + ".jpg";
    case 2:
      return "IMG_" + digits(rng, 4) + ".JPG";
    case 3:
      return "PXL_" + format_date(taken, true) + ".jpg";
    case 4:
      return "photo (" + std::to_string(rng.between(1, 40)) + ").jpeg";
    case 5:
      return "DJI_" + digits(rng, 4) + ".JPG";
    case 6:
      return format_date(taken, true) + ".heic";
    default:
      return "image" + digits(rng, 3) + ".png";
  }
}

std::string hinted_filename(Rng& rng, catalog::PhotoPhase phase) {
  const std::string stem(rng.pick(catalog::filename_hints(phase)));
  switch (rng.below(4)) {
    case 0:
      return "IMG_" + digits(rng, 4) + " - " + stem + ".jpg";
    case 1:
      return stem + "_" + digits(rng, 2) + ".jpg";
    case 2:
      return stem + " (" + std::to_string(rng.between(1, 9)) + ").JPG";
    default:
      return stem + "-" + digits(rng, 3) + ".png";
  }
}

std::string fill_template(std::string_view text, Rng& rng, std::string_view last_name) {
  std::string out(text);
  if (const size_t at = out.find("{n}"); at != std::string::npos)
    out.replace(at, 3, digits(rng, 4));
  if (const size_t at = out.find("{last}"); at != std::string::npos) {
    out.replace(at, 6, last_name.empty() ? std::string_view("Customer") : last_name);
  }
  return out;
}

}  // namespace

ContactFacts person(Rng& rng, int64_t recid, std::string jnid, int64_t created, int64_t updated,
                    bool subcontractor) {
  ContactFacts c;
  c.jnid = std::move(jnid);
  c.recid = recid;
  const double kind = rng.real();
  if (subcontractor) {
    c.company = std::string(rng.pick(catalog::companies()));
    c.first_name = std::string(rng.pick(catalog::first_names()));
    c.last_name = std::string(rng.pick(catalog::last_names()));
    c.display_name = c.company;
  } else if (kind < 0.03) {
    // A name that breaks naive HTML, SQL or byte handling: the whole display name is hostile.
    c.first_name = std::string(rng.pick(catalog::hostile_names()));
    c.display_name = c.first_name;
  } else {
    c.first_name = std::string(rng.pick(catalog::first_names()));
    c.last_name = std::string(rng.pick(catalog::last_names()));
    c.display_name = c.first_name + " " + c.last_name;
    if (kind < 0.10) {
      c.company = std::string(rng.pick(catalog::companies()));
      c.display_name = c.company;
    }
  }
  const std::string local = ascii_lower(c.first_name) + "." + ascii_lower(c.last_name);
  if (rng.chance(0.9)) {
    c.email = (local.size() > 1 ? local : "customer" + std::to_string(recid)) + "@" +
              std::string(kEmailDomains[rng.index(kEmailDomains.size())]);
  }
  c.home_phone = phone(rng, 0.3);
  c.mobile_phone = phone(rng, 0.85);
  c.work_phone = phone(rng, c.company.empty() ? 0.1 : 0.7);
  if (!c.company.empty() && rng.chance(0.5))
    c.website = "https://www.example.com/" + digits(rng, 3);
  c.workflow = catalog::workflow_by_id(subcontractor ? 2 : 1);
  const auto& statuses = c.workflow->statuses;
  c.status = &statuses[rng.index(statuses.size())];
  c.date_created = created;
  c.date_updated = std::max(created, updated);
  c.date_status_change = created + (c.date_updated - created) / 2;
  c.sales_rep = &random_user(rng, true);
  c.created_by = rng.chance(0.7) ? c.sales_rep : &random_user(rng, false);
  c.address = address(rng);
  if (rng.chance(0.3)) c.tags.push_back(rng.pick(catalog::tags()));
  c.source_name = rng.pick(catalog::lead_sources());
  if (rng.chance(0.2)) c.description = std::string(rng.pick(catalog::note_texts()));
  return c;
}

std::optional<int64_t> Timeline::entered(Stage stage) const {
  for (const auto& [status, at] : steps) {
    if (status->stage >= stage && status->stage <= Stage::paid) return at;
  }
  return std::nullopt;
}

Timeline random_timeline(Rng& rng, int64_t anchor) {
  const double w = rng.real();
  const int workflow_id = w < 0.45 ? 5 : (w < 0.50 ? 6 : (w < 0.80 ? 7 : 8));
  Timeline timeline;
  timeline.workflow = catalog::workflow_by_id(workflow_id);
  const auto path = main_path(*timeline.workflow);
  // Where the job got to on the main path: many leads, many closed, the rest in between.
  std::vector<double> weights;
  for (const auto* status : path) {
    switch (status->stage) {
      case Stage::lead:
        weights.push_back(12);
        break;
      case Stage::paid:
        weights.push_back(20);
        break;
      case Stage::claim:
        weights.push_back(3);
        break;
      default:
        weights.push_back(7);
    }
  }
  double total = 0;
  for (const double weight : weights) total += weight;
  double pick = rng.real() * total;
  size_t reached = 0;
  while (reached + 1 < path.size() && pick >= weights[reached]) pick -= weights[reached++];

  std::vector<std::pair<const catalog::Status*, int64_t>> offsets;  // seconds after creation
  int64_t elapsed = 0;
  offsets.emplace_back(path[0], 0);
  for (size_t i = 1; i <= reached; ++i) {
    elapsed += gap_days(rng, path[i]->stage) * kDay + rng.between(0, kDay - 1);
    offsets.emplace_back(path[i], elapsed);
  }
  timeline.reached = path[reached]->stage;
  // Some leave the main path: lost before the sale, on hold or cancelled after it.
  const Stage stage = timeline.reached;
  const catalog::Status* side = nullptr;
  if (stage <= Stage::estimate && rng.chance(0.25)) {
    side = side_status(*timeline.workflow, Stage::lost);
  } else if (stage >= Stage::sold && stage <= Stage::in_progress && rng.chance(0.08)) {
    side = side_status(*timeline.workflow, rng.chance(0.6) ? Stage::on_hold : Stage::cancelled);
  }
  if (side != nullptr) {
    elapsed += gap_days(rng, side->stage) * kDay + rng.between(0, kDay - 1);
    offsets.emplace_back(side, elapsed);
  }
  const int64_t idle =
      idle_days(rng, offsets.back().first->is_closed) * kDay + rng.between(600, kDay - 1);
  const int64_t created = anchor - idle - elapsed;
  for (const auto& [status, offset] : offsets)
    timeline.steps.emplace_back(status, created + offset);
  return timeline;
}

Timeline new_lead(Rng& rng, int64_t now) {
  Timeline timeline;
  const double w = rng.real();
  timeline.workflow = catalog::workflow_by_id(w < 0.5 ? 5 : (w < 0.8 ? 7 : 8));
  timeline.steps.emplace_back(&timeline.workflow->statuses.front(), now);
  return timeline;
}

JobFacts job_facts(Rng& rng, const Timeline& timeline, const ContactFacts& contact, int64_t recid,
                   std::string jnid, int64_t anchor) {
  JobFacts j;
  j.jnid = std::move(jnid);
  j.recid = recid;
  j.workflow = timeline.workflow;
  j.status = timeline.status();
  j.date_created = timeline.created();
  j.date_status_change = timeline.status_changed();
  j.date_updated = j.date_status_change;
  j.sales_rep = &random_user(rng, true);
  j.created_by = rng.chance(0.7) ? j.sales_rep : &random_user(rng, false);
  j.owners.push_back(j.sales_rep->jnid);
  if (rng.chance(0.3)) j.owners.push_back(random_user(rng, false).jnid);
  j.primary = ref_of(contact);
  j.related.push_back(j.primary);
  j.address = contact.address;
  const bool solar = j.workflow->trade == catalog::Trade::solar;
  const bool commercial = j.workflow->id == 6;
  const std::string& who = contact.last_name.empty() ? contact.display_name : contact.last_name;
  if (solar) {
    j.size_value = commercial ? rng.between(100, 1250) * 200 : rng.between(20, 80) * 200;
    j.utility_or_carrier = std::string(rng.pick(catalog::cities()).utility);
    j.name = who + " - " + std::to_string(j.size_value / 1000) + "." +
             std::to_string(j.size_value % 1000 / 100) + " kW Solar";
    j.estimate_total = static_cast<double>(j.size_value) * (2.6 + rng.real());
  } else {
    j.size_value = rng.between(15, 60);
    if (j.workflow->insurance) {
      j.utility_or_carrier = std::string(rng.pick(catalog::insurance_carriers()));
      if (timeline.reached >= Stage::claim) j.claim_number = "CLM-" + digits(rng, 7);
    }
    j.name = who + (j.workflow->insurance ? " - Hail Claim" : " Roof Replacement");
    j.estimate_total = static_cast<double>(j.size_value) * (420.0 + 150.0 * rng.real());
  }
  j.display_name = contact.display_name + " - " + j.address.line1;
  if (!(timeline.reached >= Stage::sold)) j.estimate_total = 0;
  if (timeline.reached >= Stage::invoiced)
    j.invoice_total = j.estimate_total * (0.95 + 0.1 * rng.real());
  j.hoa = rng.chance(0.15);
  j.tags.push_back(solar ? "Solar" : "Roofing");
  if (j.hoa) j.tags.push_back("HOA");
  if (rng.chance(0.3)) j.tags.push_back(rng.pick(catalog::tags()));
  j.source_name = rng.pick(catalog::lead_sources());
  const double d = rng.real();
  if (d < 0.35) {
    j.description = std::string(rng.pick(catalog::note_texts()));
  } else if (d < 0.40) {
    j.description = "<b>Gate code</b> 1234 & dog \"Max\" — use side door";
  } else if (d < 0.45) {
    j.description = "";
  }
  if (const auto start = timeline.entered(Stage::in_progress)) {
    j.date_start = *start;
  } else if (const auto scheduled = timeline.entered(Stage::scheduled)) {
    j.date_start = *scheduled + rng.between(7, 21) * kDay;  // scheduled installs may be ahead
  }
  if (j.date_start != 0) j.date_end = j.date_start + rng.between(1, 3) * kDay;
  j.is_archived = j.status->stage == Stage::paid && j.date_status_change < anchor - 365 * kDay &&
                  rng.chance(0.3);
  return j;
}

Ref ref_of(const JobFacts& job) {
  return {job.jnid, job.display_name, std::to_string(job.recid), "job"};
}

Ref ref_of(const ContactFacts& contact) {
  return {contact.jnid, contact.display_name, std::to_string(contact.recid), "contact"};
}

GeneratedFile photo(Rng& rng, const Ref& job, catalog::PhotoPhase phase, int64_t taken,
                    uint64_t content_seed, double hint_rate) {
  GeneratedFile file;
  FileFacts& f = file.facts;
  f.record_type = 2;
  f.owner = &job;
  f.date_file_created = taken;
  const double r = rng.real();
  const bool caption_hint = r < hint_rate;
  const bool filename_hint = (r >= hint_rate - 0.05 && r < hint_rate + 0.12);
  // Indices rather than rng.pick (same draws): the picture's caption travels in the seed.
  const auto own = catalog::captions(phase);
  std::optional<size_t> caption;
  if (caption_hint) {
    caption = rng.index(own.size());
    f.description = std::string(own[*caption]);
  } else {
    const size_t index = rng.index(catalog::neutral_captions().size());
    const std::string neutral(catalog::neutral_captions()[index]);
    if (!neutral.empty() || rng.chance(0.5)) {
      f.description = neutral;
      caption = own.size() + index;
    }
  }
  f.filename = filename_hint ? hinted_filename(rng, phase) : neutral_filename(rng, taken);
  f.content_type = content_type_for(f.filename);
  f.created_by = &random_user(rng, false);
  file.content_seed = photo_seed(content_seed, phase, caption);
  fill_content(file);
  return file;
}

GeneratedFile document(Rng& rng, const Ref& job, catalog::DocKind kind, std::string_view last_name,
                       int64_t at, uint64_t content_seed) {
  GeneratedFile file;
  FileFacts& f = file.facts;
  const auto templates = catalog::doc_templates(kind);
  const size_t template_index = rng.index(templates.size());
  const auto& templ = templates[template_index];
  f.record_type = kind == catalog::DocKind::invoice     ? 5
                  : kind == catalog::DocKind::eagleview ? 6
                                                        : 1;
  f.owner = &job;
  f.filename = fill_template(templ.filename, rng, last_name);
  if (!templ.description.empty() && rng.chance(0.8)) {
    f.description = fill_template(templ.description, rng, last_name);
  } else {
    f.description = rng.chance(0.5) ? std::optional<std::string>{} : std::string{};
  }
  f.content_type = "application/pdf";
  f.date_file_created = at - rng.between(0, 3600);
  f.created_by = &random_user(rng, kind == catalog::DocKind::contract);
  file.content_seed = document_seed(content_seed, kind, template_index);
  fill_content(file);
  return file;
}

Record record_of(std::string json, std::string jnid, int64_t created, int64_t updated,
                 int record_type, std::string_view record_type_name, std::string primary_id,
                 std::vector<std::string> related_ids, uint64_t content_seed) {
  Record record;
  record.record_type_name = record_type_name;
  record.jnid = std::move(jnid);
  record.date_created = created;
  record.date_updated = updated;
  record.record_type = record_type;
  record.primary_id = std::move(primary_id);
  record.related_ids = std::move(related_ids);
  record.content_seed = content_seed;
  record.json = std::move(json);
  return record;
}

Record record_of(const GeneratedFile& file) {
  const FileFacts& f = file.facts;
  return record_of(file_json(f), f.jnid, f.date_created, f.date_updated, f.record_type,
                   catalog::file_type_name(f.record_type), f.owner->id, {f.owner->id},
                   file.content_seed);
}

Record record_of(const JobFacts& job) {
  std::vector<std::string> related;
  for (const auto& ref : job.related) related.push_back(ref.id);
  return record_of(job_json(job), job.jnid, job.date_created, job.date_updated, job.workflow->id,
                   job.workflow->name, job.primary.id, std::move(related));
}

Record record_of(const ContactFacts& contact) {
  return record_of(contact_json(contact), contact.jnid, contact.date_created, contact.date_updated,
                   contact.workflow->id, contact.workflow->name, "", {});
}

Record record_of(const ActivityFacts& activity) {
  return record_of(activity_json(activity), activity.jnid, activity.date_created,
                   activity.date_created, activity.record_type, activity.record_type_name,
                   activity.primary->id, {activity.primary->id});
}

Record record_of(const TaskFacts& task) {
  std::vector<std::string> related;
  for (const auto& ref : task.related) related.push_back(ref.id);
  return record_of(task_json(task), task.jnid, task.date_created, task.date_updated,
                   task.record_type, task.record_type_name,
                   task.related.empty() ? "" : task.related.front().id, std::move(related));
}

}  // namespace gep::sandbox::gen
