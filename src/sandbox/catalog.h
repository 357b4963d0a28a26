#pragma once
// The fixed vocabulary of the seeded account: workflows and statuses of a solar and roofing
// contractor, users, names (unicode and HTML-hostile ones included), US places, and the wording
// crews use on photos and documents. Data only; generator.cpp decides how it is combined.
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace gep::sandbox::catalog {

// Where a status sits in the life of a job. Side statuses (lost, on hold, cancelled) keep the
// stage the job had reached when it left the main path.
enum class Stage {
  lead,
  appointment,
  claim,  // insurance roofing only: claim filed, adjuster
  estimate,
  sold,
  permitting,
  scheduled,
  in_progress,
  completed,
  invoiced,
  paid,
  lost,
  on_hold,
  cancelled,
  contact  // statuses of contact workflows
};

struct Status {
  int id;
  std::string_view name;
  Stage stage;
  bool is_lead;
  bool is_closed;
  bool is_active;
  int order;
};

enum class Trade { solar, roofing, none };

struct Workflow {
  int id;
  std::string_view object_type;  // "job" or "contact"
  std::string_view name;
  bool is_active;
  Trade trade;
  bool insurance;
  std::vector<Status> statuses;
};

const std::vector<Workflow>& workflows();
const Workflow* workflow_by_id(int id);
const Workflow* workflow_by_name(std::string_view name);
const Status* status_by_name(const Workflow& workflow, std::string_view name);
const Status* status_by_id(const Workflow& workflow, int id);
// GET /account/settings.
std::string settings_json();

struct User {
  std::string_view jnid;
  std::string_view name;
  bool sales;
};
std::span<const User> users();
const User* user_by_id(std::string_view jnid);
// The user that API writes are attributed to (the owner of the API key).
const User& api_user();

struct City {
  std::string_view name;
  std::string_view state;
  std::string_view zip_prefix;
  double lat;
  double lon;
  std::string_view utility;
};
std::span<const City> cities();

std::span<const std::string_view> first_names();
std::span<const std::string_view> last_names();
// Whole display names that break naive HTML, SQL, CSV or byte-oriented code.
std::span<const std::string_view> hostile_names();
std::span<const std::string_view> companies();
std::span<const std::string_view> streets();
std::span<const std::string_view> lead_sources();
std::span<const std::string_view> insurance_carriers();
std::span<const std::string_view> tags();
std::span<const std::string_view> note_texts();
std::span<const std::string_view> task_titles();
// Valid task record_type_name values (POST /tasks rejects others, e.g. "Note").
std::span<const std::string_view> task_types();

enum class PhotoPhase { before, during, after };
// Captions that say the phase, in the crews' varied wording.
std::span<const std::string_view> captions(PhotoPhase phase);
// Filename stems that say the phase ("pre-install_south", "IMG_1234 - after" is built in code).
std::span<const std::string_view> filename_hints(PhotoPhase phase);
// Captions that say nothing about the phase.
std::span<const std::string_view> neutral_captions();

// Document kinds a job may need, by the stage from which it needs them.
enum class DocKind {
  contract,
  permit_application,
  permit,
  interconnection,
  estimate,
  site_survey,
  hoa,
  eagleview,
  invoice,
  lien_waiver,
  insurance_scope,
  completion_certificate
};
struct DocTemplate {
  DocKind kind;
  std::string_view filename;  // "{n}" is replaced by a number, "{last}" by the customer
  std::string_view description;
};
std::span<const DocTemplate> doc_templates(DocKind kind);

// File record types (record_type / record_type_name of attachments).
std::string_view file_type_name(int record_type);

}  // namespace gep::sandbox::catalog
