#pragma once
// A finished map image: a MapStyle (core/map_style.hpp) drawn over the data through the one
// renderer (render/style_renderer.hpp) at the output's size, then the cartographic overlay
// (title, legend, scale bar, north arrow, source line, labels, protection footer) with cairo.
// What `faro render`, the dashboard's PNG export and the brief's map draw; the live map draws the
// same style through the same renderer with its text in ImGui.
//
// Partner-safe maps: pass a style from protect_style() (core/style_protection.hpp); the renderer
// applies the data-dependent rules (greyed hidden sectors, the heatmap's density floor, a rounded
// automatic maximum) and the overlay carries the protection footer or the internal-use stamp.
#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "core/adaptive_protection.hpp"
#include "core/choropleth_change.hpp"
#include "core/context_areas.hpp"
#include "core/color_domain.hpp"
#include "core/incidents.hpp"
#include "core/map_style.hpp"
#include "core/programs.hpp"
#include "core/sectors.hpp"
#include "core/session.hpp"
#include "render/camera.hpp"
#include "render/context_line_layer.hpp"
#include "render/gpu_kde.hpp"
#include "render/image.hpp"
#include "render/map_overlay.hpp"
#include "render/style_renderer.hpp"

namespace faro::render {

// Called with a basemap layer's source, the map's visible box (working CRS) and pixel size; the
// CLI and the app pass one that warps a GDAL raster (io/basemap_reader.hpp), keeping GDAL out of
// this library.
using BasemapProvider =
    std::function<BasemapRaster(const std::string& source, const Box& view, int width, int height)>;

struct MapSceneData {
  const SectorSet* sectors = nullptr;                    // required
  const IncidentStore* incidents = nullptr;              // the selection (required, may be empty)
  const std::vector<faro::Program>* programs = nullptr;  // optional
  std::optional<CivilSeconds> from, to_exclusive;        // the selected period (per-year densities)
  // Lines of context layers without a source of their own (the project's context sources).
  const std::vector<LineStrip>* context_lines = nullptr;
  // Lines of context layers with a source, by layer id (loaded by io/context_loader.hpp).
  const std::map<std::string, std::vector<LineStrip>>* context_by_layer = nullptr;
  // Named polygons (area labels) of the project's context sources, and of context layers with a
  // source, by layer id; optional.
  const std::vector<std::shared_ptr<const ContextAreas>>* context_areas = nullptr;
  const std::map<std::string, std::shared_ptr<const ContextAreas>>* context_areas_by_layer =
      nullptr;
  BasemapProvider basemap;  // for basemap layers (none: they draw nothing)
  // Change choropleths: the previous period's incidents (same filter, already assigned to
  // sectors) and the period itself (legend text).
  const IncidentStore* previous_incidents = nullptr;
  std::optional<CivilSeconds> previous_from, previous_to_exclusive;
  // Hot spots already classified by the caller (`faro hotspots` with its own weights, seed and
  // time bins, its units given as the sectors): one fill per sector and the legend; nullptr = the
  // layer's own analysis of `incidents` (render/hotspot_layer.hpp).
  const std::vector<Rgba8>* hotspot_colors = nullptr;
  std::optional<LegendClasses> hotspot_legend;
  // The data's extent for the heatmap grid (the live map uses sectors ∪ incidents of the whole
  // load); nullopt = sectors ∪ selection.
  std::optional<Box> data_extent;
};

struct MapSceneOptions {
  int width = 1920, height = 1080;
  Language language = Language::es;  // legend words and overlay furniture
  KdeBackend kde_backend = KdeBackend::automatic;
  double auto_percentile = kDefaultAutoPercentile;
  std::string title, subtitle, source_line;  // used where the style's furniture leaves them empty
  bool synthetic = false;
  double padding_px = -1;  // < 0: 4 % of the height
  // The area to show (working CRS), e.g. the dashboard's current view: centred and scaled to fit
  // width x height without padding. nullopt = the whole city (the sectors' extent) with padding.
  std::optional<Box> view;
  int samples = 4;  // MSAA samples of the map layers (0 = none, as the live map)
  // Line widths and point sizes scale with the output: height / 1080 when 0.
  double ui_scale = 0;
  bool overlay = true;  // false: the map layers only (tests compare them with the live map)
  // Notices of a caller with its own protection wording (e.g. `faro hotspots`): footer lines and
  // a handling stamp, used in place of the style's protection footer / internal stamp.
  std::vector<std::string> footer_lines;
  std::string stamp;
};

struct MapSceneResult {
  RgbaImage image;
  Camera camera;
  MapOverlay overlay;
  GridSpec grid;               // heatmap grid (empty when no heatmap)
  std::vector<float> density;  // incidents per km² (per year with a period)
  ColorDomain domain;          // the heatmap domain drawn
  std::string units;           // heatmap units
  std::string kde_backend;     // "cpu" | "gpu" ("" without a heatmap)
  std::string renderer;        // GL_RENDERER
  std::vector<std::string> placed_labels;
  size_t hidden_sectors = 0;   // sectors greyed by protection
  double kde_ms = 0, render_ms = 0, overlay_ms = 0;
};

// The outlines of the groups of sectors over a grouped choropleth (`grouped`, with
// ChoroplethStyle::group_field, the partner-safe groups representation): a context layer inserted
// into `drawn` just above it, drawn heavier than the sector lines (2.2 px against 0.8 at 1080 p),
// whose lines (render/group_outlines.hpp) the caller gives the renderer under the returned id. The
// live map and every export draw them so.
std::string insert_group_outline_layer(const StyleLayer& grouped, MapStyle& drawn);

// The footer line stating what replaced the requested heatmap to protect small counts ("Bandwidth
// raised to 1 km to protect small counts; 93 % of the incidents shown"), or none when the
// requested heatmap was kept.
std::optional<std::string> adapted_note(const RepresentationChoice& choice, Language language);

// What the adaptive protection (core/adaptive_protection.hpp) measures: the selection's points,
// the data extent (sectors ∪ incidents), the period and the per-sector counts. `selection` is
// borrowed: keep it alive while the result is used.
ProtectionData protection_data(const IncidentStore& selection, const SectorSet& sectors,
                               const Box& extent, double period_years);

// The automatic colour domain render_map_scene() would give the style's first visible heatmap over
// `data` (the same camera, grid and percentile), computed without drawing; nullopt when the style
// shows no heatmap or the view misses the data. An animation takes the largest over its frames and
// locks it (render/animation.hpp). Uses the current GL context, or makes one unless the backend is
// the CPU.
std::optional<ColorDomain> scene_auto_heatmap_domain(const MapSceneData& data,
                                                     const MapStyle& style,
                                                     const MapSceneOptions& options);

// Renders the scene. Uses the EGL context current on this thread or creates one (throws
// GlUnavailable when none can be made); throws faro::UsageError for bad options.
MapSceneResult render_map_scene(const MapSceneData& data, const MapStyle& style,
                                const MapSceneOptions& options);

}  // namespace faro::render
