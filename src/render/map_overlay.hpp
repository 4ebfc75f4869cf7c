#pragma once
// Cartographic annotation drawn on top of a rendered map image with cairo (text through FreeType
// from the font embedded from fonts/): title and date range, legend in real units, scale bar,
// north arrow, data source line, the synthetic-data stamp, and sector labels placed without
// overlaps. The same drawing code will serve the PDF brief later (cairo PDF surfaces).
#include <optional>
#include <string>
#include <vector>

#include "core/colormap.hpp"
#include "core/geometry.hpp"
#include "render/camera.hpp"
#include "render/image.hpp"

namespace faro::render {

// A continuous colour ramp legend (heatmap density, continuous choropleth).
struct LegendRamp {
  std::string title;             // e.g. "Densidad de incidentes"
  std::string units;             // e.g. "incidentes/km² por año"
  ColormapName colormap = ColormapName::inferno;
  double vmin = 0, vmax = 1;     // values at the ramp ends
  double transparent_below = 0;  // values under this are not drawn on the map (shown as a gap)
  bool vmax_is_clipped = true;   // draw "≥ vmax" at the top end (auto domain = a percentile)
  std::string domain_note;       // e.g. "máx. = percentil 99" or "máx. fijo"
};

// A classed legend (choropleth classes, point categories, program polygons).
struct LegendClass {
  std::string label;
  Rgba8 fill;
  Rgba8 outline{0, 0, 0, 0};
  bool hatched = false;  // program polygons
  bool point = false;    // drawn as a dot (incident categories)
};
struct LegendClasses {
  std::string title;
  std::vector<LegendClass> entries;
  std::string note;  // a small line under the entries (e.g. how a hot-spot p was made); "" = none
};

// A label anchored in the working CRS (e.g. a sector name at its pole of inaccessibility).
struct MapLabel {
  std::string text;
  Vec2 anchor;       // working CRS
  Box feature_bbox;  // working CRS; the label is hidden when it does not fit inside it on screen
  int priority = 0;  // higher wins when labels collide (e.g. larger or selected sectors)
  // Context area names (colonias, alcaldías) are set apart from sector names: regular weight,
  // grey ink, their layer's size (1080 p pixels). Sector names: 0 = the overlay's label size.
  bool area = false;
  float size_px = 0;
};

struct MapOverlay {
  std::string language = "es";  // "es" | "en": fixed words (escala, norte, fuente...)
  std::string title;
  std::string subtitle;         // date range, filters
  std::string source_line;      // data source, e.g. "Fuente: FGJ CDMX, datos abiertos"
  bool synthetic = false;       // stamps "datos sintéticos / synthetic data"
  // Handling stamp drawn prominently top-right (e.g. "USO INTERNO / INTERNAL USE"); a " / " splits
  // it into a large first line and a smaller second one. Empty = none. Stacks under the synthetic
  // stamp when both are set.
  std::string stamp;
  // Small print along the bottom edge, under the source line (e.g. "Protección: k ≥ 5, sin
  // puntos"). One line each, shortened with "…" when wider than the image.
  std::vector<std::string> footer_lines;
  std::optional<LegendRamp> ramp;
  std::vector<LegendClasses> classes;
  bool scale_bar = true;
  bool north_arrow = true;
  std::vector<MapLabel> labels;
  double ui_scale = 1.0;        // font and line scale (1 = 1080p; render uses height / 1080)
};

// Draws the overlay onto `image` (straight alpha, top-down) for the map seen by `camera`
// (camera.viewport == image size). Returns the labels actually placed (for tests).
std::vector<std::string> draw_overlay(RgbaImage& image, const Camera& camera,
                                      const MapOverlay& overlay);

}  // namespace faro::render
