// The dashboard's partner-safe exports follow the partner rules of `faro render` (issue 14): no
// hour/weekday/sector filters, whole weeks or months, and a map that differs from one already
// given out by 1..k-1 incidents is refused in the session's language (the ledger records it).
#include <gtest/gtest.h>

#include <chrono>
#include <filesystem>
#include <thread>

#include "app/export_job.hpp"
#include "app/partner_ledger.hpp"
#include "app_test_util.hpp"
#include "core/civil_time.hpp"
#include "io/disclosure_ledger.hpp"
#include "test_support.hpp"

namespace faro {
namespace {
using namespace std::chrono_literals;

std::string run(const Session& s, const std::string& png) {
  app::ExportJob job(faro_test::demo_snapshot(s.filter), s, png, 320, 240);
  for (int i = 0; i < 6000 && !job.done(); ++i) std::this_thread::sleep_for(10ms);
  EXPECT_TRUE(job.done());
  return job.error();
}

CivilSeconds date(int y, unsigned m, unsigned d) { return days_from_civil(y, m, d) * kSecondsPerDay; }

TEST(PartnerExportRules, FiltersThatCanIsolateIncidentsAreRefusedInWords) {
  if (!faro_test::have_gl()) GTEST_SKIP() << "no headless OpenGL";
  faro_test::TempDir tmp;
  setenv("FARO_LEDGER", tmp.file("L.tsv").c_str(), 1);
  Session s;
  s.language = Language::en;
  s.filter.hour_mask = 0x00FF00;
  std::string e = run(s, tmp.file("a.png"));
  EXPECT_NE(e.find("clear the hour, weekday and sector filters"), std::string::npos) << e;
  EXPECT_FALSE(std::filesystem::exists(tmp.file("a.png")));
  s.filter = {};
  s.language = Language::es;
  s.filter.from = date(2024, 1, 3);
  s.filter.to_exclusive = date(2024, 1, 21);
  e = run(s, tmp.file("b.png"));
  EXPECT_NE(e.find("semanas ISO completas"), std::string::npos) << e;
  // Whole ISO weeks are drawn and recorded.
  s.filter.from = date(2024, 1, 1);
  s.filter.to_exclusive = date(2024, 1, 29);
  e = run(s, tmp.file("c.png"));
  EXPECT_TRUE(e.empty()) << e;
  EXPECT_TRUE(std::filesystem::exists(tmp.file("c.png")));
  const DisclosureLedger ledger = io::load_disclosure_ledger(tmp.file("L.tsv"));
  ASSERT_EQ(ledger.maps.size(), 1u);
  EXPECT_EQ(ledger.maps[0].first_day, days_from_civil(2024, 1, 1));
  EXPECT_EQ(ledger.maps[0].end_day, days_from_civil(2024, 1, 29));
  unsetenv("FARO_LEDGER");
}

TEST(PartnerExportRules, AMapAFewIncidentsFromOneGivenOutIsRefused) {
  const auto ws = faro_test::demo_workspace();
  faro_test::TempDir tmp;
  const std::string ledger = tmp.file("L.tsv");
  // One offence of the demo city, whole weeks; find a week with 1..4 of it after a 4-week window.
  ASSERT_GT(ws->incidents.categories.size(), 1u);
  for (size_t code = 1; code < ws->incidents.categories.size(); ++code) {
    FilterState f;
    f.categories = {ws->incidents.categories.name(static_cast<uint16_t>(code))};
    for (int week = 2; week < 50; ++week) {
      const int64_t a = days_of_iso_week(2023, week);
      int64_t n = 0;
      for (size_t i = 0; i < ws->incidents.size(); ++i) {
        const int64_t d = days_of(ws->incidents.t[i]);
        n += ws->incidents.category[i] == code && d >= a + 28 && d < a + 35;
      }
      if (n < 1 || n > 4) continue;
      f.from = a * kSecondsPerDay;
      f.to_exclusive = (a + 28) * kSecondsPerDay;
      app::record_partner_maps(*ws, {partner_map_record(*ws, f)}, Language::en, 5, ledger);
      f.to_exclusive = (a + 35) * kSecondsPerDay;
      try {
        app::record_partner_maps(*ws, {partner_map_record(*ws, f)}, Language::en, 5, ledger);
        ADD_FAILURE() << "a map " << n << " incidents from one given out was not refused";
      } catch (const std::exception& e) {
        EXPECT_NE(std::string(e.what()).find("by only " + std::to_string(n) + " incidents"),
                  std::string::npos)
            << e.what();
      }
      EXPECT_EQ(io::load_disclosure_ledger(ledger).maps.size(), 1u) << "the refused map is not recorded";
      return;
    }
  }
  GTEST_SKIP() << "the demo city has no offence-week with 1..4 incidents";
}

}  // namespace
}  // namespace faro
