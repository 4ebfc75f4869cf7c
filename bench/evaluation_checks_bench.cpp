// The reviewer's checks of a program evaluation must stay interactive: synthetic control with 70
// donors on a 52-week window plus randomization inference with 10,000 placebo sets together
// under 2 s (issue 18). Synthetic Poisson daily counts: 10 treated sectors with rollouts staggered
// over half a year and a -30 % effect, 70 comparison sectors with rates 0.05-0.4 a day and a
// yearly season. Also the whole evaluation of the demo city, for context.
// Run: build/evaluation_checks_bench
#include <benchmark/benchmark.h>

#include <cmath>
#include <map>

#include "core/demo_city.hpp"
#include "core/program_evaluation.hpp"
#include "core/program_evaluation_detail.hpp"
#include "core/random.hpp"

namespace {

using faro::eval_detail::DailyCounts;

constexpr size_t kTreated = 10, kDonors = 70;  // the case
constexpr int kWindowWeeks = 52;
constexpr int64_t kFirstDay = 17532;  // 2018-01-01
constexpr int64_t kDays = 3 * 365 + 200;

struct Fixture {
  DailyCounts daily;
  std::vector<faro::TreatedSector> treated;
  std::vector<size_t> donors;
  explicit Fixture(size_t donor_count) {
    faro::Random rng(2024);
    const size_t sectors = kTreated + donor_count;
    daily.first_day = kFirstDay;
    daily.end_day = kFirstDay + kDays;
    daily.sectors = sectors;
    daily.prefix.assign(sectors * (kDays + 1), 0.0);
    for (size_t s = 0; s < kTreated; ++s) {
      const int64_t rollout = kFirstDay + 7 * kWindowWeeks + 30 + 18 * static_cast<int64_t>(s);
      treated.push_back({s, rollout * faro::kSecondsPerDay});
    }
    for (size_t s = kTreated; s < sectors; ++s) donors.push_back(s);
    for (size_t s = 0; s < sectors; ++s) {
      const double rate = 0.05 + 0.35 * rng.uniform();
      double* row = &daily.prefix[s * (kDays + 1)];
      for (int64_t i = 0; i < kDays; ++i) {
        const bool after = s < kTreated && kFirstDay + i >= faro::days_of(treated[s].rollout);
        const double season = 1 + 0.3 * std::sin(6.283185307179586 * i / 365.2425);
        row[i + 1] = row[i] + static_cast<double>(rng.poisson(rate * season * (after ? 0.7 : 1)));
      }
    }
  }
};

const Fixture& fixture(size_t donors = kDonors) {
  static std::map<size_t, Fixture> cache;
  return cache.try_emplace(donors, donors).first->second;
}

void BM_SyntheticControl(benchmark::State& state) {
  const Fixture& f = fixture(static_cast<size_t>(state.range(0)));
  double p = 0;
  for (auto _ : state) {
    const auto sc = faro::eval_detail::synthetic_control(f.daily, f.treated, f.donors,
                                                         faro::EvalBin::week, kWindowWeeks);
    p = sc ? sc.value->placebo_p : -1;
    benchmark::DoNotOptimize(p);
  }
  state.counters["placebo_p"] = p;
}
// 70 donors: the case; 400: a city split into small units (the placebos make it ~J^2).
BENCHMARK(BM_SyntheticControl)->Arg(kDonors)->Arg(400)->Unit(benchmark::kMillisecond);

void BM_RandomizationInference10000Draws(benchmark::State& state) {
  const Fixture& f = fixture();
  const auto did = faro::eval_detail::did_estimate(f.daily, f.treated, f.donors, kWindowWeeks);
  const double observed = did ? std::log(did.value->did.rate_ratio) : 0;
  double p = 0;
  for (auto _ : state) {
    // C(70, 10) sets: far more than 10,000, so 10,000 seeded draws.
    const auto ri = faro::eval_detail::randomization_inference(
        f.daily, f.treated, f.donors, kWindowWeeks, observed, 10000, 10000, 20190101);
    p = ri ? ri.value->p_value : -1;
    benchmark::DoNotOptimize(p);
  }
  state.counters["p"] = p;
}
BENCHMARK(BM_RandomizationInference10000Draws)->Unit(benchmark::kMillisecond);

void BM_SyntheticControlPlusRandomization(benchmark::State& state) {
  const Fixture& f = fixture();
  const auto did = faro::eval_detail::did_estimate(f.daily, f.treated, f.donors, kWindowWeeks);
  const double observed = did ? std::log(did.value->did.rate_ratio) : 0;
  for (auto _ : state) {
    const auto sc = faro::eval_detail::synthetic_control(f.daily, f.treated, f.donors,
                                                         faro::EvalBin::week, kWindowWeeks);
    const auto ri = faro::eval_detail::randomization_inference(
        f.daily, f.treated, f.donors, kWindowWeeks, observed, 10000, 10000, 20190101);
    benchmark::DoNotOptimize(sc);
    benchmark::DoNotOptimize(ri);
  }
}
BENCHMARK(BM_SyntheticControlPlusRandomization)->Unit(benchmark::kMillisecond);

void BM_EvaluateDemoCity(benchmark::State& state) {
  const faro::DemoCity city = faro::generate_demo_city();
  faro::EvaluationRequest req = faro::make_evaluation_request(city.sectors, city.programs, {}, {});
  req.data_from =
      faro::days_from_civil(faro::DemoOptions{}.first_year, 1, 1) * faro::kSecondsPerDay;
  req.data_to_exclusive =
      faro::days_from_civil(faro::DemoOptions{}.last_year + 1, 1, 1) * faro::kSecondsPerDay;
  for (auto _ : state) {
    const faro::ProgramEvaluation ev =
        faro::evaluate_program(city.incidents, city.sectors.size(), faro::IncidentFilter{}, req);
    benchmark::DoNotOptimize(ev.verdict.value);
  }
  state.counters["treated"] = static_cast<double>(req.treated.size());
  state.counters["comparison"] = static_cast<double>(req.comparison.size());
}
BENCHMARK(BM_EvaluateDemoCity)->Unit(benchmark::kMillisecond);

}  // namespace

BENCHMARK_MAIN();
