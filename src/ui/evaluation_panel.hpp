#pragma once
// View ▸ Program evaluation: one program (combo), equal windows before/after each sector's rollout
// (default 52 weeks), by week or month. Shows treated vs comparison window counts, the DiD rate
// ratio with its 95 % interval and the plain-words sentence (es/en), and the interrupted time
// series' level and slope change with intervals, or the reason an estimate is missing.
//
// The evaluation (core/program_evaluation.hpp) runs in update(), before the frame's widgets, and
// only when its inputs change: the snapshot's data (a program edit makes new data: the programs
// with the session's edits applied, core/data_snapshot.hpp), its filter minus dates and sectors,
// or the panel's own choices. draw() only draws the result and edits the choices.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/program_evaluation.hpp"
#include <memory>

#include "core/data_snapshot.hpp"
#include "core/session.hpp"
#include "ui/timeline_panel.hpp"

namespace faro::ui {

struct EvaluationChoice {
  std::string program;  // "" = the first program
  int window_weeks = 52;
  EvalBin by = EvalBin::week;
  friend bool operator==(const EvaluationChoice&, const EvaluationChoice&) = default;
};

// The interrupted time series as a timeline: observed treated counts per sector and period
// (aligned at the earliest rollout), and the counterfactual (pre-trend projected, 95 % band) after
// rollout, ready for TimelinePanel.
struct ItsChart {
  Timeline timeline;
  TimelineOverlay counterfactual;
  CivilSeconds rollout = 0;
};
std::optional<ItsChart> its_chart(const ItsResult& its, EvalBin by, Language lang);

class EvaluationPanel {
 public:
  // Recomputes when needed and returns the current evaluation (nullptr with error_text() set when
  // the request could not be built, e.g. no programs). `lang`: the ITS chart's labels.
  const ProgramEvaluation* update(const SnapshotPtr& snap, Language lang = Language::es);
  // Draws the panel's widgets at the cursor (inside a window the caller begins); choices made
  // here are computed by the next update().
  void draw(const Session& session);

  EvaluationChoice& choice() { return choice_; }
  // Why there is no evaluation, in `lang` ("" when there is one).
  std::string error_text(Language lang) const;
  int computations() const { return computations_; }  // for tests: evaluations actually run
  // The result lines as drawn (headline numbers), for tests and copy-paste.
  std::vector<std::string> summary_lines(Language lang) const;

 private:
  EvaluationChoice choice_, computed_choice_;
  // What the evaluation depends on: the data (held, so its identity is never confused with a later
  // Workspace at the same address) and the filter minus dates/sectors, so timeline playback and
  // brushing do not recompute it.
  std::shared_ptr<const Workspace> data_key_;
  FilterState filter_key_;
  Language lang_key_ = Language::es;
  bool valid_ = false;
  int computations_ = 0;
  bool no_programs_ = false;
  std::string error_;  // the request's own error (names a program or sector), as thrown
  std::optional<ProgramEvaluation> result_;
  std::vector<std::string> names_;
  std::optional<ItsChart> chart_;  // the ITS as a timeline, built with the result
  TimelinePanel its_panel_;  // draws the ITS chart (no brushing: its filter is a scratch copy)
};

// The incident filter an evaluation uses: the session's categories, hours and weekdays, but all
// dates and all sectors (the windows and the groups come from the program).
FilterState evaluation_filter(const FilterState& f);

}  // namespace faro::ui
