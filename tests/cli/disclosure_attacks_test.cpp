// Issue 14's attacks on partner-safe exports, run as a hostile partner would on the real CDMX
// homicides and firearm injuries (FGJ 2019-2024, police sectors 2023): each must recover nothing.
// D1 groupings that overlap, D2 concurrent exports and a ledger that cannot be written, D3 a
// filter that isolates one incident. The maps (D4), hot spots (D5) and briefs (D6) have their
// own tests (disclosure_map_attacks_test.cpp).
#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <map>
#include <random>
#include <set>

#include "core/civil_time.hpp"
#include "disclosure_oracle.hpp"
#include "export_test_util.hpp"

namespace {
using namespace export_test;
using disclosure_oracle::Published;
using disclosure_oracle::recovered_small_counts;

constexpr const char* kSectors = "cdmx-cuadrantes/sectores_2023.geojson";
constexpr const char* kIncidents = "cdmx-fgj-2019-2024/fgj_homicidios_armas_cdmx_2019_2024.csv";

// The days a period label covers, clipped to [from, to_excl).
std::pair<int64_t, int64_t> period_days(const std::string& label, int64_t from, int64_t to_excl) {
  using namespace faro;
  int64_t a = from, b = to_excl;
  if (label.size() == 8 && label[4] == '-' && label[5] == 'W') {  // 2024-W36
    const int y = std::stoi(label.substr(0, 4)), w = std::stoi(label.substr(6));
    a = days_of_iso_week(y, w), b = a + 7;
  } else if (label.size() == 7 && label[4] == '-') {  // 2024-09
    const int y = std::stoi(label.substr(0, 4)), m = std::stoi(label.substr(5));
    a = days_from_civil(y, m, 1), b = m == 12 ? days_from_civil(y + 1, 1, 1) : days_from_civil(y, m + 1, 1);
  } else if (label.size() == 4) {
    const int y = std::stoi(label);
    a = days_from_civil(y, 1, 1), b = days_from_civil(y + 1, 1, 1);
  }
  return {std::max(a, from), std::min(b, to_excl)};
}

void add_published(Published& p, const std::string& csv, int64_t from, int64_t to_excl,
                   const std::string& tag = "") {
  for (const Record& r : read_csv_records(csv)) {
    if (!r.count) continue;
    const auto [a, b] = period_days(r.period, from, to_excl);
    p[tag + r.unit].emplace_back(a, b, *r.count);
  }
}

class DisclosureAttacks : public ::testing::Test {
 protected:
  void SetUp() override {
    sectors_ = std::string(FARO_SHARED_DATA) + "/" + kSectors;
    incidents_ = std::string(FARO_SHARED_DATA) + "/" + kIncidents;
    if (!std::filesystem::exists(sectors_) || !std::filesystem::exists(incidents_))
      GTEST_SKIP() << "real CDMX data absent under " << FARO_SHARED_DATA;
    setenv("FARO_CACHE_DIR", tmp_.path().c_str(), 1);
  }
  std::string data() const { return "--sectors " + sectors_ + " --incidents " + incidents_; }
  std::string sectors_, incidents_;
  faro_test::TempDir tmp_;
};

int64_t day(const char* iso) { return faro::days_of(faro::parse_cli_date(iso, "test")); }

TEST_F(DisclosureAttacks, D1_OverlappingGroupingsRecoverNothing) {
  const std::string ledger = " --ledger " + tmp_.file("L.tsv");
  // The attack as filed: a month table that starts on the 2nd is not a whole-month period.
  FaroRun r = run_faro("export " + data() + " --by month --from 2024-09-02 --to 2024-10-31" +
                       ledger + " -o " + tmp_.file("m0.csv"));
  EXPECT_EQ(r.code, 2) << r.out;
  EXPECT_NE(r.out.find("whole months"), std::string::npos) << r.out;
  EXPECT_FALSE(std::filesystem::exists(tmp_.file("m0.csv")));

  // Its lawful form: September and October, then ISO weeks 36..39 (2 to 29 September).
  Published p;
  r = run_faro("export " + data() + " --by month --from 2024-09-01 --to 2024-10-31" + ledger +
               " -o " + tmp_.file("m.csv"));
  ASSERT_EQ(r.code, 0) << r.out;
  add_published(p, tmp_.file("m.csv"), day("2024-09-01"), day("2024-11-01"));
  r = run_faro("export " + data() + " --by week --from 2024-09-02 --to 2024-09-29" + ledger +
               " -o " + tmp_.file("w.csv"));
  ASSERT_EQ(r.code, 0) << r.out;
  add_published(p, tmp_.file("w.csv"), day("2024-09-02"), day("2024-09-30"));
  for (const std::string& leak : recovered_small_counts(p)) ADD_FAILURE() << "recovered " << leak;

  // Randomized: windows of whole months or whole ISO weeks, overlapping, by week/month/none.
  std::mt19937 rng(2024);
  for (int trial = 0; trial < 3; ++trial) {
    Published q;
    const std::string lt = " --ledger " + tmp_.file("R" + std::to_string(trial) + ".tsv");
    for (int out = 0; out < 3; ++out) {
      const bool weeks = rng() % 2;
      int64_t a, b;
      std::string by;
      if (weeks) {
        a = faro::days_of_iso_week(2023, 30 + static_cast<int>(rng() % 6));
        b = a + 7 * (1 + static_cast<int64_t>(rng() % 5));
        by = rng() % 2 ? "week" : "none";
      } else {
        const int m = 7 + static_cast<int>(rng() % 3);
        a = faro::days_from_civil(2023, m, 1);
        b = faro::days_from_civil(2023, m + 1 + static_cast<int>(rng() % 2), 1);
        by = rng() % 2 ? "month" : "none";
      }
      const std::string from = faro::format_date(a * faro::kSecondsPerDay);
      const std::string to = faro::format_date((b - 1) * faro::kSecondsPerDay);
      const std::string out_csv = tmp_.file("r" + std::to_string(trial) + "_" + std::to_string(out) + ".csv");
      SCOPED_TRACE(from + ".." + to + " by " + by);
      const FaroRun rr = run_faro("export " + data() + " --by " + by + " --from " + from +
                                  " --to " + to + lt + " -o " + out_csv);
      if (rr.code != 0) {
        EXPECT_EQ(rr.code, 1) << rr.out;  // refused as a whole: nothing published
        EXPECT_FALSE(std::filesystem::exists(out_csv));
        continue;
      }
      add_published(q, out_csv, a, b);
    }
    for (const std::string& leak : recovered_small_counts(q))
      ADD_FAILURE() << "trial " << trial << " recovered " << leak;
  }
}

TEST_F(DisclosureAttacks, D2_ConcurrentExportsAuditEachOtherAndABadLedgerPublishesNothing) {
  const std::string ledger = tmp_.file("shared.tsv");
  const std::string base = std::string(FARO_BINARY) + " export " + data() +
                           " --category-field grupo --by year --from 2019-01-01 --to 2024-12-31"
                           " --ledger " + ledger;
  const std::string all = tmp_.file("all.csv"), most = tmp_.file("most.csv");
  const std::string both =
      "(" + base + " -o " + all + " >/dev/null 2>&1 & " + base +
      " --offence homicidio_doloso,lesiones_arma_fuego,portacion_arma_fuego,"
      "tentativa_homicidio,disparos_arma_fuego -o " + most + " >/dev/null 2>&1 & wait)";
  std::string out;
  ASSERT_EQ(faro_test::run_command(both, &out), 0) << out;
  ASSERT_TRUE(std::filesystem::exists(all) && std::filesystem::exists(most));
  std::map<std::string, long long> a;
  for (const Record& r : read_csv_records(all))
    if (r.count) a[r.unit + "|" + r.period] = *r.count;
  size_t compared = 0;
  for (const Record& r : read_csv_records(most)) {
    const auto it = a.find(r.unit + "|" + r.period);
    if (!r.count || it == a.end()) continue;
    ++compared;
    const long long feminicides = it->second - *r.count;
    EXPECT_FALSE(feminicides >= 1 && feminicides <= 4)
        << r.unit << " " << r.period << ": " << it->second << " - " << *r.count;
  }
  EXPECT_GT(compared, 20u) << "both exports still publish most cells";
  // Both runs are in the ledger (neither overwrote the other).
  const std::string text = read_bytes(ledger);
  EXPECT_NE(text.find("grupo=disparos_arma_fuego|"), std::string::npos);
  size_t unfiltered = 0;
  for (size_t at = text.find("\nF\t\t"); at != std::string::npos; at = text.find("\nF\t\t", at + 1))
    ++unfiltered;
  EXPECT_GT(unfiltered, 100u);

  // A ledger path inside a file: refused before anything is written.
  const std::string blocker = tmp_.file("blocker.txt");
  { std::ofstream(blocker) << "x"; }
  const std::string out_csv = tmp_.file("never.csv");
  const FaroRun r = run_faro("export " + data() + " --by year --from 2024-01-01 --to 2024-12-31 "
                             "--ledger " + blocker + "/ledger.tsv -o " + out_csv);
  EXPECT_EQ(r.code, 1) << r.out;
  EXPECT_FALSE(std::filesystem::exists(out_csv)) << "an unrecorded export must not be written";
}

TEST_F(DisclosureAttacks, D3_AFilterThatIsolatesOneIncidentPublishesNothing) {
  const std::string ledger = " --ledger " + tmp_.file("L.tsv");
  FaroRun r = run_faro("export " + data() + " --where \"id = 5000\" --by month" + ledger + " -o " +
                       tmp_.file("one.csv"));
  EXPECT_EQ(r.code, 2) << r.out;
  EXPECT_NE(r.out.find("--where"), std::string::npos) << r.out;
  EXPECT_FALSE(std::filesystem::exists(tmp_.file("one.csv")));
  // The lawful way to narrow: one rare offence in one month. Fewer than 5 in all: nothing shows
  // where or when (every cell, zeros included, is hidden).
  r = run_faro("export " + data() + " --offence \"FEMINICIDIO POR DISPARO DE ARMA DE FUEGO\" "
               "--by month --from 2024-09-01 --to 2024-09-30" + ledger + " -o " + tmp_.file("rare.csv"));
  ASSERT_EQ(r.code, 0) << r.out;
  const auto recs = read_csv_records(tmp_.file("rare.csv"));
  ASSERT_FALSE(recs.empty());
  long long published_nonzero = 0;
  size_t hidden = 0;
  for (const Record& rec : recs) {
    if (rec.count && *rec.count > 0) ++published_nonzero;
    if (!rec.count) ++hidden;
  }
  EXPECT_EQ(published_nonzero, 0);
  EXPECT_EQ(hidden, recs.size()) << "a total below 5 hides every cell, zeros included";
  // And a sector whose own total is 1..4 is hidden as a whole, across every month.
  r = run_faro("export " + data() + " --by month --from 2024-01-01 --to 2024-06-30" + ledger +
               " -o " + tmp_.file("h1.csv"));
  ASSERT_EQ(r.code, 0) << r.out;
  std::map<std::string, std::vector<Record>> by_unit;
  for (const Record& rec : read_csv_records(tmp_.file("h1.csv"))) by_unit[rec.unit].push_back(rec);
  for (const auto& [unit, rows] : by_unit) {
    bool small_total = false;
    for (const Record& rec : rows) small_total |= rec.period == "total" && !rec.count;
    if (!small_total) continue;
    for (const Record& rec : rows) EXPECT_FALSE(rec.count && *rec.count == 0 && unit[0] != '(')
        << unit << " " << rec.period << ": a zero beside a hidden small total says when";
  }
}

}  // namespace
