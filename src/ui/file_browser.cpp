#include "ui/file_browser.hpp"

#include <imgui.h>
#include <imgui_stdlib.h>

#include <algorithm>
#include <cctype>
#include <cstdio>
#include <system_error>

#include "core/localized_error.hpp"
#include "io/archive_listing.hpp"
#include "ui/format.hpp"
#include "ui/i18n.hpp"

namespace faro::ui {
namespace fs = std::filesystem;

namespace {

std::string lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

bool is_save_mode(BrowserMode m) {
  return m != BrowserMode::open_data && m != BrowserMode::open_project &&
         m != BrowserMode::open_style;
}

Msg title_of(BrowserMode m) {
  switch (m) {
    case BrowserMode::open_data:
      return Msg::browser_open_data;
    case BrowserMode::open_project:
      return Msg::browser_open_project;
    case BrowserMode::save_project:
      return Msg::browser_save_project;
    case BrowserMode::export_png_screen:
    case BrowserMode::export_png_4k:
      return Msg::browser_export_png;
    case BrowserMode::open_style:
      return Msg::browser_open_style;
    case BrowserMode::export_animation:
      return Msg::browser_export_animation;
  }
  return Msg::browser_open_data;
}

std::string human_size(uintmax_t bytes) {
  char buf[32];
  if (bytes >= (1u << 30))
    std::snprintf(buf, sizeof buf, "%.1f GB", bytes / double(1u << 30));
  else if (bytes >= (1u << 20))
    std::snprintf(buf, sizeof buf, "%.1f MB", bytes / double(1u << 20));
  else if (bytes >= 1024)
    std::snprintf(buf, sizeof buf, "%.0f kB", bytes / 1024.0);
  else
    std::snprintf(buf, sizeof buf, "%ju B", bytes);
  return buf;
}

}  // namespace

void FileBrowser::open(BrowserMode mode, UiState& ui) {
  open_ = true;
  mode_ = mode;
  selected_.clear();
  filter_index_ = 0;
  std::error_code ec;
  std::string start = dir_.empty() ? fs::current_path(ec).string() : dir_;
  if (!ui.browser_preselect.empty()) {
    // A recent file: its folder (inside its archive for a /vsi path), with it selected.
    // A trailing "/" names a folder to start in, with nothing selected.
    const std::string& pre = ui.browser_preselect;
    const bool gz = pre.rfind("/vsigzip/", 0) == 0;
    const std::string plain = gz ? pre.substr(9) : pre;
    if (!plain.empty() && plain.back() == '/') {
      start = plain.size() > 1 ? plain.substr(0, plain.size() - 1) : plain;
      selected_.clear();
    } else {
      start = gz ? fs::path(plain).parent_path().string() : browser_parent(plain);
      selected_ = io::display_file_name(plain);
    }
    role_ = guess_role(selected_);
    ui.browser_preselect.clear();
  }
  if (mode == BrowserMode::save_project) file_name_ = "proyecto.faro.json";
  if (mode == BrowserMode::export_png_screen || mode == BrowserMode::export_png_4k)
    file_name_ = "mapa.png";
  if (mode == BrowserMode::export_animation) file_name_ = "animacion.mp4";
  navigate(start);
}

void FileBrowser::navigate(const std::string& dir) {
  if (io::is_vsi_path(dir)) {  // GDAL paths keep their form ("/vsizip//d/x.zip")
    dir_ = dir;
  } else {
    std::error_code ec;
    fs::path canonical = fs::weakly_canonical(dir, ec);
    dir_ = ec ? dir : canonical.string();
  }
  dir_text_ = dir_;
  const auto& exts = browser_extensions(mode_);
  const int all_files = static_cast<int>(exts.size()) + 1;
  std::vector<std::string> filter;  // empty = every file
  if (filter_index_ == 0 || filter_index_ > all_files)
    filter = exts;
  else if (filter_index_ < all_files)
    filter = {exts[static_cast<size_t>(filter_index_ - 1)]};
  entries_ = list_directory(dir_, filter, &list_error_);
}

void FileBrowser::draw(const Session& session, UiState& ui, UiActions& actions) {
  if (ui.browser_request) {
    open(*ui.browser_request, ui);
    ui.browser_request.reset();
  }
  if (!open_) return;
  const Language lang = session.language;
  const float f = ImGui::GetFontSize();
  const ImVec2 display = ImGui::GetIO().DisplaySize;
  ImGui::SetNextWindowSize(ImVec2(44 * f, 32 * f), ImGuiCond_Appearing);
  ImGui::SetNextWindowPos(ImVec2(display.x / 2, display.y / 2), ImGuiCond_Appearing,
                          ImVec2(0.5f, 0.5f));
  const std::string title = std::string(tr(title_of(mode_), lang)) + "###file_browser";
  if (!ImGui::Begin(title.c_str(), &open_, ImGuiWindowFlags_NoCollapse)) {
    ImGui::End();
    return;
  }
  std::string chosen;

  // Folder row: parent button + editable path.
  if (ImGui::ArrowButton("##up", ImGuiDir_Up)) navigate(browser_parent(dir_));
  if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", tr(Msg::browser_up, lang));
  ImGui::SameLine();
  ImGui::SetNextItemWidth(-f * 12);
  if (ImGui::InputText("##dir", &dir_text_, ImGuiInputTextFlags_EnterReturnsTrue))
    navigate(dir_text_);
  ImGui::SameLine();
  // Extension filter.
  const auto& exts = browser_extensions(mode_);
  ImGui::SetNextItemWidth(-1);
  const int all_files = static_cast<int>(exts.size()) + 1;
  const char* preview = filter_index_ == 0           ? tr(Msg::browser_all_supported, lang)
                        : filter_index_ == all_files ? tr(Msg::browser_all_files, lang)
                                                     : exts[static_cast<size_t>(filter_index_ - 1)].c_str();
  if (ImGui::BeginCombo("##filter", preview)) {
    if (ImGui::Selectable(tr(Msg::browser_all_supported, lang), filter_index_ == 0)) {
      filter_index_ = 0;
      navigate(dir_);
    }
    for (size_t i = 0; i < exts.size(); ++i)
      if (ImGui::Selectable(exts[i].c_str(), filter_index_ == static_cast<int>(i + 1))) {
        filter_index_ = static_cast<int>(i + 1);
        navigate(dir_);
      }
    if (ImGui::Selectable(tr(Msg::browser_all_files, lang), filter_index_ == all_files)) {
      filter_index_ = all_files;
      navigate(dir_);
    }
    ImGui::EndCombo();
  }

  // Recent files (open modes only).
  if (!is_save_mode(mode_) && !ui.recent_files.empty()) {
    ImGui::SetNextItemWidth(-1);
    if (ImGui::BeginCombo("##recent", tr(Msg::browser_recent, lang))) {
      for (const std::string& r : ui.recent_files)
        if (ImGui::Selectable(r.c_str())) chosen = r;
      ImGui::EndCombo();
    }
  }

  // The listing.
  // Rows under the list: name field + buttons (save), role + PG + buttons (open data), buttons.
  const float rows = is_save_mode(mode_) ? 2.2f : mode_ == BrowserMode::open_data ? 3.3f : 1.2f;
  const float footer = rows * ImGui::GetFrameHeightWithSpacing() +
                       (lower(pg_text_).find("password=") != std::string::npos
                            ? ImGui::GetTextLineHeightWithSpacing() * 2
                            : 0.0f);
  ImGui::BeginChild("##list", ImVec2(0, -footer), true);
  if (!list_error_.empty()) {
    char buf[512];
    // The system's or GDAL's reason is English only: quoted as such in Spanish.
    const std::string why = error_text(DataError(list_error_), lang);
    std::snprintf(buf, sizeof buf, tr(Msg::browser_unreadable, lang), why.c_str());
    ImGui::TextColored(ImVec4(0.7f, 0.12f, 0.05f, 1), "%s", buf);
  } else if (entries_.empty()) {
    ImGui::TextDisabled("%s", tr(Msg::browser_empty, lang));
  }
  std::string go_to;
  const float size_x = ImGui::GetContentRegionAvail().x - ImGui::CalcTextSize("000.0 MB").x;
  for (const DirEntry& e : entries_) {
    // Folders in brackets ("▸" is outside the font atlas); archives end in "/" (they open
    // like folders).
    const bool archive = !e.is_dir && mode_ == BrowserMode::open_data &&
                         io::is_browsable_archive(e.name);
    const std::string shown = e.is_dir ? "[" + e.name + "]" : archive ? e.name + " /" : e.name;
    if (ImGui::Selectable(shown.c_str(), selected_ == e.name,
                          ImGuiSelectableFlags_AllowDoubleClick)) {
      selected_ = e.name;
      if (!e.is_dir) {
        if (is_save_mode(mode_))
          file_name_ = e.name;
        else
          role_ = guess_role(e.name);
      }
      if (ImGui::IsMouseDoubleClicked(0)) {
        const BrowserStep step = activate_entry(dir_, e, mode_);
        go_to = step.navigate_to;
        chosen = step.choose;
      }
    }
    if (archive && ImGui::IsItemHovered())
      ImGui::SetTooltip("%s", tr(Msg::browser_archive_hint, lang));
    if (!e.is_dir) {
      ImGui::SameLine(std::max(size_x, ImGui::GetCursorPosX()));
      ImGui::TextDisabled("%s", human_size(e.size).c_str());
    }
  }
  ImGui::EndChild();
  if (!go_to.empty()) {
    navigate(go_to);
    selected_.clear();
  }

  // Footer: name field (save) or role + PG (open data), then the buttons.
  if (is_save_mode(mode_)) {
    ImGui::SetNextItemWidth(-1);
    ImGui::InputTextWithHint("##name", tr(Msg::browser_file_name, lang), &file_name_);
  } else if (mode_ == BrowserMode::open_data) {
    ImGui::AlignTextToFramePadding();
    ImGui::TextUnformatted(tr(Msg::browser_role, lang));
    ImGui::SameLine();
    for (SourceSpec::Role r : {SourceSpec::Role::incidents, SourceSpec::Role::sectors,
                               SourceSpec::Role::programs, SourceSpec::Role::context}) {
      if (ImGui::RadioButton(tr_role(r, lang), role_ == r)) role_ = r;
      ImGui::SameLine();
    }
    ImGui::NewLine();
    draw_pg(session, ui, actions);
  }
  const float bw = 8 * f;
  ImGui::SetCursorPosX(ImGui::GetWindowContentRegionMax().x - 2 * bw -
                       ImGui::GetStyle().ItemSpacing.x);
  const char* ok_label = tr(is_save_mode(mode_) ? Msg::browser_save : Msg::browser_open, lang);
  if (ImGui::Button(ok_label, ImVec2(bw, 0))) {
    if (is_save_mode(mode_))
      chosen = file_name_.empty() ? "" : browser_join(dir_, file_name_);
    else if (!selected_.empty()) {
      const auto it = std::find_if(entries_.begin(), entries_.end(),
                                   [&](const DirEntry& e) { return e.name == selected_; });
      // A name not listed (typed, or a recent file filtered out) is chosen as it is.
      const BrowserStep step = it != entries_.end() ? activate_entry(dir_, *it, mode_)
                                                    : BrowserStep{"", browser_join(dir_, selected_)};
      if (!step.navigate_to.empty()) {
        navigate(step.navigate_to);
        selected_.clear();
      }
      chosen = step.choose;
    }
  }
  ImGui::SameLine();
  if (ImGui::Button(tr(Msg::browser_cancel, lang), ImVec2(bw, 0))) open_ = false;

  if (!chosen.empty() && choose_path(mode_, chosen, role_, ui, actions)) open_ = false;
  ImGui::End();
}

void FileBrowser::draw_pg(const Session& session, UiState& ui, UiActions& actions) {
  const Language lang = session.language;
  ImGui::SetNextItemWidth(-ImGui::GetFontSize() * 16);
  ImGui::InputTextWithHint("##pg", tr(Msg::browser_pg, lang), &pg_text_);
  ImGui::SameLine();
  ImGui::SetNextItemWidth(ImGui::GetFontSize() * 9);
  ImGui::InputTextWithHint("##pg_layer", tr(Msg::browser_pg_layer, lang), &pg_layer_);
  ImGui::SameLine();
  const bool valid = pg_text_.rfind("PG:", 0) == 0 && pg_text_.size() > 3;
  ImGui::BeginDisabled(!valid);
  if (ImGui::Button(tr(Msg::browser_pg_connect, lang))) {
    UiAction a;
    a.kind = UiAction::Kind::open_source;
    a.source.role = role_;
    a.source.path = pg_text_;
    a.source.layer = pg_layer_;
    actions.push_back(std::move(a));
    ui.add_recent(redact_password(pg_text_));
    open_ = false;
  }
  ImGui::EndDisabled();
  if (lower(pg_text_).find("password=") != std::string::npos)
    ImGui::TextColored(ImVec4(0.7f, 0.35f, 0.05f, 1), "%s", tr(Msg::browser_pg_password, lang));
}

}  // namespace faro::ui
