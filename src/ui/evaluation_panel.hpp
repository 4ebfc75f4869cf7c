#pragma once
// View ▸ Program evaluation, for command staff first and analysts second: one program (combo),
// equal windows before/after each sector's rollout (default 52 weeks), by week or month.
//
// What a person reads first: the verdict in plain words, coloured by outcome
// (core/evaluation_verdict.hpp), the change relative to the comparison sectors with its likely
// range, the filters that apply and the two that never do (dates, sector selection), and the event
// study as a chart with intervals (ui/event_study_chart.hpp). Then two collapsible sections:
// "What does this mean?" (what was compared, the neighbouring sectors that left the comparison,
// how to read the verdict, why the two estimates can disagree, the rule and its checks) and the
// analyst details (DiD, ITS, CI, φ by name, each explained; the counts; the ITS chart).
//
// The evaluation runs off the UI thread (ui/evaluation_job.hpp: synthetic control and
// randomization inference take a second or two). update(), before the frame's widgets, requests
// it when its inputs change (the snapshot's data, its filter minus dates and sectors, the panel's
// choices), takes a finished result and builds its words and charts once; draw() only draws them
// and edits the choices, showing "Calculating…" while the result for the current inputs is not in.
#include <chrono>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "core/data_snapshot.hpp"
#include "core/program_evaluation.hpp"
#include "core/session.hpp"
#include "ui/evaluation_job.hpp"
#include "ui/evaluation_panel_text.hpp"
#include "ui/event_study_chart.hpp"
#include "ui/timeline_panel.hpp"

struct ImFont;

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
  // Requests an evaluation when its inputs changed, takes a finished one and words it in the
  // session's language. Returns the evaluation for the current inputs, or nullptr while it is
  // being computed or when there is none (error_text() says why). UI thread; no ImGui calls.
  const ProgramEvaluation* update(const SnapshotPtr& snap, const Session& session);
  // Draws the panel's widgets at the cursor (inside a window the caller begins); choices made
  // here are requested by the next update(). `bold`: the headline's font (null: the current one).
  void draw(const Session& session, ImFont* bold = nullptr);

  EvaluationChoice& choice() { return choice_; }
  // The result for the current inputs is not in yet.
  bool computing() const { return computing_; }
  // Blocks until the background evaluation is done (tests, screenshots); the next update() takes
  // its result. False on timeout.
  bool wait_idle(std::chrono::milliseconds timeout) { return job_.wait_idle(timeout); }
  // Why there is no evaluation, in `lang` ("" when there is one or it is being computed).
  std::string error_text(Language lang) const;
  int computations() const { return computations_; }  // for tests: evaluations requested
  // The words of the shown result (null when there is none) and its event-study chart.
  const EvaluationPanelText* text() const { return text_ ? &*text_ : nullptr; }
  const EventStudyChart& event_study() const { return event_study_; }
  // The result as lines, in reading order (headline, change, filters, then the analyst lines),
  // for tests and copy-paste; the error when there is none.
  std::vector<std::string> summary_lines(Language lang) const;
  // Opens "What does this mean?" and the analyst details on the next draw (screenshots, tests).
  void open_sections() { open_sections_ = true; }

 private:
  struct Inputs {  // what the evaluation depends on
    std::shared_ptr<const Workspace> data;
    FilterState filter;
    EvaluationChoice choice;  // program resolved to a name
    bool operator==(const Inputs&) const = default;
  };
  struct TextKey {  // what its words depend on besides the result
    Language lang = Language::es;
    FilterState session_filter;
    std::vector<std::string> wheres;
    bool operator==(const TextKey&) const = default;
  };
  void rebuild_text(const TextKey& key);
  void draw_choices(Language lang);
  void draw_result(Language lang, ImFont* bold);
  void draw_meaning(Language lang);
  void draw_details(Language lang);

  EvaluationChoice choice_;
  EvaluationJob job_;
  std::optional<Inputs> requested_;
  uint64_t request_id_ = 0;
  bool computing_ = false;
  int computations_ = 0;
  bool no_programs_ = false;
  std::shared_ptr<const Workspace> names_of_;  // the data names_ were listed from
  std::vector<std::string> names_;
  std::optional<EvaluationJobResult> done_;  // the latest finished evaluation (maybe older inputs)
  std::vector<SourceSpec> sources_;          // the session's, for the --where clauses
  std::optional<TextKey> text_key_;
  std::optional<EvaluationPanelText> text_;
  EventStudyChart event_study_;
  std::optional<ItsChart> chart_;  // the ITS as a timeline, built with the words
  TimelinePanel its_panel_;  // draws the ITS chart (no brushing: its filter is a scratch copy)
  bool open_sections_ = false;
};

// The incident filter an evaluation uses: the session's categories, hours and weekdays, but all
// dates and all sectors (the windows and the groups come from the program).
FilterState evaluation_filter(const FilterState& f);

}  // namespace faro::ui
