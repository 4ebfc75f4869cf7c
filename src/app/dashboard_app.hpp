#pragma once
// The dashboard without its window: Session, Workspace, UI panels, live map and background jobs,
// driven one frame at a time by a platform loop (app/window_main.cpp with GLFW, or
// app/headless_main.cpp through EGL). The loop owns the GL and ImGui contexts and the backends;
// this class owns everything else and never blocks a frame on a load, a density grid or an export.
//
// Data flow: the loaded data, the programs in effect and the current filter's result live in one
// immutable core::DataSnapshot (core/data_snapshot.hpp). The app replaces it on the UI thread
// (after the panels drew, when session.filter or session.programs differ from the snapshot's, or
// when a load finishes) and never mutates it; panels, the map, and background jobs (export,
// density) take the shared_ptr and keep the version they started from.
//
// Frame protocol (UI thread, GL context current, ImGui context current):
//   backend NewFrame + ImGui::NewFrame();  app.frame(platform_input, pixel_scale);
//   ImGui::Render(); backend draw;          app.after_frame();
#include <chrono>
#include <memory>
#include <string>
#include <vector>

#include "app/dashboard_options.hpp"
#include "app/map_interaction.hpp"
#include "core/data_snapshot.hpp"
#include "core/edit_history.hpp"
#include "core/session.hpp"
#include "ui/dashboard_ui.hpp"

namespace faro::app {

class AnimationJob;
class BriefExportJob;
class EvaluationExportJob;
class ExportJob;
class IdentifyController;
class LoadJob;
class MapView;
class PgLiveController;
struct PgFirstMap;

// Input only the platform layer sees (keys outside ImGui's named keys, dropped files).
struct PlatformInput {
  bool toggle_presentation = false;  // F11
  bool refresh = false;              // F5: refresh a live PostGIS source
  std::vector<std::string> dropped;  // files dropped on the window
  // Scripted map input (headless benchmarks): added to what ImGui's IO gives.
  Vec2 scripted_pan;
};

// Where a frame's time went (benchmarks; filled only with set_gl_profiling(true), which adds a
// glFinish before and after the map so its GL work is not counted with the ImGui pass).
struct FrameProfile {
  double ui_ms = 0;        // the ui panels (CPU: ImGui widget code)
  double map_ms = 0;       // MapView::frame including its GL drawing
  double overlay_ms = 0;   // legend, scale bar, tooltip, footer (CPU)
  double imgui_gl_ms = 0;  // ImGui's draw data to the target incl. the map quad (set by the loop)
  // CPU time of the whole process (all threads: llvmpipe's rasterizer threads included) over the
  // map and over the ImGui pass: wall times stretch on a loaded machine, CPU time does not.
  double map_cpu_ms = 0, imgui_gl_cpu_ms = 0;
  int imgui_commands = 0, imgui_vertices = 0;  // ImGui's draw calls and vertices this frame
};
// CPU milliseconds used by this process so far (all threads).
double process_cpu_ms();

class DashboardApp {
 public:
  // Sets up the session (project file or the demo city, language) and starts loading it.
  explicit DashboardApp(const DashboardOptions& options);
  ~DashboardApp();
  DashboardApp(const DashboardApp&) = delete;
  DashboardApp& operator=(const DashboardApp&) = delete;

  // Loads the fonts at `scale` into the current ImGui context (the backend must (re)build its
  // font texture afterwards) and creates the GL side of the map. Call once both contexts exist.
  void init(float content_scale);
  // Reloads the fonts for a new content scale (window moved to another monitor); the backend
  // must rebuild its font texture afterwards.
  void load_fonts(float content_scale);

  // One frame between ImGui::NewFrame() and ImGui::Render(). `pixel_scale`: framebuffer pixels per
  // ImGui unit (io.DisplayFramebufferScale.x).
  void frame(const PlatformInput& input, float pixel_scale);
  // Carries out the UI's requests of this frame (loads, saves, exports, camera moves).
  void after_frame();

  bool quit_requested() const { return quit_; }
  void set_gl_profiling(bool on) { gl_profiling_ = on; }
  FrameProfile& profile() { return profile_; }
  bool presentation() const { return status_.presentation; }
  bool loading() const { return static_cast<bool>(load_); }
  // Blocks until the running load (if any) is done and applied, the heatmap is computed and the
  // basemap readers are idle, so a screenshot shows the finished map. Runs no frame (the next one
  // shows what finished); false on timeout.
  bool settle(std::chrono::milliseconds timeout);
  // Whether background work would still change the map: a load, a density grid, basemap tiles
  // opening, being read or waiting for a frame to upload them.
  bool busy() const;

