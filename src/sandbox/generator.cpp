#include "sandbox/generator.h"

#include <algorithm>
#include <cmath>
#include <optional>

#include "sandbox/crowded_seconds.h"
#include "sandbox/generator_parts.h"

namespace gep::sandbox {
namespace {

using catalog::DocKind;
using catalog::PhotoPhase;
using catalog::Stage;
using gen::kDay;

// An independent random stream per (purpose, index): one record's draws never shift another's,
// so the same seed gives the same record whatever else changes.
Rng stream(uint64_t seed, uint64_t purpose, uint64_t index) {
  Rng mixer(seed ^ (purpose * 0x9e3779b97f4a7c15ULL) ^ (index * 0xc2b2ae3d27d4eb4fULL));
  mixer.next();
  return Rng(mixer.next());
}

enum Purpose : uint64_t { kClusters = 1, kContact, kJob, kJobExtras, kFiles, kContent };

// Seconds at which many records were touched at once (bulk edits, imports, automations).
class Clusters {
 public:
  Clusters(Rng rng, int64_t anchor, int64_t records, double share) {
    const auto count =
        std::max<int64_t>(3, std::llround(static_cast<double>(records) * share / 25.0));
    for (int64_t i = 0; i < count; ++i) {
      seconds_.push_back(anchor - rng.between(600, 120 * kDay));
    }
    std::sort(seconds_.begin(), seconds_.end());
    // One bulk update big enough to span page boundaries on its own.
    mega_ = anchor - 7200 - rng.between(0, 3600);
  }

  // A cluster second not before `not_before`, or nullopt if none is late enough.
  std::optional<int64_t> pick(Rng& rng, int64_t not_before) const {
    if (rng.chance(0.15) && mega_ >= not_before) return mega_;
    const auto first = std::lower_bound(seconds_.begin(), seconds_.end(), not_before);
    if (first == seconds_.end()) return mega_ >= not_before ? std::optional(mega_) : std::nullopt;
    const auto available = static_cast<size_t>(seconds_.end() - first);
    return *(first + static_cast<std::ptrdiff_t>(rng.index(available)));
  }

