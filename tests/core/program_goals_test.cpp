// Program goals: the restricted filter, the goal's fields, and each indicator computed on a
// hand-built store whose counts are known (reduction, open-window projection, maxima, the DiD
// ratio, population, partner-safe hiding).
#include "core/program_goals.hpp"

#include <gtest/gtest.h>

#include <cmath>

#include "core/errors.hpp"
#include "core/goals_text.hpp"

namespace faro {
namespace {

int64_t day(int y, unsigned m, unsigned d) { return days_from_civil(y, m, d); }

// Adds `n` incidents of category `cat` in `sector`, spread over days [from_day, to_day).
void add(IncidentStore& s, int32_t sector, uint16_t cat, int n, int64_t from_day, int64_t to_day) {
  for (int i = 0; i < n; ++i) {
    s.push_back(0, 0, (from_day + i % (to_day - from_day)) * kSecondsPerDay + 12 * 3600, cat,
                kHasTimeOfDay);
    s.sector.push_back(sector);
  }
}

SectorSet three_sectors() {
  SectorSet set;
  for (const char* name : {"A", "B", "C"}) {
    Sector s;
    s.name = name;
    s.population = 20000;
    set.sectors.push_back(s);
  }
  return set;
}

ProgramGoal goal(const std::string& indicator, const std::string& where, double target,
                 bool with_baseline = true) {
  GoalFields f{indicator, where, with_baseline ? "2019-01-01" : "", with_baseline ? "2019-12-31" : "",
               "2023-01-01", "2023-12-31", target};
  GoalProblem problem;
  const auto g = make_goal(f, problem);
  EXPECT_TRUE(g) << problem.field << ": " << problem.message;
  return g.value_or(ProgramGoal{});
}

// Program "P" on sector A; B and C are comparison sectors. 2019: 40 homicides in A, 7 thefts in
// A (not counted), 100 in B and C; 2023: 16 homicides in A, 80 in B and C.
struct Fixture {
  IncidentStore store;
  SectorSet sectors = three_sectors();
  std::vector<Program> programs;
  Fixture() {
    store.category_field = "grupo";
    const uint16_t hom = store.categories.intern("homicidio"),
                   theft = store.categories.intern("robo");
    add(store, 0, hom, 40, day(2019, 1, 1), day(2020, 1, 1));
    add(store, 0, theft, 7, day(2019, 1, 1), day(2020, 1, 1));
    add(store, 1, hom, 60, day(2019, 1, 1), day(2020, 1, 1));
    add(store, 2, hom, 40, day(2019, 1, 1), day(2020, 1, 1));
    add(store, 0, hom, 16, day(2023, 1, 1), day(2024, 1, 1));
    add(store, 1, hom, 50, day(2023, 1, 1), day(2024, 1, 1));
    add(store, 2, hom, 30, day(2023, 1, 1), day(2024, 1, 1));
    add(store, 2, theft, 1, day(2023, 12, 31), day(2024, 1, 1));  // the data cover all of 2023
    Program p;
    p.name = "P";
    p.sectors = {{"A", day(2020, 1, 1) * kSecondsPerDay, std::nullopt}};
    programs.push_back(p);
  }
  std::vector<GoalResult> run(std::optional<CivilSeconds> as_of = std::nullopt,
                              bool partner_safe = false) {
    DisclosurePolicy policy;
    policy.partner_safe = partner_safe;
    return compute_program_goals(store, sectors, programs, as_of, policy);
  }
};

TEST(GoalWhere, AcceptsInAndEqualsOnly) {
  std::string why;
  auto w = parse_goal_where("grupo IN ('homicidio_doloso', 'lesiones_arma_fuego')", why);
  ASSERT_TRUE(w) << why;
  EXPECT_EQ(w->field, "grupo");
  EXPECT_EQ(w->values, (std::vector<std::string>{"homicidio_doloso", "lesiones_arma_fuego"}));
  w = parse_goal_where("  delito = 'O''HARA' ", why);
  ASSERT_TRUE(w) << why;
  EXPECT_EQ(w->values, std::vector<std::string>{"O'HARA"});
  EXPECT_EQ(goal_where_text(*w), "delito = 'O''HARA'");
  EXPECT_TRUE(parse_goal_where("", why)->all());
  for (const char* bad : {"grupo = 'a' AND x = 'b'", "grupo LIKE '%a%'", "grupo = a", "grupo = 1",
                          "grupo IN ('a',)", "grupo IN ('a'", "= 'a'", "grupo IN 'a'", "grupo = 'a"})
    EXPECT_FALSE(parse_goal_where(bad, why)) << bad;
}

TEST(GoalDefinition, BadFieldsAreNamed) {
  GoalProblem problem;
  EXPECT_FALSE(make_goal({"reduction", "", "2019-01-01", "2019-12-31", "2023-01-01", "2023-12-31", 30},
                         problem));
  EXPECT_EQ(problem.field, "indicator");
  EXPECT_FALSE(make_goal({"count_max", "", "", "", "2023-12-31", "2023-01-01", 30}, problem));
  EXPECT_EQ(problem.field, "to");
  EXPECT_FALSE(make_goal({"reduction_pct", "", "", "", "2023-01-01", "2023-12-31", 30}, problem));
  EXPECT_EQ(problem.field, "baseline_from");
  EXPECT_FALSE(make_goal({"reduction_pct", "", "2019-01-01", "2019-12-31", "2023-01-01",
                          "2023-12-31", 130}, problem));
  EXPECT_EQ(problem.field, "target");
  EXPECT_FALSE(make_goal({"count_max", "x OR y", "", "", "2023-01-01", "2023-12-31", 3}, problem));
  EXPECT_EQ(problem.field, "where");
  // Round trip through the fields.
  const ProgramGoal g = goal("reduction_pct", "grupo IN ('a', 'b')", 30);
  const auto back = make_goal(goal_fields(g), problem);
  ASSERT_TRUE(back);
  EXPECT_EQ(*back, g);
}

TEST(ProgramGoals, ReductionInTheProgramSectorsOnly) {
  Fixture fx;
  fx.programs[0].goals = {goal("reduction_pct", "grupo = 'homicidio'", 30)};
  const auto results = fx.run();
  ASSERT_EQ(results.size(), 1u);
  const GoalResult& r = results[0];
  EXPECT_EQ(r.baseline_count, 40);  // the thefts and sectors B, C are not counted
  EXPECT_EQ(r.current_count, 16);
  EXPECT_FALSE(r.open);
  EXPECT_NEAR(*r.change_pct, -60.0, 1e-9);  // both windows have 365 days
  EXPECT_NEAR(*r.progress_pct, 200.0, 1e-9);
  EXPECT_EQ(r.status, GoalStatus::met);
  fx.programs[0].goals = {goal("reduction_pct", "grupo = 'homicidio'", 70)};
  EXPECT_EQ(fx.run()[0].status, GoalStatus::off_track);
  // Without a filter the thefts count too: 47 in the baseline.
  fx.programs[0].goals = {goal("reduction_pct", "", 30)};
  EXPECT_EQ(fx.run()[0].baseline_count, 47);
}

TEST(ProgramGoals, OpenWindowProjectsLinearly) {
  Fixture fx;
  fx.programs[0].goals = {goal("reduction_pct", "grupo = 'homicidio'", 30),
                          goal("count_max", "grupo = 'homicidio'", 10, false)};
  // As of 2023-04-11 (100 days in): the 16 incidents are spread one a day, so all 16 are counted;
  // per day 0.16 against 40/365 in the baseline: +46 %, off track.
  const auto results = fx.run(day(2023, 4, 11) * kSecondsPerDay);
  const GoalResult& r = results[0];
  EXPECT_TRUE(r.open);
  EXPECT_EQ(r.current_count, 16);
  EXPECT_NEAR(r.elapsed_share, 100.0 / 365, 1e-12);
  EXPECT_NEAR(*r.change_pct, (16.0 / 100 / (40.0 / 365) - 1) * 100, 1e-9);
  EXPECT_EQ(r.status, GoalStatus::off_track);
  // count_max 10: 16 already counted, past the target: off track, not met.
  EXPECT_EQ(results[1].status, GoalStatus::off_track);
  // As of 2023-01-11: 10 counted in 10 days, projected 365: off track; a target of 400: on track.
  fx.programs[0].goals = {goal("count_max", "grupo = 'homicidio'", 400, false)};
  const auto early = fx.run(day(2023, 1, 11) * kSecondsPerDay);
  EXPECT_EQ(early[0].current_count, 10);
  EXPECT_EQ(early[0].status, GoalStatus::on_track);
  fx.programs[0].goals = {goal("count_max", "grupo = 'homicidio'", 300, false)};
  EXPECT_EQ(fx.run(day(2023, 1, 11) * kSecondsPerDay)[0].status, GoalStatus::off_track);
  // Before the window starts: not estimable.
  const auto before = fx.run(day(2022, 6, 1) * kSecondsPerDay);
  EXPECT_EQ(before[0].status, GoalStatus::not_estimable);
  EXPECT_EQ(before[0].reason, GoalReason::not_started);
}

TEST(ProgramGoals, MaximaAndRates) {
  Fixture fx;
  fx.programs[0].goals = {goal("count_max", "grupo = 'homicidio'", 20),
                          goal("rate_per_10k_max", "grupo = 'homicidio'", 5)};
  const auto results = fx.run();
  EXPECT_EQ(results[0].status, GoalStatus::met);
  EXPECT_DOUBLE_EQ(*results[0].current, 16);
  // (40 - 16) / (40 - 20): 120 % of the way from the baseline to the target.
  EXPECT_NEAR(*results[0].progress_pct, 120.0, 1e-9);
  // 16 per 20,000 inhabitants = 8 per 10,000: above 5, off track.
  EXPECT_NEAR(*results[1].current, 8.0, 1e-12);
  EXPECT_NEAR(*results[1].baseline, 20.0, 1e-12);
  EXPECT_EQ(results[1].status, GoalStatus::off_track);
  fx.sectors.sectors[0].population.reset();
  const auto no_pop = fx.run();
  EXPECT_EQ(no_pop[1].status, GoalStatus::not_estimable);
  EXPECT_EQ(no_pop[1].reason, GoalReason::no_population);
}

TEST(ProgramGoals, DidReductionIsTheEvaluationRatio) {
  Fixture fx;
  fx.programs[0].goals = {goal("did_reduction_pct", "grupo = 'homicidio'", 30)};
  const GoalResult r = fx.run()[0];
  ASSERT_TRUE(r.did);
  // (16/40) / (80/100) = 0.5; SE sqrt(1/16 + 1/40 + 1/80 + 1/100).
  EXPECT_NEAR(r.did->rate_ratio, 0.5, 1e-12);
  const double se = std::sqrt(1.0 / 16 + 1.0 / 40 + 1.0 / 80 + 1.0 / 100);
  EXPECT_NEAR(r.did->ci_low, 0.5 * std::exp(-1.959963984540054 * se), 1e-6);
  EXPECT_NEAR(*r.change_pct, -50.0, 1e-9);
  EXPECT_EQ(r.status, GoalStatus::met);
  // Every sector in a program: no comparison.
  fx.programs[0].sectors.push_back({"B", 0, std::nullopt});
  fx.programs[0].sectors.push_back({"C", 0, std::nullopt});
  EXPECT_EQ(fx.run()[0].reason, GoalReason::no_comparison);
}

TEST(ProgramGoals, PartnerSafeHidesSmallCountsAndWhatRestsOnThem) {
  Fixture fx;
  const uint16_t rare = fx.store.categories.intern("feminicidio");
  add(fx.store, 0, rare, 3, day(2019, 3, 1), day(2019, 3, 4));
  add(fx.store, 0, rare, 12, day(2023, 3, 1), day(2023, 6, 1));
  fx.programs[0].goals = {goal("reduction_pct", "grupo = 'feminicidio'", 30)};
  const GoalResult safe = fx.run(std::nullopt, true)[0];
  EXPECT_EQ(safe.status, GoalStatus::not_estimable);
  EXPECT_EQ(safe.reason, GoalReason::hidden_small_count);
  EXPECT_FALSE(safe.baseline);
  EXPECT_FALSE(safe.change_pct);
  EXPECT_FALSE(safe.progress_pct);
  // The month of the 3 is hidden in the timeline, and so is a complement.
  size_t hidden = 0;
  for (uint8_t h : safe.timeline.hidden) hidden += h;
  EXPECT_GE(hidden, 2u);
  const GoalResult internal = fx.run(std::nullopt, false)[0];
  EXPECT_EQ(internal.baseline_count, 3);
  EXPECT_EQ(internal.status, GoalStatus::off_track);  // 3 -> 12 is +300 %
}

TEST(ProgramGoals, OneSmallMonthInAWindowHidesASecondMonthThere) {
  Fixture fx;
  const uint16_t shots = fx.store.categories.intern("disparos");
  // 2019: 12 a month; 2023: 12 a month except 2 in June. Both windows are published (counts of
  // 144 and 134), so June 2023 alone hidden would follow from 134 minus the other months.
  for (unsigned m = 1; m <= 12; ++m) {
    add(fx.store, 0, shots, 12, day(2019, m, 1), day(2019, m, 13));
    add(fx.store, 0, shots, m == 6 ? 2 : 12, day(2023, m, 1), day(2023, m, 13));
  }
  fx.programs[0].goals = {goal("reduction_pct", "grupo = 'disparos'", 5)};
  const GoalResult r = fx.run(std::nullopt, true)[0];
  ASSERT_TRUE(r.baseline && r.current);
  EXPECT_EQ(*r.current, 134);
  const GoalTimeline& tl = r.timeline;
  size_t hidden_2023 = 0, hidden_between = 0;
  for (size_t i = 0; i < tl.months.size(); ++i) {
    const int64_t year = tl.months[i] / 12;
    if (tl.hidden[i] && year == 2023) ++hidden_2023;
    if (tl.hidden[i] && year > 2019 && year < 2023) ++hidden_between;
  }
  EXPECT_EQ(hidden_2023, 2u);
  EXPECT_NE(hidden_between, 1u);  // the months between the windows: none or at least two
}

TEST(ProgramGoals, FilterOnAnotherColumnIsADataErrorNamingTheGoal) {
  Fixture fx;
  fx.programs[0].goals = {goal("count_max", "", 5, false), goal("count_max", "delito = 'x'", 5, false)};
  try {
    fx.run();
    FAIL() << "expected a DataError";
  } catch (const DataError& e) {
    const std::string what = e.what();
    EXPECT_NE(what.find("program 'P', goal 2"), std::string::npos) << what;
    EXPECT_NE(what.find("'where'"), std::string::npos) << what;
    EXPECT_NE(what.find("grupo"), std::string::npos) << what;
  }
  fx.programs[0].goals = {goal("count_max", "grupo = 'robbery'", 5, false)};
  EXPECT_THROW(fx.run(), DataError);
}

TEST(ProgramGoals, WordsInBothLanguages) {
  Fixture fx;
  fx.programs[0].goals = {goal("reduction_pct", "grupo = 'homicidio'", 30)};
  const GoalResult r = fx.run()[0];
  DisclosurePolicy policy;
  EXPECT_EQ(goal_summary_line(r, policy, Language::en),
            "Reduction of incidents (target: -30 %): change -60 % - Met (progress 200 %)");
  EXPECT_EQ(goal_summary_line(r, policy, Language::es),
            "Reducción de incidentes (meta: -30 %): cambio -60 % - Cumplida (avance 200 %)");
}

}  // namespace
}  // namespace faro
