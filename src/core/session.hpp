#pragma once
// The dashboard's persisted state: what a project file (.faro.json) holds and every panel reads
// and edits. Pure values, no loaded data (that is core/workspace.hpp). The app owns one Session;
// ui panels receive it by reference and edit it directly (UI thread only); the app notices the
// changes that matter to the data by comparing values (the filter and the programs against those
// of its core/data_snapshot.hpp), never through a change counter.
//
// Units and CRS: camera centre in the working CRS (projected metres), scale in metres per pixel;
// dates as CivilSeconds (local wall-clock seconds, core/civil_time.hpp); distances in metres.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/choropleth.hpp"
#include "core/civil_time.hpp"
#include "core/colormap.hpp"
#include "core/geometry.hpp"
#include "core/kde.hpp"
#include "core/language.hpp"
#include "core/map_style.hpp"
#include "core/programs.hpp"

namespace faro {


// One data source as the user opened it, with the field mapping they confirmed. Paths are stored
// as given; the project file writes them relative to itself when possible. Connection strings
// (PG:...) never carry a password (use PG service files / PGPASSWORD).
struct SourceSpec {
  enum class Role { sectors, incidents, programs, context };
  Role role = Role::incidents;
  std::string path;
  std::string layer;            // "" = first/only layer
  std::string where;            // OGR SQL attribute filter pushed to GDAL ("" = none)
  // Field mapping (incidents): "" = auto-detected.
  std::string x_field, y_field, date_field, time_field, category_field, weight_field;
  std::string srs;              // source CRS override ("" = from the source; CSV default EPSG:4326)
  std::string date_order;       // "dmy" (default) | "mdy"
  // Sectors: name / population fields ("" = auto).
  std::string name_field, population_field;
};

// Filter state by *names* (stable across reloads), turned into an IncidentFilter with the loaded
// dictionaries by Workspace::make_filter().
struct FilterState {
  std::optional<CivilSeconds> from;          // inclusive
  std::optional<CivilSeconds> to_exclusive;  // exclusive
  std::vector<std::string> categories;       // empty = all categories
  uint32_t hour_mask = 0xFFFFFF;             // bit h = hour h enabled
  uint8_t weekday_mask = 0x7F;               // bit 0 = Monday .. bit 6 = Sunday
  std::vector<std::string> sectors;          // sector subset by name; empty = all sectors
  friend bool operator==(const FilterState&, const FilterState&) = default;
};

struct CameraState {
  Vec2 centre;                  // working CRS metres
  double metres_per_pixel = 0;  // 0 = fit all on open
  friend bool operator==(const CameraState&, const CameraState&) = default;
};

// A program as edited in the dashboard, by sector name. Replaces the loaded program of the same
// name (its sector list; the loaded intervention area is kept) or adds a new one; see
// core/session_programs.hpp. The full sector list is stored, so removing a sector persists.
struct ProgramSpec {
  std::string name;
  std::vector<ProgramSector> sectors;  // rollout (and optional end) per sector
  // Goals edited in the dashboard; nullopt = keep the loaded program's goals (older files).
  std::optional<std::vector<ProgramGoal>> goals;
  friend bool operator==(const ProgramSpec&, const ProgramSpec&) = default;
};

// A named offence selection saved from the picker (ui/offence_picker.hpp), kept in the project so
// "robbery with violence" or "sexual offences" is one click in the next meeting.
struct CategorySelection {
  std::string name;
  std::vector<std::string> categories;  // as FilterState::categories (empty = all)
  friend bool operator==(const CategorySelection&, const CategorySelection&) = default;
};

struct Session {
  // Project file format (io/project_file.hpp). 2: the map is one ordered "style" (v1 files are
  // converted on load).
  static constexpr int kFormatVersion = 2;
  std::vector<SourceSpec> sources;  // empty = the demo city
  std::string work_srs;             // "" = automatic (UTM zone of the data)
  FilterState filter;
  // The map: ordered style layers and furniture (core/map_style.hpp). Empty layers = not set yet;
  // the app and the CLI start from the embedded "analyst" style (io/style_presets.hpp).
  MapStyle style;
  CameraState camera;
  std::vector<std::string> selection;  // selected sector names
  Language language = Language::es;
  std::string title;                   // presentation title ("" = automatic)
  std::vector<ProgramSpec> programs;   // programs edited in the UI (override/extend loaded ones)
  std::vector<CategorySelection> category_selections;  // saved offence selections, by name
};


}  // namespace faro
