#pragma once
// Assembles a finished map: sector fills (pale under a heatmap, or a choropleth), the KDE heatmap
// in true units, program areas, incident points, then the cartographic overlay (title, legend,
// scale bar, north arrow, source line, labels). What `faro render` draws; the pieces are the
// render layers of this folder.
#include <cstdint>
#include <functional>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "core/choropleth.hpp"
#include "core/color_domain.hpp"
#include "core/colormap.hpp"
#include "core/disclosure.hpp"
#include "core/incidents.hpp"
#include "core/kde.hpp"
#include "core/programs.hpp"
#include "core/sectors.hpp"
#include "render/camera.hpp"
#include "render/gpu_kde.hpp"
#include "render/image.hpp"
#include "render/map_overlay.hpp"

namespace faro::render {

struct LineStrip;  // render/context_line_layer.hpp

// A basemap already warped into a view (straight-alpha RGBA, rows north first).
struct BasemapRaster {
  int width = 0, height = 0;
  std::vector<uint8_t> rgba;
  Box box;  // working CRS
};
// Called once with the map's visible box (working CRS) and pixel size; the CLI passes one that
// warps a GDAL raster (io/basemap_reader.hpp), keeping GDAL out of this library.
using BasemapProvider = std::function<BasemapRaster(const Box& view, int width, int height)>;

// Layer names accepted by --layers.
enum class SceneLayer { heatmap, sectors, choropleth, programs, points, labels };
std::optional<SceneLayer> parse_scene_layer(std::string_view name);
// Parses a comma-separated list; throws faro::UsageError naming the bad entry.
std::set<SceneLayer> parse_scene_layers(std::string_view list);

struct MapSceneData {
  const SectorSet* sectors = nullptr;                    // required
  const IncidentStore* incidents = nullptr;              // required (may be empty)
  const std::vector<faro::Program>* programs = nullptr;  // optional
  std::optional<CivilSeconds> from, to_exclusive;        // the selected period (per-year densities)
  // Optional context lines (--context), working CRS: drawn thin dark grey above the heatmap and
  // program areas, below points and the overlay.
  const std::vector<LineStrip>* context_lines = nullptr;
  // Optional basemap (--basemap), drawn first; sector fills become translucent over it.
  BasemapProvider basemap;
  // Change choropleths (choropleth measure change | change_pct): the previous period's incidents,
  // already cut to that period and assigned to sectors, and the period itself (legend text).
  const IncidentStore* previous_incidents = nullptr;
  std::optional<CivilSeconds> previous_from, previous_to_exclusive;
};

struct MapSceneOptions {
  std::set<SceneLayer> layers{SceneLayer::heatmap, SceneLayer::sectors, SceneLayer::programs,
                              SceneLayer::labels};
  int width = 1920, height = 1080;
  KdeParams kde;  // period_years is set from the data's period
  KdeBackend kde_backend = KdeBackend::automatic;
  std::optional<float> color_max;  // locked domain max; nullopt = auto (percentile)
  double auto_percentile = kDefaultAutoPercentile;
  ColormapName colormap = ColormapName::inferno;
  float transparent_fraction = 0.03f;  // densities below this fraction of the max are not drawn
  ChoroplethMeasure choropleth = ChoroplethMeasure::count;
  ChoroplethScale choropleth_scale = ChoroplethScale::quantile;
  int choropleth_classes = 5;  // classes of a classed scale (2..9)
  ColormapName change_colormap = ColormapName::rdbu_r;  // diverging ramp of change maps
  std::string language = "es";  // "es" | "en": legend words and overlay furniture
  float point_size_px = 4.0f;
  std::string title, subtitle, source_line;
  bool synthetic = false;
  // Partner-safe hooks (cli/partner_safe_render.hpp): handling stamp and footer lines copied to the
  // overlay, and an absolute heatmap floor (output units) under which densities are not drawn.
  std::string stamp;
  std::vector<std::string> footer_lines;
  double min_drawn_density = 0;
  int domain_significant_digits = 0;  // > 0: an auto colour maximum is rounded to these digits
  // Partner-safe count/rate choropleth (render/scene_protection.hpp): sectors whose count is
  // hidden by this policy (1..k-1 and complements) are filled kSuppressedFill, left out of the
  // class breaks, and get a legend entry "<5 (suprimido)". nullopt or internal: all coloured.
  std::optional<DisclosurePolicy> choropleth_protection;
  double padding_px = -1;  // < 0: 4 % of the height
  // The area to show (working CRS), e.g. the dashboard's current view: centred and scaled to fit
  // width x height without padding (a different aspect shows a little more on two sides).
  // nullopt = the whole city (the sectors' extent) with padding_px.
  std::optional<Box> view;
};

struct MapSceneResult {
  RgbaImage image;
  Camera camera;
  MapOverlay overlay;
  GridSpec grid;               // heatmap grid (empty when no heatmap)
  std::vector<float> density;  // incidents per km² (per year with a period)
  ColorDomain domain;          // resolved heatmap domain
  std::string units;           // heatmap units
  std::string kde_backend;     // "cpu" | "gpu" ("" without a heatmap)
  std::string renderer;        // GL_RENDERER
  std::vector<std::string> placed_labels;
  double kde_ms = 0, render_ms = 0, overlay_ms = 0;
};

// Renders the scene. Uses the EGL context current on this thread or creates one (throws
// GlUnavailable when none can be made); throws faro::UsageError for bad options.
MapSceneResult render_map_scene(const MapSceneData& data, const MapSceneOptions& options);

// Units text of the heatmap: "incidentes/km² por año" with a period, else "incidentes/km²".
std::string density_units(bool per_year);

}  // namespace faro::render
