#pragma once
// Photo classification: BEFORE | DURING | AFTER | UNCATEGORIZED, with a reason a person can read.
//
// Sources, first decisive one wins:
// 1. the caption (JobNimbus `description`), 2. the filename — both read by qc/keywords.h; a
//    label that names two categories ("before & after") is ambiguous and passes to the next
//    source; camera names ("IMG_4821.JPG", "DSC0001.jpg", "photo.png") say nothing;
// 3. the photo's date (`date_file_created`, else `date_created`; 0 = unset) against the status
//    timeline (qc/timeline.h): at or after completion → AFTER; at or after install started →
//    DURING; before install started → BEFORE; no install event yet but the job currently sits at
//    a pre-install stage → BEFORE. Boundaries are inclusive on the later side: a photo taken in
//    the very second the job entered Completed is AFTER. There is no grace window: a photo taken
//    the evening before the office marks the job Completed is DURING unless its label says more.
// 4. otherwise UNCATEGORIZED ("no caption, filename or date evidence").
#include <cstdint>
#include <string>

#include "qc/category.h"
#include "qc/timeline.h"

namespace gep::qc {

// One JobNimbus photo (file with record_type 2), as the mirror stores it.
struct QcPhoto {
  std::string jnid;
  std::string caption;  // `description`; empty when null
  std::string filename;
  int64_t date_file_created = 0;  // unix seconds; 0 = unset
  int64_t date_created = 0;
  std::string md5;  // empty when unknown: never treated as a duplicate
};

enum class EvidenceSource { caption, filename, date, none };

struct PhotoClassification {
  PhotoCategory category = PhotoCategory::uncategorized;
  EvidenceSource source = EvidenceSource::none;
  std::string reason;  // "caption says 'after'", "taken after the job entered Completed"
};

// The photo's own time: date_file_created when set, else date_created, else 0.
int64_t photo_time(const QcPhoto& photo);

PhotoClassification classify_photo(const QcPhoto& photo, const StatusTimeline& timeline);

}  // namespace gep::qc
