// The evaluation panel's words (ui/evaluation_panel_text.hpp) and its event-study chart
// (ui/event_study_chart.hpp): plain words first, the analysts' names only in the details, the
// filters that apply and those that do not, the neighbours that left the comparison, and the chart
// in either of its modes (ratios with intervals, or the two groups' rates).
#include <gtest/gtest.h>

#include <algorithm>
#include <cctype>
#include <chrono>

#include "core/evaluation_verdict.hpp"
#include "ui/evaluation_panel.hpp"
#include "ui_test_support.hpp"

namespace faro::ui {
namespace {

const char* kFase1 = "Alto al Fuego - Fase 1";

const ProgramEvaluation* settle(EvaluationPanel& panel, const SnapshotPtr& snap,
                                const Session& session) {
  panel.update(snap, session);
  EXPECT_TRUE(panel.wait_idle(std::chrono::seconds(120)));
  return panel.update(snap, session);
}

// Whether `word` stands alone in `s` (not inside "HOMICIDIO" or "CITY").
bool has_word(const std::string& s, const std::string& word) {
  for (size_t at = s.find(word); at != std::string::npos; at = s.find(word, at + 1)) {
    const bool left = at == 0 || !std::isalpha(static_cast<unsigned char>(s[at - 1]));
    const size_t end = at + word.size();
    const bool right = end >= s.size() || !std::isalpha(static_cast<unsigned char>(s[end]));
    if (left && right) return true;
  }
  return false;
}

bool has_jargon(const std::string& s) {
  for (const char* w : {"DiD", "STI", "ITS", "IC", "CI"})
    if (has_word(s, w)) return true;
  return s.find("φ") != std::string::npos;
}

DidResult did_of(double rr, double lo, double hi) {
  DidResult d;
  d.did = d.did_robust = {rr, lo, hi, 0.1};
  return d;
}

TEST(EvaluationPanelWords, ThePlainChangeSentenceStatesTheRangeAndWhetherItHoldsNoChange) {
  const Estimate<DidResult> fell{did_of(0.80, 0.64, 0.99), {}};
  const std::string en = plain_change_text(fell, Language::en);
  EXPECT_NE(en.find("−20 %"), std::string::npos) << en;
  EXPECT_NE(en.find("between −36 % and −1 %"), std::string::npos) << en;
  EXPECT_EQ(en.find("0 %:"), std::string::npos) << "the range does not hold 0: " << en;
  EXPECT_FALSE(has_jargon(en)) << en;
  const std::string es = plain_change_text(fell, Language::es);
  EXPECT_NE(es.find("entre −36 % y −1 %"), std::string::npos) << es;

  Estimate<DidResult> unclear{did_of(0.80, 0.64, 1.10), {}};
  unclear.value->dispersion = 2.5;  // the widened interval is the one stated, without naming φ
  unclear.value->did = {0.80, 0.70, 0.92, 0.05};
  unclear.value->small_counts = true;
  const std::string u = plain_change_text(unclear, Language::en);
  EXPECT_NE(u.find("between −36 % and +10 %"), std::string::npos) << u;
  EXPECT_NE(u.find("includes 0 %: it cannot be told apart from no change"), std::string::npos) << u;
  EXPECT_NE(u.find("few incidents"), std::string::npos) << u;
  EXPECT_FALSE(has_jargon(u)) << u;

  EvalWhy why{EvalReason::zero_cell};
  why.cell = EvalCell::treated_after;
  const std::string missing = plain_change_text(Estimate<DidResult>::missing(why), Language::en);
  EXPECT_NE(missing.find("cannot be measured"), std::string::npos) << missing;
  EXPECT_NE(missing.find("treated sectors after rollout"), std::string::npos) << missing;
}

TEST(EvaluationPanelWords, TextsDrawnWithoutFormattingHaveSinglePercentSigns) {
  // The panel draws keys without arguments through tr(), so a "%%" there would show as such;
  // keys with arguments go through tr_format() and need it.
  for (size_t i = 0; i < kMsgCount; ++i) {
    const Msg key = static_cast<Msg>(i);
    if (std::string(msg_id(key)).rfind("evp_", 0) != 0) continue;
    for (Language lang : {Language::es, Language::en}) {
      const std::string s = tr(key, lang);
      bool has_conversion = false;
      for (size_t at = s.find('%'); at != std::string::npos; at = s.find('%', at + 2))
        has_conversion |= at + 1 < s.size() && s[at + 1] != '%' && s[at + 1] != ' ' &&
                          s[at + 1] != ')' && s[at + 1] != ':' && s[at + 1] != '.';
      if (!has_conversion) {
        EXPECT_EQ(s.find("%%"), std::string::npos) << msg_id(key) << ": " << s;
      }
    }
  }
}

TEST(EvaluationPanelWords, TheHeadlineIsColouredByOutcome) {
  VerdictResult v;
  v.value = Verdict::consistent_reduction;
  EXPECT_EQ(verdict_tone(v), VerdictTone::reduction);
  v.value = Verdict::consistent_increase;
  EXPECT_EQ(verdict_tone(v), VerdictTone::increase);
  v.value = Verdict::inconclusive;
  v.some_signal = true;
  EXPECT_EQ(verdict_tone(v), VerdictTone::mixed);
  EXPECT_EQ(verdict_headline(v, Language::es), "Señal no concluyente");
  v.some_signal = false;
  EXPECT_EQ(verdict_tone(v), VerdictTone::none);
  v.value = Verdict::not_estimable;
  EXPECT_EQ(verdict_tone(v), VerdictTone::unknown);
}

TEST(EvaluationPanelWords, FiltersThatApplyAndThoseThatDoNotAreStated) {
  FilterState f;
  EXPECT_EQ(filters_applied_text(f, {}, Language::en), "Applied: none (every incident loaded).");
  f.categories = {"HOMICIDIO", "LESIONES", "DISPAROS", "ROBO", "EXTORSION"};
  f.hour_mask = 0x00FF00;  // 8 hours
  f.weekday_mask = 0x1F;   // Monday to Friday
  SourceSpec incidents;
  incidents.role = SourceSpec::Role::incidents;
  incidents.where = "delito LIKE '%ARMA%'";
  SourceSpec sectors;
  sectors.role = SourceSpec::Role::sectors;
  sectors.where = "alcaldia = 'X'";  // not an incident filter
  const std::string en = filters_applied_text(f, {sectors, incidents}, Language::en);
  EXPECT_NE(en.find("offences: HOMICIDIO, LESIONES, DISPAROS, ROBO … and 1 more"),
            std::string::npos)
      << en;
  EXPECT_NE(en.find("8 of the 24 hours"), std::string::npos) << en;
  EXPECT_NE(en.find("5 of the 7 days"), std::string::npos) << en;
  EXPECT_NE(en.find("(--where): delito LIKE '%ARMA%'"), std::string::npos) << en;
  EXPECT_EQ(en.find("alcaldia"), std::string::npos) << en;
  EXPECT_NE(filters_applied_text(f, {incidents}, Language::es).find("Se aplican: delitos:"),
            std::string::npos);

  FilterState session = f;
  std::vector<std::string> ignored = filters_ignored_lines(session, Language::en);
  ASSERT_EQ(ignored.size(), 2u);
  EXPECT_EQ(ignored[0].rfind("Not applied: the date filter;", 0), 0u) << ignored[0];
  EXPECT_NE(ignored[0].find("fixed windows around the rollout"), std::string::npos);
  EXPECT_EQ(ignored[1].rfind("Not applied: the sector selection;", 0), 0u) << ignored[1];
  session.from = days_from_civil(2022, 1, 1) * kSecondsPerDay;
  session.to_exclusive = days_from_civil(2023, 1, 1) * kSecondsPerDay;
  session.sectors = {"A", "B"};
  ignored = filters_ignored_lines(session, Language::es);
  EXPECT_NE(ignored[0].find("fechas (2022-01-01 a 2022-12-31)"), std::string::npos) << ignored[0];
  EXPECT_NE(ignored[1].find("sectores (2 elegidos)"), std::string::npos) << ignored[1];
}

TEST(EvaluationPanelWords, ThePanelCountsWithTheOffenceFilterButNotTheDatesOrSectors) {
  testing::HeadlessImGui gui;
  Session session;
  session.language = Language::en;
  SnapshotPtr snap = testing::demo_snapshot(session, 15000);
  const Workspace& ws = snap->ws();
  EvaluationPanel panel;
  panel.choice().program = kFase1;
  const ProgramEvaluation* all = settle(panel, snap, session);
  ASSERT_TRUE(all);
  const double treated_before = all->treated.before;
  ASSERT_TRUE(panel.text());
  EXPECT_EQ(panel.text()->filters_applied, "Applied: none (every incident loaded).");

  // Dates and a sector selection: the same evaluation, and the words name what is ignored.
  session.filter.from = ws.data_from + 100 * kSecondsPerDay;
  session.filter.sectors = {ws.sectors.sectors[0].name};
  snap = testing::follow(snap, session);
  const ProgramEvaluation* same = settle(panel, snap, session);
  ASSERT_TRUE(same);
  EXPECT_EQ(panel.computations(), 1);
  EXPECT_DOUBLE_EQ(same->treated.before, treated_before);
  EXPECT_NE(panel.text()->filters_ignored[0].find(format_date(*session.filter.from)),
            std::string::npos)
      << panel.text()->filters_ignored[0];
  EXPECT_NE(panel.text()->filters_ignored[1].find("(1 chosen)"), std::string::npos);

  // An offence filter: a new evaluation with fewer incidents, and the words say it applies.
  session.filter.categories = {ws.incidents.categories.name(0)};
  snap = testing::follow(snap, session);
  const ProgramEvaluation* one = settle(panel, snap, session);
  ASSERT_TRUE(one);
  EXPECT_EQ(panel.computations(), 2);
  EXPECT_LT(one->treated.before, treated_before);
  EXPECT_NE(panel.text()->filters_applied.find(ws.incidents.categories.name(0)), std::string::npos);
}

TEST(EvaluationPanelWords, WhatAPersonReadsFirstHasNoJargonAndTheDetailsExplainIt) {
  testing::HeadlessImGui gui;
  for (Language lang : {Language::es, Language::en}) {
    Session session;
    session.language = lang;
    const SnapshotPtr snap = testing::demo_snapshot(session, 15000);
    EvaluationPanel panel;
    panel.choice().program = kFase1;
    const ProgramEvaluation* ev = settle(panel, snap, session);
    ASSERT_TRUE(ev);
    const EvaluationPanelText& t = *panel.text();
    EXPECT_EQ(t.headline, verdict_headline(ev->verdict, lang));
    std::vector<std::string> first = {t.headline, t.change, t.filters_applied};
    first.insert(first.end(), t.filters_ignored.begin(), t.filters_ignored.end());
    first.insert(first.end(), t.compared.begin(), t.compared.end());
    for (const std::string& l : first) EXPECT_FALSE(has_jargon(l)) << l;
    // Each name appears in the details with what it means.
    ASSERT_EQ(t.glossary.size(), 4u);
    EXPECT_TRUE(has_word(t.glossary[0], "DiD"));
    EXPECT_TRUE(has_word(t.glossary[1], lang == Language::es ? "STI" : "ITS"));
    EXPECT_TRUE(has_word(t.glossary[2], lang == Language::es ? "IC" : "CI"));
    EXPECT_NE(t.glossary[3].find("φ"), std::string::npos);
    // The rule and its four checks, as core words them.
    EXPECT_EQ(t.checks.rule, verdict_rule_text(lang));
    EXPECT_EQ(t.checks.checks.size(), 4u);
    EXPECT_EQ(t.checks.checks, evaluation_check_lines(*ev, snap->ws().sectors, lang).checks);
    // The neighbours that left the comparison, by name.
    ASSERT_FALSE(ev->spillover.ring.empty());
    const std::string& ring_line = t.compared.back();
    EXPECT_NE(ring_line.find("(" + std::to_string(ev->spillover.ring.size()) + ")"),
              std::string::npos)
        << ring_line;
    EXPECT_NE(ring_line.find(snap->ws().sectors.sectors[ev->spillover.ring[0]].name),
              std::string::npos)
        << ring_line;
    // The chart holds the evaluation's event study.
    ASSERT_TRUE(ev->event_study);
    EXPECT_EQ(panel.event_study().points.size(), ev->event_study.value->size());
    // Every section draws (opened) without an ImGui assert.
    panel.open_sections();
    gui.frame([&] {
      ImGui::SetNextWindowSize(ImVec2(700, 800));
      ImGui::Begin("eval");
      panel.draw(session);
      ImGui::End();
    });
  }
}

TEST(EvaluationPanelWords, ComparedLinesNameTheRingOrSayThereIsNone) {
  const Workspace ws = testing::demo_workspace(2000);
  ProgramEvaluation ev;
  ev.window_weeks = 26;
  ev.eligible = {{0, days_from_civil(2021, 3, 1) * kSecondsPerDay, {}},
                 {1, days_from_civil(2021, 9, 6) * kSecondsPerDay, {}}};
  ev.excluded = {{2, EvalWhy{EvalReason::rollout_too_late}}};
  ev.data_from = days_from_civil(2019, 1, 1) * kSecondsPerDay;
  ev.data_to_exclusive = days_from_civil(2024, 1, 1) * kSecondsPerDay;
  EvaluationRequest req;
  req.comparison = {5, 6, 7};
  req.ring = {{3, 0, {}}, {4, 0, {}}};
  req.ring_excluded = true;
  std::vector<std::string> l = compared_lines(ev, req, ws.sectors, Language::en);
  ASSERT_EQ(l.size(), 4u);
  EXPECT_EQ(
      l[0].rfind("The program's sectors (2) are compared with sectors without the program (3)", 0),
      0u)
      << l[0];
  EXPECT_NE(l[0].find("26 weeks before and 26 weeks after"), std::string::npos) << l[0];
  EXPECT_EQ(l[1], "Staggered rollouts: 2021-03-01 to 2021-09-06.");
  EXPECT_NE(l[2].find("Program sectors left out: 1"), std::string::npos) << l[2];
  EXPECT_NE(l[2].find("2019-01-01 to 2023-12-31"), std::string::npos) << l[2];
  EXPECT_NE(
      l[3].find("that left the comparison, because the program may have affected them too (2)"),
      std::string::npos)
      << l[3];
  EXPECT_NE(l[3].find(ws.sectors.sectors[3].name + ", " + ws.sectors.sectors[4].name),
            std::string::npos)
      << l[3];
  req.ring_excluded = false;  // a comparison given by hand keeps them
  EXPECT_NE(compared_lines(ev, req, ws.sectors, Language::en)[3].find("stay in the given"),
            std::string::npos);
  req.ring.clear();
  EXPECT_EQ(compared_lines(ev, req, ws.sectors, Language::es).back(),
            "Ningún sector de comparación colinda con los del programa.");
  std::vector<size_t> many(14);
  for (size_t i = 0; i < many.size(); ++i) many[i] = i;
  EXPECT_NE(sector_names_text(many, ws.sectors, Language::en).find("… and 4 more"),
            std::string::npos);
}

std::vector<EventStudyPoint> event_points(bool ratios, int before, int after) {
  std::vector<EventStudyPoint> pts;
  for (int b = -before; b < after; ++b) {
    EventStudyPoint p;
    p.relative_bin = b;
    p.treated_rate = 0.20 + (b >= 0 ? -0.05 : 0.0) + 0.01 * (b % 3);
    p.comparison_rate = 0.15 + 0.01 * (b % 2);
    if (ratios && b != -1) {
      const double rr = b >= 0 ? 0.7 : 1.0 + 0.02 * b;
      p.ratio = RateRatio{rr, rr * 0.6, rr / 0.6, 0.25};
    }
    pts.push_back(p);
  }
  return pts;
}

TEST(EventStudyChart, RatiosWithIntervalsOnALogAxisAroundOne) {
  testing::HeadlessImGui gui;
  EventStudyChart c;
  EXPECT_EQ(c.mode(), EventStudyChart::Mode::none);
  c.points = event_points(true, 12, 12);
  c.by = EvalBin::month;
  c.language = Language::es;
  EXPECT_EQ(c.mode(), EventStudyChart::Mode::ratios);
  auto [lo, hi] = c.value_range();
  EXPECT_LE(lo, 0.7 * 0.6 + 1e-9);
  EXPECT_GE(hi, 1.0 / 0.6);
  const std::vector<EventStudyChart::Tick> ticks = c.value_ticks();
  ASSERT_FALSE(ticks.empty());
  EXPECT_TRUE(std::any_of(ticks.begin(), ticks.end(),
                          [](const auto& t) { return t.value == 1 && t.label == "1"; }));
  EXPECT_TRUE(std::any_of(ticks.begin(), ticks.end(), [](const auto& t) {
    return t.label == "0,5";
  })) << "Spanish decimal comma";
  EXPECT_EQ(c.title(), tr(Msg::evp_chart_ratio_title, Language::es));
  // One empty cell's huge interval does not flatten the others: the axis stops at 1/10..10.
  c.points[3].ratio = RateRatio{0.02, 0.001, 0.5, 2};
  c.points[20].ratio = RateRatio{40, 3, 900, 2};
  std::tie(lo, hi) = c.value_range();
  EXPECT_DOUBLE_EQ(lo, 0.1);
  EXPECT_DOUBLE_EQ(hi, 10);
  const std::vector<int64_t> periods = c.period_ticks(600, 15);
  EXPECT_NE(std::find(periods.begin(), periods.end(), 0), periods.end());
  ASSERT_GE(periods.size(), 2u);
  for (int64_t p : periods) EXPECT_EQ(p % (periods[1] - periods[0]), 0) << "multiples of a step";
  EXPECT_LE(periods.size(), 12u) << "labels that fit 600 px";
  for (float mouse_x : {-1.0f, 300.0f}) {  // without and with a hovered period
    gui.set_mouse(mouse_x, 200, false);
    gui.frame([&] {
      ImGui::SetNextWindowPos(ImVec2(0, 0));
      ImGui::SetNextWindowSize(ImVec2(700, 500));
      ImGui::Begin("chart");
      c.draw(ImVec2(650, 300));
      ImGui::End();
    });
  }
}

TEST(EventStudyChart, WithoutRatiosShowsBothGroupsRatesLabelledAsSuch) {
  testing::HeadlessImGui gui;
  EventStudyChart c;
  c.points = event_points(false, 52, 52);
  c.language = Language::en;
  EXPECT_EQ(c.mode(), EventStudyChart::Mode::rates);
  EXPECT_EQ(c.title(), "Incidents per sector per week");
  const auto [lo, hi] = c.value_range();
  EXPECT_EQ(lo, 0.0);
  double top = 0;
  for (const EventStudyPoint& p : c.points)
    top = std::max({top, p.treated_rate, p.comparison_rate});
  EXPECT_GE(hi, top);
  EXPECT_LT(hi, top * 2);
  const std::vector<int64_t> periods = c.period_ticks(500, 15);
  EXPECT_NE(std::find(periods.begin(), periods.end(), 0), periods.end());
  EXPECT_NE(std::find(periods.begin(), periods.end(), -52), periods.end()) << "weeks: 13, 26, 52";
  EXPECT_LT(periods.size(), 12u);
  gui.set_mouse(250, 200, false);
  gui.frame([&] {
    ImGui::SetNextWindowPos(ImVec2(0, 0));
    ImGui::SetNextWindowSize(ImVec2(600, 400));
    ImGui::Begin("chart");
    c.draw(ImVec2(560, 260));
    ImGui::End();
  });
}

}  // namespace
}  // namespace faro::ui
