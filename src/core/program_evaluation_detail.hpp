#pragma once
// Internals shared by program_evaluation.cpp (windows, DiD) and program_its.cpp (interrupted
// time series, event study). Not part of the public API.
#include <cstdint>
#include <vector>

#include "core/program_evaluation.hpp"

namespace faro::eval_detail {

// Daily counts per sector over days [first_day, end_day), stored as prefix sums so any window
// sum is O(1). Days are civil days (days since 1970-01-01).
struct DailyCounts {
  int64_t first_day = 0, end_day = 0;
  size_t sectors = 0;
  std::vector<double> prefix;  // sectors x (days + 1)

  int64_t days() const { return end_day - first_day; }
  // Incidents in sector s on days [from_day, to_day), clamped to the covered range.
  double sum(size_t s, int64_t from_day, int64_t to_day) const;
  // Sum over several sectors.
  double sum(const std::vector<size_t>& ss, int64_t from_day, int64_t to_day) const;
};

DailyCounts count_daily(const IncidentStore& store, size_t sector_count,
                        const IncidentFilter& filter, int64_t first_day, int64_t end_day);

// First day of period k relative to a rollout on `rollout_day` (k = 0: the first period after).
// Weeks are 7-day periods aligned on the rollout day (not ISO weeks), so no period straddles it;
// months are calendar months from the rollout's day of month (clamped at month ends).
int64_t period_start_day(EvalBin by, int64_t rollout_day, int64_t k);
// Periods on each side of rollout for a window of `window_weeks` (months: rounded to whole months).
int periods_per_side(EvalBin by, int window_weeks);
// Mean period length in days, for the exposure offset of uneven months.
double nominal_period_days(EvalBin by);

Estimate<ItsResult> fit_interrupted_time_series(const DailyCounts& daily,
                                                const std::vector<TreatedSector>& treated,
                                                EvalBin by, int window_weeks);

Estimate<std::vector<EventStudyPoint>> event_study(const DailyCounts& daily,
                                                   const std::vector<TreatedSector>& treated,
                                                   const std::vector<size_t>& comparison,
                                                   EvalBin by, int window_weeks);

}  // namespace faro::eval_detail
