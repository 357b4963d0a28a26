#include "qc/evaluation_batch.h"

#include <future>

namespace gep::qc {
namespace {

// The run of `rows` from `next` whose job_jnid is `jnid`; advances `next` past it.
template <class Row>
std::span<const Row> take_run(const std::vector<Row>& rows, size_t& next, const std::string& jnid) {
  const size_t first = next;
  while (next < rows.size() && rows[next].job_jnid == jnid) ++next;
  return std::span<const Row>(rows).subspan(first, next - first);
}

}  // namespace

std::vector<JobSlice> slice_by_job(const domain::EvaluationBatch& batch) {
  std::vector<JobSlice> slices;
  slices.reserve(batch.jobs.size());
  size_t next_file = 0;
  size_t next_change = 0;
  for (const auto& job : batch.jobs) {
    JobSlice slice;
    slice.job = &job;
    slice.files = take_run(batch.files, next_file, job.jnid);
    slice.status_changes = take_run(batch.status_changes, next_change, job.jnid);
    slices.push_back(slice);
  }
  return slices;
}

std::optional<BatchReadFailure> for_each_batch(
    domain::EvaluationInputRepository& inputs, int64_t batch_size,
    const std::function<void(const domain::EvaluationBatch&)>& evaluate) {
  const auto read_after = [&inputs, batch_size](int64_t after) {
    return std::async(std::launch::async, [&inputs, batch_size, after] {
      return inputs.next_batch(after, batch_size);
    });
  };
  int64_t after = 0;
  auto next = read_after(after);
  while (true) {
    const Result<domain::EvaluationBatch> batch = next.get();
    if (!batch) return BatchReadFailure{after, batch.error()};
    if (batch->jobs.empty()) return std::nullopt;
    after = batch->jobs.back().id;
    next = read_after(after);
    evaluate(*batch);
  }
}

QcJobInput qc_input(const JobSlice& slice) {
  const domain::EvaluationJob& job = *slice.job;
  QcJobInput input;
  input.job_id = std::to_string(job.id);
  input.record_type_name = job.record_type_name;
  input.status_name = job.status_name;
  input.photos_synced = job.files_synced_at != 0;
  for (const auto& file : slice.files) {
    if (file.kind != domain::FileKind::photo) continue;
    input.photos.push_back(QcPhoto{file.jnid, file.caption, file.filename, file.date_file_created,
                                   file.jn_date_created, file.md5});
  }
  input.status_changes.reserve(slice.status_changes.size() + 1);
  for (const auto& change : slice.status_changes) {
    input.status_changes.push_back(StatusChange{change.status_name, change.at});
  }
  input.status_changes.push_back(StatusChange{job.status_name, job.date_status_change});
  return input;
}

}  // namespace gep::qc
