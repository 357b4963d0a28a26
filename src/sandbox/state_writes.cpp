// The write paths of SandboxState shared by the API and the control API: partial updates with
// JobNimbus's status semantics, notes, tasks and uploads.
#include <mutex>

#include "sandbox/file_bytes.h"
#include "sandbox/generator_parts.h"
#include "sandbox/json_members.h"
#include "sandbox/record_builders.h"
#include "sandbox/sandbox_state.h"

namespace gep::sandbox {
namespace {

using ojson = nlohmann::ordered_json;

bool is_read_only(const std::string& key) {
  return key == "jnid" || key == "recid" || key == "number" || key == "type" ||
         key == "date_created" || key == "date_updated" || key == "date_status_change" ||
         key == "created_by" || key == "created_by_name";
}

std::string member_string(const Record& record, std::string_view key) {
  const auto value = find_member(record.json, key);
  return value ? json_string_value(*value).value_or("") : "";
}

// The id inside {"id": "..."} or a bare "...".
std::optional<std::string> id_of(const nlohmann::json& value) {
  if (value.is_string()) return value.get<std::string>();
  if (value.is_object() && value.contains("id") && value["id"].is_string()) {
    return value["id"].get<std::string>();
  }
  return std::nullopt;
}

Unexpected<Error> invalid(std::string message) {
  return fail("validation", std::move(message));
}

std::string jnid_of(const std::string& json) {
  const auto value = find_member(json, "jnid");
  return value ? json_string_value(*value).value_or("") : "";
}

// Field access that tolerates whatever type a client stored there.
std::string text_of(const ojson& object, const char* key) {
  const auto it = object.find(key);
  return it != object.end() && it->is_string() ? it->get<std::string>() : std::string();
}

int int_of(const ojson& object, const char* key) {
  const auto it = object.find(key);
  return it != object.end() && it->is_number_integer() ? it->get<int>() : 0;
}

}  // namespace

Ref SandboxState::ref_locked(const Record& record, Kind kind) const {
  return {record.jnid, member_string(record, "display_name"), member_string(record, "number"),
          std::string(wire_type(kind))};
}

std::optional<Ref> SandboxState::resolve_locked(std::string_view id) const {
  if (const Record* job = collection(Kind::job).find(id)) return ref_locked(*job, Kind::job);
  if (const Record* contact = collection(Kind::contact).find(id)) {
    return ref_locked(*contact, Kind::contact);
  }
  return std::nullopt;
}

Result<std::string> SandboxState::update_locked(Kind kind, std::string_view jnid,
                                                const nlohmann::json& body,
                                                const catalog::User& actor) {
  if (!body.is_object()) return invalid("the body must be a JSON object");
  const std::string id(jnid);  // `jnid` may view the record that is about to be replaced
  const Record* existing = collection(kind).find(id);
  if (existing == nullptr) {
    return fail("not_found", std::string(wire_type(kind)) + " not found: " + id);
  }
  const uint64_t content_seed = existing->content_seed;
  ojson current = ojson::parse(existing->json);
  const ojson changes = ojson::parse(body.dump());
  const bool has_workflow = kind == Kind::job || kind == Kind::contact;
  bool deactivate = false;
  std::optional<std::string> status_name;
  std::optional<int> status_id;
  std::optional<std::string> workflow_name;
  std::optional<int> workflow_id;
  for (const auto& [key, value] : changes.items()) {
    if (is_read_only(key)) continue;  // the server owns these, as the real API does
    if (key == "is_active") {
      if (!value.is_boolean()) return invalid("is_active must be true or false");
      deactivate = !value.get<bool>();
      continue;
    }
    if (has_workflow && (key == "status_name" || key == "record_type_name")) {
      if (!value.is_string()) return invalid(key + " must be a string");
      (key == "status_name" ? status_name : workflow_name) = value.get<std::string>();
      continue;
    }
    if (has_workflow && (key == "status" || key == "record_type")) {
      if (!value.is_number_integer()) return invalid(key + " must be an integer id");
      (key == "status" ? status_id : workflow_id) = value.get<int>();
      continue;
    }
    if (key == "sales_rep") {
      if (!value.is_string() && !value.is_null()) return invalid("sales_rep must be a user id");
      const auto* user =
          value.is_string() ? catalog::user_by_id(value.get<std::string>()) : nullptr;
      current["sales_rep_name"] = user != nullptr ? std::string(user->name) : "";
    }
    if (key.rfind("date_", 0) == 0 && !value.is_number() && !value.is_null()) {
      return invalid(key + " must be unix seconds");
    }
    current[key] = value;
  }
  const int64_t t = now();
  std::optional<std::pair<std::string, std::string>> status_change;
  if (status_name || status_id || workflow_name || workflow_id) {
    const auto* workflow = catalog::workflow_by_id(int_of(current, "record_type"));
    const std::string object_type(wire_type(kind));
    if (workflow_name || workflow_id) {
      const auto* wanted = workflow_name ? catalog::workflow_by_name(*workflow_name)
                                         : catalog::workflow_by_id(*workflow_id);
      if (wanted == nullptr || wanted->object_type != object_type || !wanted->is_active) {
        return invalid("Invalid record_type_name - " +
                       (workflow_name ? *workflow_name : std::to_string(*workflow_id)));
      }
      workflow = wanted;
    }
    if (workflow == nullptr) return invalid("the record has no known workflow");
    const std::string old_name = text_of(current, "status_name");
    const catalog::Status* target = nullptr;
    if (status_name) {
      target = catalog::status_by_name(*workflow, *status_name);
      if (target == nullptr) return invalid("Invalid status_name - " + *status_name);
    } else if (status_id) {
      target = catalog::status_by_id(*workflow, *status_id);
      if (target == nullptr) return invalid("Invalid status - " + std::to_string(*status_id));
    } else {
      // A new workflow keeps the status of the same name, or starts at its first status.
      target = catalog::status_by_name(*workflow, old_name);
      if (target == nullptr) target = &workflow->statuses.front();
    }
    const bool moved = int_of(current, "status") != target->id;
    current["record_type"] = workflow->id;
    current["record_type_name"] = workflow->name;
    current["status"] = target->id;
    current["status_name"] = target->name;
    if (moved) {
      current["date_status_change"] = t;
      if (old_name != target->name) status_change.emplace(old_name, std::string(target->name));
    }
  }
  if (kind == Kind::contact && (changes.contains("first_name") || changes.contains("last_name")) &&
      !changes.contains("display_name") && text_of(current, "company").empty()) {
    current["display_name"] = text_of(current, "first_name") + " " + text_of(current, "last_name");
  }
  current["date_updated"] = t;
  if (deactivate) current["is_active"] = false;
  std::string json = current.dump();
  const Record& stored = put_json_locked(kind, json, content_seed);
  if (status_change && kind == Kind::job) {
    ActivityFacts activity;
    activity.jnid = next_jnid_locked();
    activity.record_type = gen::kStatusChangedType;
    activity.record_type_name = "Status Changed";
    activity.note = status_change_note(status_change->first, status_change->second);
    activity.is_status_change = true;
    const Ref job = ref_locked(stored, Kind::job);
    activity.primary = &job;
    activity.date_created = t;
    activity.created_by = &actor;
    collection(Kind::activity).put(gen::record_of(activity));
  }
  if (deactivate) collection(kind).remove(id);
  return json;
}

Result<std::string> SandboxState::create_note_locked(const nlohmann::json& body,
                                                     const catalog::User& actor) {
  if (!body.is_object()) return invalid("the body must be a JSON object");
  if (!body.contains("note") || !body["note"].is_string()) return invalid("note is required");
  if (body.contains("record_type_name") &&
      (!body["record_type_name"].is_string() || body["record_type_name"] != "Note")) {
    return invalid("Invalid record_type_name - " +
                   (body["record_type_name"].is_string()
                        ? body["record_type_name"].get<std::string>()
                        : body["record_type_name"].dump()));
  }
  const auto primary_id = body.contains("primary") ? id_of(body["primary"]) : std::nullopt;
  if (!primary_id) return invalid("primary.id is required");
  const auto primary = resolve_locked(*primary_id);
  if (!primary) return invalid("primary.id does not exist: " + *primary_id);
  ActivityFacts note;
  note.jnid = next_jnid_locked();
  note.note = body["note"].get<std::string>();
  note.primary = &*primary;
  note.date_created = now();
  note.created_by = &actor;
  note.is_private = body.value("is_private", false);
  std::string json = activity_json(note);
  collection(Kind::activity).put(gen::record_of(note));
  return json;
}

Result<std::string> SandboxState::create_task_locked(const nlohmann::json& body,
                                                     const catalog::User& actor) {
  if (!body.is_object()) return invalid("the body must be a JSON object");
  if (!body.contains("title") || !body["title"].is_string() ||
      body["title"].get_ref<const std::string&>().empty()) {
    return invalid("title is required");
  }
  const auto type = body.contains("record_type_name") && body["record_type_name"].is_string()
                        ? body["record_type_name"].get<std::string>()
                        : std::string();
  const auto types = catalog::task_types();
  const auto found = std::find(types.begin(), types.end(), type);
  if (found == types.end()) {
    return invalid("Invalid record_type_name - " +
                   (type.empty() ? std::string("(missing)") : type));
  }
  if (!body.contains("date_start") || !body["date_start"].is_number()) {
    return invalid("date_start (unix seconds) is required");
  }
  TaskFacts task;
  task.jnid = next_jnid_locked();
  task.title = body["title"].get<std::string>();
  if (body.contains("description") && body["description"].is_string()) {
    task.description = body["description"].get<std::string>();
  }
  task.record_type = 1 + static_cast<int>(found - types.begin());
  task.record_type_name = type;
  task.date_start = body["date_start"].get<int64_t>();
  task.date_end = body.contains("date_end") && body["date_end"].is_number()
                      ? body["date_end"].get<int64_t>()
                      : task.date_start;
  task.priority = body.contains("priority") && body["priority"].is_number_integer()
                      ? body["priority"].get<int>()
                      : 0;
  if (body.contains("related")) {
    if (!body["related"].is_array()) return invalid("related must be an array");
    for (const auto& item : body["related"]) {
      const auto id = id_of(item);
      if (!id) return invalid("related entries need an id");
      const auto ref = resolve_locked(*id);
      if (!ref) return invalid("related id does not exist: " + *id);
      task.related.push_back(*ref);
    }
  }
  if (body.contains("owners") && body["owners"].is_array()) {
    for (const auto& owner : body["owners"]) {
      if (const auto id = id_of(owner)) task.owners.push_back(*id);
    }
  }
  if (task.owners.empty()) task.owners.emplace_back(actor.jnid);
  task.date_created = now();
  task.date_updated = task.date_created;
  task.created_by = &actor;
  std::string json = task_json(task);
  collection(Kind::task).put(gen::record_of(task));
  return json;
}

Result<std::string> SandboxState::create_note(const nlohmann::json& body, std::string_view fault) {
  const std::unique_lock lock(mutex_);
  auto created = create_note_locked(body, catalog::api_user());
  if (created) log_write_locked("POST /activities", jnid_of(*created), body.dump(), fault);
  return created;
}

Result<std::string> SandboxState::create_task(const nlohmann::json& body, std::string_view fault) {
  const std::unique_lock lock(mutex_);
  auto created = create_task_locked(body, catalog::api_user());
  if (created) log_write_locked("POST /tasks", jnid_of(*created), body.dump(), fault);
  return created;
}

Result<std::string> SandboxState::update(Kind kind, std::string_view jnid,
                                         const nlohmann::json& body, std::string_view fault) {
  const std::unique_lock lock(mutex_);
  auto updated = update_locked(kind, jnid, body, catalog::api_user());
  if (updated) {
    log_write_locked("PUT /" + std::string(kind_path(kind)) + "/{jnid}", std::string(jnid),
                     body.dump(), fault);
  }
  return updated;
}

Result<std::string> SandboxState::upload_file(const nlohmann::json& body, std::string_view fault) {
  if (!body.is_object()) return invalid("the body must be a JSON object");
  if (!body.contains("data") || !body["data"].is_string())
    return invalid("data (base64) is required");
  if (!body.contains("filename") || !body["filename"].is_string() ||
      body["filename"].get_ref<const std::string&>().empty()) {
    return invalid("filename is required");
  }
  auto bytes = base64_decode(body["data"].get_ref<const std::string&>());
  if (!bytes) return invalid("data is not valid base64");
  int record_type = 1;
  if (body.contains("type")) {
    if (!body["type"].is_number_integer() || body["type"].get<int>() < 1) {
      return invalid("type must be a file type code (1 Document, 2 Photo, ...)");
    }
    record_type = body["type"].get<int>();
  }
  std::vector<std::string> related;
  if (body.contains("related")) {
    const auto& value = body["related"];
    if (value.is_array()) {
      for (const auto& item : value) {
        if (const auto id = id_of(item)) related.push_back(*id);
      }
    } else if (const auto id = id_of(value)) {
      related.push_back(*id);
    }
  }
  if (related.empty()) return invalid("related must name the job the file belongs to");

  const std::unique_lock lock(mutex_);
  const auto owner = resolve_locked(related.front());
  if (!owner) return invalid("related id does not exist: " + related.front());
  FileFacts file;
  file.jnid = next_jnid_locked();
  file.filename = body["filename"].get<std::string>();
  file.content_type = content_type_for(file.filename);
  file.size = static_cast<int64_t>(bytes->size());
  file.md5 = md5_hex(*bytes);
  file.date_created = now();
  file.date_updated = file.date_created;
  file.date_file_created =
      body.contains("date_file_created") && body["date_file_created"].is_number()
          ? body["date_file_created"].get<int64_t>()
          : file.date_created;
  if (body.contains("description") && body["description"].is_string()) {
    file.description = body["description"].get<std::string>();
  }
  file.record_type = record_type;
  file.owner = &*owner;
  file.created_by = &catalog::api_user();
  file.is_private = body.value("is_private", false);
  std::string json = file_json(file);
  collection(Kind::file).put(gen::record_of(gen::GeneratedFile{file, 0}));
  blobs_[file.jnid] = std::move(*bytes);
  // The log keeps what was sent, without the payload itself.
  nlohmann::json logged = body;
  logged["data"] = "<" + std::to_string(file.size) + " bytes, md5 " + file.md5 + ">";
  log_write_locked("POST /files", file.jnid, logged.dump(), fault);
  return json;
}

}  // namespace gep::sandbox
