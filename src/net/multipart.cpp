#include "net/multipart.h"

#include <algorithm>
#include <cctype>

namespace gep::net {
namespace {

std::string lower(std::string_view text) {
  std::string out(text);
  std::transform(out.begin(), out.end(), out.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return out;
}

std::string_view trim(std::string_view text) {
  while (!text.empty() && (text.front() == ' ' || text.front() == '\t')) text.remove_prefix(1);
  while (!text.empty() && (text.back() == ' ' || text.back() == '\t')) text.remove_suffix(1);
  return text;
}

// The value of `key=` in a header's parameters ("form-data; name=\"file\"; filename=\"a b\"").
std::optional<std::string> parameter(std::string_view header, std::string_view key) {
  size_t at = 0;
  while ((at = header.find(';', at)) != std::string_view::npos) {
    ++at;
    std::string_view rest = trim(header.substr(at));
    const size_t equals = rest.find('=');
    if (equals == std::string_view::npos) continue;
    if (lower(trim(rest.substr(0, equals))) != key) continue;
    rest = trim(rest.substr(equals + 1));
    if (!rest.empty() && rest.front() == '"') {
      const size_t close = rest.find('"', 1);
      if (close == std::string_view::npos) return std::nullopt;
      return std::string(rest.substr(1, close - 1));
    }
    return std::string(rest.substr(0, rest.find(';')));
  }
  return std::nullopt;
}

// One part: its header lines, a blank line, its content.
Result<FormPart> parse_part(std::string_view part) {
  const size_t blank = part.find("\r\n\r\n");
  if (blank == std::string_view::npos) return fail("bad_multipart", "a part has no header end");
  FormPart parsed;
  std::string_view headers = part.substr(0, blank);
  parsed.content = std::string(part.substr(blank + 4));
  while (!headers.empty()) {
    const size_t end = headers.find("\r\n");
    const std::string_view line = headers.substr(0, end);
    headers = end == std::string_view::npos ? std::string_view() : headers.substr(end + 2);
    const size_t colon = line.find(':');
    if (colon == std::string_view::npos) continue;
    const std::string name = lower(trim(line.substr(0, colon)));
    const std::string_view value = trim(line.substr(colon + 1));
    if (name == "content-disposition") {
      parsed.name = parameter(value, "name").value_or("");
      parsed.filename = parameter(value, "filename").value_or("");
    } else if (name == "content-type") {
      parsed.content_type = std::string(value);
    }
  }
  if (parsed.name.empty()) return fail("bad_multipart", "a part has no name");
  return parsed;
}

// The next delimiter line at or after `from`: the delimiter followed by CRLF or "--" (the same
// bytes inside a file are content).
size_t next_delimiter(std::string_view body, const std::string& delimiter, size_t from) {
  for (size_t at = body.find(delimiter, from); at != std::string_view::npos;
       at = body.find(delimiter, at + 1)) {
    const std::string_view after = body.substr(at + delimiter.size(), 2);
    if (after == "\r\n" || after == "--") return at;
  }
  return std::string_view::npos;
}

}  // namespace

bool is_multipart_form_data(std::string_view content_type) {
  return lower(content_type).rfind("multipart/form-data", 0) == 0 &&
         parameter(content_type, "boundary").has_value();
}

Result<FormParts> parse_multipart(std::string_view content_type, std::string_view body) {
  const auto boundary = parameter(content_type, "boundary");
  if (!boundary || boundary->empty()) return fail("bad_multipart", "no boundary");
  const std::string delimiter = "--" + *boundary;
  size_t at = body.find(delimiter);
  if (at == std::string_view::npos) return fail("bad_multipart", "the boundary never appears");
  FormParts parts;
  while (true) {
    at += delimiter.size();
    if (body.substr(at, 2) == "--") return parts;  // the closing delimiter
    if (body.substr(at, 2) != "\r\n") return fail("bad_multipart", "a delimiter line is malformed");
    at += 2;
    const size_t next = next_delimiter(body, "\r\n" + delimiter, at);
    if (next == std::string_view::npos) return fail("bad_multipart", "the body ends inside a part");
    auto part = parse_part(body.substr(at, next - at));
    if (!part) return fail(part.error());
    const std::string name = part->name;
    parts.emplace(name, std::move(*part));
    at = next + 2;
  }
}

}  // namespace gep::net
