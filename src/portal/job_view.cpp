#include "portal/job_view.h"

#include <algorithm>
#include <array>
#include <span>

#include "portal/customer_stage.h"
#include "qc/classifier.h"
#include "qc/timeline.h"

namespace gep::portal {
namespace {

using qc::JobStage;
using qc::PhotoCategory;

constexpr std::array kLadder{JobStage::lead,      JobStage::sold,    JobStage::permitting,
                             JobStage::scheduled, JobStage::install, JobStage::complete};

std::vector<qc::StatusChange> status_events(const domain::Job& job,
                                            const std::vector<domain::Activity>& changes) {
  std::vector<qc::StatusChange> events;
  events.reserve(changes.size() + 1);
  for (const auto& change : changes) {
    if (change.is_status_change) events.push_back({change.status_name, change.jn_date_created});
  }
  // Listed last: the job's own date is the authority on its current status (qc/timeline.h).
  events.push_back({job.status_name, job.date_status_change});
  return events;
}

// `reached` ticks the stages done; `current` (unknown for a status outside the ladder) is marked.
std::vector<Milestone> build_timeline(const domain::Job& job,
                                      std::span<const qc::StatusChange> events, JobStage reached,
                                      JobStage current, const qc::StageMap& stages) {
  std::vector<Milestone> timeline;
  for (const JobStage stage : kLadder) {
    Milestone milestone;
    milestone.stage = stage;
    milestone.label = std::string(customer_stage_label(stage));
    milestone.done = qc::at_or_after(reached, stage);
    milestone.current = current == stage;
    for (const auto& event : events) {
      if (event.at > 0 && stages.stage_of(event.status_name) == stage &&
          (milestone.at == 0 || event.at < milestone.at)) {
        milestone.at = event.at;
      }
    }
    // Every job starts as a proposal, whether or not its lead status was ever recorded.
    if (stage == JobStage::lead && milestone.at == 0) milestone.at = job.jn_date_created;
    timeline.push_back(std::move(milestone));
  }
  return timeline;
}

bool usable(const domain::File& file) {
  return file.is_active && !file.deleted_at && !file.is_private;
}

std::string photo_title(PhotoCategory category) {
  switch (category) {
    case PhotoCategory::before:
      return "Before installation";
    case PhotoCategory::during:
      return "During installation";
    case PhotoCategory::after:
      return "After installation";
    case PhotoCategory::uncategorized:
      break;
  }
  return "Photo";
}

std::string sentence_case(std::string text) {
  if (!text.empty() && text[0] >= 'a' && text[0] <= 'z') {
    text[0] = static_cast<char>(text[0] - 'a' + 'A');
  }
  return text;
}

SharedFile shared_file(const domain::File& file, std::string title, std::string category,
                       int64_t date) {
  return {file.id,       std::move(title),  file.caption,    std::move(category),
          file.filename, file.content_type, file.size_bytes, date};
}

std::optional<bool> override_of(const PortalJobInput& input, const domain::File& file) {
  const auto found = input.share_overrides.find(file.jnid);
  if (found == input.share_overrides.end()) return std::nullopt;
  return found->second;
}

void add_photo(const PortalJobInput& input, const domain::File& file,
               const qc::StatusTimeline& timeline, const ViewSettings& settings,
               PortalJobView& view) {
  const qc::QcPhoto photo{
      file.jnid, file.caption, file.filename, file.date_file_created, file.jn_date_created,
      file.md5};
  const PhotoCategory category = qc::classify_photo(photo, timeline).category;
  if (category == PhotoCategory::uncategorized) return;
  const auto& shared = settings.shared_photo_categories;
  const bool by_default = std::find(shared.begin(), shared.end(), category) != shared.end();
  if (!override_of(input, file).value_or(by_default)) return;
  view.photos.push_back(shared_file(file, photo_title(category),
                                    std::string(qc::to_string(category)), qc::photo_time(photo)));
}

void add_document(const PortalJobInput& input, const domain::File& file,
                  const risk::DocumentMatcher& matcher, const ViewSettings& settings,
                  PortalJobView& view) {
  const risk::RiskFile candidate{static_cast<int>(file.record_type_id), file.record_type_name,
                                 file.filename, file.caption};
  const uint32_t kinds = matcher.satisfied(std::span(&candidate, 1), ~uint32_t{0});
  if (!override_of(input, file).value_or(kinds != 0)) return;
  std::string title = file.caption.empty() ? file.filename : file.caption;
  std::string kind;
  for (size_t i = 0; i < settings.documents.requirements.size() && i < 32; ++i) {
    if ((kinds & (1U << i)) != 0) {
      title = sentence_case(settings.documents.requirements[i].label);
      kind = settings.documents.requirements[i].kind;
      break;
    }
  }
  const int64_t date = file.date_file_created > 0 ? file.date_file_created : file.jn_date_created;
  view.documents.push_back(shared_file(file, std::move(title), std::move(kind), date));
}

}  // namespace

PortalJobView build_portal_job_summary(const domain::Job& job, const ViewSettings& settings) {
  PortalJobView view;
  view.job_id = job.id;
  view.number = job.number;
  view.name = job.name;
  // A status outside the ladder reads "In review", even when the history knows an earlier stage:
  // the timeline still shows how far the job got.
  view.stage = settings.stages.stage_of(job.status_name);
  view.stage_label = std::string(customer_stage_label(view.stage));
  view.next_steps = next_steps(view.stage);
  view.address = {job.address_line1, job.address_line2, job.city, job.state, job.zip};
  view.company = settings.company;
  return view;
}

PortalJobView build_portal_job_view(const PortalJobInput& input, const ViewSettings& settings) {
  const domain::Job& job = input.job;
  PortalJobView view = build_portal_job_summary(job, settings);
  const JobStage status_stage = view.stage;
  const auto events = status_events(job, input.status_changes);
  const qc::StatusTimeline timeline = qc::StatusTimeline::build(events, settings.stages);
  const JobStage reached = status_stage != JobStage::unknown ? status_stage : timeline.latest_stage;
  view.timeline = build_timeline(job, events, reached, status_stage, settings.stages);

  const risk::DocumentMatcher matcher(settings.documents);
  for (const domain::File& file : input.files) {
    if (!usable(file) || file.job_jnid != job.jnid) continue;
    if (file.kind == domain::FileKind::photo) {
      add_photo(input, file, timeline, settings, view);
    } else {
      add_document(input, file, matcher, settings, view);
    }
  }
  return view;
}

}  // namespace gep::portal
