#pragma once
// Program goals ("metas e indicadores") computed from the data: for each program and goal, the
// incidents in the program's sectors in the baseline and the current window, the change, the
// progress towards the target and a status. Core states enums and numbers; the words come from
// the catalogue (core/messages_goals.hpp, core/goals_text.hpp).
//
// Indicators (core/goal_definition.hpp):
// - reduction_pct: change_pct = (current per day / baseline per day - 1) x 100, the reduction is
//   -change_pct, progress_pct = reduction / target x 100.
// - count_max: current count at most target; with a baseline, progress_pct is the share of the
//   way from the baseline to the target that was covered, (baseline - current) / (baseline -
//   target) x 100 (only when baseline > target).
// - rate_per_10k_max: the same on incidents per 10,000 inhabitants of the program's sectors (the
//   sectors' population field; not estimable when a sector has none).
// - did_reduction_pct: the evaluation's rate ratio (core/program_evaluation.hpp did_rate_ratio)
//   of the program's sectors against every sector in no program, current vs baseline window, with
//   its Poisson 95 % interval; reduction = (1 - ratio) x 100.
// Open window (the current window ends after `as_of`): the count so far is projected linearly to
// the window's end (count / elapsed share of its days) and the status says whether that projection
// meets the target (on_track) or not (off_track). A closed window is met or off_track.
//
// Partner-safe (DisclosurePolicy::partner_safe): a window count of 1..k-1 is hidden, and so is
// everything computed from it (the rate, change, progress and the status, which becomes
// not_estimable / hidden). The monthly timeline is protected as a one-row table
// (core/disclosure.hpp protect_table: small months and a complement so the months' sum gives none
// away); then no region of months (inside the baseline, inside the current window, outside both)
// may hold exactly one hidden month, since the window counts minus the printed months would give
// it: a second month is hidden there, or the window counts when there is none to hide.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/civil_time.hpp"
#include "core/disclosure.hpp"
#include "core/incidents.hpp"
#include "core/program_evaluation.hpp"
#include "core/programs.hpp"
#include "core/sectors.hpp"

namespace faro {

enum class GoalStatus { met, on_track, off_track, not_estimable };

enum class GoalReason {
  none,
  no_sectors,         // none of the program's sectors is in the sector set
  no_population,      // rate_per_10k_max: a program sector has no population
  outside_data,       // a window starts before the data do, or the baseline ends after them
  not_started,        // the current window starts after as_of (or after the data end)
  zero_baseline,      // no incidents in the baseline window: no change can be stated
  no_comparison,      // did_reduction_pct: every sector is in a program
  zero_comparison,    // did_reduction_pct: no incidents in the comparison sectors in a window
  hidden_small_count  // partner-safe: a count it rests on is 1..k-1 (or a complement)
};

// "met", "on_track", "off_track", "not_estimable" (the CSV's status column), and the reason's id.
const char* goal_status_id(GoalStatus s);
const char* goal_reason_id(GoalReason r);

// Monthly incidents of the goal's filter in the program's sectors, for the PDF's timeline.
struct GoalTimeline {
  std::vector<int64_t> months;   // month bins (time_bins.hpp BinKind::month), consecutive
  std::vector<int64_t> counts;   // parallel
  std::vector<uint8_t> hidden;   // parallel; 1 = suppressed (partner-safe)
  // The level the target means per month (reductions: the baseline's monthly mean x (1 - target);
  // maxima: the target spread over the window's months); nullopt when it cannot be stated.
  std::optional<double> target_per_month;
  std::optional<double> baseline_per_month;  // the baseline window's monthly mean
};

struct GoalResult {
  std::string program;
  size_t goal_index = 0;  // 0-based position in Program::goals
  ProgramGoal goal;
  // Window values as published: counts, or rates per 10,000 for rate_per_10k_max; nullopt when
  // hidden or not computed. `current` is the count so far in an open window.
  std::optional<double> baseline, current;
  std::optional<double> change_pct;    // DiD: (ratio - 1) x 100
  std::optional<double> progress_pct;  // may exceed 100 or be negative
  std::optional<RateRatio> did;        // did_reduction_pct only
  GoalStatus status = GoalStatus::not_estimable;
  GoalReason reason = GoalReason::none;
  bool open = false;             // the current window is not over at as_of
  double elapsed_share = 1;      // share of the current window's days covered
  CivilSeconds counted_to = 0;   // the current window is counted up to here (exclusive)
  int64_t baseline_count = 0, current_count = 0;  // true counts (internal use only)
  double population = 0;                          // rate_per_10k_max
  size_t sectors_found = 0;                       // program sectors in the sector set
  GoalTimeline timeline;
};

// Every goal of every program, in program then goal order. `as_of` (exclusive: the first day not
// counted) defaults to the day after the last incident. Throws DataError naming the program, the
// goal (1-based) and the field when the filter names a column other than the incidents' category
// column or a value that never occurs in it.
std::vector<GoalResult> compute_program_goals(const IncidentStore& store, const SectorSet& sectors,
                                              const std::vector<Program>& programs,
                                              std::optional<CivilSeconds> as_of,
                                              const DisclosurePolicy& policy);

// The category mask (by code) of a goal's filter; empty = every incident. Throws as above.
std::vector<uint8_t> goal_category_mask(const IncidentStore& store, const GoalWhere& where,
                                        const std::string& program, size_t goal_index);

}  // namespace faro
