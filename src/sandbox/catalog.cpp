#include "sandbox/catalog.h"

#include <array>

#include "sandbox/json_writer.h"

namespace gep::sandbox::catalog {
namespace {

using S = Stage;

// The statuses of a job workflow, ids from `base`: the same names recur in every workflow with
// different ids, as in a real account, so that clients must match on status_name.
std::vector<Status> job_statuses(int base, bool insurance, bool permits) {
  struct Spec {
    std::string_view name;
    Stage stage;
    bool is_lead;
    bool is_closed;
  };
  std::vector<Spec> specs = {{"Lead", S::lead, true, false},
                             {"Appointment Scheduled", S::appointment, true, false}};
  if (insurance) {
    specs.push_back({"Claim Filed", S::claim, true, false});
    specs.push_back({"Adjuster Approved", S::claim, false, false});
  }
  specs.push_back({"Estimate Sent", S::estimate, true, false});
  specs.push_back({"Sold", S::sold, false, false});
  if (permits) specs.push_back({"Permitting", S::permitting, false, false});
  specs.push_back({"Scheduled", S::scheduled, false, false});
  specs.push_back({"In Progress", S::in_progress, false, false});
  specs.push_back({"Completed", S::completed, false, false});
  specs.push_back({"Invoiced", S::invoiced, false, false});
  specs.push_back({"Paid & Closed", S::paid, false, true});
  specs.push_back({"Lost", S::lost, false, true});
  specs.push_back({"On Hold", S::on_hold, false, false});
  specs.push_back({"Cancelled", S::cancelled, false, true});
  std::vector<Status> statuses;
  int order = 1;
  for (const auto& spec : specs) {
    statuses.push_back(
        {base + order - 1, spec.name, spec.stage, spec.is_lead, spec.is_closed, true, order});
    ++order;
  }
  return statuses;
}

std::vector<Workflow> build_workflows() {
  std::vector<Workflow> all;
  all.push_back(
      {5, "job", "Residential Solar", true, Trade::solar, false, job_statuses(19, false, true)});
  all.push_back(
      {6, "job", "Commercial Solar", true, Trade::solar, false, job_statuses(41, false, true)});
  all.push_back(
      {7, "job", "Roofing - Insurance", true, Trade::roofing, true, job_statuses(63, true, true)});
  all.push_back(
      {8, "job", "Roofing - Retail", true, Trade::roofing, false, job_statuses(87, false, false)});
  // A retired workflow: listed by settings, never used by a record.
  auto legacy = job_statuses(120, false, false);
  for (auto& status : legacy) status.is_active = false;
  all.push_back({4, "job", "Residential (old)", false, Trade::solar, false, std::move(legacy)});
  all.push_back({1,
                 "contact",
                 "Customer",
                 true,
                 Trade::none,
                 false,
                 {{1, "New", S::contact, true, false, true, 1},
                  {2, "Active", S::contact, false, false, true, 2},
                  {3, "Past Customer", S::contact, false, true, true, 3}}});
  all.push_back({2,
                 "contact",
                 "Subcontractor",
                 true,
                 Trade::none,
                 false,
                 {{10, "Active", S::contact, false, false, true, 1},
                  {11, "Inactive", S::contact, false, true, true, 2}}});
  return all;
}

constexpr std::array<User, 14> kUsers = {{
    {"3p0", "Bob Barton", true},
    {"3p7", "Maria González", true},
    {"3qa", "DeShawn Carter", true},
    {"3r2", "Emily Nguyễn", true},
    {"3rk", "Tyler O'Neil", true},
    {"3s9", "Priya Raman", true},
    {"3t1", "Jake \"JT\" Thompson", true},
    {"3u4", "Sofía Martínez", false},
    {"3v8", "Kevin Walsh", false},
    {"3w0", "Ana Lima", false},
    {"3x5", "Marcus Reed", false},
    {"3y2", "Lauren Becker", false},
    {"3z9", "Install Crew 1", false},
    {"40c", "Green Energy Platform (API)", false},
}};

constexpr std::array<City, 24> kCities = {{
    {"Phoenix", "AZ", "850", 33.4484, -112.0740, "APS"},
    {"Mesa", "AZ", "852", 33.4152, -111.8315, "SRP"},
    {"Tucson", "AZ", "857", 32.2226, -110.9747, "TEP"},
    {"Las Vegas", "NV", "891", 36.1699, -115.1398, "NV Energy"},
    {"Henderson", "NV", "890", 36.0395, -114.9817, "NV Energy"},
    {"San Diego", "CA", "921", 32.7157, -117.1611, "SDG&E"},
    {"Fresno", "CA", "937", 36.7378, -119.7871, "PG&E"},
    {"Sacramento", "CA", "958", 38.5816, -121.4944, "SMUD"},
    {"Riverside", "CA", "925", 33.9806, -117.3755, "SCE"},
    {"San José", "CA", "951", 37.3382, -121.8863, "PG&E"},
    {"Austin", "TX", "787", 30.2672, -97.7431, "Austin Energy"},
    {"San Antonio", "TX", "782", 29.4241, -98.4936, "CPS Energy"},
    {"Dallas", "TX", "752", 32.7767, -96.7970, "Oncor"},
    {"Houston", "TX", "770", 29.7604, -95.3698, "CenterPoint"},
    {"Denver", "CO", "802", 39.7392, -104.9903, "Xcel Energy"},
    {"Colorado Springs", "CO", "809", 38.8339, -104.8214, "CSU"},
    {"American Fork", "UT", "840", 40.3769, -111.7958, "Rocky Mountain Power"},
    {"Salt Lake City", "UT", "841", 40.7608, -111.8910, "Rocky Mountain Power"},
    {"Orlando", "FL", "328", 28.5383, -81.3792, "Duke Energy"},
    {"Tampa", "FL", "336", 27.9506, -82.4572, "TECO"},
    {"Raleigh", "NC", "276", 35.7796, -78.6382, "Duke Energy"},
    {"Trenton", "NJ", "086", 40.2171, -74.7429, "PSE&G"},
    {"Worcester", "MA", "016", 42.2626, -71.8023, "National Grid"},
    {"Coeur d'Alene", "ID", "838", 47.6777, -116.7805, "Avista"},
}};

constexpr std::array<std::string_view, 48> kFirstNames = {
    "James",   "Mary",      "Robert",     "Patricia", "John",    "Jennifer", "Michael",  "Linda",
    "David",   "Elizabeth", "William",    "Barbara",  "Richard", "Susan",    "Joseph",   "Jessica",
    "Thomas",  "Sarah",     "Carlos",     "Karen",    "Daniel",  "Lisa",     "Matthew",  "Nancy",
    "Anthony", "Betty",     "Mark",       "Sandra",   "José",    "Zoë",      "François", "Søren",
    "Łukasz",  "Chloé",     "Nguyễn Văn", "Björn",    "Renée",   "Siobhán",  "Mohammed", "Aaliyah",
    "Hiroshi", "Mei",       "Olga",       "Raúl",     "Dwayne",  "Keanu",    "Ngozi",    "Dmitri"};

constexpr std::array<std::string_view, 44> kLastNames = {
    "Smith",          "Johnson",   "Williams",  "Brown",    "Jones",        "Garcia",
    "Miller",         "Davis",     "Rodriguez", "Martinez", "Hernandez",    "Lopez",
    "Gonzalez",       "Wilson",    "Anderson",  "Thomas",   "Taylor",       "Moore",
    "Jackson",        "Martin",    "Lee",       "Perez",    "Thompson",     "White",
    "Harris",         "Clark",     "Lewis",     "Walker",   "O'Brien",      "Ångström",
    "Müller",         "Nguyễn",    "Şahin",     "D'Angelo", "van der Berg", "St. John",
    "Ó Súilleabháin", "Kowalczyk", "Tanaka",    "Okafor",   "Ivanova",      "Smith-Jones",
    "MacDonald",      "Li"};

constexpr std::array<std::string_view, 16> kHostileNames = {
    "<script>alert('xss')</script>",
    "Robert'); DROP TABLE jobs;--",
    "\"Quoted\" Homeowner",
    "Tom & Jerry's Roofing",
    "Zoë Ångström",
    "☀️ Sunny Day Solar 🌞",
    "李小龍",
    "محمد الأحمد",
    "Back\\slash McGee",
    "<img src=x onerror=alert(1)>",
    "O'Connor, Sr., Jr.",
    "=HYPERLINK(\"http://x\",\"csv\")",
    "Line\nBreak Family",
    "Tab\tSeparated",
    "Ünïcödé Ëxtrêmé",
    "${jndi:ldap://x}",
};

constexpr std::array<std::string_view, 14> kCompanies = {"Sunrise Dental LLC",
                                                         "Desert Storage Co.",
                                                         "Bluebird Church",
                                                         "Hilltop HOA",
                                                         "Riverside Apartments",
                                                         "Acme Warehouse Inc.",
                                                         "Green Valley School District",
                                                         "Mesa Auto Body",
                                                         "Peak Fitness",
                                                         "Saguaro Vet Clinic",
                                                         "Lone Star BBQ & Grill",
                                                         "Café Olé",
                                                         "Blue Ridge Farms",
                                                         "Harbor Self Storage"};

constexpr std::array<std::string_view, 30> kStreets = {
    "Main St",        "Oak Ave",       "Maple Dr",        "Cedar Ln",       "Sunset Blvd",
    "Mesquite Rd",    "Palo Verde Dr", "Canyon View Dr",  "N 52 E",         "W Elm St",
    "E Camelback Rd", "S Mill Ave",    "Pine Ridge Ct",   "Willow Way",     "Aspen Cir",
    "Lakeview Ter",   "Ocotillo Trl",  "Juniper St",      "Hickory Hollow", "Magnolia Pkwy",
    "Bluebonnet Ln",  "Coyote Run",    "Prairie Wind Dr", "Solar Way",      "Cottonwood Ave",
    "Ridgecrest Rd",  "Vista del Sol", "Camino Real",     "Peachtree St",   "Calle Ñandú"};

constexpr std::array<std::string_view, 9> kLeadSources = {
    "Referral", "Door Knocking", "Google Ads",      "Facebook", "Home Show",
    "Website",  "Storm Canvass", "Repeat Customer", "Yard Sign"};

constexpr std::array<std::string_view, 8> kCarriers = {"State Farm", "Allstate",       "USAA",
                                                       "Farmers",    "Liberty Mutual", "Travelers",
                                                       "Nationwide", "American Family"};

constexpr std::array<std::string_view, 12> kTags = {
    "Solar",     "Roofing",  "Battery",   "Financing", "Cash",       "HOA",
    "Insurance", "Priority", "Powerwall", "Re-roof",   "EV Charger", "Main Panel Upgrade"};

constexpr std::array<std::string_view, 12> kNotes = {
    "Called homeowner, left voicemail.",
    "Customer asked about financing options & the federal tax credit.",
    "HOA wants to see the layout before approving.",
    "Met with homeowner on site; roof is in good shape.",
    "Utility says interconnection review takes 3-4 weeks.",
    "Rescheduled install because of rain.",
    "Inspector requested extra labels on the AC disconnect.",
    "Customer says: \"please text, don't call\"",
    "Adjuster approved full replacement <b>incl. gutters</b>.",
    "Sent revised proposal (v2) — 8.4 kW instead of 7.2 kW.",
    "Crew found rotten decking on the north side; change order needed.",
    "PTO received, system turned on 🎉"};

constexpr std::array<std::string_view, 10> kTaskTitles = {"Schedule site survey",
                                                          "Send proposal",
                                                          "Submit permit application",
                                                          "Order materials",
                                                          "Confirm install date with homeowner",
                                                          "Request final inspection",
                                                          "Submit interconnection",
                                                          "Collect final payment",
                                                          "Follow up on estimate",
                                                          "Upload completion photos"};

constexpr std::array<std::string_view, 7> kTaskTypes = {
    "Task", "Appointment", "Call", "Site Survey", "Install", "Inspection", "Follow Up"};

constexpr std::array<std::string_view, 22> kBefore = {"pre-install",
                                                      "Pre-Install - south roof",
                                                      "existing roof",
                                                      "Existing roof condition",
                                                      "site survey",
                                                      "Site Survey: main panel",
                                                      "BEFORE",
                                                      "before pics",
                                                      "Before - north roof face",
                                                      "pre install electrical",
                                                      "original shingles",
                                                      "damage before tear-off",
                                                      "Before.",
                                                      "existing MSP (before)",
                                                      "hail damage - front slope",
                                                      "Site-Survey attic",
                                                      "pre-job walkaround",
                                                      "roof before work",
                                                      "existing meter",
                                                      "Pre-installation photo",
                                                      "old roof - back",
                                                      "before: garage roof"};

constexpr std::array<std::string_view, 22> kDuring = {"progress",
                                                      "In progress - racking",
                                                      "racking",
                                                      "Racking done, modules next",
                                                      "wiring",
                                                      "conduit run / wiring",
                                                      "install day",
                                                      "Install Day 2",
                                                      "tear off",
                                                      "underlayment going down",
                                                      "mid-install",
                                                      "DURING",
                                                      "flashing detail",
                                                      "Progress pic!!",
                                                      "rails + attachments",
                                                      "panel wiring in progress",
                                                      "tear-off day 1",
                                                      "decking replaced",
                                                      "During install - inverter",
                                                      "INSTALL DAY - crew 1",
                                                      "ice & water shield",
                                                      "during: battery mount"};

constexpr std::array<std::string_view, 22> kAfter = {"final",
                                                     "Final - array complete",
                                                     "complete",
                                                     "job complete!",
                                                     "inspection passed",
                                                     "Inspection PASSED ✅",
                                                     "after",
                                                     "AFTER - front",
                                                     "finished roof",
                                                     "completed install",
                                                     "post-install",
                                                     "Final walkthrough",
                                                     "All done",
                                                     "COMPLETE - back slope",
                                                     "after pics",
                                                     "final inspection ok",
                                                     "System on - monitoring live",
                                                     "Job Completed",
                                                     "after.",
                                                     "finished - street view",
                                                     "final: meter + labels",
                                                     "Completed roof (after)"};

constexpr std::array<std::string_view, 12> kBeforeFiles = {"pre-install_south",
                                                           "existing_roof",
                                                           "site_survey_panel",
                                                           "before_front",
                                                           "BEFORE_1",
                                                           "siteSurvey-attic",
                                                           "pre_install",
                                                           "existing-meter",
                                                           "before",
                                                           "Before",
                                                           "survey",
                                                           "damage"};
constexpr std::array<std::string_view, 10> kDuringFiles = {
    "racking", "wiring",      "progress",     "install_day", "during",
    "tearoff", "in-progress", "underlayment", "INSTALL",     "conduit"};
constexpr std::array<std::string_view, 10> kAfterFiles = {
    "final",       "complete",  "after",        "AFTER", "finished", "inspection_passed",
    "final-array", "completed", "post_install", "Final"};

constexpr std::array<std::string_view, 14> kNeutral = {
    "",           "",      "",      "",      "front of house", "roof",
    "north side", "panel", "meter", "photo", "see attached",   "back yard",
    "garage",     "👍"};

constexpr std::array<DocTemplate, 3> kContract = {
    {{DocKind::contract, "Signed Contract - {last}.pdf", "Signed contract"},
     {DocKind::contract, "DocuSign - Installation Agreement (signed).pdf", "signed agreement"},
     {DocKind::contract, "contract_signed_{n}.pdf", ""}}};
constexpr std::array<DocTemplate, 2> kPermitApplication = {
    {{DocKind::permit_application, "Permit Application #{n}.pdf", "Permit application submitted"},
     {DocKind::permit_application, "permit app - building dept.pdf", ""}}};
constexpr std::array<DocTemplate, 3> kPermit = {
    {{DocKind::permit, "Building Permit #B{n}.pdf", "Permit approved"},
     {DocKind::permit, "permit approved.pdf", ""},
     {DocKind::permit, "City Permit - Electrical {n}.pdf", "approved permit"}}};
constexpr std::array<DocTemplate, 3> kInterconnection = {
    {{DocKind::interconnection, "PTO Letter.pdf", "Utility permission to operate"},
     {DocKind::interconnection, "Interconnection Agreement - Approved.pdf",
      "utility interconnection approval"},
     {DocKind::interconnection, "Utility Approval {n}.pdf", "Interconnection approved"}}};
constexpr std::array<DocTemplate, 2> kEstimate = {
    {{DocKind::estimate, "Estimate #{n}.pdf", "Estimate"},
     {DocKind::estimate, "Proposal - {last}.pdf", "proposal v1"}}};
constexpr std::array<DocTemplate, 1> kSiteSurvey = {
    {{DocKind::site_survey, "Site Survey Report.pdf", "site survey report"}}};
constexpr std::array<DocTemplate, 1> kHoa = {{{DocKind::hoa, "HOA Approval.pdf", "HOA approved"}}};
constexpr std::array<DocTemplate, 1> kEagleview = {
    {{DocKind::eagleview, "EagleView Report {n}.pdf", "roof measurements"}}};
constexpr std::array<DocTemplate, 1> kInvoice = {{{DocKind::invoice, "Invoice #{n}.pdf", ""}}};
constexpr std::array<DocTemplate, 1> kLienWaiver = {
    {{DocKind::lien_waiver, "Lien Waiver - Final.pdf", "final lien waiver"}}};
constexpr std::array<DocTemplate, 1> kScope = {
    {{DocKind::insurance_scope, "Insurance Scope of Loss.pdf", "adjuster scope"}}};
constexpr std::array<DocTemplate, 1> kCertificate = {
    {{DocKind::completion_certificate, "Certificate of Completion.pdf", "signed COC"}}};

}  // namespace

const std::vector<Workflow>& workflows() {
  static const std::vector<Workflow> all = build_workflows();
  return all;
}

const Workflow* workflow_by_id(int id) {
  for (const auto& workflow : workflows()) {
    if (workflow.id == id) return &workflow;
  }
  return nullptr;
}

const Workflow* workflow_by_name(std::string_view name) {
  for (const auto& workflow : workflows()) {
    if (workflow.name == name) return &workflow;
  }
  return nullptr;
}

const Status* status_by_name(const Workflow& workflow, std::string_view name) {
  for (const auto& status : workflow.statuses) {
    if (status.name == name) return &status;
  }
  return nullptr;
}

const Status* status_by_id(const Workflow& workflow, int id) {
  for (const auto& status : workflow.statuses) {
    if (status.id == id) return &status;
  }
  return nullptr;
}

std::string settings_json() {
  std::string out;
  JsonWriter w(out);
  w.begin_object().key("workflows").begin_array();
  for (const auto& workflow : workflows()) {
    w.begin_object()
        .field("id", workflow.id)
        .field("object_type", workflow.object_type)
        .field("name", workflow.name)
        .field("is_active", workflow.is_active)
        .key("status")
        .begin_array();
    for (const auto& status : workflow.statuses) {
      w.begin_object()
          .field("id", status.id)
          .field("name", status.name)
          .field("is_lead", status.is_lead)
          .field("is_closed", status.is_closed)
          .field("is_active", status.is_active)
          .field("order", status.order)
          .end_object();
    }
    w.end_array().end_object();
  }
  w.end_array().end_object();
  return out;
}

std::span<const User> users() {
  return kUsers;
}

const User* user_by_id(std::string_view jnid) {
  for (const auto& user : kUsers) {
    if (user.jnid == jnid) return &user;
  }
  return nullptr;
}

const User& api_user() {
  return kUsers.back();
}

std::span<const City> cities() {
  return kCities;
}
std::span<const std::string_view> first_names() {
  return kFirstNames;
}
std::span<const std::string_view> last_names() {
  return kLastNames;
}
std::span<const std::string_view> hostile_names() {
  return kHostileNames;
}
std::span<const std::string_view> companies() {
  return kCompanies;
}
std::span<const std::string_view> streets() {
  return kStreets;
}
std::span<const std::string_view> lead_sources() {
  return kLeadSources;
}
std::span<const std::string_view> insurance_carriers() {
  return kCarriers;
}
std::span<const std::string_view> tags() {
  return kTags;
}
std::span<const std::string_view> note_texts() {
  return kNotes;
}
std::span<const std::string_view> task_titles() {
  return kTaskTitles;
}
std::span<const std::string_view> task_types() {
  return kTaskTypes;
}

std::span<const std::string_view> captions(PhotoPhase phase) {
  switch (phase) {
    case PhotoPhase::before:
      return kBefore;
    case PhotoPhase::during:
      return kDuring;
    case PhotoPhase::after:
      return kAfter;
  }
  return kBefore;
}

std::span<const std::string_view> filename_hints(PhotoPhase phase) {
  switch (phase) {
    case PhotoPhase::before:
      return kBeforeFiles;
    case PhotoPhase::during:
      return kDuringFiles;
    case PhotoPhase::after:
      return kAfterFiles;
  }
  return kBeforeFiles;
}

std::span<const std::string_view> neutral_captions() {
  return kNeutral;
}

std::span<const DocTemplate> doc_templates(DocKind kind) {
  switch (kind) {
    case DocKind::contract:
      return kContract;
    case DocKind::permit_application:
      return kPermitApplication;
    case DocKind::permit:
      return kPermit;
    case DocKind::interconnection:
      return kInterconnection;
    case DocKind::estimate:
      return kEstimate;
    case DocKind::site_survey:
      return kSiteSurvey;
    case DocKind::hoa:
      return kHoa;
    case DocKind::eagleview:
      return kEagleview;
    case DocKind::invoice:
      return kInvoice;
    case DocKind::lien_waiver:
      return kLienWaiver;
    case DocKind::insurance_scope:
      return kScope;
    case DocKind::completion_certificate:
      return kCertificate;
  }
  return kContract;
}

std::string_view file_type_name(int record_type) {
  switch (record_type) {
    case 1:
      return "Document";
    case 2:
      return "Photo";
    case 3:
      return "Email Attachment";
    case 4:
      return "naturalForms";
    case 5:
      return "Invoice";
    case 6:
      return "Eagleview";
    case 7:
      return "Accurence";
    case 8:
      return "Credit Memo";
    default:
      return "Document";
  }
}

}  // namespace gep::sandbox::catalog
