// Records/s parsed from 1000-record job pages shaped like the spec's job (with label-keyed custom
// fields and unicode): simdjson (the client's parser) and, for reference, nlohmann parsing,
// extracting the same fields and re-serialising each record. Run from a Release build:
//   build-release/tests/jobnimbus/jobnimbus_parse_bench [pages]
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <nlohmann/json.hpp>
#include <string>

#include "jobnimbus/record_parser.h"

namespace {

std::string make_page(int records) {
  nlohmann::json results = nlohmann::json::array();
  for (int i = 0; i < records; ++i) {
    nlohmann::json job = {
        {"jnid", "j" + std::to_string(1'000'000 + i) + "abcdefghijklmnop"},
        {"recid", 1000 + i},
        {"number", std::to_string(1000 + i)},
        {"type", "job"},
        {"name", "Solar install Zoë ☀ " + std::to_string(i)},
        {"display_name", "Clark Kent - 100 N 52 E"},
        {"record_type", 5},
        {"record_type_name", "Residential"},
        {"status", 19},
        {"status_name", "Lead"},
        {"date_created", 1472567571 + i},
        {"date_updated", 1472567572 + i / 3},
        {"date_status_change", 1472567571},
        {"created_by", "3p0"},
        {"created_by_name", "Bob Barton"},
        {"sales_rep", "3p0"},
        {"sales_rep_name", "Bob Barton"},
        {"owners", {{{"id", "3p0"}}}},
        {"is_active", true},
        {"is_archived", false},
        {"primary",
         {{"id", "he2d2"}, {"name", "Clark Kent"}, {"number", "1017"}, {"type", "contact"}}},
        {"related",
         {{{"id", "he2d2"}, {"name", "Clark Kent"}, {"number", "1017"}, {"type", "contact"}}}},
        {"address_line1", "100 N 52 E"},
        {"address_line2", ""},
        {"city", "American Fork"},
        {"state_text", "UT"},
        {"country_name", "United States"},
        {"zip", "84003"},
        {"geo", {{"lat", 40.387368}, {"lon", -111.789513}}},
        {"tags", nlohmann::json::array()},
        {"source_name", "Referral"},
        {"description", nullptr},
        {"date_start", 0},
        {"date_end", 0},
        {"approved_estimate_total", 0},
        {"approved_invoice_total", 0},
        {"cf_string_1", "State Farm"},
        {"cf_date_1", 1713052800},
        {"Claim #", "ABC123"}};
    results.push_back(std::move(job));
  }
  return nlohmann::json{{"count", records}, {"results", std::move(results)}}.dump();
}

double seconds_since(std::chrono::steady_clock::time_point start) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

}  // namespace

int main(int argc, char** argv) {
  const int pages = argc > 1 ? std::atoi(argv[1]) : 200;
  const std::string page = make_page(1000);
  size_t parsed = 0;
  auto start = std::chrono::steady_clock::now();
  for (int i = 0; i < pages; ++i) {
    const auto result = gep::jobnimbus::parse_page<gep::jobnimbus::Job>(page);
    if (!result) return 1;
    parsed += result->records.size();
  }
  const double simdjson_rate = static_cast<double>(parsed) / seconds_since(start);

  const int nlohmann_pages = std::max(1, pages / 10);
  size_t reference = 0;
  size_t checksum = 0;
  start = std::chrono::steady_clock::now();
  for (int i = 0; i < nlohmann_pages; ++i) {
    const auto json = nlohmann::json::parse(page);
    for (const auto& job : json["results"]) {
      const std::string jnid = job.value("jnid", "");
      const std::string name = job.value("name", "");
      const std::string status = job.value("status_name", "");
      const int64_t updated = job.value("date_updated", int64_t{0});
      const std::string raw = job.dump();
      checksum +=
          jnid.size() + name.size() + status.size() + static_cast<size_t>(updated & 1) + raw.size();
      ++reference;
    }
  }
  const double nlohmann_rate = static_cast<double>(reference) / seconds_since(start);
  std::printf("page: %zu bytes, 1000 jobs (checksum %zu)\n", page.size(), checksum);
  std::printf("simdjson (gep parser): %.0f job records/s\n", simdjson_rate);
  std::printf("nlohmann (reference):  %.0f job records/s\n", nlohmann_rate);
  return 0;
}
