#pragma once
// The whole dashboard UI drawn each frame: menu bar, side panel (layers, filters, selection),
// load-report and error windows, file browser and CSV mapping dialog, status bar, the legend and
// scale bar over the map, and the reserved timeline strip at the bottom. Presentation mode draws
// the caption column instead (ui/presentation_caption.hpp) and the timeline only while hovered.
// The map itself is drawn by the app into `MapRegion` (an offscreen texture), so the UI never
// touches GL or GDAL.
#include <chrono>
#include <optional>
#include <string>
#include <vector>

#include "core/choropleth.hpp"
#include "core/color_domain.hpp"
#include "core/data_snapshot.hpp"
#include "core/edit_history.hpp"
#include "core/session.hpp"
#include "render/map_overlay.hpp"
#include "ui/brief_export_dialog.hpp"
#include "ui/evaluation_export_dialog.hpp"
#include "ui/ui_actions.hpp"

namespace faro::ui {

// What the app tells the UI about things only it knows (jobs, GL, camera). Plain values, filled
// fresh every frame.
struct AppStatus {
  bool loading = false;             // a background load is running
  float load_progress = -1;         // 0..1, < 0 = indeterminate
  std::string load_message;         // e.g. "incidentes.csv: 420 000 filas"
  std::vector<std::string> errors;  // new error messages since the last frame (shown in a modal)
  bool presentation = false;        // presentation mode: editing panels hidden, larger fonts
  bool heatmap_busy = false;    // density recomputing in the background (map shows the last one)
  // The map draws a heatmap (the style drawn: a partner-safe map may have replaced it by hexagons
  // or sectors, core/adaptive_protection.hpp).
  bool heatmap_shown = false;
  ColorDomain heatmap_domain;   // resolved colour domain of the heatmap on screen
  std::string heatmap_units;    // "incidentes/km² por año" ...
  double metres_per_pixel = 0;  // current map scale, for the scale bar
  std::optional<int> hovered_sector;  // under the mouse, for the tooltip
  // The mouse over the map (working CRS), for the tooltip's colonia / cuadrante / alcaldía; unset
  // while presenting (the app draws a protected tooltip then).
  std::optional<Vec2> hovered_point;
  // The near-repeat zone under the mouse (analyst view, when the layer is shown).
  struct ZoneHover {
    double radius_m = 0, relative_risk = 0;
    int64_t first_day = 0, expiry_day = 0;  // civil days; active before expiry_day
    size_t seeds = 0;
  };
  std::optional<ZoneHover> hovered_zone;
  std::string project_path;           // "" = unsaved
  double frame_ms = 0;
  // Legends of the visible fill layers (choropleth classes with the "<5 (suprimido)" entry while
  // protected, hot-spot classes), from the same fills the map and every export draw
  // (render/style_fills.hpp); a continuous choropleth gives a ramp instead.
  std::vector<render::LegendClasses> fill_legends;
  std::optional<render::LegendRamp> fill_ramp;
  // Presentation mode: the footer stating the partner-safe protection (the app knows the policy;
  // the ui's caption column shows it).
  std::string protection_note;

  // An animation being written (app/animation_job.hpp): frames drawn of `animation_frames`
  // (0 = none running); before the first frame it is computing the locked colour scale.
  int animation_frame = 0, animation_frames = 0;
  // The weekly brief export (app/brief_export_job.hpp): progress, then what it wrote or why not.
  BriefExportStatus brief_export;
  // The evaluation report export (app/evaluation_export_job.hpp), the same way.
  EvaluationExportStatus evaluation_export;
  // What Edit > Undo / Redo would change (nothing = greyed), from the app's history.
  std::optional<EditKind> undo_kind, redo_kind;
  // A live PostGIS source (app/pg_live_controller.hpp): the File menu's Refresh/Reconcile and
  // poll interval, and the status bar's "refreshed HH:MM: N new rows".
  struct PgLive {
    bool active = false;     // the data comes from a live PostGIS source
    bool running = false;    // a refresh/reconcile step is running
    int refresh_every_min = 0;
    std::string last_time;   // "" = no step succeeded yet; local HH:MM:SS
    enum class Step { load, refresh, reconcile } last_step = Step::load;
    int last_count = 0;      // rows loaded (load), new rows (refresh) or months reloaded
    // Server mode (app/pg_server_view.hpp): no rows held, so the panels that need them (weekly
    // brief, program evaluation, identify) say so (ui/needs_rows.hpp) instead of counting none.
    bool server_mode = false;
    int64_t max_rows = 0;    // the --pg-max-rows the table exceeded
  } pg;
};

// Screen rectangle (ImGui display coordinates, pixels) left for the map. In presentation mode it
// excludes the caption column (ui/layout.hpp), so the camera fits the data beside the title and
// the legends, never under them.
struct MapRegion {
  float x = 0, y = 0, width = 0, height = 0;
};

class DashboardUi {
 public:
  DashboardUi();
  ~DashboardUi();
  DashboardUi(const DashboardUi&) = delete;
  DashboardUi& operator=(const DashboardUi&) = delete;

