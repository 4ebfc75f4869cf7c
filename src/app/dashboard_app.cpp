#include "app/dashboard_app.hpp"

#include <imgui.h>
#include <imgui_internal.h>  // GImGui->NavWindow: which window has the keyboard focus

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <ctime>
#include <thread>

#include "app/animation_job.hpp"
#include "app/app_messages.hpp"
#include "app/brief_export_job.hpp"
#include "app/evaluation_export_job.hpp"
#include "app/export_job.hpp"
#include "app/identify_controller.hpp"
#include "app/load_job.hpp"
#include "app/pg_live_controller.hpp"
#include "app/map_view.hpp"
#include "app/partner_safe_view.hpp"
#include "core/error_kind.hpp"
#include "io/atomic_file.hpp"
#include "io/basemap_reader.hpp"
#include "io/map_style_json.hpp"
#include "core/localized_error.hpp"
#include "io/archive_listing.hpp"
#include "io/project_file.hpp"
#include "io/recent_files.hpp"
#include "io/style_presets.hpp"
#include "render/gl.hpp"
#include "render/map_scene.hpp"
#include "ui/file_browser.hpp"
#include "ui/ui_state.hpp"

namespace faro::app {
namespace {

using Clock = std::chrono::steady_clock;

// `sources` with `added` in place of a source of the same role (sectors and incidents are one
// each; programs and context layers accumulate).
std::vector<SourceSpec> with_source(std::vector<SourceSpec> sources, const SourceSpec& added) {
  if (added.role == SourceSpec::Role::sectors || added.role == SourceSpec::Role::incidents)
    std::erase_if(sources, [&](const SourceSpec& s) { return s.role == added.role; });
  sources.push_back(added);
  return sources;
}

}  // namespace

double process_cpu_ms() {
  timespec ts{};
  clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
  return ts.tv_sec * 1e3 + ts.tv_nsec * 1e-6;
}

DashboardApp::DashboardApp(const DashboardOptions& options)
    : snap_(make_snapshot(std::make_shared<const Workspace>(), {}, {}, 1)),
      ui_(std::make_unique<ui::DashboardUi>()),
      identify_(std::make_unique<IdentifyController>()) {
  session_.language = language_from_environment();
  session_.style = io::default_style();
  if (options.session) {
    // Made by the command line (the project's, if any, with its flags applied).
    session_ = *options.session;
    status_.project_path = options.project;
  } else if (!options.project.empty()) {
    try {
      session_ = io::load_project(options.project);
      status_.project_path = options.project;
    } catch (const std::exception& e) {
      // Said in the language the dashboard will speak (--lang applies below).
      const Language lang = options.language.value_or(session_.language);
      report_error(app_text(AppMsg::project_failed, lang, error_text(e, lang)));
    }
  }
  if (!options.sources.empty()) session_.sources = options.sources;
  if (options.language) session_.language = *options.language;
  if (session_.style.layers.empty()) session_.style = io::default_style();
  status_.presentation = options.presentation;
  // Temporaries a killed save left next to the project (their writer is gone) go at start.
  if (!status_.project_path.empty())
    io::remove_orphan_temporaries(std::filesystem::path(status_.project_path).parent_path().string());
  // Recent files from the last run; those gone since are greyed out (a /vsi path is looked up
  // inside its archive, io/archive_listing.hpp).
  recent_path_ = io::recent_files_path();
  saved_recent_ = io::read_recent_files(recent_path_, ui::UiState::kMaxRecent);
  std::vector<std::string> missing;
  for (const std::string& f : saved_recent_)
    if (!io::source_exists(f)) missing.push_back(f);
  ui_->set_recent_files(saved_recent_, std::move(missing));
  if (!options.browse.empty()) {
    std::error_code ec;
    // A file (a CSV also inside an archive, "/vsizip/.../x.csv") is opened; a folder or an
    // archive is browsed.
    if (ui::is_csv_path(options.browse) ||
        (std::filesystem::is_regular_file(options.browse, ec) &&
         !io::is_browsable_archive(options.browse)))
      ui_->open_path(options.browse, actions_);  // as if dropped: a CSV opens its mapping dialog
    else
      ui_->show_open_dialog(options.browse);
  }
  if (options.pg) {
    // A live PostGIS source: its first load is the controller's step, not a LoadJob.
    PgDashboardSource pg = *options.pg;
    pg.view_width = options.width, pg.view_height = options.height;  // the first map's grid
    pg_ = std::make_unique<PgLiveController>(std::move(pg));
    pg_->start(PgStep::load, session_);
  } else {
    start_load(session_);
  }
  // A project's (or the command line's) camera, filter and styles come back with its data.
  load_replaces_session_ = !status_.project_path.empty() || options.session.has_value();
  history_.reset(edit_state_of(session_));
  last_frame_ = Clock::now();
}

DashboardApp::~DashboardApp() = default;

void DashboardApp::init(float content_scale) {
  load_fonts(content_scale);
  map_ = std::make_unique<MapView>();
  if (snap_->data->sectors.size() > 0 || !snap_->data->incidents.empty())
    map_->set_snapshot(snap_, session_);
}

void DashboardApp::load_fonts(float content_scale) {
  ui_->load_fonts(content_scale);
}

void DashboardApp::report_error(const std::string& message) {
  status_.errors.push_back(message);
  error_log_.push_back(message);
}

void DashboardApp::start_load(Session session) {
  pg_.reset();  // other data replaces the live PostGIS source (joins a running step)
  if (load_) load_->cancel();
  load_.reset();  // joins a cancelled load (it stops at its next stage)
  load_ = std::make_unique<LoadJob>(std::move(session));
}

void DashboardApp::apply_loaded(SnapshotPtr loaded_snap, const Session& loaded) {
  if (load_replaces_session_) {
    session_ = loaded;
    if (!pending_project_path_.empty()) status_.project_path = pending_project_path_;
  } else {
    session_.sources = loaded.sources;
    session_.work_srs = loaded.work_srs;
    session_.camera = {};  // new data: frame all of it (a project keeps its saved camera)
    // A presentation title named the data it was written for; the new data gets its own
    // (ui/presentation_text.hpp) until the user writes another.
    session_.title.clear();
  }
  // A project brings its own filter, style and selection: edits start again from there.
  if (load_replaces_session_) history_.reset(edit_state_of(session_));
  load_replaces_session_ = false;
  pending_project_path_.clear();
  // The load applied the filter and programs it was started with; the session may have moved on
  // since. Catch up before the map sees the new data, so it uploads it once.
  snap_ = with_generation(*loaded_snap, snap_->generation + 1);
  // Incidents without sectors: hot spots count on hexagons, having no sectors to count on.
  if (snap_->data->sectors.size() == 0 && !snap_->data->incidents.empty())
    for (StyleLayer& l : session_.style.layers)
      if (l.kind == LayerKind::hotspots && l.hotspots.unit == HotspotUnit::sectors)
        l.hotspots.unit = HotspotUnit::hex;
  sync_snapshot(false);
  if (map_) map_->set_snapshot(snap_, session_);
}

void DashboardApp::poll_jobs() {
  status_.pg = {};
  poll_pg_source();
  if (load_ && load_->done()) {
    std::unique_ptr<LoadJob> job = std::move(load_);
    if (SnapshotPtr loaded = job->take_snapshot()) {
      apply_loaded(std::move(loaded), job->session());
    } else if (!job->cancelled()) {
      report_error(app_text(load_replaces_session_ ? AppMsg::project_failed : AppMsg::load_failed,
                            session_.language, job->error()));
      load_replaces_session_ = false;
    }
  }
  for (auto it = exports_.begin(); it != exports_.end();) {
    if (!(*it)->done()) {
      ++it;
      continue;
    }
    if (!(*it)->error().empty())
      report_error(app_text(AppMsg::export_failed, session_.language, (*it)->error()));
    it = exports_.erase(it);
  }
  if (animation_ && animation_->done()) {
    if (!animation_->error().empty())
      report_error(app_text(AppMsg::animation_failed, session_.language, animation_->error()));
    animation_.reset();
  }
  // The weekly brief export: progress while it runs, then what it wrote (or why not) in its dialog.
  status_.brief_export.running = brief_export_ && !brief_export_->done();
  if (brief_export_) status_.brief_export.progress = brief_export_->progress();
  if (brief_export_ && brief_export_->done()) {
    status_.brief_export.failed = !brief_export_->error().empty();
    status_.brief_export.message =
        status_.brief_export.failed ? brief_export_->error() : brief_export_->path();
    brief_export_.reset();
  }
  // The evaluation report export, the same way.
  status_.evaluation_export.running = evaluation_export_ && !evaluation_export_->done();
  if (evaluation_export_) status_.evaluation_export.progress = evaluation_export_->progress();
  if (evaluation_export_ && evaluation_export_->done()) {
    status_.evaluation_export.failed = !evaluation_export_->error().empty();
    status_.evaluation_export.message = status_.evaluation_export.failed
                                            ? evaluation_export_->error()
                                            : evaluation_export_->path();
    evaluation_export_.reset();
  }
  status_.animation_frames = animation_ ? std::max(animation_->frames_total(), 1) : 0;
  status_.animation_frame = animation_ ? animation_->frames_done() : 0;
  status_.loading = static_cast<bool>(load_) || (pg_ && pg_->running() && !pg_->last_success());
  status_.load_progress = load_ ? load_->progress() : -1.0f;
  status_.load_message = load_ ? load_->message() : "";
  fill_pg_status();  // app/dashboard_pg.cpp
}

bool DashboardApp::settle(std::chrono::milliseconds timeout) {
  const auto deadline = Clock::now() + timeout;
  while (load_ && !load_->done()) {
    if (Clock::now() > deadline) return false;
    std::this_thread::sleep_for(std::chrono::milliseconds(5));
  }
  if (pg_ && !pg_->wait(std::chrono::duration_cast<std::chrono::milliseconds>(deadline - Clock::now())))
    return false;
  poll_jobs();
  if (!map_) return true;
  const auto left = [&] {
    const auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - Clock::now());
    return ms.count() > 0 ? ms : std::chrono::milliseconds(0);
  };
  const bool heat = map_->settle_heatmap(left());
  const bool panels = ui_->settle(left());  // the program evaluation's background job
  return map_->settle_basemap(left()) && heat && panels;
}

