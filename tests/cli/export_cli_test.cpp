// `faro export` on random subsets of the demo city: in every format, no published count in
// 1..k-1, totals consistent with the true counts (`faro counts`), no input coordinate or finer
// date in the bytes, the differencing ledger, internal stamps and usage errors.
#include <gtest/gtest.h>
#include <ogr_spatialref.h>

#include <cstdlib>
#include <map>
#include <random>
#include <regex>
#include <set>

#include "core/civil_time.hpp"
#include "export_test_util.hpp"
#include "io/demo_writer.hpp"

namespace {
using namespace export_test;

// True counts per "unit|period" from `faro counts` (sector,period,count), with the row totals
// ("unit|total"), column totals ("(total)|period") and grand total added.
std::map<std::string, long long> true_counts(const std::string& filters) {
  faro_test::TempDir tmp;
  const FaroRun r = run_faro("counts " + filters + " -o " + tmp.file("c.csv"));
  EXPECT_EQ(r.code, 0) << r.out;
  struct Row {
    std::string unit, period;
    long long v;
  };
  std::vector<Row> rows;
  std::set<std::string> periods;
  std::istringstream in(read_bytes(tmp.file("c.csv")));
  std::string line;
  std::getline(in, line);
  while (std::getline(in, line)) {
    const size_t c2 = line.rfind(','), c1 = line.rfind(',', c2 - 1);
    std::string unit = line.substr(0, c1);
    if (unit.size() > 1 && unit.front() == '"') unit = unit.substr(1, unit.size() - 2);
    rows.push_back({unit, line.substr(c1 + 1, c2 - c1 - 1), std::stoll(line.substr(c2 + 1))});
    periods.insert(rows.back().period);
  }
  // A single period has no separate "total" column (it would repeat the period).
  const bool single = periods.size() == 1;
  std::map<std::string, long long> m;
  for (const Row& row : rows) {
    m[row.unit + "|" + row.period] += row.v;
    m["(total)|" + row.period] += row.v;
    if (!single) m[row.unit + "|total"] += row.v, m["(total)|total"] += row.v;
  }
  return m;
}

class ExportCli : public ::testing::Test {
 protected:
  void SetUp() override { setenv("FARO_CACHE_DIR", cache_.path().c_str(), 1); }
  void TearDown() override { unsetenv("FARO_CACHE_DIR"); }
  std::string ledger() const { return cache_.file("ledger.tsv"); }
  faro_test::TempDir cache_, tmp_;
};

TEST_F(ExportCli, RandomDemoSubsetsPublishNoSmallCountsNoCoordinatesInAnyFormat) {
  std::mt19937 rng(7);
  const char* by[] = {"none", "week", "month", "year"};
  std::optional<Needles> needles;
  for (int trial = 0; trial < 6; ++trial) {
    const int year = 2019 + static_cast<int>(rng() % 5), month = 1 + static_cast<int>(rng() % 9);
    const int months = 1 + static_cast<int>(rng() % 8);
    char from[16], to[16];
    std::snprintf(from, sizeof from, "%04d-%02d-01", year, month);
    // Partner periods are whole months (or ISO weeks): end on the month's last day.
    const int last_month = std::min(12, month + months);
    const int last_day = last_month == 2 ? (year % 4 == 0 ? 29 : 28)
                         : (last_month == 4 || last_month == 6 || last_month == 9 || last_month == 11) ? 30
                                                                                                  : 31;
    std::snprintf(to, sizeof to, "%04d-%02d-%02d", year, last_month, last_day);
    const std::string period = by[trial % 4];
    if (period == "week") {  // whole ISO weeks: from the Monday to the Sunday around the months
      const int64_t first = faro::days_from_civil(year, month, 1);
      const int64_t last = faro::days_from_civil(year, last_month, last_day);
      std::snprintf(from, sizeof from, "%s",
                    faro::format_date((first - faro::weekday_of_days(first)) * faro::kSecondsPerDay).c_str());
      std::snprintf(to, sizeof to, "%s",
                    faro::format_date((last + 6 - faro::weekday_of_days(last)) * faro::kSecondsPerDay).c_str());
    } else if (period == "year") {
      std::snprintf(from, sizeof from, "%04d-01-01", year);
      std::snprintf(to, sizeof to, "%04d-12-31", year);
    }
    const std::string filters = std::string("--from ") + from + " --to " + to + " --by " + period;
    const std::string ext = trial % 3 == 0 ? "csv" : trial % 3 == 1 ? "geojson" : "gpkg";
    SCOPED_TRACE(filters + " ." + ext);
    const std::string out = tmp_.file("t" + std::to_string(trial) + "." + ext);
    // Each trial gets its own ledger: this test is about one export at a time.
    const FaroRun r = run_faro("export " + filters + " --ledger " + ledger() +
                               std::to_string(trial) + " -o " + out);
    ASSERT_EQ(r.code, 0) << r.out;
    if (!needles) needles = demo_coordinate_needles(400);
    ASSERT_GT(needles->text.size(), 1000u);

    const std::vector<Record> recs =
        ext == "csv" ? read_csv_records(out) : read_vector_records(out);
    const auto truth = true_counts(filters);
    ASSERT_EQ(recs.size(), truth.size());
    size_t hidden = 0;
    for (const Record& rec : recs) {
      const auto it = truth.find(rec.unit + "|" + rec.period);
      ASSERT_NE(it, truth.end()) << rec.unit << "|" << rec.period;
      EXPECT_EQ(rec.suppressed, !rec.count.has_value());
      if (rec.count) {
        EXPECT_FALSE(*rec.count >= 1 && *rec.count < 5) << rec.unit << " " << rec.period;
        EXPECT_EQ(*rec.count, it->second) << "published counts are the true counts";
      } else {
        ++hidden;
      }
      if (ext != "csv") {
        EXPECT_EQ(rec.has_geometry, rec.unit != "(outside)" && rec.unit != "(total)");
      }
    }
    EXPECT_GT(hidden, 0u) << "demo subsets have small counts";

    // Bytes: no coordinate of any sampled incident, except strings that the sector geometry
    // alone produces (found in an export of the same sectors with no incidents at all).
    const std::string baseline = tmp_.file("empty" + std::to_string(trial) + "." + ext);
    ASSERT_EQ(run_faro("export --from 1990-01-01 --to 1990-01-31 --ledger " + ledger() + "x" +
                       std::to_string(trial) + " -o " + baseline)
                  .code,
              0);
    const std::string bytes = read_bytes(out), base = read_bytes(baseline);
    size_t explained = 0;
    for (const std::string& s : needles->text) {
      if (bytes.find(s) == std::string::npos) continue;
      if (base.find(s) != std::string::npos) {
        ++explained;
        continue;
      }
      ADD_FAILURE() << "incident coordinate text " << s << " in " << out;
    }
    for (const std::string& b : needles->binary)
      EXPECT_EQ(bytes.find(b), std::string::npos) << "incident coordinate bytes in " << out;
    EXPECT_LT(explained, needles->text.size() / 20) << "geometry explains only a few strings";
    // No dates finer than the period (GeoPackage headers hold the file's own timestamp).
    if (ext != "gpkg") {
      EXPECT_FALSE(std::regex_search(bytes, std::regex("\\d{4}-\\d{2}-\\d{2}"))) << out;
    }
  }
}

TEST_F(ExportCli, LedgerHidesCellsThatDifferBySmallAmountsFromAnEarlierExport) {
  // Two exports a few days apart (whole months, then whole ISO weeks around them): every cell
  // published by both differs by 0 or by k or more.
  const std::string a = tmp_.file("a.csv"), b = tmp_.file("b.csv");
  ASSERT_EQ(
      run_faro("export --from 2022-01-01 --to 2022-06-30 --ledger " + ledger() + " -o " + a).code,
      0);
  const FaroRun r =
      run_faro("export --from 2021-12-27 --to 2022-07-03 --ledger " + ledger() + " -o " + b);
  ASSERT_EQ(r.code, 0) << r.out;
  EXPECT_NE(r.out.find("differing by less than k"), std::string::npos) << r.out;
  std::map<std::string, long long> first;
  for (const Record& rec : read_csv_records(a))
    if (rec.count) first[rec.unit + "|" + rec.period] = *rec.count;
  size_t compared = 0;
  for (const Record& rec : read_csv_records(b)) {
    auto it = first.find(rec.unit + "|" + rec.period);
    if (!rec.count || it == first.end()) continue;
    ++compared;
    const long long d = std::llabs(*rec.count - it->second);
    EXPECT_TRUE(d == 0 || d >= 5) << rec.unit << ": " << it->second << " then " << *rec.count;
  }
  EXPECT_GT(compared, 5u);
}

TEST_F(ExportCli, InternalExportsAreStampedAndRaw) {
  const std::string csv = tmp_.file("i.csv"), gj = tmp_.file("i.geojson"),
                    gpkg = tmp_.file("i.gpkg");
  for (const std::string& out : {csv, gj, gpkg})
    ASSERT_EQ(run_faro("export --internal --by year -o " + out).code, 0);
  std::string notice, header;
  const auto recs = read_csv_records(csv, &notice, &header);
  EXPECT_EQ(notice.rfind("# USO INTERNO / INTERNAL USE", 0), 0u) << notice;
  EXPECT_EQ(header, "sector,period,count,suppressed");
  for (const Record& rec : recs) {
    EXPECT_FALSE(rec.suppressed);
  }
  // GDAL escapes "/" in JSON strings.
  EXPECT_NE(read_bytes(gj).find("\"description\": \"USO INTERNO \\/ INTERNAL USE"),
            std::string::npos);
  read_vector_records(gpkg, &notice);
  EXPECT_EQ(notice.rfind("USO INTERNO / INTERNAL USE", 0), 0u) << notice;
  // Partner-safe files say what protection was applied.
  ASSERT_EQ(run_faro("export --by year --ledger " + ledger() + " -o " + csv).code, 0);
  read_csv_records(csv, &notice);
  EXPECT_EQ(notice.rfind("# Protección: conteos < 5 suprimidos, unidad: sector / Protection:", 0),
            0u)
      << notice;
}

TEST_F(ExportCli, UsageErrors) {
  EXPECT_EQ(run_faro("export --k 3 -o " + tmp_.file("x.csv")).code, 2);     // k only upward
  EXPECT_EQ(run_faro("export -o " + tmp_.file("x.txt")).code, 2);           // unknown format
  EXPECT_EQ(run_faro("export --by day -o " + tmp_.file("x.csv")).code, 2);  // finer than allowed
  EXPECT_EQ(run_faro("export --by year").code, 2);                          // no output
  const FaroRun k7 =
      run_faro("export --k 7 --by year --ledger " + ledger() + " -o " + tmp_.file("k.csv"));
  EXPECT_EQ(k7.code, 0) << k7.out;
  for (const Record& rec : read_csv_records(tmp_.file("k.csv")))
    if (rec.count) {
      EXPECT_FALSE(*rec.count >= 1 && *rec.count < 7);
    }
}

}  // namespace
