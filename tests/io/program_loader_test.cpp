#include "io/program_loader.hpp"

#include <gtest/gtest.h>

#include "core/demo_city.hpp"
#include "core/errors.hpp"
#include "io/demo_writer.hpp"
#include "test_support.hpp"

namespace faro::io {
namespace {

TEST(ProgramLoader, ReadsTheDemoGeoPackageRollouts) {
  const ProgramLoadResult r = load_programs(demo_geopackage_path());
  const DemoCity city = generate_demo_city();
  ASSERT_EQ(r.programs.size(), city.programs.size());
  for (size_t p = 0; p < city.programs.size(); ++p) {
    EXPECT_EQ(r.programs[p].name, city.programs[p].name);
    ASSERT_EQ(r.programs[p].sectors.size(), city.programs[p].sectors.size());
    for (size_t s = 0; s < city.programs[p].sectors.size(); ++s) {
      EXPECT_EQ(r.programs[p].sectors[s].sector, city.programs[p].sectors[s].sector);
      EXPECT_EQ(r.programs[p].sectors[s].start, city.programs[p].sectors[s].start);
    }
  }
  EXPECT_EQ(r.report.rows_rejected(), 0);
}

TEST(ProgramLoader, ReadsCsvAndCountsBadRows) {
  faro_test::TempDir tmp;
  const std::string csv = tmp.write("p.csv",
                                    "program,sector,start,end\n"
                                    "Alto al Fuego,Centro,2021-03-01,\n"
                                    "Alto al Fuego,Norte,2022-01-15,2023-06-30\n"
                                    "Otro,Sur,not-a-date,\n"
                                    ",Este,2021-01-01,\n"
                                    "Otro,Oeste,2020-05-05,\n");
  const ProgramLoadResult r = load_programs(csv);
  ASSERT_EQ(r.programs.size(), 2u);
  EXPECT_EQ(r.programs[0].name, "Alto al Fuego");
  ASSERT_EQ(r.programs[0].sectors.size(), 2u);
  EXPECT_EQ(r.programs[0].sectors[0].start, days_from_civil(2021, 3, 1) * kSecondsPerDay);
  EXPECT_FALSE(r.programs[0].sectors[0].end.has_value());
  ASSERT_TRUE(r.programs[0].sectors[1].end.has_value());
  EXPECT_EQ(*r.programs[0].sectors[1].end, days_from_civil(2023, 6, 30) * kSecondsPerDay);
  EXPECT_EQ(r.programs[1].sectors.size(), 1u);
  EXPECT_EQ(r.report.rows_read, 5);
  EXPECT_EQ(r.report.rows_loaded, 3);
  EXPECT_EQ(r.report.count(RowIssue::unparseable_date), 1);
  EXPECT_EQ(r.report.count(RowIssue::malformed_row), 1);
}

TEST(ProgramLoader, MissingColumnsOrFileIsADataError) {
  faro_test::TempDir tmp;
  EXPECT_THROW(load_programs(tmp.write("x.csv", "a,b\n1,2\n")), DataError);
  EXPECT_THROW(load_programs(tmp.file("missing.csv")), DataError);
}

}  // namespace
}  // namespace faro::io
