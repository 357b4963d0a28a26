#include <gtest/gtest.h>

#include "domain/paging.h"
#include "domain/records.h"
#include "domain/sync_records.h"

namespace gep::domain {
namespace {

TEST(FileKind, RoundTripsAndMapsJobNimbusTypeCodes) {
  for (const FileKind kind : {FileKind::photo, FileKind::document, FileKind::other}) {
    EXPECT_EQ(parse_file_kind(to_string(kind)), kind);
  }
  EXPECT_FALSE(parse_file_kind("Photo").has_value());
  EXPECT_EQ(file_kind_from_record_type(2), FileKind::photo);
  EXPECT_EQ(file_kind_from_record_type(1), FileKind::document);
  EXPECT_EQ(file_kind_from_record_type(5), FileKind::document);  // invoice
  EXPECT_EQ(file_kind_from_record_type(8), FileKind::document);  // credit memo
  EXPECT_EQ(file_kind_from_record_type(0), FileKind::other);
  EXPECT_EQ(file_kind_from_record_type(31), FileKind::other);  // an account's custom type
}

TEST(SyncEnums, UseTheSpecSpelling) {
  EXPECT_EQ(to_string(SyncType::pull), "PULL");
  EXPECT_EQ(to_string(SyncType::push), "PUSH");
  EXPECT_EQ(to_string(SyncStatus::success), "SUCCESS");
  EXPECT_EQ(to_string(SyncStatus::failed), "FAILED");
  EXPECT_EQ(to_string(SyncStatus::partial), "PARTIAL");
  EXPECT_EQ(parse_sync_type("PUSH"), SyncType::push);
  EXPECT_EQ(parse_sync_status("PARTIAL"), SyncStatus::partial);
  EXPECT_FALSE(parse_sync_status("success").has_value());
}

TEST(UpsertCounts, AddUp) {
  UpsertCounts total{1, 2, 3, {"a"}, {"b", "c"}};
  total += UpsertCounts{4, 5, 6, {"d"}, {}};
  EXPECT_EQ(total.created, 5);
  EXPECT_EQ(total.updated, 7);
  EXPECT_EQ(total.unchanged, 9);
  EXPECT_EQ(total.total(), 21);
  EXPECT_EQ(total.created_jnids, (std::vector<std::string>{"a", "d"}));
  EXPECT_EQ(total.updated_jnids, (std::vector<std::string>{"b", "c"}));
}

}  // namespace
}  // namespace gep::domain
