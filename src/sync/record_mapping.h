#pragma once
// JobNimbus records -> the mirror's domain records (the guide's transformJobNimbusJob).
#include <vector>

#include "domain/records.h"
#include "jobnimbus/models.h"

namespace gep::sync {

// customerName: the primary contact's name when JobNimbus names one; otherwise display_name,
// which for jobs reads "Clark Kent - 100 N 52 E" (customer, then address).
domain::Job to_domain(const jobnimbus::Job& job);
domain::Contact to_domain(const jobnimbus::Contact& contact);
// The job a file belongs to is its primary record when that is a job, else the first related job.
domain::File to_domain(const jobnimbus::FileRecord& file);
// The contacts related to a job; the primary one flagged.
std::vector<domain::JobContact> contact_links(const jobnimbus::Job& job);

}  // namespace gep::sync
