#pragma once
// The goals part of the program dialog (ui/program_edit_dialog.hpp): one row of text fields per
// goal (indicator, incidents filter, baseline and goal windows, target), add and remove, checked
// with the same rules as the programs file (core/goal_definition.hpp make_goal) so a goal saved
// here loads anywhere.
#include <optional>
#include <string>
#include <vector>

#include "core/goal_definition.hpp"
#include "core/language.hpp"

namespace faro::ui {

struct GoalEditRow {
  std::string indicator = "reduction_pct", where, baseline_from, baseline_to, from, to, target;
};

struct ProgramGoalsEditor {
  std::vector<GoalEditRow> rows;
  std::string loaded_for;  // the program whose goals the rows hold

  void load(const std::string& program, const std::vector<ProgramGoal>& goals);
  // Every row as a goal; nullopt with `message` naming the goal (1-based) and the field when one
  // is wrong.
  std::optional<std::vector<ProgramGoal>> goals(Language lang, std::string& message) const;
  // The rows' inputs with Add / Remove (inside the caller's window).
  void draw(Language lang);
};

}  // namespace faro::ui
