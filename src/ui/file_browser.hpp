#pragma once
// The File ▸ Open / Save / Export dialog: an ImGui window listing a folder with std::filesystem
// (folders first, then files matching the mode's extensions, or all files; archives are browsed
// like folders through io/archive_listing.hpp), recent files, a file-name field
// for saving, and, when opening data, a role choice and a field to paste a PostGIS `PG:`
// connection string. Choosing pushes a UiAction (or hands a CSV to the mapping dialog); the
// browser itself never opens data files.
#include <cstdint>
#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include "core/session.hpp"
#include "ui/ui_actions.hpp"
#include "ui/ui_state.hpp"

namespace faro::ui {

struct DirEntry {
  std::string name;
  bool is_dir = false;
  uintmax_t size = 0;  // bytes, files only
};

// Case-insensitive suffix test; `ext` includes the dot and may have several (".faro.json").
bool has_extension(std::string_view name, std::string_view ext);
// The extensions offered in `mode` (".csv", ".gpkg", ... for open_data).
const std::vector<std::string>& browser_extensions(BrowserMode mode);
// Folders (not hidden) then files whose name ends in one of `extensions` (all files when empty),
// each group sorted case-insensitively. Unreadable folders give an empty list and `error`. A /vsi
// folder (inside an archive) is listed through GDAL.
std::vector<DirEntry> list_directory(const std::filesystem::path& dir,
                                     const std::vector<std::string>& extensions,
                                     std::string* error = nullptr);
// Paths in the browser are plain folders or, inside an archive, GDAL /vsi paths
// ("/vsizip//d/x.zip/sub"): these join and go up the right way for both.
std::string browser_join(const std::string& dir, const std::string& name);
std::string browser_parent(const std::string& dir);
// What a double-click (or Open) on `e` in `dir` does: go into a folder or an archive (.zip, .tar,
// .tgz, .7z, open_data only) or choose the file. Both empty = nothing (save modes).
struct BrowserStep {
  std::string navigate_to;
  std::string choose;
};
BrowserStep activate_entry(const std::string& dir, const DirEntry& e, BrowserMode mode);
// Delimited text, also gzipped (.csv, .csv.gz, .tsv, .tsv.gz): opened through the mapping dialog.
bool is_csv_path(std::string_view path);
// A role guess from the file name, for the role combo's initial value: "sector"/"cuadrante" →
// sectors, "programa"/"program" → programs, "alcald"/"colonia"/"context" → context, else
// incidents.
SourceSpec::Role guess_role(std::string_view file_name);
// What choosing `path` in `mode` does: pushes the action (open_source / open_basemap /
// open_project / save_project / export_png / export_animation) or, for a CSV to open, asks for
// the mapping dialog in `ui`. Adds opened paths to the recent list. Returns false when nothing was done (e.g. an
// empty path).
bool choose_path(BrowserMode mode, const std::string& path, SourceSpec::Role role, UiState& ui,
                 UiActions& actions, int screen_w = 0, int screen_h = 0);
// "PG:dbname=x password=secret host=h" → "PG:dbname=x password=*** host=h" (for display and the
// recent list: passwords are never shown or kept).
std::string redact_password(std::string_view connection);

class FileBrowser {
 public:
  // Opens when ui.browser_request is set; draws while open.
  void draw(const Session& session, UiState& ui, UiActions& actions);
  bool is_open() const { return open_; }

 private:
  void open(BrowserMode mode, UiState& ui);
  void navigate(const std::string& dir);
  void draw_pg(const Session& session, UiState& ui, UiActions& actions);

  bool open_ = false;
  BrowserMode mode_ = BrowserMode::open_data;
  std::string dir_;  // a folder, or a /vsi folder inside an archive
  std::string dir_text_;  // editable folder path
  std::vector<DirEntry> entries_;
  std::string list_error_;
  int filter_index_ = 0;   // 0 = all supported, 1..n = browser_extensions()[i - 1], n + 1 = all files
  std::string selected_;   // file name selected in the list
  std::string file_name_;  // save modes: the name typed
  SourceSpec::Role role_ = SourceSpec::Role::incidents;
  std::string pg_text_, pg_layer_;
};

}  // namespace faro::ui