  Session& session() { return session_; }
  const EditHistory& history() const { return history_; }
  const Workspace& workspace() const { return *snap_->data; }
  // The current data snapshot (UI thread); hold it to keep reading that version.
  const SnapshotPtr& snapshot() const { return snap_; }
  // Export jobs still running, oldest first (tests look at the snapshot each holds).
  const std::vector<std::unique_ptr<ExportJob>>& exports() const { return exports_; }
  // The animation being written (File ▸ Export animation), or nullptr.
  const AnimationJob* animation() const { return animation_.get(); }
  // File ▸ Export weekly brief running (nullptr when none).
  const BriefExportJob* brief_export() const { return brief_export_.get(); }
  // File ▸ Export evaluation report running (nullptr when none).
  const EvaluationExportJob* evaluation_export() const { return evaluation_export_.get(); }
  ui::DashboardUi& ui() { return *ui_; }
  // Queues `action` as if a panel had pushed it this frame; carried out by after_frame().
  void request(ui::UiAction action) { actions_.push_back(std::move(action)); }
  MapView& map() { return *map_; }
  // Identify's side panel (analyst view): the incidents under the last click on points.
  IdentifyController& identify() { return *identify_; }
  ui::AppStatus& status() { return status_; }
  // The live PostGIS source (`faro dashboard --incidents PG:...`), or nullptr (files, demo city).
  PgLiveController* pg_source() { return pg_.get(); }
  // Whether the map shows a PostGIS load's first map (sectors and the server's heatmap grid)
  // while its rows stream in.
  bool showing_pg_first_map() const { return first_map_shown_; }
  // Where the map was drawn in the last frame (ImGui display coordinates).
  const ui::MapRegion& map_region() const { return region_; }
  // Every error message shown so far (tests and the headless run print them).
  const std::vector<std::string>& error_log() const { return error_log_; }

 private:
  void poll_jobs();
  void start_load(Session session);
  void apply_loaded(SnapshotPtr loaded, const Session& loaded_session);
  void carry_out(const ui::UiAction& action);
  void report_error(const std::string& message);
  // The live PostGIS source (app/dashboard_pg.cpp): its first map shown while the rows stream in,
  // a finished step's snapshot swapped in, or its error shown.
  void poll_pg_source();
  void show_pg_first_map(PgFirstMap first_map);
  void fill_pg_status();
  // Server mode (app/pg_server_view.hpp): the view's grid and points asked of the server, and the
  // map's notes about it (drawn after the map).
  void sync_pg_server_view();
  void draw_pg_map_notes();
  // File > Open of a raster: the basemap layer shows it (added at the bottom, or its source
  // replaced). Throws DataError when it is no raster with a CRS.
  void open_basemap(const std::string& path);
  // session.programs / session.filter differ from the snapshot's: replaces the snapshot (the
  // map too when `tell_map`). Returns whether it did.
  bool sync_snapshot(bool tell_map);
  void sync_playback_lock();  // timeline playback locks the heatmap's colour scale
  void sync_history_status();  // what Edit > Undo / Redo would change, for the menu
  MapInput map_input(const ui::MapRegion& region, float pixel_scale, const PlatformInput& input);
  // What the UI holds this frame (mouse, keyboard, popups, a focused dialog): input routing.
  UiFocus ui_focus() const;

  Session session_;
  // Undo/redo of the session's edits (filter, style, selection, programs): observed once a frame
  // after the panels drew, restored by Edit > Undo / Ctrl+Z (core/edit_history.hpp).
  EditHistory history_;
  SnapshotPtr snap_;  // never null; replaced, never mutated (UI thread)
  bool playback_locked_ = false;  // the colour-scale lock is ours (playback), not the user's
  std::unique_ptr<ui::DashboardUi> ui_;
  std::unique_ptr<MapView> map_;
  std::unique_ptr<IdentifyController> identify_;
  std::unique_ptr<LoadJob> load_;
  std::unique_ptr<PgLiveController> pg_;  // a live PostGIS source instead of load_
  // While the first map of a PostGIS load is shown: the snapshot before it (restored when the
  // load fails, so nothing stays half-applied) and the incidents its heatmap counted.
  SnapshotPtr before_first_map_;
  bool first_map_shown_ = false;
  int64_t first_map_rows_ = 0;
  bool load_replaces_session_ = false;  // a project load replaces styles, filter and camera
  std::string pending_project_path_;
  // The recent files as last written to io::recent_files_path(); rewritten when the UI's differ.
  std::string recent_path_;
  std::vector<std::string> saved_recent_;
  std::vector<std::unique_ptr<ExportJob>> exports_;
  std::unique_ptr<AnimationJob> animation_;  // one at a time
  std::unique_ptr<BriefExportJob> brief_export_;  // one at a time
  std::unique_ptr<EvaluationExportJob> evaluation_export_;  // one at a time
  ui::AppStatus status_;
  ui::UiActions actions_;
  ui::MapRegion region_;
  float pixel_scale_ = 1;
  std::vector<std::string> error_log_;
  bool quit_ = false;
  bool gl_profiling_ = false;
  FrameProfile profile_;
  // Mouse drag state for the map (a press that started over the map).
  bool drag_started_in_map_ = false;
  bool drag_moved_ = false;
  std::chrono::steady_clock::time_point last_frame_;
};

}  // namespace faro::app
