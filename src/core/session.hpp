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
#include "core/programs.hpp"

namespace faro {

enum class Language { es, en };

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

enum class LayerId { basemap, sectors, choropleth, heatmap, programs, context, points, labels };
constexpr int kLayerCount = 8;

struct LayerStyle {
  LayerId id = LayerId::sectors;
  bool visible = true;
  float opacity = 1.0f;  // 0..1
  friend bool operator==(const LayerStyle&, const LayerStyle&) = default;
};

struct HeatmapStyle {
  KdeKernel kernel = KdeKernel::quartic;
  double bandwidth_m = 400;
  ColormapName colormap = ColormapName::inferno;
  bool color_max_locked = false;
  float color_max = 0;  // incidents/km² (per year with a period) when locked
  friend bool operator==(const HeatmapStyle&, const HeatmapStyle&) = default;
};

struct ChoroplethStyle {
  ChoroplethMeasure measure = ChoroplethMeasure::count;
  ChoroplethScale scale = ChoroplethScale::quantile;
  int classes = 5;
  ColormapName colormap = ColormapName::ylorrd;
  friend bool operator==(const ChoroplethStyle&, const ChoroplethStyle&) = default;
};

struct PointStyle {
  float size_px = 4.0f;
  // Category colours by category name (RGB); categories not listed use the default palette.
  std::vector<std::pair<std::string, Rgb>> category_colors;
  friend bool operator==(const PointStyle&, const PointStyle&) = default;
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
  friend bool operator==(const ProgramSpec&, const ProgramSpec&) = default;
};

struct Session {
  static constexpr int kFormatVersion = 1;
  std::vector<SourceSpec> sources;  // empty = the demo city
  std::string work_srs;             // "" = automatic (UTM zone of the data)
  FilterState filter;
  std::vector<LayerStyle> layers;   // bottom to top; default_layers() when empty
  HeatmapStyle heatmap;
  ChoroplethStyle choropleth;
  PointStyle points;
  CameraState camera;
  std::vector<std::string> selection;  // selected sector names
  Language language = Language::es;
  std::string title;                   // presentation title ("" = automatic)
  std::vector<ProgramSpec> programs;   // programs edited in the UI (override/extend loaded ones)
};

// Default layer stack, bottom to top: basemap, sectors, choropleth (hidden), heatmap, programs,
// context, points (hidden), labels.
std::vector<LayerStyle> default_layers();
// The style of `id` in `s.layers` (inserting the default when missing).
LayerStyle& layer_style(Session& s, LayerId id);
const char* layer_key(LayerId id);  // stable name for files: "heatmap", "sectors", ...
std::optional<LayerId> parse_layer_key(std::string_view key);  // inverse of layer_key

// Language from the environment (LC_ALL, LC_MESSAGES, LANG): Spanish unless it starts with "en".
Language language_from_environment();

}  // namespace faro