bool DashboardApp::busy() const {
  const bool pg_busy = pg_ && (pg_->running() || (pg_->server_view() && pg_->server_view()->busy()));
  return load_ || pg_busy || ui_->busy() || (map_ && (map_->heatmap_busy() || map_->basemap_busy()));
}

UiFocus DashboardApp::ui_focus() const {
  const ImGuiIO& io = ImGui::GetIO();
  UiFocus f;
  f.wants_mouse = io.WantCaptureMouse;
  f.wants_keyboard = io.WantCaptureKeyboard;
  f.text_input = io.WantTextInput;
  f.popup_open = ImGui::IsPopupOpen("", ImGuiPopupFlags_AnyPopup);
  // The focused window, when the user can move it, is a floating dialog (file browser, brief,
  // evaluation...): the side panel, status bar, timeline and menu bar are fixed (NoMove).
  const ImGuiWindow* focused = GImGui->NavWindow;
  f.dialog_focused = focused && focused->RootWindow &&
                     !(focused->RootWindow->Flags & ImGuiWindowFlags_NoMove);
  return f;
}

MapInput DashboardApp::map_input(const ui::MapRegion& r, float scale, const PlatformInput& p) {
  const ImGuiIO& io = ImGui::GetIO();
  const MapInputRoute route = route_map_input(ui_focus());
  MapInput in;
  const bool over = io.MousePos.x >= r.x && io.MousePos.y >= r.y && io.MousePos.x < r.x + r.width &&
                    io.MousePos.y < r.y + r.height;
  in.mouse_in_map = over && route.pointer;
  in.mouse = {(io.MousePos.x - r.x) * scale, (io.MousePos.y - r.y) * scale};
  if (ImGui::IsMouseClicked(0)) {
    drag_started_in_map_ = in.mouse_in_map;
    drag_moved_ = false;
  }
  if (drag_started_in_map_ && ImGui::IsMouseDown(0)) {
    if (!drag_moved_ && ImGui::IsMouseDragging(0)) {
      // Past the drag threshold: catch up with the whole drag so far, then follow the deltas.
      const ImVec2 d = ImGui::GetMouseDragDelta(0);
      in.drag_delta = {d.x * scale, d.y * scale};
      drag_moved_ = true;
    } else if (drag_moved_) {
      in.drag_delta = {io.MouseDelta.x * scale, io.MouseDelta.y * scale};
    }
  }
  in.click = drag_started_in_map_ && ImGui::IsMouseReleased(0) && !drag_moved_;
  if (ImGui::IsMouseReleased(0)) drag_started_in_map_ = false;
  in.wheel = over && route.wheel ? io.MouseWheel : 0;
  in.double_click = in.mouse_in_map && ImGui::IsMouseDoubleClicked(0);
  in.ctrl = io.KeyCtrl;
  if (route.keys) {
    const auto pressed = [](ImGuiKey k) { return ImGui::IsKeyPressed(ImGui::GetKeyIndex(k)); };
    in.pan_x = (pressed(ImGuiKey_RightArrow) ? 1 : 0) - (pressed(ImGuiKey_LeftArrow) ? 1 : 0);
    in.pan_y = (pressed(ImGuiKey_DownArrow) ? 1 : 0) - (pressed(ImGuiKey_UpArrow) ? 1 : 0);
    in.home = pressed(ImGuiKey_Home);
    for (ImWchar c : io.InputQueueCharacters) {
      if (c == '+' || c == '=') ++in.zoom_steps;
      if (c == '-' || c == '_') --in.zoom_steps;
    }
  }
  in.drag_delta.x += p.scripted_pan.x;
  in.drag_delta.y += p.scripted_pan.y;
  return in;
}

