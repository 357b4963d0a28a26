#pragma once
// POST /api/v1/embed/links and GET /api/v1/embed/session/resolve as logic: a link names one job
// and one panel; resolving it proves the token and that the job still exists.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "core/result.h"
#include "embed/embed_tokens.h"
#include "embed/panel.h"

namespace gep::embed {

// What the embed module needs to know about jobs; the composition root adapts the job store.
class EmbedJobDirectory {
 public:
  virtual ~EmbedJobDirectory() = default;
  // Whether `job_key` (our numeric id or the JobNimbus jnid) names a job that is not deleted.
  virtual Result<bool> is_active_job(const std::string& job_key) = 0;
};

struct EmbedLink {
  std::string url;  // ${dashboard}/embed/qc|risk|portal?token=...
  PanelType panel = PanelType::qc;
  std::string job_id;  // as the caller named it
  int64_t expires_at = 0;
};

struct EmbedSession {
  std::string job_id;
  PanelType panel = PanelType::qc;
  int64_t expires_at = 0;
};

// What a page serving a panel expects; a token for another job or panel is refused.
struct EmbedExpectation {
  std::optional<std::string> job_id;
  std::optional<PanelType> panel;
};

class EmbedLinkService {
 public:
  // `tokens` and `jobs` must outlive this object. `dashboard_base_url` has no trailing slash.
  EmbedLinkService(const EmbedTokens& tokens, EmbedJobDirectory& jobs,
                   std::string dashboard_base_url);

  // Errors: "validation" (no job id, unknown panel type), "not_found" (no such active job),
  // "database" / "internal".
  Result<EmbedLink> create_link(const std::string& job_key, std::string_view panel_type);
  Result<EmbedSession, Rejection> resolve(std::string_view token,
                                          const EmbedExpectation& expected = {});

 private:
  const EmbedTokens& tokens_;
  EmbedJobDirectory& jobs_;
  std::string dashboard_base_url_;
};

}  // namespace gep::embed
