#pragma once
// How `faro dashboard` (and `faro` with no arguments) starts, and the entry points of the two
// ways it runs: a GLFW window when there is a display, or headless through EGL (no window
// system), which draws the same UI into an offscreen target and writes it to a PNG.
#include <iosfwd>
#include <optional>
#include <string>
#include <vector>

#include "app/pg_live_controller.hpp"
#include "core/session.hpp"

namespace faro::app {

struct DashboardOptions {
  std::string screenshot;  // write the window to this PNG after `frames` frames and exit
  int frames = 0;          // frames to run (0: until closed; 5 with --screenshot or headless)
  int width = 1600, height = 900;  // window size in screen coordinates
  bool presentation = false;
  // Interface scale on top of the screen's content scale (--ui-scale 200: text and widgets twice
  // as large, as on a HiDPI screen at 200 %).
  float ui_scale = 1.0f;
  std::optional<Language> language;  // nullopt: the project's, else the system locale's
  std::string project;               // project file (.faro.json) to open at start
  // Sources to open instead of the demo city (after the project, replacing its sources).
  std::vector<SourceSpec> sources;
  // The whole session to start with, made by the caller (`faro dashboard --sectors ... --style
  // ... --basemap ...`: the project's, if any, with the command line's data, filter and style
  // applied). Replaces what `project` would load; `project` stays the file Save writes to.
  std::optional<Session> session;
  // File ▸ Open data at start: a folder, an archive to look inside, or a file to open (a CSV opens
  // its mapping dialog). "" = none.
  std::string browse;
  // A live PostGIS source (the tables `faro publish` wrote) instead of the session's sources:
  // loaded, refreshed (F5, File menu, or every refresh_every_min) and reconciled in place.
  std::optional<PgDashboardSource> pg;
};

constexpr const char* kDefaultHeadlessScreenshot = "faro-dashboard.png";

// Whether a window can be opened: DISPLAY or WAYLAND_DISPLAY set and glfwInit() succeeds.
bool display_available();

// Runs the dashboard in a window. Returns the process exit code (0 ok, 1 error with a message on
// `err`), or kNoWindow (message on `err`) when no OpenGL 3.3 window could be opened.
constexpr int kNoWindow = -1;
int run_windowed(const DashboardOptions& options, std::ostream& out, std::ostream& err);
// Runs the same UI headless through EGL and writes options.screenshot (or the default name).
int run_headless(const DashboardOptions& options, std::ostream& out, std::ostream& err);
// Picks one of the two: the window with a display, else headless with a notice on `out`.
int run_dashboard(const DashboardOptions& options, std::ostream& out, std::ostream& err);

}  // namespace faro::app
