// The control side of SandboxState: changes other JobNimbus users make while a client syncs.
// None of them is written to the write log.
#include <algorithm>
#include <mutex>

#include "sandbox/generator_parts.h"
#include "sandbox/json_members.h"
#include "sandbox/sandbox_state.h"

namespace gep::sandbox {
namespace {

using catalog::DocKind;
using catalog::PhotoPhase;
using ojson = nlohmann::ordered_json;

std::string jnid_in(const std::string& json) {
  const auto value = find_member(json, "jnid");
  return value ? json_string_value(*value).value_or("") : "";
}

const catalog::User& someone(Rng& rng) {
  const auto users = catalog::users();
  return users[rng.index(users.size() - 1)];  // anyone but the API user
}

std::optional<DocKind> doc_kind(std::string_view name) {
  static constexpr std::pair<std::string_view, DocKind> kNames[] = {
      {"contract", DocKind::contract},
      {"permit_application", DocKind::permit_application},
      {"permit", DocKind::permit},
      {"interconnection", DocKind::interconnection},
      {"estimate", DocKind::estimate},
      {"site_survey", DocKind::site_survey},
      {"hoa", DocKind::hoa},
      {"eagleview", DocKind::eagleview},
      {"invoice", DocKind::invoice},
      {"lien_waiver", DocKind::lien_waiver},
      {"insurance_scope", DocKind::insurance_scope},
      {"completion_certificate", DocKind::completion_certificate}};
  for (const auto& [text, kind] : kNames) {
    if (text == name) return kind;
  }
  return std::nullopt;
}

std::optional<PhotoPhase> photo_phase(std::string_view name) {
  if (name == "before") return PhotoPhase::before;
  if (name == "during") return PhotoPhase::during;
  if (name == "after") return PhotoPhase::after;
  return std::nullopt;
}

// The next status along the main path, or "Lost" for early stages now and then.
const catalog::Status* next_status(Rng& rng, const catalog::Workflow& workflow,
                                   std::string_view current) {
  const catalog::Status* here = catalog::status_by_name(workflow, current);
  if (here == nullptr || here->is_closed) return nullptr;
  if (here->stage <= catalog::Stage::estimate && rng.chance(0.15)) {
    return catalog::status_by_name(workflow, "Lost");
  }
  for (const auto& status : workflow.statuses) {
    if (status.order > here->order && status.stage <= catalog::Stage::paid) return &status;
  }
  return nullptr;
}

}  // namespace

const Record* SandboxState::random_record_locked(Kind kind) {
  const auto& index = collection(kind).by_created();
  if (index.size() == 0) return nullptr;
  return index.at(rng_.index(index.size())).record;
}

Result<std::string> SandboxState::create_job_locked(const nlohmann::json& fields) {
  if (!fields.is_object()) return fail("validation", "fields must be a JSON object");
  const int64_t t = now();
  ContactFacts person = gen::person(rng_, next_contact_recid_, next_jnid_locked(), t, t, false);
  std::optional<Ref> existing_contact;
  if (fields.contains("primary")) {
    const auto& primary = fields["primary"];
    const std::string id =
        primary.is_string() ? primary.get<std::string>() : primary.value("id", std::string());
    existing_contact = resolve_locked(id);
    if (!existing_contact || existing_contact->type != "contact") {
      return fail("validation", "primary must name an existing contact");
    }
  } else {
    ++next_contact_recid_;
    collection(Kind::contact).put(gen::record_of(person));
  }
  const gen::Timeline timeline = gen::new_lead(rng_, t);
  JobFacts job = gen::job_facts(rng_, timeline, person, next_job_recid_++, next_jnid_locked(), t);
  if (existing_contact) {
    job.primary = *existing_contact;
    job.related = {*existing_contact};
    job.display_name = existing_contact->name + " - " + job.address.line1;
  }
  collection(Kind::job).put(gen::record_of(job));
  ActivityFacts created;
  created.jnid = next_jnid_locked();
  created.record_type = gen::kJobCreatedType;
  created.record_type_name = "Job Created";
  created.note = "Job created";
  const Ref job_ref = gen::ref_of(job);
  created.primary = &job_ref;
  created.date_created = t;
  created.created_by = job.created_by;
  collection(Kind::activity).put(gen::record_of(created));
  nlohmann::json rest = fields;
  rest.erase("primary");
  if (rest.empty()) return collection(Kind::job).find(job.jnid)->json;
  return update_locked(Kind::job, job.jnid, rest, someone(rng_));
}

Result<std::vector<std::string>> SandboxState::add_files_locked(
    std::string_view job_jnid, int64_t count, int record_type,
    const std::optional<std::string>& kind) {
  const Record* job = collection(Kind::job).find(job_jnid);
  if (job == nullptr) return fail("not_found", "job not found: " + std::string(job_jnid));
  if (count < 0 || count > 10000) return fail("validation", "count must be between 0 and 10000");
  std::optional<PhotoPhase> phase;
  std::optional<DocKind> document;
  if (kind && !kind->empty()) {
    phase = photo_phase(*kind);
    document = doc_kind(*kind);
    if (record_type == 2 && !phase)
      return fail("validation", "phase must be before, during or after");
    if (record_type != 2 && !document) {
      return fail("validation",
                  "kind must be a document kind (contract, permit, interconnection, ...)");
    }
  }
  const Ref ref = ref_locked(*job, Kind::job);
  const int64_t t = now();
  std::vector<std::string> created;
  for (int64_t i = 0; i < count; ++i) {
    const uint64_t content_seed = rng_.next() | 1;
    gen::GeneratedFile file =
        record_type == 2
            ? gen::photo(rng_, ref, phase.value_or(static_cast<PhotoPhase>(rng_.below(3))),
                         t - rng_.between(60, 3600), content_seed)
            : gen::document(rng_, ref, document.value_or(static_cast<DocKind>(rng_.below(12))), "",
                            t, content_seed);
    if (record_type != 2) file.facts.record_type = record_type;
    file.facts.jnid = next_jnid_locked();
    file.facts.date_created = t;
    file.facts.date_updated = t;
    collection(Kind::file).put(gen::record_of(file));
    created.push_back(file.facts.jnid);
  }
  return created;
}

Result<std::string> SandboxState::control_create(Kind kind, const nlohmann::json& fields) {
  if (!fields.is_object()) return fail("validation", "fields must be a JSON object");
  const std::unique_lock lock(mutex_);
  switch (kind) {
    case Kind::job:
      return create_job_locked(fields);
    case Kind::contact: {
      const int64_t t = now();
      const ContactFacts person =
          gen::person(rng_, next_contact_recid_++, next_jnid_locked(), t, t, false);
      collection(Kind::contact).put(gen::record_of(person));
      if (fields.empty()) return collection(Kind::contact).find(person.jnid)->json;
      return update_locked(Kind::contact, person.jnid, fields, someone(rng_));
    }
    case Kind::file: {
      const auto related = fields.value("related", nlohmann::json());
      const std::string job = related.is_string() ? related.get<std::string>()
                              : related.is_array() && !related.empty() && related[0].is_string()
                                  ? related[0].get<std::string>()
                                  : std::string();
      auto created = add_files_locked(job, 1, fields.value("record_type", 2),
                                      fields.value("kind", std::string()));
      if (!created) return fail(created.error());
      nlohmann::json rest = fields;
      for (const char* key : {"related", "record_type", "kind"}) rest.erase(key);
      if (rest.empty()) return collection(Kind::file).find(created->front())->json;
      return update_locked(Kind::file, created->front(), rest, someone(rng_));
    }
    case Kind::task: {
      nlohmann::json body = fields;
      if (!body.contains("title")) body["title"] = std::string(rng_.pick(catalog::task_titles()));
      if (!body.contains("record_type_name")) body["record_type_name"] = "Task";
      if (!body.contains("date_start")) body["date_start"] = now() + gen::kDay;
      return create_task_locked(body, someone(rng_));
    }
    case Kind::activity: {
      nlohmann::json body = fields;
      if (!body.contains("note")) body["note"] = std::string(rng_.pick(catalog::note_texts()));
      return create_note_locked(body, someone(rng_));
    }
  }
  return fail("validation", "unknown kind");
}

Result<std::string> SandboxState::control_update(Kind kind, std::string_view jnid,
                                                 const nlohmann::json& fields) {
  const std::unique_lock lock(mutex_);
  return update_locked(kind, jnid, fields, someone(rng_));
}

Status SandboxState::control_delete(Kind kind, std::string_view jnid) {
  const std::unique_lock lock(mutex_);
  const auto deleted = update_locked(kind, jnid, {{"is_active", false}}, someone(rng_));
  if (!deleted) return fail(deleted.error());
  return {};
}

Result<std::string> SandboxState::control_restore(Kind kind, std::string_view jnid) {
  const std::unique_lock lock(mutex_);
  const Record* deleted = collection(kind).find_deleted(jnid);
  if (deleted == nullptr) {
    return fail("not_found",
                "no deleted " + std::string(wire_type(kind)) + " " + std::string(jnid));
  }
  ojson current = ojson::parse(deleted->json);
  current["is_active"] = true;
  current["date_updated"] = now();
  auto record = index_record_text(current.dump());
  record->content_seed = deleted->content_seed;
  std::string json = record->json;
  collection(kind).restore(std::move(*record));
  return json;
}

Result<std::vector<std::string>> SandboxState::add_files(std::string_view job_jnid, int64_t count,
                                                         int record_type,
                                                         std::optional<std::string> kind) {
  const std::unique_lock lock(mutex_);
  return add_files_locked(job_jnid, count, record_type, kind);
}

Result<std::vector<std::string>> SandboxState::touch(Kind kind, std::vector<std::string> jnids,
                                                     int64_t count, std::optional<int64_t> second) {
  const std::unique_lock lock(mutex_);
  Collection& records = collection(kind);
  if (jnids.empty()) {
    const int64_t wanted = std::min<int64_t>(count, static_cast<int64_t>(records.size()));
    std::vector<std::string> picked;
    while (static_cast<int64_t>(picked.size()) < wanted) {
      std::string id = random_record_locked(kind)->jnid;
      if (std::find(picked.begin(), picked.end(), id) == picked.end())
        picked.push_back(std::move(id));
    }
    jnids = std::move(picked);
  }
  const int64_t at = second.value_or(now());
  for (const auto& id : jnids) {
    const Record* record = records.find(id);
    if (record == nullptr)
      return fail("not_found", std::string(wire_type(kind)) + " not found: " + id);
    ojson current = ojson::parse(record->json);
    current["date_updated"] = at;
    put_json_locked(kind, current.dump(), record->content_seed);
  }
  return jnids;
}

nlohmann::json SandboxState::mutate(const MutationSpec& spec) {
  const std::unique_lock lock(mutex_);
  nlohmann::json out = {
      {"updated", nlohmann::json::array()},          {"status_changed", nlohmann::json::array()},
      {"created", nlohmann::json::array()},          {"deleted", nlohmann::json::array()},
      {"contacts_updated", nlohmann::json::array()}, {"files", nlohmann::json::array()}};
  const auto pick_job = [&]() -> std::string {
    const Record* job = random_record_locked(Kind::job);
    return job != nullptr ? job->jnid : std::string();
  };
  for (int64_t i = 0; i < spec.job_updates; ++i) {
    const std::string id = pick_job();
    if (id.empty()) break;
    nlohmann::json change;
    switch (rng_.below(4)) {
      case 0:
        change["description"] = std::string(rng_.pick(catalog::note_texts()));
        break;
      case 1:
        change["tags"] = {std::string(rng_.pick(catalog::tags()))};
        break;
      case 2:
        change["sales_rep"] = std::string(someone(rng_).jnid);
        break;
      default:
        change["address_line2"] = "Unit " + std::to_string(rng_.between(1, 99));
    }
    if (update_locked(Kind::job, id, change, someone(rng_))) out["updated"].push_back(id);
  }
  for (int64_t i = 0, attempts = 0; i < spec.status_changes && attempts < spec.status_changes * 20;
       ++attempts) {
    const Record* job = random_record_locked(Kind::job);
    if (job == nullptr) break;
    const ojson current = ojson::parse(job->json);
    const auto* workflow = catalog::workflow_by_id(current.value("record_type", 0));
    const auto status = current.find("status_name");
    if (workflow == nullptr || status == current.end() || !status->is_string()) continue;
    const auto* next = next_status(rng_, *workflow, status->get<std::string>());
    if (next == nullptr) continue;
    const std::string id = job->jnid;
    if (update_locked(Kind::job, id, {{"status_name", next->name}}, someone(rng_))) {
      out["status_changed"].push_back(id);
      ++i;
    }
  }
  for (int64_t i = 0; i < spec.job_creates; ++i) {
    if (auto created = create_job_locked(nlohmann::json::object())) {
      out["created"].push_back(jnid_in(*created));
    }
  }
  for (int64_t i = 0; i < spec.job_deletes; ++i) {
    const std::string id = pick_job();
    if (id.empty()) break;
    if (update_locked(Kind::job, id, {{"is_active", false}}, someone(rng_)))
      out["deleted"].push_back(id);
  }
  for (int64_t i = 0; i < spec.contact_updates; ++i) {
    const Record* contact = random_record_locked(Kind::contact);
    if (contact == nullptr) break;
    const std::string id = contact->jnid;
    const nlohmann::json change = {
        {"mobile_phone", "(555) 010-" + std::to_string(rng_.between(1000, 9999))}};
    if (update_locked(Kind::contact, id, change, someone(rng_)))
      out["contacts_updated"].push_back(id);
  }
  for (const auto& [total, type] : {std::pair{spec.photos, 2}, std::pair{spec.documents, 1}}) {
    for (int64_t i = 0; i < total; ++i) {
      const std::string id = pick_job();
      if (id.empty()) break;
      if (auto files = add_files_locked(id, 1, type, std::nullopt)) {
        for (const auto& file : *files) out["files"].push_back(file);
      }
    }
  }
  if (spec.same_second) {
    // Everything above happened "now" already; pin it to one second even if the clock ticked.
    const int64_t at = now();
    for (const char* group : {"updated", "status_changed", "created"}) {
      for (const auto& id : out[group]) {
        if (const Record* job = collection(Kind::job).find(id.get<std::string>())) {
          ojson current = ojson::parse(job->json);
          current["date_updated"] = at;
          put_json_locked(Kind::job, current.dump(), 0);
        }
      }
    }
  }
  return out;
}

}  // namespace gep::sandbox
