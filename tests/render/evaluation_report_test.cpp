// The evaluation report (render/evaluation_report.hpp) from a hand-made ProgramEvaluation with
// every estimate filled (synthetic control, randomization, pre-trend, event-study intervals,
// sensitivity, spillover ring, an excluded treated sector) and from one where the reviewer's
// checks are missing: the words each page carries (the text builders), the partner-safe masks,
// and the PDF itself (written atomically, 2 to 4 pages; with pdftotext installed, its text).
#include <gtest/gtest.h>

#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "core/errors.hpp"
#include "core/evaluation_text.hpp"
#include "core/evaluation_verdict.hpp"
#include "render/evaluation_report.hpp"
#include "render/evaluation_report_disclosure.hpp"
#include "render/evaluation_report_text.hpp"
#include "test_support.hpp"

namespace faro::render {
namespace {

using report::ReportSection;

CivilSeconds day(int y, unsigned m, unsigned d) { return days_from_civil(y, m, d) * kSecondsPerDay; }

// A 6 x 4 grid of 1 km square sectors named S00..S23 (row-major).
SectorSet grid_sectors() {
  SectorSet set;
  for (int r = 0; r < 4; ++r)
    for (int c = 0; c < 6; ++c) {
      Sector s;
      char name[8];
      std::snprintf(name, sizeof name, "S%d%d", r, c);
      s.name = name;
      const double x = c * 1000.0, y = r * 1000.0;
      s.shape = {Polygon{{{x, y}, {x + 1000, y}, {x + 1000, y + 1000}, {x, y + 1000}, {x, y}}, {}}};
      s.bbox.expand(x, y);
      s.bbox.expand(x + 1000, y + 1000);
      s.area_m2 = 1e6;
      set.sectors.push_back(std::move(s));
    }
  return set;
}

RateRatio rr(double v, double lo, double hi) { return {v, lo, hi, std::log(hi / lo) / 3.92}; }

// Treated S11 and S12 (rollout 2022-01-03), S13 excluded (too late); ring S10, S14, S01, S02;
// comparison the others. Weekly, 26-week windows. Counts per period: `small` makes some 1..4.
ProgramEvaluation full_evaluation(bool small = false) {
  ProgramEvaluation ev;
  ev.label = "Alto al Fuego";
  ev.window_weeks = 26;
  ev.by = EvalBin::week;
  ev.data_from = day(2021, 1, 4);
  ev.data_to_exclusive = day(2022, 7, 4);
  const CivilSeconds rollout = day(2022, 1, 3);
  ev.eligible = {{7, rollout, {}}, {8, rollout, {}}};
  EvalWhy late;
  late.code = EvalReason::rollout_too_late;
  late.date = day(2022, 6, 1);
  late.window_weeks = 26;
  ev.excluded = {{9, late}};
  ev.treated.sectors = {7, 8};
  ev.comparison.sectors = {0, 3, 4, 5, 6, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23};
  ItsResult its;
  its.bins_before = its.bins_after = 26;
  its.sectors = {7, 8};
  its.observations = 104;
  its.level_change = {-0.3, 0.1, rr(0.74, 0.61, 0.90)};
  its.slope_change = {0.05, 0.2, rr(1.05, 0.70, 1.57)};
  its.trend = {-0.02, 0.1, rr(0.98, 0.80, 1.20)};
  its.dispersion = 1.3;
  std::vector<EventStudyPoint> es;
  double before = 0, after = 0;
  for (int64_t b = -26; b < 26; ++b) {
    ItsPoint p;
    p.relative_bin = b;
    p.start = rollout + b * 7 * kSecondsPerDay;
    p.observed = small && (b == -20 || b == 5) ? 2 : (b < 0 ? 12 + (b % 3) : 9 + (b % 2));
    p.fitted = p.counterfactual = b < 0 ? 12 : 11.5;
    p.cf_low = p.counterfactual * 0.8;
    p.cf_high = p.counterfactual * 1.25;
    its.series.push_back(p);
    (b < 0 ? before : after) += p.observed;
    EventStudyPoint e;
    e.relative_bin = b;
    e.treated_count = p.observed;
    e.treated_rate = p.observed / 2;
    e.comparison_rate = 3.0;
    if (b != -1) e.ratio = rr(b < 0 ? 1.0 : 0.8, b < 0 ? 0.7 : 0.55, b < 0 ? 1.4 : 1.15);
    es.push_back(e);
  }
  ev.treated.before = before;
  ev.treated.after = after;
  ev.comparison.before = 1404;
  ev.comparison.after = 1390;
  ev.treated.rate_before = before / 52;
  ev.treated.rate_after = after / 52;
  ev.its.value = its;
  ev.event_study.value = es;
  DidResult d;
  d.did = rr(0.80, 0.68, 0.94);
  d.did_robust = rr(0.80, 0.64, 0.99);
  d.treated_change = rr(0.79, 0.67, 0.93);
  d.dispersion = 1.6;
  d.dispersion_block_weeks = 4;
  ev.did.value = d;
  ev.pre_trend.value = PreTrendTest{21.3, 24, 0.62};
  SyntheticControlResult sc;
  sc.weights = {{3, 0.6}, {20, 0.3}, {23, 0.1}};
  sc.donors = 18;
  sc.pre_rmspe = 1.234;
  sc.rate_ratio = 0.77;
  sc.placebo_rank = 1;
  sc.placebo_p = 1.0 / 19;
  for (int64_t b = -26; b < 26; ++b) sc.series.push_back({b, b < 0 ? 6.0 : 4.6, b < 0 ? 6.1 : 5.9});
  ev.synthetic_control.value = sc;
  ev.randomization.value = RandomizationResult{0.012, 153, 1, true, 0};
  ev.spillover.ring = {6, 10, 1, 2};
  ev.spillover.excluded = true;
  SensitivityRow r26{26, 2, {}}, r52{52, 0, {}};
  r26.did.value = d;
  r52.did = Estimate<DidResult>::missing(EvalReason::windows_too_short);
  ev.sensitivity = {r26, r52};
  ev.verdict = decide_verdict(ev);
  return ev;
}

// The same with the reviewer's checks missing, each with its reason.
ProgramEvaluation missing_checks() {
  ProgramEvaluation ev = full_evaluation();
  ev.synthetic_control = Estimate<SyntheticControlResult>::missing(EvalReason::sc_no_donors);
  ev.randomization = Estimate<RandomizationResult>::missing(EvalReason::ri_too_few_sets);
  ev.pre_trend = Estimate<PreTrendTest>::missing(EvalReason::pre_trend_too_few);
  for (EventStudyPoint& p : *ev.event_study.value) p.ratio.reset();
  ev.verdict = decide_verdict(ev);
  return ev;
}

EvaluationReportInput input(const ProgramEvaluation& ev, const SectorSet& sectors, Language l) {
  EvaluationReportInput in;
  in.evaluation = &ev;
  in.sectors = &sectors;
  in.language = l;
  in.offences = "HOMICIDIO";
  in.sources = {"sectores.geojson", "incidentes.csv"};
  in.generated = "2024-05-01";
  return in;
}

bool contains(const std::vector<std::string>& lines, const std::string& s) {
  for (const std::string& l : lines)
    if (l.find(s) != std::string::npos) return true;
  return false;
}

std::string section_text(const ReportSection& s) {
  std::string t = s.title + "\n";
  for (const std::string& h : s.table.header) t += h + "|";
  for (const auto& row : s.table.rows) {
    t += "\n";
    for (const std::string& c : row) t += c + "|";
  }
  for (const std::string& l : s.lines) t += "\n" + l;
  return t;
}

int pdf_pages(const std::string& path) {
  std::ifstream f(path, std::ios::binary);
  std::stringstream s;
  s << f.rdbuf();
  const std::string bytes = s.str();
  int pages = 0;
  for (size_t at = bytes.find("/Type /Page"); at != std::string::npos;
       at = bytes.find("/Type /Page", at + 1))
    pages += bytes.compare(at, 12, "/Type /Pages") != 0;
  return pages;
}

// The PDF's text through pdftotext (poppler-utils), or nullopt when it is not installed.
std::optional<std::string> pdf_text(const std::string& path) {
  if (std::system("command -v pdftotext > /dev/null 2>&1") != 0) return std::nullopt;
  std::string out;
  if (faro_test::run_command("pdftotext -layout '" + path + "' -", &out) != 0) return std::nullopt;
  return out;
}

TEST(EvaluationReportText, EveryPageStatesTheFilters) {
  const SectorSet sectors = grid_sectors();
  const ProgramEvaluation ev = full_evaluation();
  const auto es = report::report_filter_lines(input(ev, sectors, Language::es));
  ASSERT_EQ(es.size(), 4u);
  EXPECT_TRUE(contains(es, "Delitos: HOMICIDIO"));
  EXPECT_TRUE(contains(es, "datos del 2021-01-04 al 2022-07-03; ventanas de 26 semanas"));
  EXPECT_TRUE(contains(es, "Comparación: 18 sectores sin programa; 4 vecinos excluidos "
                           "(colindantes): S10, S14, S01, S02"));
  EXPECT_TRUE(contains(es, "Tratados excluidos: S13 (inicio 2022-06-01"));
  const auto en = report::report_filter_lines(input(ev, sectors, Language::en));
  EXPECT_TRUE(contains(en, "Offences: HOMICIDIO"));
  EXPECT_TRUE(contains(en, "4 neighbours excluded (touching)"));
  EvaluationReportInput none = input(ev, sectors, Language::en);
  none.offences.clear();
  none.date_filter_ignored = true;
  const auto all = report::report_filter_lines(none);
  EXPECT_TRUE(contains(all, "Offences: all"));
  EXPECT_TRUE(contains(all, "the dashboard's date filter does not apply"));
  const std::string src = report::report_source_line(input(ev, sectors, Language::en));
  EXPECT_NE(src.find("Sources: sectores.geojson, incidentes.csv"), std::string::npos) << src;
  EXPECT_NE(src.find("Generated 2024-05-01"), std::string::npos) << src;
}

TEST(EvaluationReportText, PageOneHasTheProgramRolloutsAndVerdict) {
  const SectorSet sectors = grid_sectors();
  const ProgramEvaluation ev = full_evaluation();
  const EvaluationReportInput in = input(ev, sectors, Language::es);
  const ReportMasks internal = report_masks(ev, DisclosurePolicy{false});
  EXPECT_EQ(report::report_program_line(in), "Programa: Alto al Fuego · 3 sectores tratados");
  EXPECT_EQ(report::report_rollout_line(in), "Inicio por sector: 2022-01-03: S11, S12");
  const report::VerdictText v = report::report_verdict(in, internal);
  // Every check of the rule holds in this evaluation: a consistent reduction.
  EXPECT_EQ(ev.verdict.value, Verdict::consistent_reduction);
  EXPECT_EQ(v.headline, "Evidencia consistente de reducción");
  ASSERT_GE(v.sentences.size(), 2u);
  EXPECT_NE(v.sentences[0].find("−20 % respecto a los sectores de comparación"),
            std::string::npos)
      << v.sentences[0];
  EXPECT_NE(v.rule.find("Regla:"), std::string::npos);
  const ProgramEvaluation weak = missing_checks();
  const report::VerdictText w = report::report_verdict(input(weak, sectors, Language::en),
                                                       internal);
  EXPECT_EQ(w.headline, "Inconclusive signal");
}

TEST(EvaluationReportText, AnalystSectionsShowEstimatesWhenPresent) {
  const SectorSet sectors = grid_sectors();
  const ProgramEvaluation ev = full_evaluation();
  const EvaluationReportInput in = input(ev, sectors, Language::en);
  const ReportMasks m = report_masks(ev, DisclosurePolicy{false});
  const std::string did = section_text(report::report_did_section(in, m));
  EXPECT_NE(did.find("DiD, Poisson interval|0.80|0.68–0.94|−20 %|"), std::string::npos) << did;
  EXPECT_NE(did.find("DiD, robust interval (φ = 1.60, 4-week blocks)|0.80|0.64–0.99|"),
            std::string::npos)
      << did;
  const std::string its = section_text(report::report_its_section(in));
  EXPECT_NE(its.find("Level change at rollout|0.74|0.61–0.90|−26 %|"), std::string::npos) << its;
  const auto es_lines = report::report_event_study_lines(in);
  ASSERT_EQ(es_lines.size(), 1u);
  EXPECT_EQ(es_lines[0], "Joint pre-trend test: χ² = 21.30, df = 24, p = 0.62");
  const std::string sc = section_text(report::report_synthetic_section(in, 2));
  EXPECT_NE(sc.find("Rate ratio 0.77"), std::string::npos) << sc;
  EXPECT_NE(sc.find("S03|0.600|"), std::string::npos) << sc;
  EXPECT_NE(sc.find("S32|0.300|"), std::string::npos) << sc;
  EXPECT_NE(sc.find("1 more donors"), std::string::npos) << sc;
  const std::string ri = section_text(report::report_randomization_section(in));
  EXPECT_NE(ri.find("p = 0.01: 1 of 153 placebo sets as extreme or more (every possible set)"),
            std::string::npos)
      << ri;
  const std::string sens = section_text(report::report_sensitivity_section(in));
  EXPECT_NE(sens.find("26 weeks|2|0.80 (95 % CI 0.64 to 0.99)|"), std::string::npos) << sens;
  EXPECT_NE(sens.find("52 weeks|0|not available: "), std::string::npos) << sens;
  // The checks list the rule's four checks and the others, but not the sensitivity rows again.
  const ReportSection checks = report::report_checks_section(in);
  EXPECT_TRUE(contains(checks.lines, "• Randomization: p = 0.01"));
  EXPECT_TRUE(contains(checks.lines, "Neighbouring sectors excluded from the comparison"));
  EXPECT_FALSE(contains(checks.lines, "-week window"));
}

TEST(EvaluationReportText, MissingEstimatesSayNotAvailableWithTheReason) {
  const SectorSet sectors = grid_sectors();
  const ProgramEvaluation ev = missing_checks();
  for (Language l : {Language::es, Language::en}) {
    const EvaluationReportInput in = input(ev, sectors, l);
    const std::string na = l == Language::es ? "no disponible: " : "not available: ";
    const ReportSection sc = report::report_synthetic_section(in);
    ASSERT_EQ(sc.lines.size(), 1u);
    EXPECT_TRUE(sc.table.empty());
    EXPECT_EQ(sc.lines[0], na + eval_reason_text(EvalWhy{EvalReason::sc_no_donors}, l));
    const ReportSection ri = report::report_randomization_section(in);
    EXPECT_EQ(ri.lines.at(0), na + eval_reason_text(EvalWhy{EvalReason::ri_too_few_sets}, l));
    EXPECT_TRUE(contains(report::report_event_study_lines(in),
                         na + eval_reason_text(EvalWhy{EvalReason::pre_trend_too_few}, l)));
  }
  ProgramEvaluation no_did = ev;
  no_did.did = Estimate<DidResult>::missing(EvalWhy{EvalReason::no_comparison});
  const ReportSection did = report::report_did_section(input(no_did, sectors, Language::en),
                                                       report_masks(no_did, DisclosurePolicy{}));
  EXPECT_EQ(did.lines.at(0), "not available: " +
                                 eval_reason_text(EvalWhy{EvalReason::no_comparison},
                                                  Language::en));
}

TEST(EvaluationReportMasks, PartnerSafeHidesSmallPeriodsAndTheirComplements) {
  const ProgramEvaluation ev = full_evaluation(true);  // periods -20 and 5 hold 2 incidents
  const ReportMasks internal = report_masks(ev, DisclosurePolicy{false});
  EXPECT_FALSE(internal.partner_safe);
  EXPECT_EQ(internal.hidden, 0u);
  const ReportMasks m = report_masks(ev, DisclosurePolicy{});
  ASSERT_EQ(m.block, 1) << "few weeks hidden: the charts keep weeks";
  EXPECT_TRUE(m.treated_bin(-20));
  EXPECT_TRUE(m.treated_bin(5));
  // Each window total is printed, so each side hides a second period: subtraction cannot give
  // the small one back.
  int before = 0, after = 0;
  for (int64_t b : m.treated_blocks) (b < 0 ? before : after)++;
  EXPECT_GE(before, 2);
  EXPECT_GE(after, 2);
  EXPECT_FALSE(m.any_total());
  // "<5", or "s" when a complement had to be 5 or more (core/disclosure.hpp).
  EXPECT_TRUE(m.marker == "<5" || m.marker == "s") << m.marker;
  EXPECT_EQ(masked_count(2, true, m), m.marker);
  EXPECT_EQ(masked_count(1234, false, m), "1\u2009234");
  // A small window total hides all four (the DiD ratio would give one back from the others).
  ProgramEvaluation tiny = full_evaluation();
  tiny.comparison.after = 3;
  const ReportMasks t = report_masks(tiny, DisclosurePolicy{});
  EXPECT_TRUE(t.treated_before && t.treated_after && t.comparison_before && t.comparison_after);
  const std::string counts = section_text(
      report::report_counts_section(input(tiny, grid_sectors(), Language::en), t));
  EXPECT_EQ(counts.find("1404"), std::string::npos) << counts;
  EXPECT_NE(counts.find("<5"), std::string::npos) << counts;
}

// Few treated sectors: most weeks hold 0 to 4 incidents. Weeks would be nearly all hidden, so
// the charts pool them in blocks (4 or 13 weeks) whose sums are mostly 5 or more.
TEST(EvaluationReportMasks, SmallWeeklyCountsArePooledInBlocks) {
  ProgramEvaluation ev = full_evaluation();
  double before = 0, after = 0;
  for (ItsPoint& p : ev.its.value->series) {
    p.observed = static_cast<double>((p.relative_bin * 7 + 100) % 4);  // 0..3 a week
    (p.relative_bin < 0 ? before : after) += p.observed;
  }
  ev.event_study.value.reset();
  ev.event_study.why.code = EvalReason::event_study_no_periods;
  ev.treated.before = before;
  ev.treated.after = after;
  const ReportMasks m = report_masks(ev, DisclosurePolicy{});
  EXPECT_GT(m.block, 1);
  EXPECT_LE(5 * m.treated_blocks.size(), 52u / m.block + 2) << "at most a fifth hidden";
  EXPECT_EQ(m.block_of(-1), -1);
  EXPECT_EQ(m.block_of(-m.block), -1);
  EXPECT_EQ(m.block_of(0), 0);
  EXPECT_EQ(m.block_of(m.block), 1);
  // Internal: weeks, nothing hidden.
  EXPECT_EQ(report_masks(ev, DisclosurePolicy{false}).block, 1);
}

TEST(EvaluationReportPdf, WritesTwoToFourPagesWithEveryEstimate) {
  faro_test::TempDir tmp;
  const SectorSet sectors = grid_sectors();
  const ProgramEvaluation full = full_evaluation(true), missing = missing_checks();
  for (const ProgramEvaluation* ev : {&full, &missing})
    for (Language l : {Language::es, Language::en})
      for (bool internal : {false, true}) {
        EvaluationReportInput in = input(*ev, sectors, l);
        in.internal = internal;
        const std::string path = tmp.file("r.pdf");
        const EvaluationReportResult r = write_evaluation_report_pdf(in, path);
        ASSERT_TRUE(std::filesystem::exists(path));
        if (const char* dir = std::getenv("FARO_SCREENSHOT_DIR"))  // for a person to look at
          std::filesystem::copy_file(
              path,
              std::string(dir) + "/eval-report-" + (ev == &full ? "full" : "missing") + "-" +
                  (l == Language::es ? "es" : "en") + (internal ? "-internal" : "") + ".pdf",
              std::filesystem::copy_options::overwrite_existing);
        EXPECT_GE(r.pages, 2);
        EXPECT_LE(r.pages, 4);
        EXPECT_EQ(pdf_pages(path), r.pages);
        EXPECT_EQ(r.hidden_counts > 0, !internal && ev == &full);
        const auto text = pdf_text(path);
        if (!text) continue;
        // Every page carries the filters and the stamp (pdftotext separates pages by \f).
        size_t pages_with_filter = 0, pages_with_stamp = 0;
        std::stringstream pages(*text);
        for (std::string page; std::getline(pages, page, '\f');) {
          pages_with_filter += page.find("HOMICIDIO") != std::string::npos;
          pages_with_stamp += page.find("USO INTERNO / INTERNAL USE") != std::string::npos;
        }
        EXPECT_EQ(pages_with_filter, static_cast<size_t>(r.pages));
        EXPECT_EQ(pages_with_stamp, internal ? static_cast<size_t>(r.pages) : 0u);
        // Missing estimates say so; present ones show (a donor of the weights table).
        EXPECT_NE(text->find(ev == &full ? "S03"
                             : l == Language::es ? "no disponible"
                                                 : "not available"),
                  std::string::npos);
      }
  if (!pdf_text(tmp.file("r.pdf"))) GTEST_SKIP() << "pdftotext not installed: text not checked";
}

TEST(EvaluationReportPdf, MissingInputIsAUsageErrorAndWritesNothing) {
  faro_test::TempDir tmp;
  EvaluationReportInput in;
  EXPECT_THROW(write_evaluation_report_pdf(in, tmp.file("x.pdf")), UsageError);
  EXPECT_FALSE(std::filesystem::exists(tmp.file("x.pdf")));
  EXPECT_TRUE(is_pdf_path("a/B.PDF"));
  EXPECT_FALSE(is_pdf_path("report.json"));
  EXPECT_EQ(report_source_name("/home/ana/datos/fgj.csv"), "fgj.csv");
  EXPECT_EQ(report_source_name("PG:dbname=x password=secret"), "PG:dbname=x password=***");
}

}  // namespace
}  // namespace faro::render
