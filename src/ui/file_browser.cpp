#include "ui/file_browser.hpp"

#include <imgui.h>
#include <imgui_stdlib.h>

#include <algorithm>
#include <cctype>
#include <cstdio>
#include <system_error>

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

bool has_extension(std::string_view name, std::string_view ext) {
  if (name.size() <= ext.size()) return false;
  return lower(name.substr(name.size() - ext.size())) == lower(ext);
}

const std::vector<std::string>& browser_extensions(BrowserMode mode) {
  static const std::vector<std::string> kData = {".csv", ".gpkg", ".geojson",  ".shp",
                                                 ".fgb", ".tif",  ".faro.json"};
  static const std::vector<std::string> kProject = {".faro.json"};
  static const std::vector<std::string> kPng = {".png"};
  static const std::vector<std::string> kStyle = {".json"};
  switch (mode) {
    case BrowserMode::open_data:
      return kData;
    case BrowserMode::open_project:
    case BrowserMode::save_project:
      return kProject;
    case BrowserMode::export_png_screen:
    case BrowserMode::export_png_4k:
      return kPng;
    case BrowserMode::open_style:
      return kStyle;
  }
  return kData;
}

std::vector<DirEntry> list_directory(const fs::path& dir,
                                     const std::vector<std::string>& extensions,
                                     std::string* error) {
  std::vector<DirEntry> dirs, files;
  std::error_code ec;
  fs::directory_iterator it(dir, fs::directory_options::skip_permission_denied, ec);
  if (ec) {
    if (error) *error = ec.message();
    return {};
  }
  for (; it != fs::directory_iterator(); it.increment(ec)) {
    if (ec) break;
    const std::string name = it->path().filename().string();
    if (name.empty() || name[0] == '.') continue;  // hidden files and folders
    std::error_code e2;
    if (it->is_directory(e2)) {
      dirs.push_back({name, true, 0});
      continue;
    }
    const bool wanted = extensions.empty() ||
                        std::any_of(extensions.begin(), extensions.end(),
                                    [&](const std::string& x) { return has_extension(name, x); });
    if (!wanted) continue;
    const uintmax_t size = it->file_size(e2);
    files.push_back({name, false, e2 ? 0 : size});
  }
  auto by_name = [](const DirEntry& a, const DirEntry& b) { return lower(a.name) < lower(b.name); };
  std::sort(dirs.begin(), dirs.end(), by_name);
  std::sort(files.begin(), files.end(), by_name);
  dirs.insert(dirs.end(), files.begin(), files.end());
  if (error) *error = ec ? ec.message() : "";
  return dirs;
}

SourceSpec::Role guess_role(std::string_view file_name) {
  const std::string n = lower(file_name);
  auto has = [&](const char* w) { return n.find(w) != std::string::npos; };
  if (has("sector") || has("cuadrante")) return SourceSpec::Role::sectors;
  if (has("programa") || has("program")) return SourceSpec::Role::programs;
  if (has("alcald") || has("colonia") || has("context")) return SourceSpec::Role::context;
  return SourceSpec::Role::incidents;
}

std::string redact_password(std::string_view connection) {
  std::string s(connection);
  size_t pos = 0;
  while ((pos = lower(s).find("password=", pos)) != std::string::npos) {
    const size_t start = pos + 9;
    size_t end = start;
    if (end < s.size() && s[end] == '\'') {  // quoted value: up to the closing quote
      end = s.find('\'', start + 1);
      end = end == std::string::npos ? s.size() : end + 1;
    } else {
      while (end < s.size() && s[end] != ' ') ++end;
    }
    s.replace(start, end - start, "***");
    pos = start + 3;
  }
  return s;
}