void DashboardApp::frame(const PlatformInput& input, float pixel_scale) {
  const auto now = Clock::now();
  status_.frame_ms = std::chrono::duration<double, std::milli>(now - last_frame_).count();
  last_frame_ = now;
  pixel_scale_ = pixel_scale;
  poll_jobs();
  if (input.toggle_presentation) status_.presentation = !status_.presentation;
  if (input.refresh && pg_) request({ui::UiAction::Kind::pg_refresh});
  if (status_.presentation && ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Escape)))
    status_.presentation = false;
  // Dropped files go through the UI, which knows them like File > Open does (a CSV opens the
  // column mapping dialog, a project replaces the session, other data gets a guessed role).
  for (const std::string& path : input.dropped) ui_->open_path(path, actions_);

  const auto ms_since = [](Clock::time_point t) {
    return std::chrono::duration<double, std::milli>(Clock::now() - t).count();
  };
  auto t = Clock::now();
  // Derived panel state (timeline series, brief, evaluation) first, outside the widgets.
  ui_->prepare(snap_, session_);
  region_ = ui_->draw(snap_, session_, status_, actions_);
  profile_.ui_ms = ms_since(t);
  status_.errors.clear();  // shown once; the UI keeps them in its error window
  // This frame's edits (and last frame's map clicks) become an undo step; a drag or playback
  // still running extends its step instead.
  history_.observe(edit_state_of(session_), ui_->edit_gesture());
  sync_history_status();
  sync_snapshot(true);
  sync_playback_lock();
  if (gl_profiling_) glFinish();
  t = Clock::now();
  const double cpu0 = gl_profiling_ ? process_cpu_ms() : 0;
  if (map_ && region_.width > 0 && region_.height > 0)
    map_->frame(region_, pixel_scale, session_, map_input(region_, pixel_scale, input),
                status_.presentation, status_);
  if (gl_profiling_) glFinish();
  profile_.map_ms = ms_since(t);
  if (map_)  // a click on incident points: their records (analyst view only)
    if (std::vector<uint32_t> hits = map_->take_identify_hits(); !hits.empty())
      identify_->open(snap_, session_, std::move(hits), status_.presentation);
  identify_->frame(status_.presentation, session_.language, region_);
  draw_pg_map_notes();  // app/dashboard_pg.cpp: server mode's notes over the map
  if (map_)
    for (const std::string& e : map_->take_basemap_errors())
      report_error(app_text(AppMsg::basemap_failed, session_.language, e));
  if (gl_profiling_) profile_.map_cpu_ms = process_cpu_ms() - cpu0;
  t = Clock::now();
  // Partner-safe presenting (app/partner_safe_view.hpp): the protected tooltip, before the ui's
  // overlay (which may open the error modal last), and the footer that states the protection,
  // which the ui's caption column shows.
  // The drawn style's policy: its unit follows what is drawn (e.g. groups of sectors).
  DisclosurePolicy shown_policy = dashboard_policy();
  if (map_ && map_->drawn_style().protection && map_->drawn_style().protection->partner_safe)
    shown_policy = *map_->drawn_style().protection;
  status_.protection_note =
      status_.presentation ? protection_footer(shown_policy, session_.language) : "";
  // What replaced the heatmap to protect small counts, if anything (core/adaptive_protection.hpp).
  if (status_.presentation && map_)
    if (const auto& adapted = map_->drawn_style().adapted)
      if (auto note = render::adapted_note(*adapted, session_.language))
        status_.protection_note += "\n" + *note;
  if (status_.presentation && map_ && region_.width > 0)
    if (auto unit = map_->hovered_unit(); unit && map_->presented_units())
      draw_protected_tooltip(*map_->presented_units(), *unit, session_.language);
  ui_->draw_map_overlay(*snap_, session_, status_, region_);
  profile_.overlay_ms = ms_since(t);
}

