#pragma once
// Duplicate uploads: JobNimbus has no idempotency keys, so a retried upload or a photo attached
// twice shows up as two files with the same md5. They count as one photo.
#include <span>

#include "qc/classifier.h"
#include "qc/evaluation.h"

namespace gep::qc {

// Sets PhotoVerdict::duplicate_of for every copy after the counted one and returns how many were
// marked. The counted copy of a group is the first, in input order, that has a category; when
// none has, the first. `verdicts[i]` belongs to `photos[i]`.
int mark_duplicates(std::span<const QcPhoto> photos, std::span<PhotoVerdict> verdicts);

}  // namespace gep::qc
