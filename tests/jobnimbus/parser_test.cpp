// Tolerant parsing: what JobNimbus may send and what the client makes of it.
#include <gtest/gtest.h>

#include "jobnimbus/record_parser.h"

namespace gep::jobnimbus {
namespace {

const std::string kSpecJob =
    R"({"jnid":"3pg","recid":1001,"number":"1001","type":"job","name":"Test job",
 "display_name":"Clark Kent - 100 N 52 E",
 "record_type":5,"record_type_name":"Residential","status":19,"status_name":"Lead",
 "date_created":1472567571,"date_updated":1472567572,"date_status_change":1472567571,
 "created_by":"3p0","created_by_name":"Bob Barton","sales_rep":"3p0","sales_rep_name":"Bob Barton",
 "owners":[{"id":"3p0"}],"is_active":true,"is_archived":false,
 "primary":{"id":"he2d2","name":"Clark Kent","number":"1017","type":"contact"},
 "related":[{"id":"he2d2","name":"Clark Kent","number":"1017","type":"contact"}],
 "address_line1":"100 N 52 E","address_line2":"","city":"American Fork","state_text":"UT",
 "country_name":"United States","zip":"84003","geo":{"lat":40.387368,"lon":-111.789513},
 "tags":[],"source_name":"Referral","description":null,"date_start":0,"date_end":0,
 "approved_estimate_total":0,"approved_invoice_total":0,
 "cf_string_1":"State Farm","cf_date_1":1713052800,"Claim #":"ABC123"})";

TEST(RecordParserTest, ReadsTheSpecJob) {
  const auto page = parse_page<Job>(R"({"count":1,"results":[)" + kSpecJob + "]}");
  ASSERT_TRUE(page.ok()) << page.error().describe();
  ASSERT_EQ(page->records.size(), 1U);
  const Job& job = page->records[0];
  EXPECT_EQ(page->count, 1);
  EXPECT_EQ(job.jnid, "3pg");
  EXPECT_EQ(job.recid, 1001);
  EXPECT_EQ(job.number, "1001");
  EXPECT_EQ(job.display_name, "Clark Kent - 100 N 52 E");
  EXPECT_EQ(job.status, 19);
  EXPECT_EQ(job.status_name, "Lead");
  EXPECT_EQ(job.record_type_name, "Residential");
  EXPECT_EQ(job.date_updated, 1472567572);
  EXPECT_EQ(job.date_status_change, 1472567571);
  EXPECT_EQ(job.date_start, std::nullopt);  // 0 = unset
  EXPECT_EQ(job.description, "");           // null
  EXPECT_EQ(job.sales_rep_name, "Bob Barton");
  ASSERT_TRUE(job.primary.has_value());
  EXPECT_EQ(job.primary->id, "he2d2");
  EXPECT_EQ(job.primary->type, "contact");
  ASSERT_EQ(job.related.size(), 1U);
  EXPECT_EQ(job.owner_ids, std::vector<std::string>{"3p0"});
  EXPECT_EQ(job.city, "American Fork");
  EXPECT_EQ(job.latitude, 40.387368);
  // Label-keyed custom fields survive in the raw JSON, byte for byte.
  EXPECT_EQ(job.raw_json, kSpecJob);
  EXPECT_NE(job.raw_json.find("\"Claim #\":\"ABC123\""), std::string::npos);
}

TEST(RecordParserTest, MissingNullAndOddlyTypedFieldsAreUnset) {
  const auto page = parse_page<Job>(R"({"count":2,"results":[
    {"jnid":"a"},
    {"jnid":"b","name":null,"date_updated":"1700000000","date_created":1.7e9,"status":"19",
     "is_active":0,"primary":null,"related":"nope","geo":null,"number":1002,"date_end":null}]})");
  ASSERT_TRUE(page.ok());
  ASSERT_EQ(page->records.size(), 2U);
  EXPECT_EQ(page->records[0].date_updated, std::nullopt);
  EXPECT_TRUE(page->records[0].is_active);
  const Job& b = page->records[1];
  EXPECT_EQ(b.name, "");
  EXPECT_EQ(b.date_updated, 1700000000);
  EXPECT_EQ(b.date_created, 1700000000);
  EXPECT_EQ(b.status, 19);
  EXPECT_FALSE(b.is_active);
  EXPECT_FALSE(b.primary.has_value());
  EXPECT_TRUE(b.related.empty());
  EXPECT_EQ(b.number, "1002");
  EXPECT_EQ(b.date_end, std::nullopt);
}

TEST(RecordParserTest, UnicodeSurvives) {
  const std::string body =
      R"({"count":1,"results":[{"jnid":"u","name":"Zoë \u00e9 ☀ 屋根 <script>&amp;","city":"Mü\"nchen"}]})";
  const auto page = parse_page<Job>(body);
  ASSERT_TRUE(page.ok());
  EXPECT_EQ(page->records[0].name, "Zoë é ☀ 屋根 <script>&amp;");
  EXPECT_EQ(page->records[0].city, "Mü\"nchen");
  EXPECT_NE(page->records[0].raw_json.find("\\u00e9"), std::string::npos);  // raw stays raw
}