 private:
  std::vector<int64_t> seconds_;
  int64_t mega_ = 0;
};

// Share of sold jobs whose crew takes and captions kPhotosPerPhase photos of each phase reached.
constexpr double kDiligentCrews = 0.9;
constexpr int64_t kPhotosPerPhase = 3;

double photo_factor(Stage reached) {
  if (reached == Stage::lead) return 0.15;
  if (reached <= Stage::estimate) return 0.5;
  if (reached <= Stage::scheduled) return 0.6;
  if (reached == Stage::in_progress) return 1.0;
  return 1.6;
}

struct DocRule {
  DocKind kind;
  double probability;
  int64_t at;
  bool required;  // what a missing-documents rule checks; kept even when docs are scarce
};

std::vector<DocRule> doc_rules(const gen::Timeline& t) {
  std::vector<DocRule> rules;
  const bool solar = t.workflow->trade == catalog::Trade::solar;
  const bool permits = catalog::status_by_name(*t.workflow, "Permitting") != nullptr;
  const auto add = [&](DocKind kind, double p, Stage stage, bool required) {
    if (const auto at = t.entered(stage)) rules.push_back({kind, p, *at, required});
  };
  // Required documents are usually there: a missing one is an exception worth a risk flag.
  add(DocKind::contract, 0.95, Stage::sold, true);
  if (permits) add(DocKind::permit_application, 0.6, Stage::permitting, false);
  add(DocKind::permit, 0.93, Stage::scheduled, true);  // also where no status tracks permitting
  if (solar) {
    add(DocKind::interconnection, 0.9, Stage::in_progress, true);  // approved before install
    add(DocKind::site_survey, 0.3, Stage::appointment, false);
  } else {
    add(DocKind::eagleview, 0.4, Stage::appointment, false);
    add(DocKind::completion_certificate, 0.5, Stage::completed, false);
  }
  if (t.workflow->insurance) add(DocKind::insurance_scope, 0.7, Stage::claim, false);
  add(DocKind::estimate, 0.5, Stage::estimate, false);
  add(DocKind::hoa, 0.1, Stage::sold, false);
  add(DocKind::invoice, 0.7, Stage::invoiced, false);
  add(DocKind::lien_waiver, 0.4, Stage::paid, false);
  return rules;
}

// Scales the per-rule probabilities so that the account averages docs_per_job documents while
// required documents stay mostly present (and so mostly-but-not-always missing when scarce).
struct DocScale {
  double required = 1;
  double optional = 1;
  double extras = 0;  // additional documents per job beyond every rule
};

DocScale doc_scale(double wanted, double required_mean, double optional_mean) {
  DocScale scale;
  if (wanted <= required_mean) {
    scale.required = required_mean > 0 ? wanted / required_mean : 0;
    scale.optional = 0;
  } else if (wanted - required_mean <= optional_mean) {
    scale.optional = optional_mean > 0 ? (wanted - required_mean) / optional_mean : 0;
  } else {
    scale.extras = wanted - required_mean - optional_mean;
  }
  return scale;
}

int64_t draw_count(Rng& rng, double mean) {
  if (mean <= 0) return 0;
  const double x = mean * (0.5 + rng.real());
  const double whole = std::floor(x);
  return static_cast<int64_t>(whole) + (rng.chance(x - whole) ? 1 : 0);
}

std::string jnid_for(Rng& rng, uint64_t short_counter) {
  // About 3% of records carry an old-style short id, as accounts migrated from older versions.
  return rng.chance(0.03) ? short_jnid(short_counter) : random_jnid(rng);
}

class AccountBuilder {
 public:
  AccountBuilder(const GenerationSpec& spec, int64_t contacts)
      : spec_(spec),
        contacts_(contacts),
        job_clusters_(stream(spec.seed, kClusters, 1), spec.anchor, spec.jobs, 0.38),
        contact_clusters_(stream(spec.seed, kClusters, 2), spec.anchor, contacts, 0.38),
        file_clusters_(stream(spec.seed, kClusters, 3), spec.anchor,
                       static_cast<int64_t>(static_cast<double>(spec.jobs) *
                                            (spec.photos_per_job + spec.docs_per_job)),
                       0.30) {}

  Account build() {
    measure();
    build_contacts();
    auto& files = account_.records[kind_index(Kind::file)];
    files.reserve(static_cast<size_t>(static_cast<double>(spec_.jobs) *
                                      (spec_.photos_per_job + spec_.docs_per_job) * 1.1));
    account_.records[kind_index(Kind::job)].reserve(static_cast<size_t>(spec_.jobs));
    account_.records[kind_index(Kind::activity)].reserve(static_cast<size_t>(spec_.jobs) * 8);
    account_.records[kind_index(Kind::task)].reserve(static_cast<size_t>(spec_.jobs) / 2);
    for (int64_t i = 0; i < spec_.jobs; ++i) build_job(i);
    account_.next_job_recid = 1001 + spec_.jobs;
    account_.next_contact_recid = 1001 + contacts_;
    people_.clear();
    return std::move(account_);
  }

 private:
  gen::Timeline timeline(int64_t job) const {
    Rng rng = stream(spec_.seed, kJob, static_cast<uint64_t>(job));
    return gen::random_timeline(rng, spec_.anchor);
  }

  // A first pass over the jobs' stages, to turn per-job averages into per-stage counts.
  void measure() {
    double factors = 0;
    double required = 0;
    double optional = 0;
    for (int64_t i = 0; i < spec_.jobs; ++i) {
      const auto t = timeline(i);
      factors += photo_factor(t.reached);
      for (const auto& rule : doc_rules(t))
        (rule.required ? required : optional) += rule.probability;
    }
    const double n = std::max<double>(1, static_cast<double>(spec_.jobs));
    mean_photo_factor_ = std::max(1e-9, factors / n);
    docs_ = doc_scale(spec_.docs_per_job, required / n, optional / n);
  }

