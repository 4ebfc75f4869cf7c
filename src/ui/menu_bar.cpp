#include "ui/menu_bar.hpp"

#include <imgui.h>

#include <cstdio>
#include <imgui_stdlib.h>

#include <algorithm>

#include "ui/i18n.hpp"

namespace faro::ui {

void UiState::add_recent(const std::string& path) {
  if (path.empty()) return;
  recent_files.erase(std::remove(recent_files.begin(), recent_files.end(), path),
                     recent_files.end());
  recent_files.insert(recent_files.begin(), path);
  if (recent_files.size() > kMaxRecent) recent_files.resize(kMaxRecent);
  recent_missing.erase(std::remove(recent_missing.begin(), recent_missing.end(), path),
                       recent_missing.end());
}

bool UiState::recent_available(const std::string& path) const {
  return std::find(recent_missing.begin(), recent_missing.end(), path) == recent_missing.end();
}

namespace {

void push(UiActions& actions, UiAction::Kind kind, std::string path = {}) {
  UiAction a;
  a.kind = kind;
  a.path = std::move(path);
  actions.push_back(std::move(a));
}

Msg edit_kind_words(EditKind kind) {
  switch (kind) {
    case EditKind::dates: return Msg::edit_dates;
    case EditKind::categories: return Msg::edit_categories;
    case EditKind::hours: return Msg::edit_hours;
    case EditKind::weekdays: return Msg::edit_weekdays;
    case EditKind::sector_filter: return Msg::edit_sector_filter;
    case EditKind::style: return Msg::edit_style;
    case EditKind::selection: return Msg::edit_selection;
    case EditKind::programs: return Msg::edit_programs;
    case EditKind::saved_selections: return Msg::edit_saved_selections;
  }
  return Msg::edit_style;
}

void set_language(Session& session, Language lang) {
  if (session.language == lang) return;
  session.language = lang;
}

}  // namespace

std::string undo_menu_label(bool redo, const std::optional<EditKind>& kind, Language lang) {
  if (!kind) return tr(redo ? Msg::menu_redo : Msg::menu_undo, lang);
  return tr_format(lang, redo ? Msg::menu_redo_what : Msg::menu_undo_what,
                   tr(edit_kind_words(*kind), lang));
}

void run_menu_command(MenuCommand cmd, Session& session, const AppStatus& status,
                      UiActions& actions, UiState& ui) {
  using K = UiAction::Kind;
  switch (cmd) {
    case MenuCommand::open_data:
      ui.browser_request = BrowserMode::open_data;
      break;
    case MenuCommand::open_project:
      ui.browser_request = BrowserMode::open_project;
      break;
    case MenuCommand::save_project:
      if (status.project_path.empty())
        ui.browser_request = BrowserMode::save_project;
      else
        push(actions, K::save_project, status.project_path);
      break;
    case MenuCommand::save_project_as:
      ui.browser_request = BrowserMode::save_project;
      break;
    case MenuCommand::demo_city:
      push(actions, K::new_demo);
      break;
    case MenuCommand::open_style:
      ui.browser_request = BrowserMode::open_style;
      break;
    case MenuCommand::export_png_screen:
      ui.browser_request = BrowserMode::export_png_screen;
      break;
    case MenuCommand::export_png_4k:
      ui.browser_request = BrowserMode::export_png_4k;
      break;
    case MenuCommand::export_animation:
      ui.browser_request = BrowserMode::export_animation;
      break;
    case MenuCommand::export_brief:  // the week is the brief panel's, so its window opens too
      ui.show_brief = true;
      ui.request_brief_export = true;
      break;
    case MenuCommand::export_evaluation:  // the program is the evaluation panel's: it opens too
      ui.show_evaluation = true;
      ui.request_evaluation_export = true;
      break;
    case MenuCommand::quit:
      push(actions, K::quit);
      break;
    case MenuCommand::presentation:
      push(actions, K::toggle_presentation);
      break;
    case MenuCommand::fit_all:
      push(actions, K::fit_all);
      break;
    case MenuCommand::zoom_to_selection:
      push(actions, K::zoom_to_selection);
      break;
    case MenuCommand::load_report:
      ui.show_load_report = true;
      break;
    case MenuCommand::weekly_brief:
      ui.show_brief = true;
      break;
    case MenuCommand::program_evaluation:
      ui.show_evaluation = true;
      break;
    case MenuCommand::goals:
      ui.show_goals = true;
      break;
    case MenuCommand::add_to_program:
      if (!session.selection.empty()) ui.request_program_edit = true;
      break;
    case MenuCommand::undo:
      push(actions, K::undo);
      break;
    case MenuCommand::redo:
      push(actions, K::redo);
      break;
    case MenuCommand::language_es:
      set_language(session, Language::es);
      break;
    case MenuCommand::language_en:
      set_language(session, Language::en);
      break;
  }
}

namespace {

// A live PostGIS source: Refresh (F5), Reconcile, and the poll interval (off / 1 / 5 / 15 min).
void draw_pg_items(const AppStatus::PgLive& pg, Language lang, UiActions& actions) {
  if (ImGui::MenuItem(tr(Msg::pg_menu_refresh, lang), "F5", false, !pg.running))
    push(actions, UiAction::Kind::pg_refresh);
  if (ImGui::MenuItem(tr(Msg::pg_menu_reconcile, lang), nullptr, false, !pg.running))
    push(actions, UiAction::Kind::pg_reconcile);
  if (ImGui::BeginMenu(tr(Msg::pg_menu_poll, lang))) {
    for (int minutes : {0, 1, 5, 15}) {
      char label[32];
      std::snprintf(label, sizeof label, tr(Msg::pg_poll_minutes, lang), minutes);
      if (ImGui::MenuItem(minutes == 0 ? tr(Msg::pg_poll_off, lang) : label, nullptr,
                          pg.refresh_every_min == minutes)) {
        UiAction a;
        a.kind = UiAction::Kind::pg_refresh_every;
        a.width = minutes;
        actions.push_back(a);
      }
    }
    ImGui::EndMenu();
  }
  ImGui::Separator();
}

}  // namespace

float MenuBar::draw(const Workspace& ws, Session& session, const AppStatus& status,
                    UiActions& actions, UiState& ui) {
  (void)ws;
  if (!ImGui::BeginMainMenuBar()) return 0;
  const Language lang = session.language;
  auto item = [&](Msg label, MenuCommand cmd, const char* shortcut = nullptr, bool selected = false,
                  bool enabled = true) {
    if (ImGui::MenuItem(tr(label, lang), shortcut, selected, enabled))
      run_menu_command(cmd, session, status, actions, ui);
  };

  if (ImGui::BeginMenu(tr(Msg::menu_file, lang))) {
    item(Msg::menu_open_data, MenuCommand::open_data, "Ctrl+O");
    if (ImGui::BeginMenu(tr(Msg::menu_recent, lang), !ui.recent_files.empty())) {
      for (const std::string& path : ui.recent_files)
        if (ImGui::MenuItem(path.c_str(), nullptr, false, ui.recent_available(path))) {
          ui.browser_preselect = path;
          ui.browser_request = BrowserMode::open_data;
        }
      ImGui::EndMenu();
    }
    ImGui::Separator();
    item(Msg::menu_open_project, MenuCommand::open_project);
    item(Msg::menu_save_project, MenuCommand::save_project, "Ctrl+S");
    item(Msg::menu_save_project_as, MenuCommand::save_project_as);
    item(Msg::menu_open_style, MenuCommand::open_style);
    ImGui::Separator();
    item(Msg::menu_demo_city, MenuCommand::demo_city);
    ImGui::Separator();
    if (status.pg.active) draw_pg_items(status.pg, lang, actions);
    item(Msg::menu_export_png_screen, MenuCommand::export_png_screen);
    item(Msg::menu_export_png_4k, MenuCommand::export_png_4k);
    // One animation at a time: the item is greyed while one is being written.
    item(Msg::menu_export_animation, MenuCommand::export_animation, nullptr, false,
         status.animation_frames == 0);
    item(Msg::menu_export_brief, MenuCommand::export_brief, nullptr, false,
         !status.brief_export.running);
    item(Msg::menu_export_evaluation, MenuCommand::export_evaluation, nullptr, false,
         !status.evaluation_export.running);
    ImGui::Separator();
    item(Msg::menu_quit, MenuCommand::quit, "Ctrl+Q");
    ImGui::EndMenu();
  }
  if (ImGui::BeginMenu(tr(Msg::menu_edit, lang))) {
    // "###" ids: the label names the step, the item stays the same item.
    const std::string undo = undo_menu_label(false, status.undo_kind, lang) + "###undo";
    const std::string redo = undo_menu_label(true, status.redo_kind, lang) + "###redo";
    if (ImGui::MenuItem(undo.c_str(), "Ctrl+Z", false, status.undo_kind.has_value()))
      run_menu_command(MenuCommand::undo, session, status, actions, ui);
    if (ImGui::MenuItem(redo.c_str(), "Ctrl+Shift+Z", false, status.redo_kind.has_value()))
      run_menu_command(MenuCommand::redo, session, status, actions, ui);
    ImGui::EndMenu();
  }
  if (ImGui::BeginMenu(tr(Msg::menu_view, lang))) {
    item(Msg::menu_presentation, MenuCommand::presentation, "F11", status.presentation);
    item(Msg::menu_fit_all, MenuCommand::fit_all, "Home");
    item(Msg::menu_zoom_selection, MenuCommand::zoom_to_selection, nullptr, false,
         !session.selection.empty());
    item(Msg::menu_load_report, MenuCommand::load_report, nullptr, ui.show_load_report);
    item(Msg::menu_weekly_brief, MenuCommand::weekly_brief, nullptr, ui.show_brief);
    item(Msg::menu_program_evaluation, MenuCommand::program_evaluation, nullptr,
         ui.show_evaluation);
    item(Msg::goals_panel_title, MenuCommand::goals, nullptr, ui.show_goals);
    item(Msg::menu_add_to_program, MenuCommand::add_to_program, nullptr, false,
         !session.selection.empty());
    ImGui::Separator();
    // The title shown in presentation mode and on exports ("" = the data's own title).
    ImGui::SetNextItemWidth(ImGui::GetFontSize() * 16);
    ImGui::InputTextWithHint("##title", tr(Msg::menu_presentation_title, lang), &session.title);
    if (ImGui::BeginMenu(tr(Msg::menu_language, lang))) {
      item(Msg::language_es, MenuCommand::language_es, nullptr, lang == Language::es);
      item(Msg::language_en, MenuCommand::language_en, nullptr, lang == Language::en);
      ImGui::EndMenu();
    }
    ImGui::EndMenu();
  }
  const float height = ImGui::GetWindowSize().y;
  ImGui::EndMainMenuBar();
  return height;
}

}  // namespace faro::ui
