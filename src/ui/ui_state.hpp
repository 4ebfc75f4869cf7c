#pragma once
// UI-only state shared between panels within a frame and kept across frames: which dialogs are
// open, recent files. Not part of the Session (nothing here is saved in a project file; the
// recent files are kept between runs by the app, io/recent_files.hpp).
#include <cstddef>
#include <optional>
#include <string>
#include <vector>

namespace faro::ui {

// What the file browser is being used for; decides the extension filter and the action pushed.
enum class BrowserMode {
  open_data,
  open_project,
  save_project,
  export_png_screen,
  export_png_4k,
  open_style,  // a map style or a single layer preset (JSON, the format of layers/)
  export_animation,  // an .mp4 or .gif of the timeline's steps (app/animation_job.hpp)
};

struct UiState {
  static constexpr size_t kMaxRecent = 10;

  std::optional<BrowserMode> browser_request;  // set by the menu: open the browser this frame
  bool show_load_report = false;               // the load report window is open
  bool show_brief = false;                     // the weekly brief window is open
  bool request_brief_export = false;           // File ▸ Export weekly brief: open its dialog
  bool show_evaluation = false;                // the program evaluation window is open
  bool show_goals = false;                     // the goals window is open (ui/goals_panel.hpp)
  bool request_evaluation_export = false;      // File ▸ Export evaluation report: its dialog
  bool request_program_edit = false;           // open "Add to program…" for the selection
  bool request_csv_dialog = false;             // set by the browser when a CSV was chosen
  std::string csv_path;                        // the CSV the mapping dialog is for
  std::string browser_preselect;               // a path to select when the browser opens
  std::vector<std::string> recent_files;       // most recent first, at most kMaxRecent
  std::vector<std::string> recent_missing;     // of those, not found at start (greyed out)

  // Moves `path` to the front of the recent list (no duplicates).
  void add_recent(const std::string& path);
  bool recent_available(const std::string& path) const;
};

}  // namespace faro::ui
