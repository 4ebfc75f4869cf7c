#pragma once
// The one map model: a map is a style, an ordered list of typed style layers (bottom to top) plus
// the map furniture (title, legend, scale bar, north arrow, footer). Every path that makes pixels
// (live map, PNG export, presentation, `faro render`, the brief's map, hotspot PNGs) draws a
// MapStyle through one renderer (render/style_renderer.hpp), and partner-safe protection is one
// function from style to protected style (core/style_protection.hpp).
//
// Styles are plain values: the project file stores one, `layers/` holds presets and whole styles
// as JSON (read and written by io/map_style_json.hpp, embedded at build time), and the Layers panel
// edits one. Units: bandwidth in metres, colour maximum in the heatmap's output units
// (incidents/km², per year with a period), line widths and point sizes in pixels at 1080 p (scaled
// with the output's height), label zoom range in metres per pixel.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/choropleth.hpp"
#include "core/colormap.hpp"
#include "core/disclosure.hpp"
#include "core/kde.hpp"
#include "core/representation.hpp"

namespace faro {

// What a style layer draws. A style may hold several layers of one kind (e.g. two context layers
// from different sources); `id` tells them apart.
enum class LayerKind {
  basemap,     // a GDAL raster under everything (source: a file path)
  sectors,     // sector outlines on a pale fill
  choropleth,  // sectors coloured by a measure of the selected incidents
  heatmap,     // kernel density in true units
  grid,        // incident counts on hexagons (partner-safe: cells with 1..k-1 greyed)
  hotspots,    // Getis-Ord Gi* classes of the sectors' counts (hot/cold at 90/95/99 %)
  programs,    // program areas, hatched
  context,     // vector boundaries/roads drawn as lines, polygons named by `labels` (source: an OGR
               // path, "" = the project's context sources)
  points,      // incident points (exact locations: never partner-safe)
  labels,      // sector (and program) names
  near_repeat, // near-repeat risk zones after each incident (exact locations: internal only)
};
constexpr int kLayerKindCount = 11;

const char* layer_kind_key(LayerKind kind);                     // "heatmap", "sectors", ...
std::optional<LayerKind> parse_layer_kind(std::string_view key);  // inverse of layer_kind_key

struct HeatmapStyle {
  KdeKernel kernel = KdeKernel::quartic;
  double bandwidth_m = kDefaultBandwidthM;
  ColormapName colormap = ColormapName::inferno;
  bool color_max_locked = false;
  float color_max = 0;  // incidents/km² (per year with a period) when locked
  // Partner-safe maps may widen the kernel or switch to hexagons or sectors so that at least 90 %
  // of the incidents are shown (core/adaptive_protection.hpp). false pins this heatmap: the
  // bandwidth floor still applies, and what it hides is greyed on the sectors instead.
  bool adaptive = true;
  friend bool operator==(const HeatmapStyle&, const HeatmapStyle&) = default;
};

struct ChoroplethStyle {
  ChoroplethMeasure measure = ChoroplethMeasure::count;
  ChoroplethScale scale = ChoroplethScale::quantile;
  int classes = 5;
  ColormapName colormap = ColormapName::ylorrd;
  bool per_year = true;  // with a period: rates per year (false: the period's own counts)
  // Set by protection and animations only, never read from or written to files:
  // Counts per group of sectors by this sector attribute (e.g. "alcaldia"), each sector filled
  // with its group's value (the partner-safe groups representation); "" = per sector.
  std::string group_field;
  // Fixed classes, (lower, upper) ascending, in place of classes from the data: an animation
  // locks them over its frames so a colour means the same value in every frame. Empty = none.
  std::vector<std::pair<double, double>> locked_classes;
  friend bool operator==(const ChoroplethStyle&, const ChoroplethStyle&) = default;
};

struct PointStyle {
  float size_px = 4.0f;
  // Category colours by category name (RGB); categories not listed use the default palette.
  std::vector<std::pair<std::string, Rgb>> category_colors;
  friend bool operator==(const PointStyle&, const PointStyle&) = default;
};

// Outlines (sectors) and context lines.
struct LineStyle {
  Rgb color{90, 90, 90};
  float width_px = 0.8f;
  friend bool operator==(const LineStyle&, const LineStyle&) = default;
};

// Names on the map: the labels layer's sector names, and a context layer's area names (colonias,
// alcaldías...), each context layer with its own field and zoom range (layers/context-*.json).
struct LabelStyle {
  // Attribute shown: "name" for sectors; for a context layer the source's field ("" = the first
  // name-like field found: name, nombre, nomgeo, nomut...).
  std::string field = "name";
  // Shown only between these scales (metres per pixel at 1080 p: the output's metres per pixel
  // times its scale); 0 = no bound.
  double min_metres_per_pixel = 0, max_metres_per_pixel = 0;
  float size_px = 13.0f;  // at 1080 p
  bool show = true;       // context layers: false draws the lines only (hover still names areas)
  friend bool operator==(const LabelStyle&, const LabelStyle&) = default;
};

// The units of a hot-spot analysis (core/hotspot_units.hpp).
enum class HotspotUnit { sectors, grid, hex };

// Hot spots of the selected incidents (core/gi_star.hpp, render/hotspot_layer.hpp): Gi* classes of
// the counts per unit with queen contiguity, or with `emerging` the emerging hot spot pattern of
// each unit over the period's months (core/emerging_hotspots.hpp).
struct HotspotStyle {
  // -1 = chosen from the number of units (core/permutation_rule.hpp), 0 = the analytic normal p,
  // N = N conditional permutations.
  int permutations = -1;
  bool fdr = true;  // Benjamini-Hochberg over the units
  HotspotUnit unit = HotspotUnit::sectors;
  double cell_m = 1000;   // grid/hex: side / centre spacing (partner-safe: at least 500 m)
  bool emerging = false;  // emerging patterns by month instead of the period's Gi* classes
  friend bool operator==(const HotspotStyle&, const HotspotStyle&) = default;
};

// Counts on a hexagon grid (core/hex_grid.hpp), classed like a choropleth. What partner-safe maps
// fall back to when a heatmap would hide too many incidents (core/adaptive_protection.hpp).
struct GridStyle {
  double cell_m = 1000;  // distance between adjacent hexagon centres
  int classes = 5;
  ColormapName colormap = ColormapName::ylorrd;
  // Fixed classes as ChoroplethStyle::locked_classes (animations; never in files).
  std::vector<std::pair<double, double>> locked_classes;
  friend bool operator==(const GridStyle&, const GridStyle&) = default;
};

// How a basemap raster is shown. Greyscale and a dim towards white keep a heatmap or choropleth
// readable over a busy street map; the same look on screen and in every export.
struct BasemapStyle {
  bool greyscale = false;
  float dim = 0.0f;  // 0..1: share of white blended over the raster (0 = as it is)
  friend bool operator==(const BasemapStyle&, const BasemapStyle&) = default;
};

// Near-repeat zones (core/near_repeat.hpp): a disk of `radius_m` around every incident of the
// `days` before the end of the selected period. Defaults from the Knox test on CDMX homicides and
// firearm injuries (100 m, 7 days); `faro knox --suggest` gives them for other data.
struct NearRepeatStyle {
  double radius_m = 100;
  int days = 7;
  double relative_risk = 0;  // the Knox ratio, for the legend (0 = not stated)
  friend bool operator==(const NearRepeatStyle&, const NearRepeatStyle&) = default;
};

struct StyleLayer {
  std::string id;  // unique within the style; defaults to the kind's key
  LayerKind kind = LayerKind::sectors;
  bool visible = true;
  float opacity = 1.0f;  // 0..1
  std::string source;    // basemap/context: a path ("" = the project's context sources)
  // Kind-specific properties; only the one of `kind` is meaningful (and written to files).
  HeatmapStyle heatmap;
  ChoroplethStyle choropleth;
  PointStyle points;
  LineStyle line;
  LabelStyle labels;
  HotspotStyle hotspots;
  GridStyle grid;
  BasemapStyle basemap;
  NearRepeatStyle near_repeat;
  friend bool operator==(const StyleLayer&, const StyleLayer&) = default;
};

// A layer of `kind` with that kind's default properties (id = the kind's key).
StyleLayer make_layer(LayerKind kind);

struct MapFurniture {
  std::string title;     // "" = from the data ("Incidentes — <source>")
  std::string subtitle;  // "" = the period shown
  bool legend = true, scale_bar = true, north_arrow = true, footer = true;
  friend bool operator==(const MapFurniture&, const MapFurniture&) = default;
};

struct MapStyle {
  static constexpr int kVersion = 1;
  std::string name;                // e.g. "analyst", "weekly-meeting"
  std::vector<StyleLayer> layers;  // bottom to top
  MapFurniture furniture;
  // Set only by protect_style() (core/style_protection.hpp), never read from or written to files:
  // the policy the renderer applies to what depends on the data (hidden choropleth classes, the
  // heatmap's density floor, the rounded colour maximum, the footer). partner_safe = false means
  // internal use (stamped "USO INTERNO / INTERNAL USE").
  std::optional<DisclosurePolicy> protection;
  // Set by protect_style() with data: what replaced the requested heatmap, for the footer.
  std::optional<RepresentationChoice> adapted;
  // Set by protect_style() with data for a pinned heatmap: per sector, 1 where the heatmap hides
  // some of its incidents; the renderer greys those sectors under it ("<5, not shown").
  std::vector<uint8_t> heatmap_hidden_sectors;
  friend bool operator==(const MapStyle&, const MapStyle&) = default;

