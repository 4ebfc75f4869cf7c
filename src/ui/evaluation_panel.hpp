#pragma once
// View ▸ Program evaluation: one program (combo), equal windows before/after each sector's rollout
// (default 52 weeks), by week or month. Shows treated vs comparison window counts, the DiD rate
// ratio with its 95 % interval and the plain-words sentence (es/en), and the interrupted time
// series' level and slope change with intervals, or the reason an estimate is missing.
//
// The evaluation (core/program_evaluation.hpp) runs only when its inputs change: the session
// revision (programs edited in the UI, filter categories/hours), the workspace, or the panel's
// own choices. Programs are the loaded ones with the session's edits applied
// (core/session_programs.hpp), so the panel is right even before the app re-applies them.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/program_evaluation.hpp"
#include "core/session.hpp"
#include "core/workspace.hpp"
#include "ui/timeline_panel.hpp"

namespace faro::ui {

struct EvaluationChoice {
  std::string program;  // "" = the first program
  int window_weeks = 52;
  EvalBin by = EvalBin::week;
  friend bool operator==(const EvaluationChoice&, const EvaluationChoice&) = default;
};

class EvaluationPanel {
 public:
  // Recomputes when needed and returns the current evaluation (nullptr with error_text() set
  // when the request could not be built, e.g. no programs).
  const ProgramEvaluation* update(const Workspace& ws, const Session& session);
  // Draws the panel's widgets at the cursor (inside a window the caller begins).
  void draw(const Workspace& ws, const Session& session);

  EvaluationChoice& choice() { return choice_; }
  // Why there is no evaluation, in `lang` ("" when there is one).
  std::string error_text(Language lang) const;
  int computations() const { return computations_; }  // for tests: evaluations actually run
  // The result lines as drawn (headline numbers), for tests and copy-paste.
  std::vector<std::string> summary_lines(Language lang) const;

 private:
  EvaluationChoice choice_, computed_choice_;
  const Workspace* ws_ = nullptr;
  size_t rows_ = 0;
  // What the evaluation depends on from the session: not its revision, which every pan, opacity
  // drag and timeline playback step bumps, but the filter minus dates/sectors and the programs.
  FilterState filter_key_;
  std::vector<ProgramSpec> programs_key_;
  bool valid_ = false;
  int computations_ = 0;
  bool no_programs_ = false;
  std::string error_;  // the request's own error (names a program or sector), as thrown
  std::optional<ProgramEvaluation> result_;
  std::vector<std::string> names_;
  TimelinePanel its_panel_;  // draws the ITS chart (no brushing: its filter is a scratch copy)
};

// The incident filter an evaluation uses: the session's categories, hours and weekdays, but all
// dates and all sectors (the windows and the groups come from the program).
FilterState evaluation_filter(const FilterState& f);

// The interrupted time series as a timeline: observed treated counts per sector and period
// (aligned at the earliest rollout), and the counterfactual (pre-trend projected, 95 % band) after
// rollout, ready for TimelinePanel.
struct ItsChart {
  Timeline timeline;
  TimelineOverlay counterfactual;
  CivilSeconds rollout = 0;
};
std::optional<ItsChart> its_chart(const ItsResult& its, EvalBin by, Language lang);

}  // namespace faro::ui
