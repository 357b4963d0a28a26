#pragma once
// Small conveniences for test bodies.
#include <string>

#include "store/sql/value.h"

namespace gep::test {

inline store::sql::Value sql_int(int64_t number) {
  return store::sql::Value{number};
}
inline store::sql::Value sql_text(std::string text) {
  return store::sql::Value{std::move(text)};
}

}  // namespace gep::test
