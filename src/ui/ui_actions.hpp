#pragma once
// Requests the UI makes of the app. Panels never load files, start jobs or touch GL: they push an
// action here and the app carries it out after the frame (Tracy's View asks its Worker).
#include <string>
#include <vector>

#include "core/civil_time.hpp"
#include "core/session.hpp"

namespace faro::ui {

struct UiAction {
  enum class Kind {
    open_source,      // load `source` (role, path, mapping) in the background
    open_project,     // path
    save_project,     // path ("" = the current project's path, or ask)
    new_demo,         // back to the demo city
    cancel_load,
    export_png,       // path, width, height (0 = screen size)
    toggle_presentation,
    fit_all,          // camera to the data extent
    zoom_to_selection,
    quit,
    // Added by the ui helper (kept last so existing values do not move):
    open_basemap,     // path: a GDAL raster (.tif, MBTiles...) drawn under the map
    open_style,       // path: a map style (replaces the session's) or a layer preset (added on top)
    export_animation,  // path (.mp4 or .gif): the timeline's steps as a video, in the background
    cancel_animation,
    export_brief,  // path (.pdf/.png/.csv), week, internal: the weekly brief, in the background
    export_evaluation,  // path (.pdf), program, window_weeks, by_month, internal: the report
    undo,  // Edit > Undo / Ctrl+Z: the app restores the previous edit state (core/edit_history.hpp)
    redo,  // Edit > Redo / Ctrl+Shift+Z / Ctrl+Y
    pg_refresh,         // a live PostGIS source: fetch rows newer than those held (F5)
    pg_reconcile,       // a live PostGIS source: compare month checksums, reload what differs
    pg_refresh_every,   // width = minutes between automatic refreshes (0 = off)
  };
  Kind kind = Kind::fit_all;
  SourceSpec source;
  std::string path;
  int width = 0, height = 0;
  IsoWeek week{};         // export_brief
  bool internal = false;  // export_brief, export_evaluation: false = partner-safe
  std::string program;    // export_evaluation ("" = the first program)
  int window_weeks = 52;  // export_evaluation
  bool by_month = false;  // export_evaluation
};

using UiActions = std::vector<UiAction>;

}  // namespace faro::ui
