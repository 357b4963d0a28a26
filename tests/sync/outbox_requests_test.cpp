// Write-back requests are validated the same way wherever they come from.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "sync/outbox_requests.h"

namespace gep::sync {
namespace {

domain::Job job(const std::string& jnid = "3pg") {
  domain::Job job;
  job.id = 7;
  job.jnid = jnid;
  job.status_name = "Lead";
  return job;
}

TEST(OutboxRequestsTest, AJobWithoutAJobNimbusIdIsRefusedWithTheSpecsMessage) {
  for (const auto& refused :
       {note_item(job(""), {"hi"}), task_item(job(""), {"t", std::nullopt, std::nullopt}),
        status_item(job(""), {"Sold"}), attachment_item(job(""), {"a.pdf", "x", "", ""})}) {
    ASSERT_FALSE(refused.ok());
    EXPECT_EQ(refused.error().code, "job_not_synced");
    EXPECT_EQ(refused.error().message, "Job not synced with JobNimbus");
  }
}

TEST(OutboxRequestsTest, ADeletedJobIsRefused) {
  auto deleted = job();
  deleted.deleted_at = 1'700'000'000;
  EXPECT_EQ(note_item(deleted, {"hi"}).error().code, "job_deleted");
}

TEST(OutboxRequestsTest, BadInputIsAValidationError) {
  EXPECT_EQ(note_item(job(), {"  \n"}).error().code, "validation");
  EXPECT_EQ(note_item(job(), {std::string(kMaxNoteBytes + 1, 'a')}).error().code, "validation");
  EXPECT_EQ(note_item(job(), {"bad \xC3\x28 utf8"}).error().code, "validation");
  EXPECT_EQ(task_item(job(), {"", std::nullopt, std::nullopt}).error().code, "validation");
  EXPECT_EQ(task_item(job(), {"t", std::nullopt, -5}).error().code, "validation");
  EXPECT_EQ(status_item(job(), {""}).error().code, "validation");
  EXPECT_EQ(attachment_item(job(), {"../..", "x", "", ""}).error().code, "validation");
  EXPECT_EQ(attachment_item(job(), {"a.pdf", "", "", ""}).error().code, "validation");
  EXPECT_EQ(attachment_item(job(), {"a.pdf", std::string(kMaxAttachmentBytes + 1, 'x'), "", ""})
                .error()
                .code,
            "validation");
}

TEST(OutboxRequestsTest, ItemsCarryTheJobAndAPayloadTheWorkerReadsBack) {
  const auto note = note_item(job(), {"Zoë's roof <b>ok</b>"}, {"qc", "rule-7"});
  ASSERT_TRUE(note.ok());
  EXPECT_EQ(note->job_id, 7);
  EXPECT_EQ(note->job_jnid, "3pg");
  EXPECT_EQ(note->kind, domain::OutboxKind::note);
  EXPECT_EQ(note->source, "qc");
  EXPECT_EQ(note->max_attempts, kDefaultMaxAttempts);
  EXPECT_EQ(parse_payload(note->kind, note->payload_json)->text, "Zoë's roof <b>ok</b>");

  const auto status = status_item(job(), {"Sold"});
  const auto read = parse_payload(status->kind, status->payload_json);
  EXPECT_EQ(read->status, "Sold");
  EXPECT_EQ(read->previous_status, "Lead");

  const auto file = attachment_item(job(), {"C:\\photos\\IMG 1.jpg", "\x01\x02\xFF", "photo", ""});
  const auto upload = parse_payload(file->kind, file->payload_json);
  EXPECT_EQ(upload->file_name, "IMG 1.jpg");
  EXPECT_EQ(upload->size_bytes, 3);
  EXPECT_EQ(decode_base64(upload->content_base64), std::string("\x01\x02\xFF"));
  EXPECT_FALSE(parse_payload(domain::OutboxKind::note, R"({"title":"x"})").ok());
  EXPECT_FALSE(parse_payload(domain::OutboxKind::note, "not json").ok());
}

TEST(OutboxRequestsTest, FileNamesAreSanitized) {
  EXPECT_EQ(sanitize_file_name("report.pdf"), "report.pdf");
  EXPECT_EQ(sanitize_file_name("../../etc/passwd"), "passwd");
  EXPECT_EQ(sanitize_file_name("..\\..\\boot.ini"), "boot.ini");
  EXPECT_EQ(sanitize_file_name("a\nb\r\x01\x7F.txt"), "ab.txt");
  EXPECT_EQ(sanitize_file_name(std::string("nul\0byte.txt", 12)), "nulbyte.txt");
  EXPECT_EQ(sanitize_file_name("  .hidden. "), "hidden");
  EXPECT_EQ(sanitize_file_name(".."), "");
  EXPECT_EQ(sanitize_file_name("dir/"), "");
  EXPECT_EQ(sanitize_file_name("Ångström – 日本.jpg"), "Ångström – 日本.jpg");
  EXPECT_EQ(sanitize_file_name("bad\xFF.jpg"), "");
  std::string long_name;
  for (int i = 0; i < 200; ++i) long_name += "é";  // 400 bytes
  const std::string cut = sanitize_file_name(long_name);
  EXPECT_LE(cut.size(), kMaxFileNameBytes);
  EXPECT_EQ(cut.size() % 2, 0u);  // never half a character
}

TEST(OutboxRequestsTest, Base64IsDecodedStrictly) {
  EXPECT_EQ(decode_base64("aGVsbG8="), "hello");
  EXPECT_EQ(decode_base64("aGVsbG8"), "hello");
  EXPECT_EQ(decode_base64("aGVs\nbG8="), "hello");
  EXPECT_EQ(decode_base64(""), "");
  EXPECT_FALSE(decode_base64("aGVsbG8*").has_value());
  EXPECT_FALSE(decode_base64("aGV=sbG8").has_value());
  EXPECT_FALSE(decode_base64("a").has_value());
}

}  // namespace
}  // namespace gep::sync
