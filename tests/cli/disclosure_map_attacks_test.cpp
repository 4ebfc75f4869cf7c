// Issue 14's attacks on partner-safe maps and hot spots (D4, D5), as a hostile partner would run
// them on the real CDMX homicides and firearm injuries: each must be refused or recover nothing.
#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <map>
#include <random>

#include "core/civil_time.hpp"
#include "export_test_util.hpp"

namespace {
using namespace export_test;

constexpr const char* kSectors = "cdmx-cuadrantes/sectores_2023.geojson";
constexpr const char* kIncidents = "cdmx-fgj-2019-2024/fgj_homicidios_armas_cdmx_2019_2024.csv";

class MapAttacks : public ::testing::Test {
 protected:
  void SetUp() override {
    sectors_ = std::string(FARO_SHARED_DATA) + "/" + kSectors;
    incidents_ = std::string(FARO_SHARED_DATA) + "/" + kIncidents;
    if (!std::filesystem::exists(sectors_) || !std::filesystem::exists(incidents_))
      GTEST_SKIP() << "real CDMX data absent under " << FARO_SHARED_DATA;
    setenv("FARO_CACHE_DIR", tmp_.path().c_str(), 1);
  }
  std::string data() const { return "--sectors " + sectors_ + " --incidents " + incidents_; }
  std::string ledger() const { return " --ledger " + tmp_.file("L.tsv"); }
  FaroRun render(const std::string& extra, const std::string& name) const {
    return run_faro("render " + data() + " --width 480 --height 320 --lang en" + ledger() + " " +
                    extra + " -o " + tmp_.file(name));
  }
  // (total) per ISO week of one offence, from an internal export (the analyst's raw counts).
  std::map<std::string, long long> weekly_totals(const std::string& offence, const std::string& from,
                                                 const std::string& to) const {
    const std::string csv = tmp_.file("raw.csv");
    const FaroRun r = run_faro("export --internal " + data() + " --offence \"" + offence +
                               "\" --by week --from " + from + " --to " + to + " -o " + csv);
    EXPECT_EQ(r.code, 0) << r.out;
    std::map<std::string, long long> out;
    for (const Record& rec : read_csv_records(csv))
      if (rec.unit == "(total)" && rec.count) out[rec.period] = *rec.count;
    return out;
  }
  std::string sectors_, incidents_;
  faro_test::TempDir tmp_;
};

TEST_F(MapAttacks, D4_MapsThatDifferByAFewIncidentsAreRefused) {
  // As filed: windows that differ by one day through --where, or by one day through --to.
  FaroRun r = render("--where \"fecha_hecho < '2024-09-30'\" --color-max 30", "a.png");
  EXPECT_EQ(r.code, 2) << r.out;
  r = render("--from 2024-09-02 --to 2024-09-30", "b.png");
  EXPECT_EQ(r.code, 2) << r.out;
  EXPECT_NE(r.out.find("whole ISO weeks"), std::string::npos) << r.out;
  EXPECT_FALSE(std::filesystem::exists(tmp_.file("b.png")));

  // Lawful windows of whole weeks that differ by one week of a rare offence: refused in words.
  const std::string offence = "HOMICIDIO POR ARMA BLANCA";
  const auto weeks = weekly_totals(offence, "2024-09-02", "2024-10-06");
  ASSERT_EQ(weeks.at("2024-W40"), 3) << "the fixture week of the real file";
  r = render("--offence \"" + offence + "\" --from 2024-09-02 --to 2024-09-29", "c.png");
  ASSERT_EQ(r.code, 0) << r.out;
  r = render("--offence \"" + offence + "\" --from 2024-09-02 --to 2024-10-06", "d.png");
  EXPECT_EQ(r.code, 1) << r.out;
  EXPECT_NE(r.out.find("differs from a map already given out (2024-09-02 to 2024-09-29) by only 3"),
            std::string::npos) << r.out;
  EXPECT_FALSE(std::filesystem::exists(tmp_.file("d.png")));
  // The same map again is fine (it reveals nothing new).
  r = render("--offence \"" + offence + "\" --from 2024-09-02 --to 2024-09-29", "c2.png");
  EXPECT_EQ(r.code, 0) << r.out;

  // Randomized: windows of 1..4 whole weeks in autumn 2024 with one of three offences; every map
  // given out differs from every other given out by 0 or at least 5 incidents (independent counts).
  const std::vector<std::string> offences = {"HOMICIDIO POR ARMA BLANCA", "TENTATIVA DE HOMICIDIO",
                                             "DISPAROS DE ARMA DE FUEGO"};
  std::map<std::string, std::map<std::string, long long>> totals;
  for (const std::string& o : offences) totals[o] = weekly_totals(o, "2024-09-02", "2024-11-03");
  struct Given { std::string offence; int first, last; };
  std::vector<Given> given;
  std::mt19937 rng(40);
  for (int trial = 0; trial < 8; ++trial) {
    const std::string& o = offences[rng() % offences.size()];
    const int first = 36 + static_cast<int>(rng() % 5), last = first + static_cast<int>(rng() % 4);
    const int64_t a = faro::days_of_iso_week(2024, first), b = faro::days_of_iso_week(2024, last) + 6;
    const std::string from = faro::format_date(a * faro::kSecondsPerDay);
    const std::string to = faro::format_date(b * faro::kSecondsPerDay);
    const FaroRun rr = run_faro("render " + data() + " --width 320 --height 240" + ledger() +
                                " --offence \"" + o + "\" --from " + from + " --to " + to + " -o " +
                                tmp_.file("r" + std::to_string(trial) + ".png"));
    ASSERT_TRUE(rr.code == 0 || rr.code == 1) << rr.out;
    if (rr.code == 0) given.push_back({o, first, last});
  }
  auto count = [&](const Given& g, int week) {
    char label[16];
    std::snprintf(label, sizeof label, "2024-W%02d", week);
    const auto it = totals[g.offence].find(label);
    return week >= g.first && week <= g.last && it != totals[g.offence].end() ? it->second : 0LL;
  };
  for (size_t i = 0; i < given.size(); ++i)
    for (size_t j = 0; j < i; ++j) {
      long long diff = 0;
      for (int w = 36; w <= 44; ++w) {
        if (given[i].offence == given[j].offence)
          diff += std::llabs(count(given[i], w) - count(given[j], w));
        else
          diff += count(given[i], w) + count(given[j], w);
      }
      EXPECT_TRUE(diff == 0 || diff >= 5) << "maps " << i << " and " << j << " differ by " << diff;
    }
  EXPECT_GE(given.size(), 2u);
}

TEST_F(MapAttacks, D5_TinyHotSpotCellsAreRefused) {
  const std::string base = "hotspots " + data() + ledger() + " --unit grid ";
  FaroRun r = run_faro(base + "--cell 25 --permutations 0 --from 2024-09-30 --to 2024-09-30 -o " +
                       tmp_.file("a.csv"));
  EXPECT_EQ(r.code, 2) << r.out;
  r = run_faro(base + "--cell 100 --from 2024-09-30 --to 2024-10-06 -o " + tmp_.file("b.geojson"));
  EXPECT_EQ(r.code, 2) << r.out;
  EXPECT_NE(r.out.find("at least 500 m"), std::string::npos) << r.out;
  r = run_faro(base + "--cell 500 --permutations 0 --from 2024-09-30 --to 2024-10-06 -o " +
               tmp_.file("c.csv"));
  EXPECT_EQ(r.code, 2) << r.out;
  EXPECT_FALSE(std::filesystem::exists(tmp_.file("a.csv")) || std::filesystem::exists(tmp_.file("b.geojson")) ||
               std::filesystem::exists(tmp_.file("c.csv")));
  // The lawful minimum, for a week with fewer than 5 incidents of one offence: no cell's count
  // is published (a total below 5 hides every unit, zeros included).
  r = run_faro(base + "--cell 500 --permutations 99 --offence \"HOMICIDIO POR ARMA BLANCA\" "
               "--from 2024-09-30 --to 2024-10-06 -o " + tmp_.file("d.csv"));
  ASSERT_EQ(r.code, 0) << r.out;
  const std::string csv = read_bytes(tmp_.file("d.csv"));
  std::istringstream in(csv);
  std::string line, header;
  while (std::getline(in, header) && header.rfind("#", 0) == 0) {}
  size_t rows = 0;
  while (std::getline(in, line)) {
    ++rows;
    const size_t c1 = line.find(',');
    const std::string count = line.substr(c1 + 1, line.find(',', c1 + 1) - c1 - 1);
    EXPECT_EQ(count, "<5") << "a published count among hidden cells: " << line;
  }
  EXPECT_GT(rows, 10u) << header;
}

}  // namespace
