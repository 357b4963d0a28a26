#pragma once
// How many photos of each category a job needs, and from which stage on.
//
// Defaults: BEFORE 3, DURING 2, AFTER 3. Three BEFORE photos cover the roof faces or site, the
// main service panel and the meter; two DURING photos cover attachments/flashing and wiring or
// conduit (the work that is hidden afterwards); three AFTER photos cover the finished array or
// roof, the inverter/labels and the final electrical. A minimum of 0 turns a category off.
//
// Stage rule (which categories are required when; earlier stages need no photos at all):
//   BEFORE from Sold on        — the as-found condition must be on file once the job is sold
//   DURING from In Progress on — installation has started
//   AFTER  from Completed on   — the work is finished
// Configurable through QcRequirements::required_from.
//
// Environment (parse_qc_requirements):
//   QC_REQUIRED_BEFORE, QC_REQUIRED_DURING, QC_REQUIRED_AFTER   integers 0..1000
//   QC_REQUIREMENTS_BY_TYPE  per job record type (workflow) name, case-insensitive:
//     "Commercial:BEFORE=5,DURING=4,AFTER=5;Roofing:DURING=3"
//   Categories a type leaves out keep the global value.
#include <array>
#include <string>
#include <string_view>
#include <vector>

#include "core/env_file.h"
#include "core/result.h"
#include "qc/category.h"
#include "qc/stage.h"

namespace gep::qc {

struct CategoryMinimums {
  int before = 3;
  int during = 2;
  int after = 3;

  int get(PhotoCategory category) const;
  int& at(PhotoCategory category);
  friend bool operator==(const CategoryMinimums&, const CategoryMinimums&) = default;
};

struct QcRequirements {
  CategoryMinimums defaults;
  struct TypeOverride {
    std::string record_type_name;
    CategoryMinimums minimums;
  };
  std::vector<TypeOverride> by_type;
  // Stage from which each category (BEFORE, DURING, AFTER) is required.
  std::array<JobStage, 3> required_from{JobStage::sold, JobStage::install, JobStage::complete};

  // The minimums for a job of this record type (workflow) name.
  const CategoryMinimums& for_type(std::string_view record_type_name) const;
  JobStage stage_requiring(PhotoCategory category) const;
};

// One minimum: a whole number 0..1000. `name` is used in the error message.
Result<int> parse_minimum(std::string_view name, std::string_view value);
// QC_REQUIREMENTS_BY_TYPE's format; omitted categories start from `defaults`.
Result<std::vector<QcRequirements::TypeOverride>> parse_requirements_by_type(
    std::string_view spec, const CategoryMinimums& defaults);
// Reads the four variables above; unset or empty variables keep the defaults.
Result<QcRequirements> parse_qc_requirements(const EnvMap& environment);

}  // namespace gep::qc
