// File ▸ Export weekly brief from the dashboard: the job (app/brief_export_job.hpp) writes, from
// the dashboard's data snapshot, the same files `faro brief` writes for the same week (one code
// path, render/brief_writer.hpp): the internal CSV byte for byte, the partner CSV too (its own
// fresh ledger each, recorded before writing), and a one-page PDF. A week outside the data is
// refused in words and records nothing.
#include <gtest/gtest.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <thread>

#include "app/brief_export_job.hpp"
#include "app/headless_dashboard.hpp"
#include "app_test_util.hpp"
#include "io/disclosure_ledger.hpp"
#include "io/png_writer.hpp"
#include "test_support.hpp"

namespace faro::app {
namespace {
using namespace std::chrono_literals;

std::string slurp(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

std::string faro(const std::string& args) {
  std::string out;
  const int code = faro_test::run_command(std::string(FARO_BINARY) + " " + args, &out);
  EXPECT_EQ(code, 0) << args << "\n" << out;
  return out;
}

// Runs the dashboard's export of `week` to `path` and waits for it.
std::string export_brief(IsoWeek week, const std::string& path, bool internal,
                         const std::string& ledger) {
  Session session;
  session.language = Language::en;
  BriefExportJob job(faro_test::demo_snapshot(), session, week, path, internal, ledger);
  for (int i = 0; i < 12000 && !job.done(); ++i) std::this_thread::sleep_for(10ms);
  EXPECT_TRUE(job.done());
  EXPECT_DOUBLE_EQ(job.progress(), 1.0);
  return job.error();
}

TEST(BriefExport, DashboardCsvEqualsFaroBriefForTheSameWeek) {
  faro_test::TempDir tmp;
  const IsoWeek week{2023, 10};
  // Internal: everything shown, stamped.
  ASSERT_EQ(export_brief(week, tmp.file("app.csv"), true, ""), "");
  faro("brief --internal --lang en --week 2023-W10 -o " + tmp.file("cli.csv"));
  const std::string app_csv = slurp(tmp.file("app.csv"));
  EXPECT_EQ(app_csv.rfind("# USO INTERNO / INTERNAL USE\n", 0), 0u) << app_csv.substr(0, 80);
  EXPECT_GT(app_csv.size(), 200u);
  EXPECT_EQ(app_csv, slurp(tmp.file("cli.csv")));
  // Partner-safe: the same protection, level and notice, each against a fresh ledger, and the
  // brief recorded in the dashboard's ledger.
  const std::string ledger = tmp.file("app-ledger.tsv");
  ASSERT_EQ(export_brief(week, tmp.file("app-partner.csv"), false, ledger), "");
  faro("brief --lang en --week 2023-W10 --ledger " + tmp.file("cli-ledger.tsv") + " -o " +
       tmp.file("cli-partner.csv"));
  const std::string partner = slurp(tmp.file("app-partner.csv"));
  EXPECT_NE(partner.find("Protection"), std::string::npos) << partner.substr(0, 200);
  EXPECT_EQ(partner, slurp(tmp.file("cli-partner.csv")));
  EXPECT_EQ(slurp(ledger), slurp(tmp.file("cli-ledger.tsv")));
  EXPECT_FALSE(io::load_disclosure_ledger(ledger).facts.empty());
}

TEST(BriefExport, DashboardPdfIsOnePage) {
  faro_test::TempDir tmp;
  setenv("SOURCE_DATE_EPOCH", "1700000000", 1);
  const std::string pdf = tmp.file("brief.pdf");
  ASSERT_EQ(export_brief(IsoWeek{2023, 10}, pdf, true, ""), "");
  const std::string bytes = slurp(pdf);
  ASSERT_GT(bytes.size(), 10000u);
  EXPECT_EQ(bytes.rfind("%PDF-", 0), 0u);
  size_t pages = 0;
  for (size_t at = bytes.find("/Type /Page"); at != std::string::npos;
       at = bytes.find("/Type /Page", at + 1))
    pages += bytes.compare(at, 12, "/Type /Pages") != 0;
  EXPECT_EQ(pages, 1u);
  unsetenv("SOURCE_DATE_EPOCH");
}

TEST(BriefExport, AWeekOutsideTheDataIsRefusedAndRecordsNothing) {
  faro_test::TempDir tmp;
  const std::string ledger = tmp.file("ledger.tsv");
  const std::string e = export_brief(IsoWeek{2030, 1}, tmp.file("x.pdf"), false, ledger);
  EXPECT_NE(e.find("2030-W01 is outside the data"), std::string::npos) << e;
  EXPECT_FALSE(std::filesystem::exists(tmp.file("x.pdf")));
  EXPECT_FALSE(std::filesystem::exists(ledger));
}

// The dialog in the running dashboard (File ▸ Export weekly brief opens it with the brief window),
// for the week on the panel; the screenshot is written for a person to look at.
TEST(BriefExport, DialogOpensForThePanelsWeek) {
  if (!faro_test::have_gl()) GTEST_SKIP() << "no headless OpenGL";
  for (Language lang : {Language::es, Language::en}) {
    DashboardOptions o;
    o.width = 1280;
    o.height = 800;
    o.language = lang;
    HeadlessDashboard d(o);
    d.frame();
    ASSERT_TRUE(d.app().settle(120s));
    d.app().ui().show_brief_export();
    for (int i = 0; i < 4; ++i) d.frame();
    const auto week = last_complete_week(d.app().workspace().incidents);
    ASSERT_TRUE(week);
    const auto request = d.app().ui().brief_export_request();
    ASSERT_TRUE(request);
    EXPECT_EQ(format_iso_week(request->week), format_iso_week(*week));
    EXPECT_FALSE(request->internal) << "partner-safe by default, as faro brief";
    EXPECT_NE(request->path.find("brief-" + format_iso_week(*week) + "-partner.pdf"),
              std::string::npos);
    if (const char* dir = std::getenv("FARO_SCREENSHOT_DIR")) {
      const render::RgbaImage img = d.read();
      io::write_png_rgba(std::string(dir) + "/brief-export-" + (lang == Language::es ? "es" : "en") +
                             ".png",
                         img.pixels, img.width, img.height);
    }
  }
}

}  // namespace
}  // namespace faro::app