bool DashboardApp::sync_snapshot(bool tell_map) {
  SnapshotPtr next = snap_;
  // Programs first: a program edit copies the Workspace (render::InteractiveMap reads programs
  // from it) and keeps the filter result, which programs do not affect.
  if (!(session_.programs == next->programs)) next = with_programs(*next, session_.programs);
  if (!(session_.filter == next->filter)) next = with_filter(*next, session_.filter);
  if (next == snap_) return false;
  // One generation step per replacement, however many parts changed.
  snap_ = next->generation == snap_->generation + 1 ? next
                                                    : with_generation(*next, snap_->generation + 1);
  if (tell_map && map_) map_->set_snapshot(snap_, session_);
  return true;
}

void DashboardApp::sync_playback_lock() {
  const bool playing = ui_->timeline_playing();
  HeatmapStyle& heat = session_.style.heatmap();
  if (playing && !playback_locked_ && !heat.color_max_locked && status_.heatmap_domain.max > 0) {
    // Freeze the scale on screen when playback starts, so every frame uses the same colours.
    heat.color_max = status_.heatmap_domain.max;
    heat.color_max_locked = true;
    playback_locked_ = true;
    history_.adopt(edit_state_of(session_));  // the app's lock, not an edit to undo
  } else if (!playing && playback_locked_) {
    heat.color_max_locked = false;
    playback_locked_ = false;
    history_.adopt(edit_state_of(session_));
  }
}

