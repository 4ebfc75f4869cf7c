// File ▸ Export evaluation report from the dashboard: the job (app/evaluation_export_job.hpp)
// evaluates the panel's program from the dashboard's data snapshot and writes, through the one
// code path of `faro evaluate -o report.pdf`, the same report (the same text, read back with
// pdftotext when it is installed); the dashboard's date filter is stated as not applying; a path
// that is not a PDF is refused in words. The dialog opens in the running dashboard for the
// evaluation panel's program, partner-safe by default (screenshot written for a person to look at
// with FARO_SCREENSHOT_DIR).
#include <gtest/gtest.h>

#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <thread>

#include "app/evaluation_export_job.hpp"
#include "app/headless_dashboard.hpp"
#include "app_test_util.hpp"
#include "io/png_writer.hpp"
#include "test_support.hpp"

namespace faro::app {
namespace {
using namespace std::chrono_literals;

bool have_pdftotext() { return std::system("command -v pdftotext > /dev/null 2>&1") == 0; }

// The PDF's text with every run of white space made one space (lines wrap anywhere).
std::string pdf_text(const std::string& path) {
  std::string out;
  EXPECT_EQ(faro_test::run_command("pdftotext '" + path + "' -", &out), 0) << out;
  std::string flat;
  for (char c : out) {
    const bool space = c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '\f';
    if (space && (flat.empty() || flat.back() == ' ')) continue;
    flat += space ? ' ' : c;
  }
  return flat;
}

// Runs the dashboard's export and waits for it; returns the job's error ("" on success).
std::string export_report(const Session& session, const FilterState& filter,
                          EvaluationExportSpec spec, int* pages = nullptr) {
  EvaluationExportJob job(faro_test::demo_snapshot(filter), session, std::move(spec));
  for (int i = 0; i < 30000 && !job.done(); ++i) std::this_thread::sleep_for(10ms);
  EXPECT_TRUE(job.done());
  EXPECT_DOUBLE_EQ(job.progress(), 1.0);
  if (pages) *pages = job.pages();
  return job.error();
}

TEST(EvaluationExport, DashboardReportEqualsFaroEvaluate) {
  faro_test::TempDir tmp;
  setenv("SOURCE_DATE_EPOCH", "1700000000", 1);
  Session session;
  session.language = Language::en;
  const std::string app_pdf = tmp.file("app.pdf"), cli_pdf = tmp.file("cli.pdf");
  int pages = 0;
  ASSERT_EQ(export_report(session, {},
                          {"Alto al Fuego - Fase 1", 52, EvalBin::week, app_pdf, false}, &pages),
            "");
  ASSERT_TRUE(std::filesystem::exists(app_pdf));
  EXPECT_GE(pages, 2);
  EXPECT_LE(pages, 4);
  std::string out;
  ASSERT_EQ(faro_test::run_command(std::string(FARO_BINARY) +
                                       " evaluate --lang en --program 'Alto al Fuego - Fase 1' "
                                       "-o " + cli_pdf,
                                   &out),
            0)
      << out;
  unsetenv("SOURCE_DATE_EPOCH");
  if (!have_pdftotext()) GTEST_SKIP() << "pdftotext not installed: the PDFs' text is not compared";
  const std::string app_text = pdf_text(app_pdf);
  EXPECT_NE(app_text.find("Program evaluation — Alto al Fuego - Fase 1"), std::string::npos);
  EXPECT_EQ(app_text, pdf_text(cli_pdf));
}

TEST(EvaluationExport, DateFilterIsStatedAsNotApplying) {
  faro_test::TempDir tmp;
  Session session;
  session.language = Language::es;
  FilterState filter;
  filter.from = days_from_civil(2023, 1, 1) * kSecondsPerDay;
  filter.hour_mask = 0x0000FF;  // 0–7 h
  session.filter = filter;
  const std::string pdf = tmp.file("f.pdf");
  ASSERT_EQ(export_report(session, filter, {"", 52, EvalBin::week, pdf, true}), "");
  if (!have_pdftotext()) GTEST_SKIP() << "pdftotext not installed: the PDF's text is not checked";
  const std::string text = pdf_text(pdf);
  EXPECT_NE(text.find("el filtro de fechas del tablero no se aplica"), std::string::npos) << text;
  EXPECT_NE(text.find("horas 0–7"), std::string::npos) << text.substr(0, 800);
  EXPECT_NE(text.find("USO INTERNO / INTERNAL USE"), std::string::npos);
}

TEST(EvaluationExport, RefusedInWords) {
  faro_test::TempDir tmp;
  Session session;
  session.language = Language::en;
  const std::string e = export_report(session, {}, {"", 52, EvalBin::week, tmp.file("r.png"), false});
  EXPECT_NE(e.find("must end in .pdf"), std::string::npos) << e;
  EXPECT_FALSE(std::filesystem::exists(tmp.file("r.png")));
  // A partner report follows the partner rules of every dashboard export: no hour filter.
  session.filter.hour_mask = 0x0000FF;
  const std::string h =
      export_report(session, session.filter, {"", 52, EvalBin::week, tmp.file("h.pdf"), false});
  EXPECT_FALSE(h.empty());
  EXPECT_FALSE(std::filesystem::exists(tmp.file("h.pdf")));
}

TEST(EvaluationExport, DialogOpensForThePanelsProgram) {
  if (!faro_test::have_gl()) GTEST_SKIP() << "no headless OpenGL";
  for (Language lang : {Language::es, Language::en}) {
    DashboardOptions o;
    o.width = 1280;
    o.height = 800;
    o.language = lang;
    HeadlessDashboard d(o);
    d.frame();
    ASSERT_TRUE(d.app().settle(120s));
    d.app().ui().show_evaluation_export();
    for (int i = 0; i < 4; ++i) d.frame();
    const auto request = d.app().ui().evaluation_export_request();
    ASSERT_TRUE(request);
    EXPECT_EQ(request->program, "Alto al Fuego - Fase 1");  // the panel's first program
    EXPECT_EQ(request->window_weeks, 52);
    EXPECT_FALSE(request->internal) << "partner-safe by default, as faro evaluate";
    EXPECT_NE(request->path.find("evaluation-alto-al-fuego-fase-1-partner.pdf"), std::string::npos);
    if (const char* dir = std::getenv("FARO_SCREENSHOT_DIR")) {
      const render::RgbaImage img = d.read();
      io::write_png_rgba(std::string(dir) + "/evaluation-export-" +
                             (lang == Language::es ? "es" : "en") + ".png",
                         img.pixels, img.width, img.height);
    }
  }
}

}  // namespace
}  // namespace faro::app