  // The first layer of `kind`, or nullptr.
  StyleLayer* find(LayerKind kind);
  const StyleLayer* find(LayerKind kind) const;
  StyleLayer* find_id(std::string_view id);
  // Whether some layer of `kind` is visible.
  bool shows(LayerKind kind) const;
  // The first layer of `kind`, inserted (hidden) at its conventional place when missing, so panels
  // can always edit e.g. the heatmap's bandwidth.
  StyleLayer& layer(LayerKind kind);
  HeatmapStyle& heatmap() { return layer(LayerKind::heatmap).heatmap; }
  ChoroplethStyle& choropleth() { return layer(LayerKind::choropleth).choropleth; }
  PointStyle& points() { return layer(LayerKind::points).points; }
  // Read-only views: the first layer's properties, or the defaults when there is none.
  HeatmapStyle heatmap() const;
  ChoroplethStyle choropleth() const;
  PointStyle points() const;
  float opacity(LayerKind kind, float fallback = 1.0f) const;

  // Adds `l` on top (its id made unique with a "-2", "-3"... suffix). Returns its index.
  size_t add(StyleLayer l);
  // Moves layer `index` one step up (+1) or down (-1); false when it cannot move.
  bool move(size_t index, int direction);
  bool remove(size_t index);
};

// Shows the raster `source` as the style's basemap: the existing basemap layer takes the new
// source (keeping its look), or a new one goes under everything, greyed and dimmed by 30 % so a
// heatmap stays readable, with sector fills made translucent (opacity <= 0.35, choropleth <= 0.75)
// so the streets show through. What `--basemap` and the dashboard's File > Open of a raster do.
void show_basemap(MapStyle& style, const std::string& source);

// Conventional bottom-to-top rank of a kind (basemap lowest, labels highest): where layer()
// inserts a missing layer.
int conventional_rank(LayerKind kind);

// Checks a style a person wrote: unique ids, opacity in 0..1, bandwidth > 0, classes 2..9, sizes
// > 0. Returns one message per problem ("layer 'heatmap': bandwidth_m must be > 0"); empty = ok.
std::vector<std::string> style_problems(const MapStyle& style);

}  // namespace faro
