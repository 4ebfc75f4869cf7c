#pragma once
// A program's goals ("metas") as defined by people: an indicator, the incidents it counts (a
// restricted `where` on the incidents' category column), a baseline window, the window the goal
// is judged on, and a target. Parsed and checked here so the JSON programs, the project files and
// the dashboard's dialog all accept exactly the same goals (core/program_goals.hpp computes them).
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/civil_time.hpp"

namespace faro {

enum class GoalIndicator {
  reduction_pct,      // 1 - current/baseline (rates per day), percent, in the program's sectors
  count_max,          // incidents in the current window at most `target`
  rate_per_10k_max,   // incidents per 10,000 inhabitants of the program's sectors, at most target
  did_reduction_pct,  // 1 - DiD rate ratio (program vs other sectors, current vs baseline), %
};

// "reduction_pct", ... and back (nullopt when unknown).
const char* goal_indicator_id(GoalIndicator i);
std::optional<GoalIndicator> goal_indicator_from_id(std::string_view id);
// Whether the indicator needs a baseline window (the two reductions do; the maxima may have one,
// which then only serves change_pct and progress).
bool goal_needs_baseline(GoalIndicator i);

// `FIELD IN ('a','b')` or `FIELD = 'a'`; empty field = every incident.
struct GoalWhere {
  std::string field;
  std::vector<std::string> values;
  bool all() const { return field.empty(); }
  friend bool operator==(const GoalWhere&, const GoalWhere&) = default;
};

// Parses the restricted filter; whitespace-tolerant, keyword case-insensitive, values in single
// quotes ('' for a quote inside). Anything else (AND, OR, LIKE, numbers, unquoted values) is
// refused: returns nullopt and sets `problem` (English, for DataError messages).
std::optional<GoalWhere> parse_goal_where(std::string_view text, std::string& problem);
// The canonical text of a filter: "grupo IN ('a', 'b')" ("" for all).
std::string goal_where_text(const GoalWhere& where);

// Days [from, to_exclusive) as civil midnights.
struct GoalWindow {
  CivilSeconds from = 0, to_exclusive = 0;
  int64_t days() const { return days_of(to_exclusive) - days_of(from); }
  friend bool operator==(const GoalWindow&, const GoalWindow&) = default;
};

struct ProgramGoal {
  GoalIndicator indicator = GoalIndicator::reduction_pct;
  GoalWhere where;
  std::optional<GoalWindow> baseline;
  GoalWindow current;
  double target = 0;  // percent for the reductions, incidents or rate for the maxima
  friend bool operator==(const ProgramGoal&, const ProgramGoal&) = default;
};

// A goal's fields as text (JSON strings, the dialog's inputs); dates YYYY-MM-DD, the "to" dates
// inclusive as people write them ("2023-12-31" is the last day counted).
struct GoalFields {
  std::string indicator, where, baseline_from, baseline_to, from, to;
  std::optional<double> target;
};

// A field of a goal that is wrong, and why (English: the loaders wrap it in a DataError naming the
// file, the program and the goal's index).
struct GoalProblem {
  std::string field;    // "indicator", "where", "baseline_from", ..., "target"
  std::string message;
};

// Builds a goal from its fields, or says which field is wrong: unknown indicator, bad filter,
// unparseable date, a window that ends before it starts, a missing baseline for a reduction, a
// missing or negative target (reductions: at most 100).
std::optional<ProgramGoal> make_goal(const GoalFields& fields, GoalProblem& problem);
// The fields back from a goal (the project writer, the dialog).
GoalFields goal_fields(const ProgramGoal& goal);

}  // namespace faro