bool choose_path(BrowserMode mode, const std::string& path, SourceSpec::Role role, UiState& ui,
                 UiActions& actions, int screen_w, int screen_h) {
  if (path.empty()) return false;
  UiAction a;
  a.path = path;
  switch (mode) {
    case BrowserMode::open_data:
      if (has_extension(path, ".faro.json")) {
        a.kind = UiAction::Kind::open_project;
      } else if (has_extension(path, ".json")) {  // a map style or layer preset (layers/ format)
        a.kind = UiAction::Kind::open_style;
      } else if (has_extension(path, ".csv")) {
        // CSVs go through the column-mapping dialog, which pushes the open_source action.
        ui.csv_path = path;
        ui.request_csv_dialog = true;
        ui.add_recent(path);
        return true;
      } else if (has_extension(path, ".tif") || has_extension(path, ".tiff")) {
        a.kind = UiAction::Kind::open_basemap;
      } else {
        a.kind = UiAction::Kind::open_source;
        a.source.role = role;
        a.source.path = path;
      }
      ui.add_recent(path);
      break;
    case BrowserMode::open_project:
      a.kind = UiAction::Kind::open_project;
      ui.add_recent(path);
      break;
    case BrowserMode::save_project:
      a.kind = UiAction::Kind::save_project;
      if (!has_extension(a.path, ".faro.json")) a.path += ".faro.json";
      break;
    case BrowserMode::open_style:
      a.kind = UiAction::Kind::open_style;
      break;
    case BrowserMode::export_png_screen:
    case BrowserMode::export_png_4k:
      a.kind = UiAction::Kind::export_png;
      if (!has_extension(a.path, ".png")) a.path += ".png";
      // Screen size: 0 x 0 unless given (the app knows the map's size); 4K: 3840 x 2160 UHD.
      a.width = mode == BrowserMode::export_png_4k ? 3840 : screen_w;
      a.height = mode == BrowserMode::export_png_4k ? 2160 : screen_h;
      break;
  }
  actions.push_back(std::move(a));
  return true;
}

void FileBrowser::open(BrowserMode mode, UiState& ui) {
  open_ = true;
  mode_ = mode;
  selected_.clear();
  filter_index_ = 0;
  std::error_code ec;
  fs::path start = dir_.empty() ? fs::current_path(ec) : dir_;
  if (!ui.browser_preselect.empty()) {
    const fs::path pre(ui.browser_preselect);
    start = pre.parent_path();
    selected_ = pre.filename().string();
    role_ = guess_role(selected_);
    ui.browser_preselect.clear();
  }
  if (mode == BrowserMode::save_project) file_name_ = "proyecto.faro.json";
  if (mode == BrowserMode::export_png_screen || mode == BrowserMode::export_png_4k)
    file_name_ = "mapa.png";
  navigate(start);
}

void FileBrowser::navigate(const fs::path& dir) {
  std::error_code ec;
  fs::path canonical = fs::weakly_canonical(dir, ec);
  dir_ = ec ? dir : canonical;
  dir_text_ = dir_.string();
  const auto& exts = browser_extensions(mode_);
  std::vector<std::string> filter;
  if (filter_index_ == 0 || filter_index_ > static_cast<int>(exts.size()))
    filter = exts;
  else
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
  if (ImGui::ArrowButton("##up", ImGuiDir_Up)) navigate(dir_.parent_path());
  if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", tr(Msg::browser_up, lang));
  ImGui::SameLine();
  ImGui::SetNextItemWidth(-f * 12);
  if (ImGui::InputText("##dir", &dir_text_, ImGuiInputTextFlags_EnterReturnsTrue))
    navigate(fs::path(dir_text_));
  ImGui::SameLine();
  // Extension filter.
  const auto& exts = browser_extensions(mode_);
  ImGui::SetNextItemWidth(-1);
  const char* preview = filter_index_ == 0 ? tr(Msg::browser_all_supported, lang)
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
    std::snprintf(buf, sizeof buf, tr(Msg::browser_unreadable, lang), list_error_.c_str());
    ImGui::TextColored(ImVec4(0.7f, 0.12f, 0.05f, 1), "%s", buf);
  } else if (entries_.empty()) {
    ImGui::TextDisabled("%s", tr(Msg::browser_empty, lang));
  }
  fs::path go_to;
  const float size_x = ImGui::GetContentRegionAvail().x - ImGui::CalcTextSize("000.0 MB").x;
  for (const DirEntry& e : entries_) {
    // Folders in brackets ("▸" is outside the font atlas).
    const std::string shown = e.is_dir ? "[" + e.name + "]" : e.name;
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
        if (e.is_dir)
          go_to = dir_ / e.name;
        else if (!is_save_mode(mode_))
          chosen = (dir_ / e.name).string();
      }
    }
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
      chosen = file_name_.empty() ? "" : (dir_ / file_name_).string();
    else if (!selected_.empty()) {
      const fs::path p = dir_ / selected_;
      std::error_code ec;
      if (fs::is_directory(p, ec))
        navigate(p);
      else
        chosen = p.string();
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
