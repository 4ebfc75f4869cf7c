#include "ui/program_edit_dialog.hpp"

#include <imgui.h>

#include <algorithm>
#include <cstring>

#include "core/session_programs.hpp"
#include "ui/i18n.hpp"

namespace faro::ui {
namespace {

// Strict YYYY-MM-DD (the dialog asks for exactly that; parse_datetime also accepts other forms).
std::optional<CivilSeconds> parse_iso_date(const std::string& t) {
  if (t.size() != 10 || t[4] != '-' || t[7] != '-') return std::nullopt;
  for (size_t i : {0, 1, 2, 3, 5, 6, 8, 9})
    if (t[i] < '0' || t[i] > '9') return std::nullopt;
  const int y = std::stoi(t.substr(0, 4)), m = std::stoi(t.substr(5, 2)),
            d = std::stoi(t.substr(8, 2));
  if (!is_valid_date(y, m, d)) return std::nullopt;
  return days_from_civil(y, static_cast<unsigned>(m), static_cast<unsigned>(d)) * kSecondsPerDay;
}

std::string trimmed(const std::string& s) {
  const size_t a = s.find_first_not_of(" \t"), b = s.find_last_not_of(" \t");
  return a == std::string::npos ? "" : s.substr(a, b - a + 1);
}

// ImGui 1.86 has no std::string InputText: edit through a fixed buffer.
bool input_text(const char* label, std::string& value) {
  char buf[256];
  std::strncpy(buf, value.c_str(), sizeof buf - 1);
  buf[sizeof buf - 1] = 0;
  if (!ImGui::InputText(label, buf, sizeof buf)) return false;
  value = buf;
  return true;
}

}  // namespace

std::string ProgramEditFields::error_text(Language lang) const {
  if (!error) return "";
  return tr_format(lang, *error, error_value.c_str());  // keys without %s ignore the value
}

ProgramEditFields validate_program_edit(const std::string& name, const std::string& start,
                                        const std::string& end) {
  ProgramEditFields f;
  f.name = trimmed(name);
  if (f.name.empty()) {
    f.error = Msg::program_edit_no_name;
    return f;
  }
  const std::optional<CivilSeconds> s = parse_iso_date(trimmed(start));
  if (!s) {
    f.error = Msg::program_edit_bad_start;
    f.error_value = start;
    return f;
  }
  f.start = *s;
  if (!trimmed(end).empty()) {
    f.end = parse_iso_date(trimmed(end));
    if (!f.end) {
      f.error = Msg::program_edit_bad_end;
      f.error_value = end;
    } else if (*f.end <= f.start) {
      f.error = Msg::program_edit_end_before_start;
    }
  }
  return f;
}

void ProgramEditDialog::open(const Session& session) {
  if (session.selection.empty()) return;
  sectors_ = session.selection;
  open_ = popup_requested_ = prefill_ = true;
  message.clear();
}

void ProgramEditDialog::open_goals(const Session& session, const std::string& program) {
  sectors_.clear();
  name = program;
  goals_editor.loaded_for.clear();  // reloaded from the program on the first draw
  open_ = popup_requested_ = true;
  prefill_ = false;
  message.clear();
}

bool ProgramEditDialog::submit_goals(const Workspace& ws, Session& session) {
  const ProgramEditFields f = validate_program_edit(name, "2000-01-01", "");  // name only
  if (!f.ok()) {
    message = f.error_text(session.language);
    return false;
  }
  const auto goals = goals_editor.goals(session.language, message);
  if (!goals) return false;
  program_spec_for(session, ws.programs, f.name).goals = *goals;
  message.clear();
  open_ = false;
  return true;
}

bool ProgramEditDialog::submit_add(const Workspace& ws, Session& session) {
  const ProgramEditFields f = validate_program_edit(name, start, end);
  if (!f.ok()) {
    message = f.error_text(session.language);
    return false;
  }
  add_sectors_to_program(session, ws.programs, f.name, sectors_, f.start, f.end);
  open_ = false;
  return true;
}

bool ProgramEditDialog::submit_remove(const Workspace& ws, Session& session) {
  const ProgramEditFields f = validate_program_edit(name, "2000-01-01", "");  // name only
  if (!f.ok()) {
    message = f.error_text(session.language);
    return false;
  }
  open_ = false;
  return remove_sectors_from_program(session, ws.programs, f.name, sectors_) > 0;
}

bool ProgramEditDialog::draw(const Workspace& ws, Session& session) {
  if (!open_) return false;
  const Language lang = session.language;
  // "###" keeps one popup id whatever the language.
  const std::string title_id = std::string(tr(Msg::program_dialog_title, lang)) + "###program_edit";
  const char* title = title_id.c_str();
  if (popup_requested_) {
    ImGui::OpenPopup(title);
    popup_requested_ = false;
  }
  bool changed = false;
  if (!ImGui::BeginPopupModal(title, &open_, ImGuiWindowFlags_AlwaysAutoResize)) {
    open_ = ImGui::IsPopupOpen(title);
    return false;
  }
  ImGui::Text(tr(Msg::program_dialog_selected, lang), sectors_.size());
  const std::vector<std::string> names = program_names(ws.programs, session.programs);
  // Where the selected sectors already are (edits applied), so "remove" has a visible target.
  std::vector<Program> programs = ws.programs;
  apply_program_specs(programs, session.programs);
  for (const Program& p : programs)
    for (const ProgramSector& ps : p.sectors)
      if (std::find(sectors_.begin(), sectors_.end(), ps.sector) != sectors_.end()) {
        if (prefill_ && name.empty()) name = p.name;  // the usual edit: re-date or remove
        ImGui::BulletText("%s: %s (%s)", ps.sector.c_str(), p.name.c_str(),
                          format_date(ps.start).c_str());
      }
  prefill_ = false;
  ImGui::SetNextItemWidth(ImGui::GetFontSize() * 16);
  if (ImGui::BeginCombo(tr(Msg::program_dialog_existing, lang), name.c_str())) {
    for (const std::string& n : names)
      if (ImGui::Selectable(n.c_str(), n == name)) name = n;
    ImGui::EndCombo();
  }
  ImGui::SetNextItemWidth(ImGui::GetFontSize() * 16);
  input_text(tr(Msg::program_dialog_name, lang), name);
  ImGui::SetNextItemWidth(ImGui::GetFontSize() * 8);
  input_text(tr(Msg::program_dialog_start, lang), start);
  ImGui::SetNextItemWidth(ImGui::GetFontSize() * 8);
  input_text(tr(Msg::program_dialog_end, lang), end);
  // The program's goals (edits applied), reloaded when another program is named.
  if (goals_editor.loaded_for != name) {
    const auto it = std::find_if(programs.begin(), programs.end(),
                                 [&](const Program& p) { return p.name == name; });
    goals_editor.load(name, it != programs.end() ? it->goals : std::vector<ProgramGoal>{});
  }
  if (ImGui::CollapsingHeader(tr(Msg::goals_edit_header, lang),
                              sectors_.empty() ? ImGuiTreeNodeFlags_DefaultOpen : 0)) {
    goals_editor.draw(lang);
    if (ImGui::Button(tr(Msg::goals_edit_save, lang))) changed = submit_goals(ws, session);
  }
  if (!message.empty()) ImGui::TextWrapped("%s", message.c_str());

  ImGui::BeginDisabled(sectors_.empty());
  if (ImGui::Button(tr(Msg::program_dialog_add, lang))) changed = submit_add(ws, session);
  ImGui::SameLine();
  if (ImGui::Button(tr(Msg::program_dialog_remove, lang)))
    changed = submit_remove(ws, session);
  ImGui::EndDisabled();
  ImGui::SameLine();
  if (ImGui::Button(tr(Msg::program_dialog_cancel, lang))) open_ = false;
  if (!open_) ImGui::CloseCurrentPopup();
  ImGui::EndPopup();
  return changed;
}

}  // namespace faro::ui