  void build_contacts() {
    people_.reserve(static_cast<size_t>(contacts_));
    auto& out = account_.records[kind_index(Kind::contact)];
    out.reserve(static_cast<size_t>(contacts_));
    for (int64_t c = 0; c < contacts_; ++c) {
      Rng rng = stream(spec_.seed, kContact, static_cast<uint64_t>(c));
      int64_t created = 0;
      if (c < spec_.jobs) {
        created = timeline(c).created() - rng.between(0, 2 * kDay);  // the customer came first
      } else {
        created =
            spec_.anchor - static_cast<int64_t>(900.0 * kDay * std::pow(rng.real(), 1.5)) - 600;
      }
      int64_t updated = std::min(spec_.anchor - 60, created + rng.between(0, 60 * kDay));
      if (rng.chance(0.38)) updated = contact_clusters_.pick(rng, updated).value_or(updated);
      const bool sub = c >= spec_.jobs && rng.chance(0.3);
      auto person = gen::person(rng, 1001 + c, jnid_for(rng, static_cast<uint64_t>(2 * c + 1)),
                                created, updated, sub);
      out.push_back(gen::record_of(person));
      people_.push_back(std::move(person));
    }
  }

  void build_job(int64_t index) {
    Rng rng = stream(spec_.seed, kJob, static_cast<uint64_t>(index));
    const gen::Timeline t = gen::random_timeline(rng, spec_.anchor);
    const ContactFacts& contact = people_[static_cast<size_t>(index % contacts_)];
    JobFacts job = gen::job_facts(rng, t, contact, 1001 + index,
                                  jnid_for(rng, static_cast<uint64_t>(2 * index)), spec_.anchor);
    Rng extras = stream(spec_.seed, kJobExtras, static_cast<uint64_t>(index));
    const int64_t idle = spec_.anchor - job.date_status_change;
    job.date_updated +=
        extras.between(0, std::min<int64_t>(std::max<int64_t>(idle - 600, 0), 7 * kDay));
    if (extras.chance(0.38)) {
      job.date_updated = job_clusters_.pick(extras, job.date_updated).value_or(job.date_updated);
    }
    if (contacts_ > 1 && extras.chance(0.08)) {  // a spouse, tenant or adjuster on the job
      const auto& other = people_[extras.index(static_cast<size_t>(contacts_))];
      if (other.jnid != contact.jnid) job.related.push_back(gen::ref_of(other));
    }
    const Ref ref = gen::ref_of(job);
    if (spec_.status_history) add_history(extras, t, job, ref);
    add_tasks(extras, t, job, ref);
    Rng file_rng = stream(spec_.seed, kFiles, static_cast<uint64_t>(index));
    add_photos(file_rng, t, ref);
    add_documents(file_rng, t, ref, contact.last_name);
    account_.records[kind_index(Kind::job)].push_back(gen::record_of(job));
  }

  void add_activity(ActivityFacts activity) {
    account_.records[kind_index(Kind::activity)].push_back(gen::record_of(activity));
  }

