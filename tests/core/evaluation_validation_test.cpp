// Validation of the evaluation's verdict on the demo city, where the truth is known (issue 18):
// - with the built-in effect (rate ratio 0.70 after rollout in program sectors), how often the
//   robust DiD interval covers 0.70 and how often the verdict finds a consistent reduction;
// - with no effect (the same programs, effect 1.0), how often the verdict wrongly says
//   "consistent" (goal: at most 5 %).
// The CI run uses a few seeds (a regression check with loose bounds); the figures in the README
// come from the full run: FARO_VALIDATION_FULL=1 ./faro_core_tests
// --gtest_filter='EvaluationValidation*' (60 seeds x 3 programs each way).
#include <gtest/gtest.h>

#include <cstdio>
#include <cstdlib>

#include "core/demo_city.hpp"
#include "core/program_evaluation.hpp"

namespace faro {
namespace {

struct Tally {
  int runs = 0, covered = 0, reduction = 0, increase = 0, not_estimable = 0;
  int met[4] = {0, 0, 0, 0};  // per check of the rule (VerdictCheck order)
  double share(int k) const { return runs ? static_cast<double>(k) / runs : 0.0; }
};

bool full_run() {
  const char* v = std::getenv("FARO_VALIDATION_FULL");
  return v && *v && *v != '0';
}

Tally run_demo(int seeds, double effect) {
  Tally t;
  for (int k = 0; k < seeds; ++k) {
    DemoOptions opt;
    opt.seed = 1000 + static_cast<uint64_t>(k);
    opt.program_effect = effect;
    const DemoCity city = generate_demo_city(opt);
    for (const Program& p : city.programs) {
      EvaluationRequest req = make_evaluation_request(city.sectors, city.programs, {p.name}, {});
      apply_spillover_ring(req, city.sectors, 0.0);
      req.data_from = days_of(*city.incidents.min_time()) * kSecondsPerDay;
      req.data_to_exclusive = (days_of(*city.incidents.max_time()) + 1) * kSecondsPerDay;
      const ProgramEvaluation ev =
          evaluate_program(city.incidents, city.sectors.size(), IncidentFilter{}, req);
      ++t.runs;
      if (ev.did) {
        const RateRatio& r = ev.did.value->did_robust;
        t.covered += r.ci_low <= effect && effect <= r.ci_high;
      }
      t.reduction += ev.verdict.value == Verdict::consistent_reduction;
      t.increase += ev.verdict.value == Verdict::consistent_increase;
      t.not_estimable += ev.verdict.value == Verdict::not_estimable;
      for (const VerdictItem& c : ev.verdict.checks)
        t.met[static_cast<int>(c.check)] += c.outcome == CheckOutcome::supports;
    }
  }
  return t;
}

void print(const char* what, const Tally& t) {
  std::printf(
      "%s: %d evaluations, robust CI covers the truth %.1f %%, consistent reduction %.1f %%, "
      "consistent increase %.1f %%, not estimable %d\n",
      what, t.runs, 100 * t.share(t.covered), 100 * t.share(t.reduction), 100 * t.share(t.increase),
      t.not_estimable);
  std::printf(
      "  checks met: DiD interval %.1f %%, randomization %.1f %%, synthetic control %.1f %%, "
      "pre-trend %.1f %%\n",
      100 * t.share(t.met[0]), 100 * t.share(t.met[1]), 100 * t.share(t.met[2]),
      100 * t.share(t.met[3]));
}

TEST(EvaluationValidation, DemoCityWithTheKnownEffect) {
  const Tally t = run_demo(full_run() ? 60 : 3, 0.70);
  print("demo, effect 0.70", t);
  EXPECT_EQ(t.not_estimable, 0);
  EXPECT_EQ(t.increase, 0);
  // Loose with few seeds; the full run's figures are the ones the README reports.
  EXPECT_GE(t.share(t.covered), full_run() ? 0.90 : 0.6);
}

TEST(EvaluationValidation, DemoCityWithNoEffectRarelySaysConsistent) {
  const Tally t = run_demo(full_run() ? 60 : 3, 1.0);
  print("demo, no effect", t);
  EXPECT_EQ(t.not_estimable, 0);
  EXPECT_LE(t.share(t.reduction + t.increase), full_run() ? 0.05 : 0.34);
}

}  // namespace
}  // namespace faro
