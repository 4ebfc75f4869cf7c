#pragma once
// "Añadir a programa… / Add to program…": with sectors selected on the map (Session::selection),
// puts them into a program (an existing one from the combo or a new name) with a rollout date
// and an optional end (YYYY-MM-DD), or removes them from it. Edits Session::programs
// (core/session_programs.hpp); the app applies them to a new data snapshot, the project file saves
// them.
#include <optional>
#include <string>
#include <vector>

#include "core/civil_time.hpp"
#include "core/messages.hpp"
#include "core/session.hpp"
#include "core/workspace.hpp"
#include "ui/program_goals_editor.hpp"

namespace faro::ui {

// The dialog's text fields checked: a non-empty name, a valid rollout date, an optional end date
// after the rollout. `error` unset when ok.
struct ProgramEditFields {
  std::string name;
  CivilSeconds start = 0;
  std::optional<CivilSeconds> end;
  std::optional<Msg> error;  // catalogue key of the problem
  std::string error_value;   // the offending text, for keys that quote it
  bool ok() const { return !error; }
  std::string error_text(Language lang) const;
};
ProgramEditFields validate_program_edit(const std::string& name, const std::string& start,
                                        const std::string& end);

class ProgramEditDialog {
 public:
  // Opens the modal for the current selection (does nothing when nothing is selected).
  void open(const Session& session);
  // Opens it for a program's goals only (no sectors needed: Add and Remove stay disabled).
  void open_goals(const Session& session, const std::string& program);
  bool is_open() const { return open_; }
  // Draws the modal when open; returns true when the session's programs were changed.
  bool draw(const Workspace& ws, Session& session);

  // The buttons' actions (draw() calls them): validate the fields and edit the session's
  // programs for the sectors selected when the dialog opened. Return true when the programs
  // changed; on a validation error `message` says why and the dialog stays open.
  bool submit_add(const Workspace& ws, Session& session);
  bool submit_remove(const Workspace& ws, Session& session);
  // Saves the goal rows as the goals of program `name` (Session::programs, so the project keeps
  // them); on a bad goal `message` names it and its field.
  bool submit_goals(const Workspace& ws, Session& session);
  ProgramGoalsEditor goals_editor;

  // Field buffers (tests fill them as a user would type).
  std::string name, start = "2024-01-01", end;
  std::string message;  // last validation error or result, in the session language

 private:
  bool open_ = false, popup_requested_ = false;
  bool prefill_ = false;  // fill an empty name from the selection's program on the first draw
  std::vector<std::string> sectors_;  // the selection when opened
};

}  // namespace faro::ui