  void add_history(Rng& rng, const gen::Timeline& t, const JobFacts& job, const Ref& ref) {
    ActivityFacts created;
    created.jnid = random_jnid(rng);
    created.record_type = gen::kJobCreatedType;
    created.record_type_name = "Job Created";
    created.note = "Job created";
    created.primary = &ref;
    created.date_created = job.date_created;
    created.created_by = job.created_by;
    add_activity(std::move(created));
    for (size_t i = 1; i < t.steps.size(); ++i) {
      ActivityFacts change;
      change.jnid = random_jnid(rng);
      change.record_type = gen::kStatusChangedType;
      change.record_type_name = "Status Changed";
      change.note = status_change_note(t.steps[i - 1].first->name, t.steps[i].first->name);
      change.is_status_change = true;
      change.primary = &ref;
      change.date_created = t.steps[i].second;
      change.created_by = rng.chance(0.6) ? job.sales_rep : job.created_by;
      add_activity(std::move(change));
    }
    const int64_t notes = rng.chance(0.5) ? (rng.chance(0.3) ? 2 : 1) : 0;
    for (int64_t i = 0; i < notes; ++i) {
      ActivityFacts note;
      note.jnid = random_jnid(rng);
      note.note = std::string(rng.pick(catalog::note_texts()));
      note.primary = &ref;
      note.date_created = rng.between(job.date_created, job.date_status_change);
      note.created_by = job.sales_rep;
      add_activity(std::move(note));
    }
  }

  void add_tasks(Rng& rng, const gen::Timeline& t, const JobFacts& job, const Ref& ref) {
    if (t.status()->is_closed) return;
    const int64_t count = rng.chance(0.5) ? (rng.chance(0.3) ? 2 : 1) : 0;
    for (int64_t i = 0; i < count; ++i) {
      TaskFacts task;
      task.jnid = random_jnid(rng);
      task.title = std::string(rng.pick(catalog::task_titles()));
      task.record_type_name = std::string(rng.pick(catalog::task_types()));
      task.record_type = 1 + static_cast<int>(rng.below(catalog::task_types().size()));
      task.date_created =
          std::min(spec_.anchor - 60, job.date_status_change + rng.between(60, kDay));
      task.date_updated = task.date_created;
      task.date_start = job.date_status_change + rng.between(1, 14) * kDay;
      task.date_end = task.date_start + 3600;
      task.is_completed = task.date_start < spec_.anchor - kDay && rng.chance(0.6);
      task.priority = static_cast<int>(rng.below(3));
      task.owners.emplace_back(job.sales_rep->jnid);
      task.related.push_back(ref);
      task.created_by = job.sales_rep;
      account_.records[kind_index(Kind::task)].push_back(gen::record_of(task));
    }
  }

  uint64_t next_content_seed() {
    Rng rng = stream(spec_.seed, kContent, content_counter_++);
    return rng.next() | 1;
  }

  // Upload time and last update of a file: uploads come in batches; many updates in clusters.
  void place(Rng& rng, gen::GeneratedFile& file, int64_t upload) {
    FileFacts& f = file.facts;
    f.jnid = random_jnid(rng);
    f.date_created = std::min(spec_.anchor - 60, std::max(upload, f.date_file_created));
    f.date_updated = f.date_created;
    if (rng.chance(0.30))
      f.date_updated = file_clusters_.pick(rng, f.date_created).value_or(f.date_updated);
    account_.records[kind_index(Kind::file)].push_back(gen::record_of(file));
  }

