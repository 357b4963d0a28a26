#pragma once
// The pieces of a realistic account — a customer, a job's life through its workflow, a photo, a
// document — built from a random stream. generator.cpp assembles a whole account from them; the
// control API uses the same pieces for records created while a client syncs.
#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "sandbox/catalog.h"
#include "sandbox/record.h"
#include "sandbox/record_builders.h"
#include "sandbox/rng.h"

namespace gep::sandbox::gen {

inline constexpr int64_t kDay = 86400;

ContactFacts person(Rng& rng, int64_t recid, std::string jnid, int64_t created, int64_t updated,
                    bool subcontractor);

// A job's path through its workflow: when it entered each status, oldest first.
struct Timeline {
  const catalog::Workflow* workflow = nullptr;
  std::vector<std::pair<const catalog::Status*, int64_t>> steps;
  catalog::Stage reached = catalog::Stage::lead;  // furthest main-path stage
  int64_t created() const { return steps.front().second; }
  int64_t status_changed() const { return steps.back().second; }
  const catalog::Status* status() const { return steps.back().first; }
  // When the job first reached `stage` (or a later one); nullopt if it never did.
  std::optional<int64_t> entered(catalog::Stage stage) const;
};

// A seeded job: a random workflow and stage, dates ending before `anchor`.
Timeline random_timeline(Rng& rng, int64_t anchor);
// A new lead created at `now` (control API).
Timeline new_lead(Rng& rng, int64_t now);

JobFacts job_facts(Rng& rng, const Timeline& timeline, const ContactFacts& contact, int64_t recid,
                   std::string jnid, int64_t anchor);
Ref ref_of(const JobFacts& job);
Ref ref_of(const ContactFacts& contact);

struct GeneratedFile {
  FileFacts facts;
  uint64_t content_seed = 0;
};

// A photo taken at `taken` whose caption (about `hint_rate` of photos) and/or filename may say its
// phase, or that says nothing.
inline constexpr double kDefaultHintRate = 0.45;
GeneratedFile photo(Rng& rng, const Ref& job, catalog::PhotoPhase phase, int64_t taken,
                    uint64_t content_seed, double hint_rate = kDefaultHintRate);
// A document of `kind` uploaded at `at`; `last_name` fills filename templates.
GeneratedFile document(Rng& rng, const Ref& job, catalog::DocKind kind, std::string_view last_name,
                       int64_t at, uint64_t content_seed);

// The Record of built JSON, with its indexed fields given rather than re-extracted.
Record record_of(std::string json, std::string jnid, int64_t created, int64_t updated,
                 int record_type, std::string_view record_type_name, std::string primary_id,
                 std::vector<std::string> related_ids, uint64_t content_seed = 0);
Record record_of(const GeneratedFile& file);
Record record_of(const JobFacts& job);
Record record_of(const ContactFacts& contact);
Record record_of(const ActivityFacts& activity);
Record record_of(const TaskFacts& task);

// Activity record_type codes used by the sandbox.
inline constexpr int kNoteType = 1;
inline constexpr int kJobCreatedType = 4;
inline constexpr int kStatusChangedType = 5;

}  // namespace gep::sandbox::gen
