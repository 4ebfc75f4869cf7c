#pragma once
// View ▸ Goals: each program's goals (core/program_goals.hpp) with a progress bar and the status
// in its colour, the change and why a goal is not estimable. The goals are computed in update(),
// before the frame's widgets, and only when the snapshot's data (which carries the programs with
// the session's edits) changed: a pass over the incidents per goal, milliseconds; draw() only
// draws. On the analyst's screen nothing is hidden (outputs that leave it are partner-safe).
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "core/data_snapshot.hpp"
#include "core/program_goals.hpp"
#include "core/session.hpp"

namespace faro::ui {

struct GoalsPanel {
  // Recomputes when the data (and so the programs) changed. UI thread, outside draw().
  void update(const SnapshotPtr& snap);
  // Draws inside the current ImGui window (the caller owns Begin/End).
  void draw(const Session& session) const;

  std::vector<GoalResult> results;  // program then goal order
  std::string error;                // a goal that cannot be read against these incidents
  CivilSeconds as_of = 0;           // the first day not counted (the day after the last incident)
  bool has_data = false;
  uint64_t computations = 0;        // tests check it is not recomputed every frame

 private:
  std::shared_ptr<const Workspace> data_;  // what `results` were computed from
};

}  // namespace faro::ui