  void add_photos(Rng& rng, const gen::Timeline& t, const Ref& job) {
    const double mean = spec_.photos_per_job * photo_factor(t.reached) / mean_photo_factor_;
    const int64_t drawn = draw_count(rng, mean);
    // Most crews document a sold job properly: a few captioned photos of each phase reached. The
    // rest shoot less and caption little, which is what QC is there to catch.
    const bool diligent = t.entered(Stage::sold).has_value() && rng.chance(kDiligentCrews);
    const double hint_rate = diligent ? 0.9 : 0.35;
    struct Window {
      PhotoPhase phase;
      int64_t start, end;
      double weight;
    };
    std::vector<Window> windows;
    const int64_t latest = spec_.anchor - 120;
    const int64_t survey = t.entered(Stage::appointment).value_or(t.created());
    windows.push_back({PhotoPhase::before, survey,
                       std::min(latest, t.entered(Stage::sold).value_or(survey + 5 * kDay)), 0.35});
    if (const auto start = t.entered(Stage::in_progress)) {
      windows.push_back({PhotoPhase::during, *start,
                         std::min(latest, t.entered(Stage::completed).value_or(*start + 5 * kDay)),
                         0.35});
    }
    if (const auto done = t.entered(Stage::completed)) {
      windows.push_back({PhotoPhase::after, *done, std::min(latest, *done + 2 * kDay), 0.30});
    }
    const auto guaranteed = static_cast<int64_t>(diligent ? kPhotosPerPhase * windows.size() : 0);
    // The guaranteed photos are part of the job's share, not extra: the account's average holds.
    const int64_t count =
        guaranteed == 0
            ? drawn
            : guaranteed + draw_count(rng, std::max(0.0, mean - static_cast<double>(guaranteed)));
    if (count == 0) return;
    double total = 0;
    for (const auto& w : windows) total += w.weight;
    std::vector<int64_t> batch_upload(windows.size());
    for (size_t w = 0; w < windows.size(); ++w) {
      batch_upload[w] = std::max(windows[w].start, windows[w].end) + rng.between(60, 6 * 3600);
    }
    std::optional<gen::GeneratedFile> previous;
    for (int64_t i = 0; i < count; ++i) {
      double pick = rng.real() * total;
      size_t w = 0;
      while (w + 1 < windows.size() && pick >= windows[w].weight) pick -= windows[w++].weight;
      if (i < guaranteed) w = static_cast<size_t>(i / kPhotosPerPhase);
      const Window& window = windows[w];
      int64_t taken = rng.between(window.start, std::max(window.start, window.end));
      if (window.phase == PhotoPhase::after && rng.chance(0.005)) {
        taken = survey - 30 * kDay;  // a camera with a wrong clock: "after" older than "before"
      }
      gen::GeneratedFile file =
          gen::photo(rng, job, window.phase, taken, next_content_seed(), hint_rate);
      if (previous && rng.chance(0.02)) {
        // The same picture uploaded twice: same bytes (md5, size), another name.
        file = *previous;
        const size_t dot = file.facts.filename.rfind('.');
        file.facts.filename.insert(dot == std::string::npos ? file.facts.filename.size() : dot,
                                   " (1)");
      }
      previous = file;
      const int64_t upload = rng.chance(0.7) ? batch_upload[w] : taken + rng.between(30, 6 * 3600);
      place(rng, file, upload);
    }
  }

  void add_documents(Rng& rng, const gen::Timeline& t, const Ref& job, const std::string& last) {
    for (const auto& rule : doc_rules(t)) {
      const double p = rule.probability * (rule.required ? docs_.required : docs_.optional);
      if (!rng.chance(p)) continue;
      const int64_t at = std::min(spec_.anchor - 120, rule.at + rng.between(0, 3 * kDay));
      auto file = gen::document(rng, job, rule.kind, last, at, next_content_seed());
      place(rng, file, at);
    }
    const int64_t extras = draw_count(rng, docs_.extras);
    for (int64_t i = 0; i < extras; ++i) {
      const int64_t at = rng.between(t.created(), std::max(t.created(), t.status_changed()));
      auto file = gen::document(rng, job, DocKind::estimate, last, at, next_content_seed());
      place(rng, file, at);
    }
  }

  const GenerationSpec& spec_;
  int64_t contacts_;
  Clusters job_clusters_;
  Clusters contact_clusters_;
  Clusters file_clusters_;
  double mean_photo_factor_ = 1;
  DocScale docs_;
  uint64_t content_counter_ = 0;
  std::vector<ContactFacts> people_;
  Account account_;
};

}  // namespace

Account generate_account(const GenerationSpec& spec) {
  int64_t contacts = spec.contacts < 0 ? spec.jobs : spec.contacts;
  if (spec.jobs > 0) contacts = std::max<int64_t>(contacts, 1);  // every job needs a customer
  AccountBuilder builder(spec, contacts);
  Account account = builder.build();
  crowd_seconds(account, spec.crowded_seconds, spec.anchor, spec.seed);
  return account;
}

}  // namespace gep::sandbox