TEST(RecordParserTest, RecordsWithoutAStringJnidAreSkippedNotFatal) {
  const auto page = parse_page<Job>(R"({"count":5,"results":[
    {"jnid":"ok1"},{"jnid":42,"name":"numeric id"},{"name":"no id"},"just a string",{"jnid":"ok2"}]})");
  ASSERT_TRUE(page.ok());
  ASSERT_EQ(page->records.size(), 2U);
  EXPECT_EQ(page->records[0].jnid, "ok1");
  EXPECT_EQ(page->records[1].jnid, "ok2");
  ASSERT_EQ(page->skipped.size(), 3U);
  EXPECT_EQ(page->skipped[0].index, 1U);
  EXPECT_EQ(page->skipped[0].reason, "jnid is not a string");
  EXPECT_NE(page->skipped[0].excerpt.find("numeric id"), std::string::npos);
  EXPECT_EQ(page->skipped[1].reason, "no jnid");
  EXPECT_EQ(page->skipped[2].reason, "not a JSON object");
}

TEST(RecordParserTest, BrokenBodiesAreInvalidResponses) {
  for (const std::string& body :
       {std::string(R"({"count":3,"results":[{"jnid":"a"},{"jnid":)"),
        std::string("<html>502</html>"), std::string(""), std::string("Internal Server Error"),
        std::string(R"({"count":3})"),
        std::string(R"({"count":3,"results":[{"jnid":"a"},{"jnid":"b"})")}) {
    const auto page = parse_page<Job>(body);
    ASSERT_FALSE(page.ok()) << body;
    EXPECT_EQ(page.error().kind, ApiErrorKind::invalid_response) << body;
  }
}

TEST(RecordParserTest, EveryWrapperAndABareArray) {
  const auto files = parse_page<FileRecord>(R"({"count":1,"files":[{"jnid":"f","record_type":2,
    "record_type_name":"Photo","description":"Before - north roof face","filename":"IMG_1.png",
    "content_type":"image/png","size":555204,"date_file_created":1551926000,"md5":"abc",
    "related":[{"id":"scpci","type":"job"}]}]})");
  ASSERT_TRUE(files.ok());
  const FileRecord& photo = files->records.at(0);
  EXPECT_TRUE(photo.is_photo());
  EXPECT_EQ(photo.caption(), "Before - north roof face");
  EXPECT_EQ(photo.size, 555204);
  EXPECT_EQ(photo.date_file_created, 1551926000);
  EXPECT_EQ(photo.related.at(0).id, "scpci");

  const auto activities = parse_page<Activity>(
      R"({"count":1,"activity":[{"jnid":"n1","note":"QC ok","record_type_name":"Note","primary":{"id":"j"}}]})");
  ASSERT_TRUE(activities.ok());
  EXPECT_EQ(activities->records.at(0).note, "QC ok");

  const auto bare = parse_page<Contact>(R"([{"jnid":"c1","first_name":"Ana","email":"a@b.c"}])");
  ASSERT_TRUE(bare.ok());
  EXPECT_EQ(bare->count, 1);
  EXPECT_EQ(bare->records.at(0).email, "a@b.c");
}

TEST(RecordParserTest, IdPages) {
  const auto ids =
      parse_page<RecordId>(R"({"count":2,"results":[{"jnid":"a","date_updated":5},{"jnid":"b"}]})");
  ASSERT_TRUE(ids.ok());
  EXPECT_EQ(ids->records.at(0).date_updated, 5);
  EXPECT_EQ(ids->records.at(1).jnid, "b");
}

TEST(RecordParserTest, SingleRecords) {
  const auto job = parse_record<Job>(kSpecJob);
  ASSERT_TRUE(job.ok());
  EXPECT_EQ(job->jnid, "3pg");
  const auto missing = parse_record<Job>(R"({"name":"x"})");
  ASSERT_FALSE(missing.ok());
  EXPECT_EQ(missing.error().kind, ApiErrorKind::invalid_response);
}

TEST(RecordParserTest, AccountSettings) {
  const auto settings = parse_account_settings(R"({"workflows":[
    {"id":1,"object_type":"job","name":"Solar","is_active":true,"status":[
      {"id":10,"name":"Lead","is_lead":true,"is_closed":false,"is_active":true,"order":1},
      {"id":11,"name":"Paid & Closed","is_lead":false,"is_closed":true,"is_active":true,"order":9}]},
    {"id":2,"object_type":"contact","name":"Customers","status":[]}]})");
  ASSERT_TRUE(settings.ok());
  ASSERT_EQ(settings->workflows.size(), 2U);
  const Workflow& solar = settings->workflows[0];
  EXPECT_EQ(solar.object_type, "job");
  ASSERT_EQ(solar.statuses.size(), 2U);
  EXPECT_TRUE(solar.statuses[0].is_lead);
  EXPECT_TRUE(solar.statuses[1].is_closed);
  EXPECT_EQ(solar.statuses[1].name, "Paid & Closed");
  EXPECT_FALSE(parse_account_settings("{}").ok());
  EXPECT_FALSE(parse_account_settings("oops").ok());
}

}  // namespace
}  // namespace gep::jobnimbus
