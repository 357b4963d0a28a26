#include "http/list_cache.h"

namespace gep::http {

ListCache::ListCache(VersionOf version_of, size_t max_bytes)
    : version_of_(std::move(version_of)), max_bytes_(max_bytes) {}

void ListCache::answer(const Request& request, Response& response,
                       std::initializer_list<std::string_view> tables,
                       const std::function<void()>& render) {
  // Read before rendering: a commit in between leaves an answer newer than its version, which
  // the next request replaces; never an old answer under a new version.
  const auto version = version_of_(tables);
  if (!version) {
    render();
    return;
  }
  // A page carries its session's CSRF token (and user): its answer is kept per session.
  const std::string key =
      request.session_csrf.empty() ? request.target : request.target + '\n' + request.session_csrf;
  std::shared_ptr<const Response> cached;
  {
    const std::scoped_lock lock(mutex_);
    if (const auto found = entries_.find(key);
        found != entries_.end() && found->second.version == *version) {
      cached = found->second.answer;
    }
  }
  if (cached) {
    response.status = cached->status;
    response.headers = cached->headers;
    response.body.clear();
    response.shared_body = cached->shared_body;
    return;
  }
  render();
  if (response.status != 200) return;
  // The answer is sent from the cache's copy of the body: a hit copies no bytes.
  auto body = std::make_shared<const std::string>(std::move(response.body));
  response.body.clear();
  response.shared_body = body;
  auto kept = std::make_shared<const Response>(response);
  const size_t size = body->size() + key.size();
  const std::scoped_lock lock(mutex_);
  if (bytes_ + size > max_bytes_) {  // rare: answers are small and targets repeat
    entries_.clear();
    bytes_ = 0;
  }
  if (const auto old = entries_.find(key); old != entries_.end()) {
    bytes_ -= old->second.answer->shared_body->size() + key.size();
  }
  entries_[key] = Entry{*version, std::move(kept)};
  bytes_ += size;
}

}  // namespace gep::http
