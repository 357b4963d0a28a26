#pragma once
// PortalJobView: everything a homeowner may see of one job, built purely from mirrored data.
// Built from an allow-list: only the fields below exist, so notes, risk reasons, QC reasons,
// internal status names, sales-rep data, other contacts and JobNimbus ids cannot leak.
// Files are named by our local id; their bytes are served through gep (downloadPath), never by a
// JobNimbus link.
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "domain/records.h"
#include "portal/settings.h"
#include "qc/stage.h"

namespace gep::portal {

struct PortalAddress {
  std::string line1;
  std::string line2;
  std::string city;
  std::string state;
  std::string zip;
};

struct Milestone {
  qc::JobStage stage = qc::JobStage::unknown;
  std::string label;  // customer language: "Permits in progress"
  int64_t at = 0;     // when the job first entered the stage; 0 = not known
  bool done = false;  // the job is at or past this stage
  bool current = false;
};

struct SharedFile {
  int64_t id = 0;        // our file id (the download path uses it)
  std::string title;     // photos: "After installation"; documents: "Signed contract"
  std::string caption;   // as JobNimbus has it
  std::string category;  // photos: BEFORE/DURING/AFTER; documents: the recognised kind or ""
  std::string file_name;
  std::string content_type;
  int64_t size_bytes = 0;
  int64_t date = 0;  // taken (photos) or added (documents), unix seconds; 0 = unknown
};

struct PortalJobView {
  int64_t job_id = 0;
  std::string number;
  std::string name;
  qc::JobStage stage = qc::JobStage::unknown;
  std::string stage_label;
  PortalAddress address;
  std::vector<Milestone> timeline;  // lead → complete, always six entries
  std::vector<SharedFile> photos;
  std::vector<SharedFile> documents;
  std::vector<std::string> next_steps;
  CompanyContact company;
};

// One job's mirrored data, as the portal service reads it.
struct PortalJobInput {
  domain::Job job;
  std::vector<domain::File> files;
  std::vector<domain::Activity> status_changes;
  std::map<std::string, bool> share_overrides;  // file jnid → staff decision
};

PortalJobView build_portal_job_view(const PortalJobInput& input, const ViewSettings& settings);
// The header of the view only (id, number, name, stage, address, next steps, company): the job
// list, which must not read every job's files.
PortalJobView build_portal_job_summary(const domain::Job& job, const ViewSettings& settings);

}  // namespace gep::portal
