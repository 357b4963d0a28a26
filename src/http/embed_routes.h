#pragma once
// The spec's embedded-panel endpoints:
//   POST /api/v1/embed/links (internal) {jobId, panelType} -> {url, panelType, jobId, expiresAt}
//   GET  /api/v1/embed/session/resolve?token=... (open) -> {jobId, panelType, exp}
// A refused token answers 401 {"error":{"code":<reason>,"message":...}}.
#include <memory>

#include "domain/repositories.h"
#include "embed/embed_links.h"
#include "http/router.h"

namespace gep::http {

void add_embed_routes(Router& router, embed::EmbedLinkService& links);

// The job store as the embed module sees it (our id or the jnid, deleted jobs excluded).
std::unique_ptr<embed::EmbedJobDirectory> make_embed_job_directory(domain::JobRepository& jobs);

}  // namespace gep::http
