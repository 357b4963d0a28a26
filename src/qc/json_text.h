#pragma once
// Appending JSON text directly, for the texts evaluate-all stores for every job: building an
// nlohmann::json tree per job and dumping it was a third of evaluate-all's client CPU. The output
// is byte for byte what nlohmann::json::dump() writes (keys in byte order, the same escapes), so
// stored texts compare equal whichever way they were made; tests hold the two side by side.
#include <cstdint>
#include <string>
#include <string_view>

namespace gep::qc {

// `text` as a JSON string literal. Text with bytes >= 0x80 goes through nlohmann (which also
// rejects invalid UTF-8 the same way as before); ASCII, the usual case, is escaped here.
void append_json_string(std::string& out, std::string_view text);
void append_json_number(std::string& out, int64_t number);

// `"key":` — keys are plain ASCII names, written as they are.
inline void append_json_key(std::string& out, std::string_view key) {
  out += '"';
  out += key;
  out += "\":";
}

}  // namespace gep::qc
