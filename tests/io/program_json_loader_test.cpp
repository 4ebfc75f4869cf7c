// Programs from the hand-written JSON form, and the dispatch between JSON and GDAL sources.
#include "io/program_json_loader.hpp"

#include <gtest/gtest.h>

#include "core/errors.hpp"
#include "test_support.hpp"

namespace faro::io {
namespace {

TEST(ProgramJsonLoader, ReadsProgramsAndCountsBadEntries) {
  faro_test::TempDir tmp;
  const std::string path = tmp.write("p.json", R"({"programs": [
    {"name": "Alto al Fuego", "sectors": [
      {"sector": "PLATEROS", "start": "2020-01-01"},
      {"sector": "SANTA FE", "start": "2020-02-03", "end": "2021-12-31"},
      {"sector": "ALPES", "start": "31/13/2020"},
      {"start": "2020-01-01"}]},
    {"name": "Otro", "sectors": [{"sector": 17, "start": "2022-05-02", "end": null}]},
    {"name": "Vacio"}]})");
  const ProgramLoadResult r = load_programs_any(path);
  ASSERT_EQ(r.programs.size(), 2u);
  EXPECT_EQ(r.programs[0].name, "Alto al Fuego");
  ASSERT_EQ(r.programs[0].sectors.size(), 2u);
  EXPECT_EQ(r.programs[0].sectors[0].start, days_from_civil(2020, 1, 1) * kSecondsPerDay);
  ASSERT_TRUE(r.programs[0].sectors[1].end.has_value());
  EXPECT_EQ(*r.programs[0].sectors[1].end, days_from_civil(2021, 12, 31) * kSecondsPerDay);
  EXPECT_EQ(r.programs[1].sectors[0].sector, "17");
  EXPECT_FALSE(r.programs[1].sectors[0].end.has_value());
  EXPECT_EQ(r.report.rows_read, 6);
  EXPECT_EQ(r.report.rows_loaded, 3);
  EXPECT_EQ(r.report.count(RowIssue::unparseable_date), 1);
  EXPECT_EQ(r.report.count(RowIssue::malformed_row), 2);  // no sector; program with no sectors
}

TEST(ProgramJsonLoader, BadFilesAreDataErrorsAndCsvStillWorks) {
  faro_test::TempDir tmp;
  EXPECT_THROW(load_programs_json(tmp.write("bad.json", "{not json")), DataError);
  EXPECT_THROW(load_programs_json(tmp.write("wrong.json", R"({"programas": []})")), DataError);
  EXPECT_THROW(load_programs_json(tmp.file("missing.json")), DataError);
  const std::string csv =
      tmp.write("p.csv", "program,sector,start\nAlto al Fuego,PLATEROS,2020-01-01\n");
  const ProgramLoadResult r = load_programs_any(csv);
  ASSERT_EQ(r.programs.size(), 1u);
  EXPECT_EQ(r.programs[0].sectors[0].sector, "PLATEROS");
}

}  // namespace
}  // namespace faro::io
