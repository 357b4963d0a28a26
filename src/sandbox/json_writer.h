#pragma once
// A minimal streaming JSON writer. The sandbox builds hundreds of thousands of records at start-up
// and serves pages of 1000; building nlohmann objects for that costs ~10x more than appending
// text, so records are written once as text and kept that way (nlohmann is used for parsing).
#include <cstdint>
#include <string>
#include <string_view>

namespace gep::sandbox {

// Appends `text` as a JSON string literal (quotes included), escaping what JSON requires.
void append_json_string(std::string& out, std::string_view text);

class JsonWriter {
 public:
  explicit JsonWriter(std::string& out) : out_(out) {}

  JsonWriter& begin_object();
  JsonWriter& end_object();
  JsonWriter& begin_array();
  JsonWriter& end_array();
  JsonWriter& key(std::string_view name);

  JsonWriter& value(std::string_view text);
  JsonWriter& value(const char* text) { return value(std::string_view(text)); }
  JsonWriter& value(const std::string& text) { return value(std::string_view(text)); }
  JsonWriter& value(int64_t number);
  JsonWriter& value(int number) { return value(static_cast<int64_t>(number)); }
  JsonWriter& value(uint64_t number);
  JsonWriter& value(double number);
  JsonWriter& value(bool flag);
  JsonWriter& null();
  // An already serialized JSON value, copied as is.
  JsonWriter& raw(std::string_view json);

  template <class T>
  JsonWriter& field(std::string_view name, const T& v) {
    key(name);
    return value(v);
  }
  JsonWriter& null_field(std::string_view name) {
    key(name);
    return null();
  }

 private:
  void separate();

  std::string& out_;
  bool need_comma_ = false;
};

}  // namespace gep::sandbox