void DashboardApp::after_frame() {
  if (ui_->recent_files() != saved_recent_) {
    saved_recent_ = ui_->recent_files();
    io::write_recent_files(recent_path_, saved_recent_);  // best effort: never stops the app
  }
  ui::UiActions actions;
  actions.swap(actions_);
  for (const ui::UiAction& a : actions) {
    try {
      carry_out(a);
    } catch (...) {
      // An action must never take the dashboard down: every kind (usage, data, resource such as
      // GL or memory, internal) becomes a modal headed by its kind, and the frame loop goes on.
      const Language lang = session_.language;
      report_error(headed_error_text(classify_exception(std::current_exception(), lang), lang));
    }
  }
  sync_history_status();
}

void DashboardApp::sync_history_status() {
  status_.undo_kind = history_.undo_kind();
  status_.redo_kind = history_.redo_kind();
}

void DashboardApp::carry_out(const ui::UiAction& a) {
  using Kind = ui::UiAction::Kind;
  switch (a.kind) {
    case Kind::pg_refresh:
      if (pg_) pg_->start(PgStep::refresh, session_);  // dropped while a step runs
      break;
    case Kind::pg_reconcile:
      if (pg_) pg_->start(PgStep::reconcile, session_);
      break;
    case Kind::pg_refresh_every:
      if (pg_) pg_->set_refresh_every_min(a.width);
      break;
    case Kind::open_source: {
      // A GeoPackage of tiles or an MBTiles holds no features: it is a basemap.
      const std::string ext = std::filesystem::path(a.source.path).extension().string();
      if ((ext == ".gpkg" || ext == ".mbtiles") && io::is_raster_only(a.source.path)) {
        open_basemap(a.source.path);
        break;
      }
      Session next = session_;
      next.sources = with_source(session_.sources, a.source);
      load_replaces_session_ = false;
      start_load(std::move(next));
      break;
    }
    case Kind::open_project: {
      Session next = io::load_project(a.path);  // throws DataError with a clear message
      if (next.style.layers.empty()) next.style = io::default_style();
      pending_project_path_ = a.path;
      start_load(std::move(next));
      load_replaces_session_ = true;
      break;
    }
    case Kind::save_project: {
      const std::string path = a.path.empty() ? status_.project_path : a.path;
      if (path.empty()) {
        report_error(app_text(AppMsg::save_no_path, session_.language));
        break;
      }
      try {
        // Warnings (e.g. a password dropped from a connection string) are shown like errors.
        for (const std::string& w : io::save_project(session_, path)) report_error(w);
        status_.project_path = path;
      } catch (const std::exception& e) {
        report_error(app_text(AppMsg::save_failed, session_.language, error_text(e, session_.language)));
      }
      break;
    }
    case Kind::new_demo: {
      Session next = session_;
      next.sources.clear();
      next.work_srs.clear();
      start_load(std::move(next));
      break;
    }
    case Kind::cancel_load:
      if (load_) load_->cancel();
      break;
    case Kind::export_png: {
      const int w = a.width > 0 ? a.width : static_cast<int>(region_.width * pixel_scale_);
      const int h = a.height > 0 ? a.height : static_cast<int>(region_.height * pixel_scale_);
      if (a.path.empty() || w <= 0 || h <= 0) break;
      // The current pan and zoom (not the whole city), partner-safe: the ui offers no internal
      // export yet (app/export_job.hpp).
      std::optional<Box> view;
      if (map_ && map_->has_view()) view = map_->camera().visible_box();
      // The job holds the current snapshot: the filter may move on (playback) while it runs. A
      // screen-size export keeps the screen's line widths, so it equals the live map.
      Session styles = session_;
      styles.filter = snap_->filter;  // the period on the map is the one of the exported rows
      const double ui_scale = a.width > 0 ? 0.0 : pixel_scale_;
      exports_.push_back(std::make_unique<ExportJob>(snap_, std::move(styles), a.path, w, h,
                                                     false, view, ui_scale));
      break;
    }
    case Kind::export_animation: {
      if (animation_ || a.path.empty()) break;  // the menu item is greyed while one runs
      // Like the PNG export, the job holds the current snapshot and a copy of the session; the
      // steps follow the timeline (its window, its bins, its cumulative playback).
      Session styles = session_;
      styles.filter = snap_->filter;
      AnimationRequest request =
          dashboard_animation_request(*snap_->data, snap_->filter, a.path, ui_->timeline_cumulative());
      if (a.width > 0 && a.height > 0) request.width = a.width, request.height = a.height;
      animation_ = std::make_unique<AnimationJob>(snap_, std::move(styles), std::move(request));
      break;
    }
    case Kind::export_brief:
      if (brief_export_ || a.path.empty()) break;  // one at a time; the dialog waits for it
    {
      // The brief of the panel's rows: the snapshot's filter (the job drops its dates).
      Session s = session_;
      s.filter = snap_->filter;
      status_.brief_export = {true, 0, "", false};
      brief_export_ = std::make_unique<BriefExportJob>(snap_, std::move(s), a.week, a.path,
                                                       a.internal);
      break;
    }
    case Kind::export_evaluation:
      if (evaluation_export_ || a.path.empty()) break;  // one at a time; the dialog waits
    {
      // The evaluation of the panel's program under the snapshot's filter (the job drops its
      // dates and sectors, as the panel does).
      Session s = session_;
      s.filter = snap_->filter;
      status_.evaluation_export = {true, 0, "", false};
      EvaluationExportSpec spec{a.program, a.window_weeks,
                                a.by_month ? EvalBin::month : EvalBin::week, a.path, a.internal};
      evaluation_export_ =
          std::make_unique<EvaluationExportJob>(snap_, std::move(s), std::move(spec));
      break;
    }
    case Kind::cancel_animation:
      if (animation_) animation_->cancel();
      break;
    case Kind::toggle_presentation:
      status_.presentation = !status_.presentation;
      break;
    case Kind::fit_all:
      if (map_) map_->fit_all();
      break;
    case Kind::zoom_to_selection:
      if (map_) map_->zoom_to_selection(session_);
      break;
    case Kind::quit:
      quit_ = true;
      break;
    case Kind::undo:
      // The restored filter and programs regenerate the snapshot next frame, like any edit.
      if (auto state = history_.undo()) restore_edit_state(session_, *state);
      break;
    case Kind::redo:
      if (auto state = history_.redo()) restore_edit_state(session_, *state);
      break;
    case Kind::open_style: {
      // A whole style replaces the session's layers; a single layer preset ("faro_layer") is
      // added on top. Errors name the file and the key (io/map_style_json.hpp).
      std::ifstream in(a.path, std::ios::binary);
      const std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
      if (text.find("\"faro_layer\"") != std::string::npos)
        session_.style.add(io::read_layer_preset_file(a.path));
      else
        session_.style = io::read_style_file(a.path);
      break;
    }
    case Kind::open_basemap:
      try {
        open_basemap(a.path);
      } catch (const std::exception& e) {
        report_error(app_text(AppMsg::basemap_failed, session_.language, error_text(e, session_.language)));
      }
      break;
  }
}

void DashboardApp::open_basemap(const std::string& path) {
  io::check_basemap(path);  // a quick open: refuse before the map changes
  show_basemap(session_.style, path);
}

}  // namespace faro::app
