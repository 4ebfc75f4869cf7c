// End-to-end tests of the `faro` binary: exit codes, messages that name the file, and the counts
// CSV on the demo city and on real CDMX data.
#include <gtest/gtest.h>

#include <fstream>
#include <map>
#include <sstream>

#include "faro_run.hpp"
#include "test_support.hpp"

namespace {

using faro_test::run_command;

using faro_cli_test::faro;
using faro_cli_test::read_file;
using faro_cli_test::Result;

// Parses sector,period,count rows into a map keyed by "sector|period".
std::map<std::string, long> parse_counts(const std::string& csv) {
  std::map<std::string, long> m;
  std::istringstream in(csv);
  std::string line;
  std::getline(in, line);
  EXPECT_EQ(line, "sector,period,count");
  while (std::getline(in, line)) {
    const size_t c2 = line.rfind(',');
    const size_t c1 = line.rfind(',', c2 - 1);
    m[line.substr(0, c1) + "|" + line.substr(c1 + 1, c2 - c1 - 1)] = std::stol(line.substr(c2 + 1));
  }
  return m;
}

TEST(Cli, HelpAndUsageErrors) {
  Result r = faro("--help");
  EXPECT_EQ(r.code, 0);
  EXPECT_NE(r.out.find("counts"), std::string::npos);
  for (const char* cmd : {"info", "counts", "demo"}) {
    r = faro(std::string(cmd) + " --help");
    EXPECT_EQ(r.code, 0) << cmd;
    EXPECT_NE(r.out.find("usage: faro"), std::string::npos) << cmd;
  }
  EXPECT_EQ(faro("frobnicate").code, 2);
  EXPECT_EQ(faro("counts --bogus").code, 2);
  EXPECT_EQ(faro("counts --by fortnight").code, 2);
  EXPECT_EQ(faro("counts --from 2024-13-01").code, 2);
  EXPECT_EQ(faro("counts --sectors x.gpkg").code, 2);  // --incidents missing
  EXPECT_EQ(faro("demo").code, 2);
  EXPECT_EQ(faro("info").code, 2);
}

TEST(Cli, DataErrorsNameTheFile) {
  faro_test::TempDir tmp;
  const std::string missing = tmp.file("no-such-file.geojson");
  Result r = faro("info " + missing);
  EXPECT_EQ(r.code, 1);
  EXPECT_NE(r.out.find("no-such-file.geojson"), std::string::npos) << r.out;
  const std::string empty = tmp.write("empty.csv", "");
  r = faro("counts --sectors " + missing + " --incidents " + empty);
  EXPECT_EQ(r.code, 1);
  EXPECT_NE(r.out.find("no-such-file.geojson"), std::string::npos) << r.out;
}

TEST(Cli, DemoWritesAGeoPackageAndCountsItWithZeros) {
  faro_test::TempDir tmp;
  Result r = faro("demo --out " + tmp.path().string() + " --seed 7");
  ASSERT_EQ(r.code, 0) << r.out;
  const std::string gpkg = tmp.file("faro-demo.gpkg");
  r = faro("info " + gpkg);
  ASSERT_EQ(r.code, 0) << r.out;
  for (const char* layer : {"sectors", "incidents", "programs"})
    EXPECT_NE(r.out.find(std::string("layer ") + layer), std::string::npos) << r.out;

  const std::string out = tmp.file("counts.csv");
  r = faro("counts --sectors " + gpkg + " --sectors-layer sectors --incidents " + gpkg +
           " --incidents-layer incidents --by year --from 2019-01-01 --to 2020-12-31 -o " + out);
  ASSERT_EQ(r.code, 0) << r.out;
  const auto counts = parse_counts(read_file(out));
  // Every sector (about 70) plus (outside), times 2 years, zeros included.
  EXPECT_EQ(counts.size() % 2, 0u);
  EXPECT_GE(counts.size(), 2u * 50);
  long total = 0, years2019 = 0;
  for (auto& [k, v] : counts) {
    total += v;
    if (k.ends_with("|2019")) years2019 += v;
    EXPECT_TRUE(k.ends_with("|2019") || k.ends_with("|2020")) << k;
  }
  EXPECT_GT(total, 1000);
  EXPECT_GT(years2019, 0);
  EXPECT_EQ(counts.count("(outside)|2019"), 1u);
}

// `faro` alone opens the dashboard (tests/app covers it); `faro summary` prints the demo summary.
TEST(Cli, SummarySummarisesTheDemoCity) {
  Result r = faro("summary");
  ASSERT_EQ(r.code, 0) << r.out;
  EXPECT_NE(r.out.find("datos sintéticos"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("sectors:"), std::string::npos) << r.out;
}

TEST(Cli, RealCdmxCountsMatchSourceDocumentation) {
  FARO_REQUIRE_SHARED(sectors, "cdmx-cuadrantes/sectores_2023.geojson");
  FARO_REQUIRE_SHARED(incidents, "cdmx-fgj-2019-2024/fgj_homicidios_armas_cdmx_2019_2024.csv");
  faro_test::TempDir tmp;
  const std::string out = tmp.file("counts.csv");
  Result r = faro("counts --sectors " + sectors + " --incidents " + incidents +
                  " --where \"grupo IN ('homicidio_doloso','lesiones_arma_fuego')\" --by year -o " + out);
  ASSERT_EQ(r.code, 0) << r.out;
  const auto c = parse_counts(read_file(out));
  // SOURCE.md: homicides + non-fatal shootings joined to sectores_2023, 2019..2024.
  const std::map<std::string, std::vector<long>> expected = {
      {"PLATEROS", {97, 54, 50, 30, 35, 26}},
      {"SANTA FE", {56, 36, 29, 33, 19, 23}},
      {"ALPES", {29, 16, 9, 13, 18, 12}},
      {"SAN ANGEL", {14, 5, 6, 2, 2, 3}}};
  for (const auto& [sector, years] : expected)
    for (int y = 0; y < 6; ++y)
      EXPECT_EQ(c.at(sector + "|" + std::to_string(2019 + y)), years[y]) << sector << " " << 2019 + y;
  EXPECT_EQ(c.size(), 73u * 6);  // 72 sectors + (outside), 6 years, zeros included

  // All 11,850 rows: SOURCE.md says 25 fall outside every sector.
  r = faro("counts --sectors " + sectors + " --incidents " + incidents + " -o " + out);
  ASSERT_EQ(r.code, 0) << r.out;
  const auto all = parse_counts(read_file(out));
  EXPECT_EQ(all.at("(outside)|all"), 25);
  long total = 0;
  for (auto& [k, v] : all) total += v;
  EXPECT_EQ(total, 11850);
}

TEST(Cli, InclusiveDateRangeAndIsoWeekLabels) {
  FARO_REQUIRE_SHARED(sectors, "cdmx-cuadrantes/sectores_2023.geojson");
  FARO_REQUIRE_SHARED(incidents, "cdmx-fgj-2019-2024/fgj_homicidios_armas_cdmx_2019_2024.csv");
  faro_test::TempDir tmp;
  const std::string out = tmp.file("weeks.csv");
  // 2020-12-28 .. 2021-01-10 spans ISO weeks 2020-W53 and 2021-W01.
  Result r = faro("counts --sectors " + sectors + " --incidents " + incidents +
                  " --from 2020-12-28 --to 2021-01-10 --by week -o " + out);
  ASSERT_EQ(r.code, 0) << r.out;
  const auto c = parse_counts(read_file(out));
  EXPECT_EQ(c.size(), 73u * 2);
  EXPECT_EQ(c.count("PLATEROS|2020-W53"), 1u);
  EXPECT_EQ(c.count("PLATEROS|2021-W01"), 1u);
  // --to is inclusive: the year-end total equals the documented 2019 row count when asked by day range.
  r = faro("counts --sectors " + sectors + " --incidents " + incidents +
           " --from 2019-01-01 --to 2019-12-31 -o " + out);
  ASSERT_EQ(r.code, 0) << r.out;
  long total = 0;
  for (auto& [k, v] : parse_counts(read_file(out))) total += v;
  EXPECT_EQ(total, 2815);  // SOURCE.md rows per year, 2019
}

TEST(Cli, InfoDescribesRealSources) {
  FARO_REQUIRE_SHARED(shp, "cdmx-cuadrantes/cuadrantes_population_2023.shp");
  Result r = faro("info " + shp);
  ASSERT_EQ(r.code, 0) << r.out;
  EXPECT_NE(r.out.find("ESRI Shapefile"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("features: 847"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("Nomenclatu:String"), std::string::npos) << r.out;
  FARO_REQUIRE_SHARED(gz, "cdmx-fgj-2019-2024/fgj_homicidios_armas_cdmx_2019_2024.csv");
  r = faro("info " + gz);
  ASSERT_EQ(r.code, 0) << r.out;
  EXPECT_NE(r.out.find("rows read: 11850"), std::string::npos) << r.out;
}

}  // namespace
