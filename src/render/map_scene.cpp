#include "render/map_scene.hpp"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <memory>
#include <sstream>

#include "core/choropleth_change.hpp"
#include "core/disclosure.hpp"
#include "core/errors.hpp"
#include "render/basemap_layer.hpp"
#include "render/choropleth_legend.hpp"
#include "render/context_line_layer.hpp"
#include "render/egl_context.hpp"
#include "render/heatmap_layer.hpp"
#include "render/map_renderer.hpp"
#include "render/points_layer.hpp"
#include "render/polygon_fill_layer.hpp"
#include "render/program_layer.hpp"
#include "render/scene_protection.hpp"

namespace faro::render {
namespace {

using Clock = std::chrono::steady_clock;
double ms_since(Clock::time_point t0) {
  return std::chrono::duration<double, std::milli>(Clock::now() - t0).count();
}

// Label anchor: the area centroid of the largest part's outer ring (inside for the convex-ish
// sectors we have; the overlay hides a label that does not fit its feature box).
Vec2 label_anchor(const MultiPolygon& shape) {
  const Polygon* best = nullptr;
  double best_area = -1;
  for (const Polygon& p : shape) {
    const double a = std::abs(signed_area(p.outer));
    if (a > best_area) best_area = a, best = &p;
  }
  if (best == nullptr || best->outer.empty()) return {0, 0};
  const Ring& r = best->outer;
  double cx = 0, cy = 0, a2 = 0;
  const Vec2 o = r[0];
  for (size_t i = 0; i < r.size(); ++i) {
    const Vec2 p = {r[i].x - o.x, r[i].y - o.y};
    const Vec2 q = {r[(i + 1) % r.size()].x - o.x, r[(i + 1) % r.size()].y - o.y};
    const double c = p.x * q.y - q.x * p.y;
    a2 += c;
    cx += (p.x + q.x) * c;
    cy += (p.y + q.y) * c;
  }
  if (std::abs(a2) < 1e-9) return r[0];
  return {o.x + cx / (3 * a2), o.y + cy / (3 * a2)};
}

std::string format_value(double v) {
  std::ostringstream s;
  if (v >= 100 || v == std::floor(v))
    s.precision(0);
  else if (v >= 10)
    s.precision(1);
  else
    s.precision(2);
  s << std::fixed << v;
  return s.str();
}

// Colours the sectors of a choropleth (count, rates, or change against the previous period) into
// `colors` and returns its legend.
ChoroplethLegend choropleth_fills(const MapSceneData& data, const MapSceneOptions& opt,
                                  std::vector<Rgba8>& colors) {
  const bool per_year = data.from && data.to_exclusive;
  std::vector<uint8_t> hidden;  // per sector, partner-safe only
  std::string marker;           // protect_table's marker for the hidden sectors
  Choropleth c;
  ColormapName colormap = ColormapName::ylorrd;
  std::string units, compared_with;
  if (is_change_measure(opt.choropleth)) {
    if (data.previous_incidents == nullptr)
      throw UsageError("a change choropleth needs the previous period's incidents");
    colormap = opt.change_colormap;
    c = classify_change(
        sector_change(*data.sectors, *data.incidents, *data.previous_incidents, opt.choropleth),
        opt.choropleth_scale, colormap, opt.choropleth_classes);
    const bool es = opt.language != "en";
    units = opt.choropleth == ChoroplethMeasure::change_pct
                ? (es ? "% de cambio" : "% change")
                : (es ? "Cambio en incidentes" : "Change in incidents");
    if (data.previous_from && data.previous_to_exclusive)
      compared_with = compact_period(*data.previous_from, *data.previous_to_exclusive);
  } else {
    const double years = per_year ? period_years_between(*data.from, *data.to_exclusive) : 0;
    std::vector<std::optional<double>> values =
        sector_values(*data.sectors, *data.incidents, opt.choropleth, years);
    // Hidden sectors get no value, so the class breaks come from published values only (a break
    // at a hidden value would bound it); rates are hidden with their counts.
    if (opt.choropleth_protection && opt.choropleth_protection->partner_safe)
      hidden =
          hidden_sector_counts(*data.sectors, *data.incidents, *opt.choropleth_protection, &marker);
    for (size_t s = 0; s < values.size() && s < hidden.size(); ++s)
      if (hidden[s]) values[s].reset();
    c = classify(std::move(values), opt.choropleth_scale, colormap, opt.choropleth_classes);
    units = choropleth_units(opt.choropleth) + (per_year ? " por año" : "");
  }
  for (size_t s = 0; s < colors.size() && s < c.colors.size(); ++s)
    colors[s] = {c.colors[s].r, c.colors[s].g, c.colors[s].b, 255};
  ChoroplethLegend legend =
      choropleth_legend(c, opt.choropleth_scale, colormap, units, compared_with, opt.language);
  bool any_hidden = false;
  for (size_t s = 0; s < colors.size() && s < hidden.size(); ++s)
    if (hidden[s]) colors[s] = kSuppressedFill, any_hidden = true;
  if (any_hidden) {
    if (!legend.classes) legend.classes = LegendClasses{};
    legend.classes->entries.push_back(
        {suppressed_label(marker, opt.language), kSuppressedFill, Rgba8{90, 90, 90, 255}});
  }
  return legend;
}

}  // namespace

std::optional<SceneLayer> parse_scene_layer(std::string_view name) {
  if (name == "heatmap") return SceneLayer::heatmap;
  if (name == "sectors") return SceneLayer::sectors;
  if (name == "choropleth") return SceneLayer::choropleth;
  if (name == "programs") return SceneLayer::programs;
  if (name == "points") return SceneLayer::points;
  if (name == "labels") return SceneLayer::labels;
  return std::nullopt;
}

std::set<SceneLayer> parse_scene_layers(std::string_view list) {
  std::set<SceneLayer> out;
  size_t start = 0;
  while (start <= list.size()) {
    const size_t comma = std::min(list.find(',', start), list.size());
    const std::string_view name = list.substr(start, comma - start);
    const auto layer = parse_scene_layer(name);
    if (!layer)
      throw UsageError("--layers: unknown layer '" + std::string(name) +
                       "' (choose from heatmap, sectors, choropleth, programs, points, labels)");
    out.insert(*layer);
    start = comma + 1;
  }
  return out;
}

std::string density_units(bool per_year) {
  return per_year ? "incidentes/km² por año" : "incidentes/km²";
}

MapSceneResult render_map_scene(const MapSceneData& data, const MapSceneOptions& opt) {
  if (data.sectors == nullptr || data.incidents == nullptr)
    throw UsageError("render_map_scene: sectors and incidents are required");
  if (opt.width <= 0 || opt.height <= 0 || opt.width > 16384 || opt.height > 16384)
    throw UsageError("--width and --height must be between 1 and 16384 pixels");
  const auto has = [&](SceneLayer l) { return opt.layers.count(l) > 0; };
  if (opt.choropleth_scale == ChoroplethScale::continuous && has(SceneLayer::choropleth) &&
      has(SceneLayer::heatmap))
    throw UsageError(
        "a continuous choropleth and the heatmap would share one colour-ramp legend; use "
        "quantile classes with the heatmap, or drop one of the two layers");
  std::unique_ptr<EglContext> own_context;
  if (!EglContext::any_current()) own_context = std::make_unique<EglContext>();

  MapSceneResult res;
  res.renderer = reinterpret_cast<const char*>(glGetString(GL_RENDERER));
  const double ui = opt.height / 1080.0;
  const double padding = opt.padding_px >= 0 ? opt.padding_px : 0.04 * opt.height;
  Box extent = data.sectors->extent();
  if (extent.empty()) extent = data.incidents->extent();
  res.camera = opt.view && !opt.view->empty()
                   ? Camera::fit(*opt.view, opt.width, opt.height, 0)
                   : Camera::fit(extent, opt.width, opt.height, padding);
  const Camera& camera = res.camera;

  MapOverlay& ov = res.overlay;
  ov.title = opt.title;
  ov.subtitle = opt.subtitle;
  ov.source_line = opt.source_line;
  ov.synthetic = opt.synthetic;
  ov.stamp = opt.stamp;
  ov.footer_lines = opt.footer_lines;
  ov.language = opt.language;
  ov.ui_scale = ui;

  std::vector<std::unique_ptr<MapLayer>> owned;
  std::vector<MapLayer*> layers;

  // 0. Basemap, warped into exactly this view.
  if (data.basemap) {
    // At most 4096 pixels on the long side: within every GL's texture limit, and a raster
    // basemap gains nothing from more (the texture is filtered bilinearly when larger).
    const double shrink = std::min(1.0, 4096.0 / std::max(camera.width(), camera.height()));
    const int bw = std::max(1, static_cast<int>(std::lround(camera.width() * shrink)));
    const int bh = std::max(1, static_cast<int>(std::lround(camera.height() * shrink)));
    const BasemapRaster b = data.basemap(camera.visible_box(), bw, bh);
    auto base = std::make_unique<BasemapLayer>(b.rgba, b.width, b.height, b.box);
    layers.push_back(base.get());
    owned.push_back(std::move(base));
  }

  // 1. Sector fills: a choropleth, or pale grey under the heatmap so the density reads clearly.
  if (has(SceneLayer::sectors) || has(SceneLayer::choropleth)) {
    auto fill = std::make_unique<PolygonFillLayer>(*data.sectors);
    std::vector<Rgba8> colors(data.sectors->size(), Rgba8{238, 238, 236, 255});
    if (has(SceneLayer::choropleth)) {
      const ChoroplethLegend legend = choropleth_fills(data, opt, colors);
      if (legend.ramp) ov.ramp = legend.ramp;
      if (legend.classes) ov.classes.push_back(*legend.classes);
    }
    fill->set_fill_colors(colors);
    if (data.basemap) fill->set_opacity(has(SceneLayer::choropleth) ? 0.75f : 0.35f);
    fill->set_outline({{90, 90, 90, 255}, static_cast<float>(0.8 * ui)});
    layers.push_back(fill.get());
    owned.push_back(std::move(fill));
  }

  // 2. Heatmap on a grid of ~2 pixels per cell over the visible box, finer when the bandwidth
  // needs it.
  if (has(SceneLayer::heatmap)) {
    const auto t0 = Clock::now();
    KdeParams params = opt.kde;
    const bool per_year = data.from && data.to_exclusive;
    params.period_years = per_year ? period_years_between(*data.from, *data.to_exclusive) : 0;
    // Cells fine enough for a binned KDE within 1 % (gaussian σ >= 5 cells, quartic h >= 10).
    const double per_bandwidth = params.kernel == KdeKernel::gaussian ? 5.0 : 10.0;
    const double cell =
        std::min(2.0 * camera.metres_per_pixel(), params.bandwidth_m / per_bandwidth);
    res.grid = GridSpec::covering(camera.visible_box(), cell);
    auto estimator = make_density_estimator(opt.kde_backend, res.renderer);
    res.kde_backend = estimator->name();
    res.density = estimator->compute(point_set(*data.incidents), res.grid, params);
    ColorDomain requested;
    requested.percentile = opt.auto_percentile;
    if (opt.color_max) {
      requested.locked = true;
      requested.min = 0;
      requested.max = *opt.color_max;
    }
    res.domain = resolve_color_domain(requested, res.density);
    if (opt.domain_significant_digits > 0 && !res.domain.locked)
      res.domain.max =
          static_cast<float>(round_significant(res.domain.max, opt.domain_significant_digits));
    res.units = density_units(per_year);
    res.kde_ms = ms_since(t0);
    HeatmapStyle style;
    style.colormap = opt.colormap;
    style.domain = res.domain;
    style.transparent_below =
        std::max<double>(opt.transparent_fraction * res.domain.max, opt.min_drawn_density);
    auto heat = std::make_unique<HeatmapLayer>(res.grid, res.density, style);
    layers.push_back(heat.get());
    owned.push_back(std::move(heat));
    LegendRamp ramp;
    ramp.title = "Densidad de incidentes";
    ramp.units = res.units;
    ramp.colormap = opt.colormap;
    ramp.vmin = res.domain.min;
    ramp.vmax = res.domain.max;
    ramp.transparent_below = style.transparent_below;
    ramp.vmax_is_clipped = true;
    std::ostringstream note;
    if (res.domain.locked) {
      note << "máx. fijo; kernel " << kde_kernel_name(params.kernel) << ", "
           << format_value(params.bandwidth_m) << " m";
    } else {
      note << "máx. = percentil " << format_value(res.domain.percentile) << "; kernel "
           << kde_kernel_name(params.kernel) << ", " << format_value(params.bandwidth_m) << " m";
    }
    ramp.domain_note = note.str();
    ov.ramp = ramp;
  }

  // 3. Program areas (hatched), with their own legend.
  if (has(SceneLayer::programs) && data.programs != nullptr && !data.programs->empty()) {
    auto areas = program_areas(*data.programs, *data.sectors, data.to_exclusive);
    if (!areas.empty()) {
      LegendClasses legend;
      legend.title = "Programas";
      bool any_pending = false;
      for (size_t p = 0; p < data.programs->size(); ++p) {
        const faro::Program& prog = (*data.programs)[p];
        CivilSeconds first = 0;
        bool any = false;
        for (const ProgramSector& s : prog.sectors)
          if (!any || s.start < first) first = s.start, any = true;
        const std::string label = prog.name + (any ? " (desde " + format_date(first) + ")" : "");
        legend.entries.push_back({label, program_color(p), program_color(p), true});
      }
      for (const ProgramArea& a : areas) any_pending |= !a.active;
      if (any_pending)
        legend.entries.push_back(
            {"aún sin iniciar en el periodo", kProgramPendingColor, kProgramPendingColor, true});
      // Program labels at the first area of each program.
      if (has(SceneLayer::labels)) {
        for (size_t p = 0; p < data.programs->size(); ++p)
          for (const ProgramArea& a : areas)
            if (a.program == p) {
              ov.labels.push_back(
                  {legend.entries[p].label, label_anchor(*a.shape), bounds(*a.shape), 100});
              break;
            }
      }
      ov.classes.push_back(std::move(legend));
      auto layer = std::make_unique<ProgramLayer>(areas);
      layers.push_back(layer.get());
      owned.push_back(std::move(layer));
    }
  }

  // 3b. Context lines (boundaries) above the fills and the heatmap so they stay readable.
  if (data.context_lines != nullptr && !data.context_lines->empty()) {
    auto lines = std::make_unique<ContextLineLayer>(
        *data.context_lines, OutlineStyle{{70, 70, 70, 255}, static_cast<float>(1.2 * ui)});
    layers.push_back(lines.get());
    owned.push_back(std::move(lines));
  }

  // 4. Points, coloured by category (first 8 codes in the legend).
  if (has(SceneLayer::points)) {
    auto points =
        std::make_unique<PointsLayer>(*data.incidents, static_cast<float>(opt.point_size_px * ui));
    LegendClasses legend;
    legend.title = "Incidentes";
    const auto& names = data.incidents->categories.names();
    for (size_t c = 0; c < names.size() && c < 9; ++c) {
      if (c == 0 && names.size() > 1) continue;  // code 0 = no category
      legend.entries.push_back({names[c].empty() ? "incidente" : names[c], kPointPalette[c % 8],
                                Rgba8{0, 0, 0, 0}, false, true});
    }
    ov.classes.push_back(std::move(legend));
    layers.push_back(points.get());
    owned.push_back(std::move(points));
  }

  if (has(SceneLayer::labels))
    for (const Sector& s : data.sectors->sectors)
      ov.labels.push_back({s.name, label_anchor(s.shape), s.bbox,
                           static_cast<int>(std::log10(std::max(1.0, s.area_m2)))});

  const auto t1 = Clock::now();
  MapRenderOptions ro;
  ro.background = {250, 250, 248, 255};
  res.image = render_map(layers, camera, ro);
  owned.clear();  // GL objects die while the context is current
  res.render_ms = ms_since(t1);

  const auto t2 = Clock::now();
  res.placed_labels = draw_overlay(res.image, camera, ov);
  res.overlay_ms = ms_since(t2);
  return res;
}

}  // namespace faro::render
