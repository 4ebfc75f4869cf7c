// The file browser's choices without ImGui (ui/file_browser.hpp): extensions per mode, the
// folder listing, the role guess, password redaction and what choosing a path does. Kept apart
// from the window's drawing so the tests call them directly.
#include <algorithm>
#include <cctype>
#include <system_error>

#include "core/redact.hpp"
#include "io/archive_listing.hpp"
#include "ui/file_browser.hpp"

namespace faro::ui {
namespace fs = std::filesystem;

namespace {

std::string lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

}  // namespace

bool has_extension(std::string_view name, std::string_view ext) {
  if (name.size() <= ext.size()) return false;
  return lower(name.substr(name.size() - ext.size())) == lower(ext);
}

const std::vector<std::string>& browser_extensions(BrowserMode mode) {
  // Archives too: a .gz is one compressed file (read through /vsigzip/), a .zip / .tar / .tgz /
  // .7z is browsed like a folder (io/archive_listing.hpp).
  static const std::vector<std::string> kData = {
      ".csv", ".gpkg", ".geojson", ".shp", ".fgb", ".tif", ".tiff", ".mbtiles", ".faro.json",
      ".gz",  ".zip",  ".tar",     ".tgz", ".7z"};
  static const std::vector<std::string> kProject = {".faro.json"};
  static const std::vector<std::string> kPng = {".png"};
  static const std::vector<std::string> kStyle = {".json"};
  static const std::vector<std::string> kVideo = {".mp4", ".gif"};
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
    case BrowserMode::export_animation:
      return kVideo;
  }
  return kData;
}

namespace {

bool wanted_file(const std::string& name, const std::vector<std::string>& extensions) {
  return extensions.empty() ||
         std::any_of(extensions.begin(), extensions.end(),
                     [&](const std::string& x) { return has_extension(name, x); });
}

// Inside an archive: GDAL lists it (io/archive_listing.hpp); the same filter applies.
std::vector<DirEntry> list_inside_archive(const std::string& dir,
                                          const std::vector<std::string>& extensions,
                                          std::string* error) {
  std::string err;
  const auto listed = io::list_vsi_directory(dir, &err);
  if (error) *error = err;
  std::vector<DirEntry> out;
  if (!listed) return out;
  for (const io::VsiEntry& e : *listed)
    if (e.is_dir || wanted_file(e.name, extensions))
      out.push_back({e.name, e.is_dir, static_cast<uintmax_t>(e.size)});
  return out;
}

}  // namespace

std::vector<DirEntry> list_directory(const fs::path& dir,
                                     const std::vector<std::string>& extensions,
                                     std::string* error) {
  if (io::is_vsi_path(dir.string())) return list_inside_archive(dir.string(), extensions, error);
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
    if (!wanted_file(name, extensions)) continue;
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

std::string browser_join(const std::string& dir, const std::string& name) {
  if (io::is_vsi_path(dir)) return dir + (!dir.empty() && dir.back() == '/' ? "" : "/") + name;
  return (fs::path(dir) / name).string();
}

std::string browser_parent(const std::string& dir) {
  if (io::is_vsi_path(dir)) return io::vsi_parent(dir);
  return fs::path(dir).parent_path().string();
}

BrowserStep activate_entry(const std::string& dir, const DirEntry& e, BrowserMode mode) {
  BrowserStep step;
  const std::string path = browser_join(dir, e.name);
  if (e.is_dir)
    step.navigate_to = path;
  else if (mode == BrowserMode::open_data && io::is_browsable_archive(e.name))
    step.navigate_to = io::archive_root(path);  // a .zip / .tar / .7z opens like a folder
  else if (mode == BrowserMode::open_data || mode == BrowserMode::open_project ||
           mode == BrowserMode::open_style)
    step.choose = path;
  return step;
}

bool is_csv_path(std::string_view path) {
  return has_extension(path, ".csv") || has_extension(path, ".csv.gz") ||
         has_extension(path, ".tsv") || has_extension(path, ".tsv.gz");
}

SourceSpec::Role guess_role(std::string_view file_name) {
  const std::string n = lower(file_name);
  auto has = [&](const char* w) { return n.find(w) != std::string::npos; };
  if (has("sector") || has("cuadrante")) return SourceSpec::Role::sectors;
  if (has("programa") || has("program")) return SourceSpec::Role::programs;
  if (has("alcald") || has("colonia") || has("context")) return SourceSpec::Role::context;
  return SourceSpec::Role::incidents;
}

std::string redact_password(std::string_view connection) { return redact_credentials(connection); }

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
      } else if (is_csv_path(path)) {
        // A .csv.gz stays a plain path: the preview and the loader read it through /vsigzip/.
        // CSVs go through the column-mapping dialog, which pushes the open_source action.
        ui.csv_path = path;
        ui.request_csv_dialog = true;
        ui.add_recent(path);
        return true;
      } else if (has_extension(path, ".tif") || has_extension(path, ".tiff") ||
                 has_extension(path, ".mbtiles")) {
        a.kind = UiAction::Kind::open_basemap;
      } else {
        a.kind = UiAction::Kind::open_source;
        a.source.role = role;
        // Any other single-file .gz (x.geojson.gz...): GDAL reads it through /vsigzip/.
        a.source.path = has_extension(path, ".gz") && !io::is_vsi_path(path) &&
                                !io::is_browsable_archive(path)
                            ? "/vsigzip/" + path
                            : path;
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
    case BrowserMode::export_animation:
      // 1080p, as `faro animate` (the app picks the steps from the timeline).
      a.kind = UiAction::Kind::export_animation;
      if (!has_extension(a.path, ".mp4") && !has_extension(a.path, ".gif")) a.path += ".mp4";
      a.width = 1920;
      a.height = 1080;
      break;
  }
  actions.push_back(std::move(a));
  return true;
}

}  // namespace faro::ui
