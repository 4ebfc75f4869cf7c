#include "ui/dashboard_ui.hpp"
#include "ui/fit_widgets.hpp"

#include <imgui.h>
#include <imgui_internal.h>  // GetActiveID(): the widget a drag or typing belongs to

#include <algorithm>
#include <filesystem>

#include "io/archive_listing.hpp"
#include "ui/brief_panel.hpp"
#include "ui/needs_rows.hpp"
#include "ui/needs_sectors.hpp"
#include "ui/goals_panel.hpp"
#include "core/session_programs.hpp"
#include "ui/evaluation_export_dialog.hpp"
#include "ui/evaluation_panel.hpp"
#include "ui/program_edit_dialog.hpp"
#include "ui/csv_mapping_dialog.hpp"
#include "ui/error_modal.hpp"
#include "ui/file_browser.hpp"
#include "ui/filters_panel.hpp"
#include "ui/i18n.hpp"
#include "ui/layers_panel.hpp"
#include "ui/layout.hpp"
#include "ui/load_report_window.hpp"
#include "ui/map_overlay_ui.hpp"
#include "ui/menu_bar.hpp"
#include "ui/presentation_caption.hpp"
#include "ui/status_bar.hpp"
#include "ui/timeline_strip.hpp"
#include "ui/ui_fonts.hpp"
#include "ui/ui_state.hpp"

namespace faro::ui {

namespace {

constexpr ImGuiWindowFlags kFixedWindow = ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoCollapse |
                                          ImGuiWindowFlags_NoSavedSettings |
                                          ImGuiWindowFlags_NoBringToFrontOnFocus |
                                          ImGuiWindowFlags_NoTitleBar | ImGuiWindowFlags_NoResize;

// Menu shortcuts (Ctrl+O, Ctrl+S, Ctrl+Q; Ctrl+Z undo, Ctrl+Shift+Z and Ctrl+Y redo). 1.86 has no named letter keys: the GLFW backend
// indexes KeysDown by GLFW key codes, which are ASCII for letters. F11, Esc, Home, arrows and
// +/- belong to the app's map interaction.
void handle_shortcuts(Session& session, const AppStatus& status, UiActions& actions, UiState& ui) {
  const ImGuiIO& io = ImGui::GetIO();
  if (!io.KeyCtrl || io.WantTextInput) return;
  if (ImGui::IsKeyPressed('O', false))
    run_menu_command(MenuCommand::open_data, session, status, actions, ui);
  if (ImGui::IsKeyPressed('S', false))
    run_menu_command(MenuCommand::save_project, session, status, actions, ui);
  if (ImGui::IsKeyPressed('Q', false))
    run_menu_command(MenuCommand::quit, session, status, actions, ui);
  // Not while a popup or modal is open: its edits are not finished (a text field's own Ctrl+Z is
  // excluded above by WantTextInput).
  if (ImGui::IsPopupOpen("", ImGuiPopupFlags_AnyPopup)) return;
  if (ImGui::IsKeyPressed('Z', false))
    run_menu_command(io.KeyShift ? MenuCommand::redo : MenuCommand::undo, session, status, actions,
                     ui);
  if (ImGui::IsKeyPressed('Y', false))
    run_menu_command(MenuCommand::redo, session, status, actions, ui);
}

}  // namespace

struct DashboardUi::Impl {
  UiFonts fonts;
  UiState state;
  MenuBar menu;
  StatusBar status_bar;
  LayersPanel layers;
  FiltersPanel filters;
  LoadReportWindow load_report;
  ErrorModal errors;
  MapOverlay overlay;
  PresentationCaption caption;
  DashboardLayout layout;       // of the last draw(): the overlay draws into it
  bool timeline_shown = false;  // presentation: the strip was revealed last frame
  FileBrowser browser;
  CsvMappingDialog csv_dialog;
  TimelineStrip timeline;
  BriefPanel brief;
  EvaluationPanel evaluation;
  GoalsPanel goals;
  ProgramEditDialog program_edit;
  EvaluationExportDialog evaluation_export;

  void draw_brief_window(const Workspace& ws, Session& session, const AppStatus& status,
                         UiActions& actions);
  void draw_brief_table_window(const Workspace& ws, Session& session, const AppStatus& status);
  void draw_program_windows(const Workspace& ws, Session& session, const AppStatus& status,
                            UiActions& actions);