  // Loads the embedded fonts into the current ImGui context at `scale` (1 = 100 %, 2 = HiDPI);
  // call before the first frame and again when the scale or presentation mode changes.
  void load_fonts(float scale);
  // Brings the panels' derived state (timeline series, weekly brief, program evaluation) up to
  // date with `snap` before any widget is drawn; each is recomputed only when the inputs it
  // uses changed (data identity, filter parts, its own choices), never because of a pan or a
  // playback step. UI thread; no ImGui calls.
  void prepare(const SnapshotPtr& snap, const Session& session);
  // Draws every panel from `snap` (the app's current data snapshot; prepare()d first when the
  // caller did not). Edits `session` directly (the app compares what changed) and pushes requests
  // onto `actions`. Returns where the map goes. Call between ImGui::NewFrame() and ImGui::Render().
  MapRegion draw(const SnapshotPtr& snap, Session& session, const AppStatus& status,
                 UiActions& actions);
  // Draws the legend, scale bar and hover tooltip over the map region (after the map image).
  // Call it LAST in the frame: it also draws the error modal (ImGui 1.86 asserts when a window
  // appears after a modal popup's first Begin in the same frame).
  void draw_map_overlay(const DataSnapshot& snap, const Session& session, const AppStatus& status,
                        const MapRegion& region);

  // A file dropped on the window: a CSV opens the column-mapping dialog, a .faro.json project
  // is opened, a .tif becomes the basemap, other data is loaded with a role guessed from its
  // name (sectores*, programas*, alcaldías*...). Pushes onto `actions` (nothing for a CSV until
  // the user confirms the mapping).
  // An archive (.zip, .tar, .7z) opens File ▸ Open data inside it, to pick a member.
  void open_path(const std::string& path, UiActions& actions);
  // The recent files (most recent first) kept between runs by the app (io/recent_files.hpp);
  // `missing` are greyed out in File ▸ Recent (checked once, at start).
  void set_recent_files(std::vector<std::string> files, std::vector<std::string> missing);
  const std::vector<std::string>& recent_files() const;
  bool recent_available(const std::string& path) const;
  // Opens File ▸ Open data in `folder` ("" = the last folder, or the working directory).
  void show_open_dialog(const std::string& folder = "");
  // Opens View ▸ Weekly brief (the per-sector table of the last complete week).
  void show_weekly_brief();
  // Opens File ▸ Export weekly brief (and the brief window, whose week it exports), and the
  // request its dialog would make now (tests, scripted runs).
  void show_brief_export();
  std::optional<BriefExportRequest> brief_export_request() const;
  // Opens View ▸ Program evaluation, and the "Add to program…" dialog for the selection.
  void show_program_evaluation();
  // Opens File ▸ Export evaluation report (and the evaluation window, whose program it exports),
  // and the request its dialog would make now (tests, scripted runs).
  void show_evaluation_export();
  std::optional<EvaluationExportRequest> evaluation_export_request() const;
  void show_add_to_program();
  // Opens View ▸ Goals (each program's goals against the data, ui/goals_panel.hpp).
  void show_goals();
  // A panel's background work (the program evaluation) has not shown its result yet, and a wait
  // for it (screenshots); settle() returns false on timeout. The next prepare() takes the result.
  bool busy() const;
  bool settle(std::chrono::milliseconds timeout);
  // True while the timeline plays its window through time (the app locks the heatmap's colour
  // scale meanwhile, so successive frames are comparable).
  bool timeline_playing() const;
  // Starts timeline playback, as its play button does (tests, scripted runs).
  void play_timeline();
  // The gesture the edits of the last draw() belong to, for undo coalescing (core/edit_history.hpp):
  // the widget being dragged or typed into, a constant while the timeline plays, 0 otherwise.
  uint64_t edit_gesture() const;
  // The timeline's playback is cumulative (File ▸ Export animation animates the same way).
  bool timeline_cumulative() const;

 private:
  struct Impl;
  Impl* impl_;
};

}  // namespace faro::ui
