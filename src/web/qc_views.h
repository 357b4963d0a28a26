#pragma once
// How a job's photo check reads on a page: its status, what is missing, and its photos by
// category, each with why it was classified so. The staff page and the QC panel share it.
#include <functional>
#include <span>
#include <string>

#include "domain/data_store.h"
#include "web/page_parts.h"

namespace gep::web {

// PASS, FAIL and NOT_CHECKED with their labels ("Pass", ...).
std::span<const Choice> qc_status_choices();
std::string qc_status_label(const std::string& status);

// Where a page's <img> loads a photo's 320-pixel thumbnail from: the staff pages from
// /media/files (their session is the credential), a panel from a signed /media URL.
using PhotoLink = std::function<std::string(const domain::File& photo)>;
std::string staff_photo_link(const domain::File& file);

// {checked, status, statusTone, summary, lastChecked, categories, hasMissing, missing,
// photoCount} of the job's latest check; each photo card has {hasImage, imageSrc, alt, ...} (as GET
// /api/v1/qc/jobs/:jobId) and its photos.
Result<Data> qc_check_view(domain::Repositories& store, const domain::Job& job,
                           const PhotoLink& photo_link);

// Where a page's <img> loads a photo's 320-pixel thumbnail from: the staff pages from
// /media/files (their session is the credential), a panel from a signed /media URL.
using PhotoLink = std::function<std::string(const domain::File& photo)>;
std::string staff_photo_link(const domain::File& file);

// {checked, status, statusTone, before, during, after, lastChecked}: the counts alone.
Data qc_summary_view(domain::Repositories& store, int64_t job_id);

}  // namespace gep::web