  void draw_side_panel(const Rect& r, const DataSnapshot& snap, Session& session,
                       const AppStatus& status, UiActions& actions);
};

DashboardUi::DashboardUi() : impl_(new Impl) {}
DashboardUi::~DashboardUi() {
  delete impl_;
}

void DashboardUi::load_fonts(float scale) {
  impl_->fonts = load_ui_fonts(scale);
}

void DashboardUi::prepare(const SnapshotPtr& snap, const Session& session) {
  Impl& s = *impl_;
  // Each cache compares its own inputs, so this is cheap when nothing they use changed. The brief
  // and the evaluation run only while their windows are open.
  s.timeline.update(snap, session);
  if (s.state.show_brief) s.brief.update(snap);
  if (s.state.show_evaluation) s.evaluation.update(snap, session);
  if (s.state.show_goals) s.goals.update(snap);
}

MapRegion DashboardUi::draw(const SnapshotPtr& snap, Session& session, const AppStatus& status,
                            UiActions& actions) {
  Impl& s = *impl_;
  prepare(snap, session);  // no-op when the caller prepared this frame already
  const Workspace& ws = snap->ws();
  const ImGuiIO& io = ImGui::GetIO();
  if (status.presentation && s.fonts.large) ImGui::PushFont(s.fonts.large);
  // Strip sizes follow the font in use: the presentation font enlarges the timeline too.
  const float font = ImGui::GetFontSize();

  LayoutMetrics metrics;
  if (!status.presentation)
    metrics.menu_height = s.menu.draw(ws, session, status, actions, s.state);
  metrics.status_height = ImGui::GetFrameHeight() + 4;
  metrics.side_width = 22.0f * font;
  metrics.timeline_height = 10.6f * font;
  metrics.font = font;
  s.layout = compute_layout(io.DisplaySize.x, io.DisplaySize.y, metrics, status.presentation);
  const DashboardLayout& layout = s.layout;

  if (!status.presentation) {
    s.draw_side_panel(layout.side, *snap, session, status, actions);
    s.status_bar.draw(layout.status, *snap, session, status, actions);
  }
  // Presenting, the playback controls appear only while the pointer is over their strip (or
  // still drags in it); hidden, playback goes on.
  s.timeline_shown =
      !status.presentation ||
      (ImGui::IsMousePosValid() && layout.timeline.contains(io.MousePos.x, io.MousePos.y)) ||
      (s.timeline_shown && ImGui::IsMouseDown(0));
  if (s.timeline_shown)
    s.timeline.draw(layout.timeline, session);
  else
    s.timeline.advance(session);
  // Dialogs stay reachable in presentation mode only through errors (a failed export, say).
  if (!status.presentation) {
    s.load_report.draw(ws, session, s.state.show_load_report);
    s.draw_brief_window(ws, session, status, actions);
    s.draw_program_windows(ws, session, status, actions);
    s.browser.draw(session, s.state, actions);
    s.csv_dialog.draw(session, s.state, actions);
    handle_shortcuts(session, status, actions, s.state);
  }
  s.errors.queue(status.errors);

  if (status.presentation && s.fonts.large) ImGui::PopFont();
  return MapRegion{layout.map.x, layout.map.y, layout.map.w, layout.map.h};
}

void DashboardUi::draw_map_overlay(const DataSnapshot& snap, const Session& session,
                                   const AppStatus& status, const MapRegion& region) {
  Impl& s = *impl_;
  if (status.presentation && s.fonts.large) ImGui::PushFont(s.fonts.large);
  // No hover tooltip while an error modal blocks the map. Presenting, the legends and the scale
  // bar move to the caption column, and the app draws the (protected) tooltip.
  if (status.presentation)
    s.caption.draw(snap, session, status, s.layout.caption, s.fonts, s.overlay);
  else
    s.overlay.draw(snap, session, status, region, s.errors.pending() == 0);
  // Last window of the frame (see ErrorModal::draw).
  s.errors.draw(session.language);
  if (status.presentation && s.fonts.large) ImGui::PopFont();
}

void DashboardUi::open_path(const std::string& path, UiActions& actions) {
  if (io::is_browsable_archive(path) && !io::is_vsi_path(path)) {
    // The browser inside the archive (a trailing "/" = start there, nothing selected).
    impl_->state.browser_request = BrowserMode::open_data;
    impl_->state.browser_preselect =
        io::archive_root(std::filesystem::absolute(path).string()) + "/";
    return;
  }
  choose_path(BrowserMode::open_data, path, guess_role(io::display_file_name(path)),
              impl_->state, actions);
}

void DashboardUi::set_recent_files(std::vector<std::string> files,
                                   std::vector<std::string> missing) {
  impl_->state.recent_files = std::move(files);
  impl_->state.recent_missing = std::move(missing);
}

const std::vector<std::string>& DashboardUi::recent_files() const {
  return impl_->state.recent_files;
}

bool DashboardUi::recent_available(const std::string& path) const {
  return impl_->state.recent_available(path);
}

void DashboardUi::show_open_dialog(const std::string& folder) {
  impl_->state.browser_request = BrowserMode::open_data;
  // A trailing separator makes the browser start in `folder` with nothing selected; an archive
  // is a folder too (inside it, through GDAL).
  if (!folder.empty())
    impl_->state.browser_preselect =
        io::is_browsable_archive(folder) && !io::is_vsi_path(folder)
            ? io::archive_root(std::filesystem::absolute(folder).string()) + "/"
            : (std::filesystem::path(folder) / "").string();
}

// The weekly brief (ui/brief_panel.hpp) in its own window: its table is wider than the side panel.
void DashboardUi::show_weekly_brief() {
  impl_->state.show_brief = true;
}

void DashboardUi::show_brief_export() {
  impl_->state.show_brief = true;
  impl_->state.request_brief_export = true;
}

std::optional<BriefExportRequest> DashboardUi::brief_export_request() const {
  return impl_->brief.export_dialog().request();
}

void DashboardUi::Impl::draw_brief_window(const Workspace& ws, Session& session,
                                          const AppStatus& status, UiActions& actions) {
  // File ▸ Export weekly brief (ui/brief_export_dialog.hpp): its own window, for the panel's week.
  // Drawn after the brief window, so it stays in front of it.
  if (state.request_brief_export) brief.open_export_dialog();
  state.request_brief_export = false;
  draw_brief_table_window(ws, session, status);
  if (const auto r = brief.draw_export_dialog(session.language, status.brief_export)) {
    UiAction a;
    a.kind = UiAction::Kind::export_brief;
    a.path = r->path;
    a.week = r->week;
    a.internal = r->internal;
    actions.push_back(std::move(a));
  }
}

void DashboardUi::Impl::draw_brief_table_window(const Workspace& ws, Session& session,
                                                const AppStatus& status) {
  if (!state.show_brief) return;
  const float f = ImGui::GetFontSize();
  const ImVec2 display = ImGui::GetIO().DisplaySize;
  ImGui::SetNextWindowSize(ImVec2(66 * f, 30 * f), ImGuiCond_FirstUseEver);
  ImGui::SetNextWindowPos(ImVec2(display.x * 0.55f, display.y * 0.45f), ImGuiCond_FirstUseEver,
                          ImVec2(0.5f, 0.5f));
  const std::string title =
      std::string(tr(Msg::menu_weekly_brief, session.language)) + "###weekly_brief";
  // The brief counts per sector: without sectors it says so and offers to open them.
  if (ImGui::Begin(title.c_str(), &state.show_brief) &&
      !draw_needs_sectors(ws, session.language, state) && !draw_needs_rows(status, session.language))
    brief.draw(session);
  ImGui::End();
}

// View ▸ Program evaluation (ui/evaluation_panel.hpp) and the "Add to program…" dialog
// (ui/program_edit_dialog.hpp), opened from the View menu or the side panel's selection part.
void DashboardUi::show_program_evaluation() { impl_->state.show_evaluation = true; }
void DashboardUi::show_add_to_program() { impl_->state.request_program_edit = true; }
void DashboardUi::show_goals() { impl_->state.show_goals = true; }
void DashboardUi::show_evaluation_export() {
  impl_->state.show_evaluation = true;
  impl_->state.request_evaluation_export = true;
}
std::optional<EvaluationExportRequest> DashboardUi::evaluation_export_request() const {
  return impl_->evaluation_export.request();
}

bool DashboardUi::busy() const {
  return impl_->state.show_evaluation && impl_->evaluation.computing();
}
bool DashboardUi::settle(std::chrono::milliseconds timeout) {
  return impl_->evaluation.wait_idle(timeout);
}

uint64_t DashboardUi::edit_gesture() const {
  // Playback moves the dates every step: one step for the whole run. Above any ImGui id (32 bits).
  constexpr uint64_t kPlaybackGesture = uint64_t{1} << 32;
  if (impl_->timeline.wants_locked_color_domain()) return kPlaybackGesture;
  return ImGui::GetCurrentContext() ? ImGui::GetActiveID() : 0;
}

bool DashboardUi::timeline_playing() const { return impl_->timeline.wants_locked_color_domain(); }
void DashboardUi::play_timeline() { impl_->timeline.play(); }
bool DashboardUi::timeline_cumulative() const { return impl_->timeline.cumulative(); }

void DashboardUi::Impl::draw_program_windows(const Workspace& ws, Session& session,
                                             const AppStatus& status, UiActions& actions) {
  // The window before the modal: ImGui 1.86 asserts (FindBlockingModal) when a root window
  // appears after a modal in the frame the modal opens.
  if (state.show_evaluation) {
    const float f = ImGui::GetFontSize();
    const ImVec2 display = ImGui::GetIO().DisplaySize;
    // Tall enough for the verdict, the filters and the event-study chart without scrolling.
    ImGui::SetNextWindowSize(ImVec2(std::min(46 * f, display.x * 0.9f),
                                    std::min(38 * f, display.y * 0.9f)),
                             ImGuiCond_FirstUseEver);
    ImGui::SetNextWindowPos(ImVec2(display.x * 0.55f, display.y * 0.5f), ImGuiCond_FirstUseEver,
                            ImVec2(0.5f, 0.5f));
    const std::string title =
        std::string(tr(Msg::menu_program_evaluation, session.language)) + "###program_evaluation";
    if (ImGui::Begin(title.c_str(), &state.show_evaluation) &&
        !draw_needs_sectors(ws, session.language, state) &&
        !draw_needs_rows(status, session.language))
      evaluation.draw(session, fonts.bold);
    ImGui::End();
  }
  if (state.show_goals) {
    const float f = ImGui::GetFontSize();
    const ImVec2 display = ImGui::GetIO().DisplaySize;
    ImGui::SetNextWindowSize(ImVec2(std::min(36 * f, display.x * 0.9f),
                                    std::min(30 * f, display.y * 0.9f)),
                             ImGuiCond_FirstUseEver);
    ImGui::SetNextWindowPos(ImVec2(display.x * 0.6f, display.y * 0.45f), ImGuiCond_FirstUseEver,
                            ImVec2(0.5f, 0.5f));
    const std::string title = std::string(tr(Msg::goals_panel_title, session.language)) + "###goals";
    if (ImGui::Begin(title.c_str(), &state.show_goals)) {
      goals.draw(session);
      // Goals are edited in the program dialog, for the first program with goals (or any).
      const std::vector<std::string> names = program_names(ws.programs, {});
      if (!names.empty() && ImGui::Button(tr(Msg::goals_edit_open, session.language)))
        program_edit.open_goals(session, goals.results.empty() ? names.front()
                                                               : goals.results.front().program);
    }
    ImGui::End();
  }
  // File ▸ Export evaluation report (ui/evaluation_export_dialog.hpp): for the panel's program,
  // window and periods; drawn after the evaluation window so it stays in front of it.
  if (state.request_evaluation_export || evaluation_export.is_open()) {
    const EvaluationChoice& c = evaluation.choice();
    const std::vector<std::string> names = program_names(ws.programs, {});
    const std::string program = !c.program.empty() ? c.program : names.empty() ? "" : names.front();
    evaluation_export.open(program, c.window_weeks, c.by == EvalBin::month);
  }
  state.request_evaluation_export = false;
  if (const auto r = evaluation_export.draw(session.language, status.evaluation_export)) {
    UiAction a;
    a.kind = UiAction::Kind::export_evaluation;
    a.path = r->path;
    a.program = r->program;
    a.window_weeks = r->window_weeks;
    a.by_month = r->by_month;
    a.internal = r->internal;
    actions.push_back(std::move(a));
  }
  if (filters.request_program_edit || state.request_program_edit) {
    program_edit.open(session);
    filters.request_program_edit = state.request_program_edit = false;
  }
  program_edit.draw(ws, session);
}

void DashboardUi::Impl::draw_side_panel(const Rect& r, const DataSnapshot& snap,
                                        Session& session, const AppStatus& status,
                                        UiActions& actions) {
  const Workspace& ws = snap.ws();
  const Language lang = session.language;
  ImGui::SetNextWindowPos(ImVec2(r.x, r.y));
  ImGui::SetNextWindowSize(ImVec2(r.w, r.h));
  ImGui::PushStyleVar(ImGuiStyleVar_WindowRounding, 0);
  ImGui::Begin("##side_panel", nullptr, kFixedWindow);
  if (fonts.bold) ImGui::PushFont(fonts.bold);
  // A long project title wraps; a long file name is shortened in the middle (never past the edge).
  panel_title(workspace_title(ws, session.language));
  if (fonts.bold) ImGui::PopFont();
  if (ws.synthetic) {
    ImGui::SameLine();
    ImGui::TextColored(ImVec4(0.70f, 0.25f, 0.08f, 1), "%s", tr(Msg::synthetic_data, lang));
  }
  ImGui::Separator();
  // Incidents alone: the choropleth and the sector counts need sectors (ui/needs_sectors.hpp).
  if (draw_needs_sectors(ws, lang, state)) ImGui::Separator();
  // "###" ids keep the open/closed state when the language changes the label.
  const std::string layers_label = std::string(tr(Msg::panel_layers, lang)) + "###layers";
  if (ImGui::CollapsingHeader(layers_label.c_str(), ImGuiTreeNodeFlags_DefaultOpen))
    layers.draw(ws, session, status);
  const std::string filters_label = std::string(tr(Msg::panel_filters, lang)) + "###filters";
  if (ImGui::CollapsingHeader(filters_label.c_str(), ImGuiTreeNodeFlags_DefaultOpen))
    filters.draw(snap, session, actions);
  ImGui::End();
  ImGui::PopStyleVar();
}

}  // namespace faro::ui
