// Issue 14, D6: a partner who receives every weekly partner brief subtracts consecutive briefs
// (ytd(W) - ytd(W-1) = week W, period sums that overlap). With the ledger, no count of 1..4 per
// unit can be solved for from the printed numbers of several consecutive briefs (real CDMX data).
#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>

#include "core/civil_time.hpp"
#include "core/time_bins.hpp"
#include "disclosure_oracle.hpp"
#include "export_test_util.hpp"

namespace {
using namespace export_test;

constexpr const char* kSectors = "cdmx-cuadrantes/sectores_2023.geojson";
constexpr const char* kIncidents = "cdmx-fgj-2019-2024/fgj_homicidios_armas_cdmx_2019_2024.csv";

std::vector<std::string> split_csv(const std::string& line) {
  std::vector<std::string> out;
  std::string cur;
  bool quoted = false;
  for (char c : line) {
    if (c == '"') quoted = !quoted;
    else if (c == ',' && !quoted) out.push_back(cur), cur.clear();
    else cur += c;
  }
  out.push_back(cur);
  return out;
}

bool is_count(const std::string& s) { return !s.empty() && s.find_first_not_of("0123456789") == std::string::npos; }

// Adds what one brief CSV prints: per unit, each count column as (days, value). The level comes
// from the notice ("level: 4 weeks to ...": periods of 4 ISO weeks ending with `week`).
void add_brief(disclosure_oracle::Published& p, const std::string& csv, int year, int week) {
  using namespace faro;
  const std::string text = read_bytes(csv);
  int span = 1;
  if (text.find("level: 4 weeks") != std::string::npos) span = 4;
  if (text.find("level: 13 weeks") != std::string::npos) span = 13;
  const int64_t sel = bin_of(BinKind::week, days_of_iso_week(year, week) * kSecondsPerDay);
  const int64_t ly_sel = bin_of(BinKind::week, days_of_iso_week(year - 1, week) * kSecondsPerDay);
  const int64_t ytd0 = bin_of(BinKind::week, days_of_iso_week(year, 1) * kSecondsPerDay);
  const int64_t ly_ytd0 = bin_of(BinKind::week, days_of_iso_week(year - 1, 1) * kSecondsPerDay);
  auto day = [](int64_t bin) { return days_of(bin_start(BinKind::week, bin)); };
  const int64_t n = span;
  const std::pair<int64_t, int64_t> cols[] = {{sel - n + 1, sel},         {sel - 2 * n + 1, sel - n},
                                              {sel - 5 * n + 1, sel - n}, {ly_sel - n + 1, ly_sel},
                                              {ytd0, sel},                {ly_ytd0, ly_sel}};
  std::istringstream in(text);
  std::string line;
  std::getline(in, line);  // notice
  std::getline(in, line);  // header
  while (std::getline(in, line)) {
    const std::vector<std::string> f = split_csv(line);
    if (f.size() < 7) continue;
    for (size_t c = 0; c < 6; ++c) {
      std::string v = f[1 + c];
      long long value = 0;
      if (c == 2) {  // mean_prev4 with 3 decimals = count / 4
        if (v.find_first_not_of("0123456789.") != std::string::npos || v.empty()) continue;
        value = std::llround(std::stod(v) * 4);
      } else {
        if (!is_count(v)) continue;
        value = std::stoll(v);
      }
      p[f[0]].emplace_back(day(cols[c].first), day(cols[c].second + 1), value);
    }
  }
}

TEST(DisclosureBriefAttack, D6_ConsecutivePartnerBriefsCannotBeSubtracted) {
  const std::string sectors = std::string(FARO_SHARED_DATA) + "/" + kSectors;
  const std::string incidents = std::string(FARO_SHARED_DATA) + "/" + kIncidents;
  if (!std::filesystem::exists(sectors) || !std::filesystem::exists(incidents))
    GTEST_SKIP() << "real CDMX data absent under " << FARO_SHARED_DATA;
  faro_test::TempDir tmp;
  setenv("FARO_CACHE_DIR", tmp.path().c_str(), 1);
  disclosure_oracle::Published held;
  for (int week = 36; week <= 41; ++week) {
    const std::string out = tmp.file("b" + std::to_string(week) + ".csv");
    const FaroRun r = run_faro("brief --sectors " + sectors + " --incidents " + incidents +
                               " --lang en --week 2024-W" + std::to_string(week) + " --ledger " +
                               tmp.file("L.tsv") + " -o " + out);
    ASSERT_EQ(r.code, 0) << r.out;
    add_brief(held, out, 2024, week);
  }
  ASSERT_GT(held.size(), 20u);
  for (const std::string& leak : disclosure_oracle::recovered_small_counts(held))
    ADD_FAILURE() << "recovered " << leak;
}

}  // namespace
