#pragma once
// The main menu bar: File (open data, open project, save, demo city, export PNG, quit), Edit
// (undo and redo, naming what they change) and View
// (presentation, fit all, zoom to selection, load report, language). Each item maps to a
// MenuCommand, and run_menu_command() does the work, so tests can check what every item does
// without simulating clicks.
#include <optional>
#include <string>

#include "core/edit_history.hpp"
#include "core/session.hpp"
#include "ui/dashboard_ui.hpp"
#include "ui/ui_actions.hpp"
#include "ui/ui_state.hpp"

namespace faro::ui {

enum class MenuCommand {
  open_data,
  open_project,
  save_project,  // to the current project path, or "save as" when there is none
  save_project_as,
  demo_city,
  export_png_screen,
  export_png_4k,
  quit,
  presentation,
  fit_all,
  zoom_to_selection,
  load_report,
  weekly_brief,
  program_evaluation,  // View ▸ Program evaluation window
  goals,               // View ▸ Goals window (ui/goals_panel.hpp)
  add_to_program,      // the "Add to program…" dialog for the selection
  language_es,
  language_en,
  open_style,  // File ▸ Open map style or layer… (a JSON file in the format of layers/)
  export_animation,  // File ▸ Export animation (MP4/GIF)…
  export_brief,      // File ▸ Export weekly brief (PDF, PNG, CSV)…
  export_evaluation,  // File ▸ Export evaluation report (PDF)…
  undo,               // Edit ▸ Undo (Ctrl+Z)
  redo,               // Edit ▸ Redo (Ctrl+Shift+Z, Ctrl+Y)
};

// "Deshacer: delitos del filtro" / "Undo: filter offences", or the bare word when there is
// nothing to undo (the item is greyed then). `redo` picks the Redo words.
std::string undo_menu_label(bool redo, const std::optional<EditKind>& kind, Language lang);

// Carries out `cmd`: pushes an action, opens a dialog in `ui`, or edits `session` (language).
void run_menu_command(MenuCommand cmd, Session& session, const AppStatus& status,
                      UiActions& actions, UiState& ui);

struct MenuBar {
  // Draws the bar (ImGui::BeginMainMenuBar); returns its height in pixels.
  float draw(const Workspace& ws, Session& session, const AppStatus& status, UiActions& actions,
             UiState& ui);
};

}  // namespace faro::ui
