// The classifier against what crews really type. No dates here: every row is decided (or not)
// by its caption and filename alone, so date fallback cannot hide a keyword mistake.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "qc/classifier.h"

namespace gep::qc {
namespace {

constexpr auto B = PhotoCategory::before;
constexpr auto D = PhotoCategory::during;
constexpr auto A = PhotoCategory::after;
constexpr auto U = PhotoCategory::uncategorized;

struct Row {
  const char* caption;
  const char* filename;
  PhotoCategory expected;
};

const std::vector<Row>& rows() {
  static const std::vector<Row> table{
      // BEFORE
      {"Before - north roof face", "IMG_1.png", B},
      {"before", "", B},
      {"BEFORE", "", B},
      {"Pre-install", "", B},
      {"pre install south array", "", B},
      {"preinstall", "", B},
      {"PRE_INSTALL_MSP", "", B},
      {"Existing roof", "", B},
      {"existing electrical panel", "", B},
      {"Site survey - attic", "", B},
      {"SiteSurvey", "", B},
      {"prior to work", "", B},
      {"As-found condition", "", B},
      {"as found", "", B},
      {"Hail damage on ridge", "", B},
      {"Before tear-off", "", B},
      {"before racking", "", B},
      {"before roof tear off", "", B},
      {"Existing roof after the storm", "", B},
      {"Old roof", "", B},
      {"ANTES", "", B},
      {"\xF0\x9F\x93\xB7 Before", "", B},  // camera emoji
      {"Pre-existing meter", "", B},
      // DURING
      {"Progress", "", D},
      {"Day 2 progress pics", "", D},
      {"Racking", "", D},
      {"racking complete", "", D},
      {"Finished racking", "", D},
      {"Rails and mounts north", "", D},
      {"Wiring", "", D},
      {"conduit run to MSP", "", D},
      {"Install day", "", D},
      {"install-day #1", "", D},
      {"Mid-install", "", D},
      {"during", "", D},
      {"Tear off", "", D},
      {"tear-off south slope", "", D},
      {"Underlayment going down", "", D},
      {"Ice & water shield at valleys", "", D},
      {"after tear off", "", D},
      {"After racking", "", D},
      {"WIP", "", D},
      {"En progreso", "", D},
      {"j-box on roof", "", D},
      // AFTER
      {"Final", "", A},
      {"final photos", "", A},
      {"After", "", A},
      {"IMG_1234 - after", "", A},
      {"Job complete", "", A},
      {"Completed install", "", A},
      {"Finished!", "", A},
      {"inspection passed", "", A},
      {"Final inspection", "", A},
      {"Passed final inspection \xE2\x9C\x85", "", A},  // check mark emoji
      {"PTO received", "", A},
      {"PTO", "", A},
      {"Post-install walkthrough", "", A},
      {"after installation", "", A},
      {"before final inspection", "", A},
      {"Después", "", A},
      {"DESPUÉS de la instalación", "", A},
      {"AFTER!!!", "", A},
      {"after_2", "", A},
      {"System commissioned", "", A},
      {"all done", "", A},
      // Nothing decisive: UNCATEGORIZED without a date
      {"afternoon crew arrival", "IMG_4821.JPG", U},
      {"Before & After", "IMG_1.jpg", U},
      {"before/after comparison", "", U},
      {"", "IMG_4821.JPG", U},
      {"", "DSC0001.jpg", U},
      {"", "photo.png", U},
      {"", "PXL_20240501_153000123.jpg", U},
      {"", "", U},
      {"Not finished yet", "", U},
      {"Incomplete", "", U},
      {"\xF0\x9F\x94\xA5\xF0\x9F\x94\xA5", "", U},  // fire emoji only
      {"南側の屋根", "", U},
      {"Roof inspection", "", U},
      {"Panel layout", "", U},
      {"afterwards", "", U},
      {"Prefinished trim", "", U},
      {"Aftermath of the storm", "", U},
      {"Final inspection of racking", "", U},
      {"no before photos", "", U},
      // Filename decides when the caption does not
      {"", "before_1.jpg", B},
      {"", "AFTER-03.JPG", A},
      {"", "2024-05-01 racking.jpg", D},
      {"", "racking2.jpg", D},
      {"", "AfterInstall.heic", A},
      {"", "BeforeTearOff.jpg", B},
      {"", "pre_install_south.HEIC", B},
      {"", "final_inspection.jpg", A},
      {"afternoon", "after.jpg", A},
      {"Before & after", "final.jpg", A},
      {"North roof", "Wiring_MSP.jpg", D},
      // The caption outranks the filename
      {"before", "after.jpg", B},
      {"Install day", "final.jpg", D},
  };
  return table;
}

TEST(ClassifierTable, HasAtLeastSixtyRealWorldLabels) {
  EXPECT_GE(rows().size(), 60U);
}

TEST(ClassifierTable, EveryRowGetsItsCategory) {
  const StatusTimeline no_history;
  for (size_t i = 0; i < rows().size(); ++i) {
    const Row& row = rows()[i];
    QcPhoto photo;
    photo.caption = row.caption;
    photo.filename = row.filename;
    const PhotoClassification result = classify_photo(photo, no_history);
    EXPECT_EQ(to_string(result.category), to_string(row.expected))
        << "row " << i << ": caption '" << row.caption << "', filename '" << row.filename
        << "' — reason: " << result.reason;
  }
}

PhotoClassification classify(const char* caption, const char* filename, int64_t taken = 0) {
  QcPhoto photo;
  photo.caption = caption;
  photo.filename = filename;
  photo.date_created = taken;
  return classify_photo(photo, StatusTimeline{});
}

TEST(ClassifierReasons, QuoteTheWordsAsTyped) {
  EXPECT_EQ(classify("IMG_1234 - after", "").reason, "caption says 'after'");
  EXPECT_EQ(classify("", "2024-05-01 racking.jpg").reason, "filename says 'racking'");
  EXPECT_EQ(classify("Before Tear-Off", "").reason, "caption says 'Before Tear-Off'");
  EXPECT_EQ(classify("Pre-Install", "").source, EvidenceSource::caption);
  EXPECT_EQ(classify("", "final.jpg").source, EvidenceSource::filename);
}

TEST(ClassifierReasons, ExplainWhatWasMissing) {
  EXPECT_EQ(classify("", "IMG_4821.JPG").reason, "no caption, filename or date evidence");
  EXPECT_EQ(classify("", "IMG_4821.JPG", 1'700'000'000).reason,
            "no caption or filename evidence, and no status history to date it against");
  EXPECT_EQ(classify("Before & After", "IMG_1.jpg").reason,
            "caption names both 'Before' and 'After'; no filename or date evidence");
  EXPECT_EQ(classify("Before & After", "final.jpg").reason,
            "caption names both 'Before' and 'After'; filename says 'final'");
  EXPECT_EQ(classify("", "IMG_4821.JPG").source, EvidenceSource::none);
}

}  // namespace
}  // namespace gep::qc
