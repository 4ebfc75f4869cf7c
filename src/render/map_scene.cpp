#include "render/map_scene.hpp"

#include "render/near_repeat_fills.hpp"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <memory>

#include "core/brief_level.hpp"
#include "core/disclosure.hpp"
#include "core/errors.hpp"
#include "core/messages.hpp"
#include "core/workspace.hpp"
#include "render/egl_context.hpp"
#include "render/points_layer.hpp"
#include "render/program_layer.hpp"
#include "render/grid_fills.hpp"
#include "render/hotspot_layer.hpp"
#include "render/group_outlines.hpp"
#include "render/scene_protection.hpp"
#include "render/style_fills.hpp"
#include "render/style_heatmap.hpp"

namespace faro::render {
namespace {

using Clock = std::chrono::steady_clock;
double ms_since(Clock::time_point t0) {
  return std::chrono::duration<double, std::milli>(Clock::now() - t0).count();
}

// Label anchor of a program area: the area centroid of its largest part's outer ring.
Vec2 area_anchor(const MultiPolygon& shape) {
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

// The programs' legend (and their labels when the style shows labels).
void program_legend(const MapSceneData& data, bool labels, Language lang, MapOverlay& ov) {
  if (data.programs == nullptr || data.programs->empty()) return;
  const auto areas = program_areas(*data.programs, *data.sectors, data.to_exclusive);
  if (areas.empty()) return;
  LegendClasses legend;
  legend.title = tr(Msg::map_programs, lang);
  for (size_t p = 0; p < data.programs->size(); ++p) {
    const faro::Program& prog = (*data.programs)[p];
    std::optional<CivilSeconds> first;
    for (const ProgramSector& s : prog.sectors)
      if (!first || s.start < *first) first = s.start;
    const std::string label =
        prog.name +
        (first ? " (" + tr_format(lang, Msg::map_since, format_date(*first).c_str()) + ")" : "");
    legend.entries.push_back({label, program_color(p), program_color(p), true});
  }
  if (std::any_of(areas.begin(), areas.end(), [](const ProgramArea& a) { return !a.active; }))
    legend.entries.push_back(
        {tr(Msg::map_program_pending, lang), kProgramPendingColor, kProgramPendingColor, true});
  if (labels)
    for (size_t p = 0; p < data.programs->size(); ++p)
      for (const ProgramArea& a : areas)
        if (a.program == p) {
          // Above every sector and area name (their priorities grow with area, ~7000 for a
          // sector of 10 km²): a program's name is what its map is about.
          ov.labels.push_back(
              {legend.entries[p].label, area_anchor(*a.shape), bounds(*a.shape), 100'000});
          break;
        }
  ov.classes.push_back(std::move(legend));
}

void points_legend(const IncidentStore& incidents, Language lang, MapOverlay& ov) {
  LegendClasses legend;
  legend.title = tr(Msg::map_incidents, lang);
  const auto& names = incidents.categories.names();
  for (size_t c = 0; c < names.size() && c < 9; ++c) {
    if (c == 0 && names.size() > 1) continue;  // code 0 = no category
    const std::string fallback = tr(Msg::units_count, lang);
    legend.entries.push_back({names[c].empty() ? fallback : names[c], kPointPalette[c % 8],
                              Rgba8{0, 0, 0, 0}, false, true});
  }
  ov.classes.push_back(std::move(legend));
}

// A fill layer's legend into the overlay: a ramp when there is none yet, else its classes.
void add_fill_legend(const ChoroplethLegend& legend, MapOverlay& ov) {
  if (legend.ramp && !ov.ramp) ov.ramp = legend.ramp;
  if (legend.classes) ov.classes.push_back(*legend.classes);
}

// The scene's camera (the view, or the whole city with padding) and the extent its heatmap grid
// is clipped to.
Camera scene_camera(const MapSceneData& data, const MapSceneOptions& opt, Box& data_extent) {
  const double padding = opt.padding_px >= 0 ? opt.padding_px : 0.04 * opt.height;
  Box extent = data.sectors->extent();
  if (extent.empty()) extent = data.incidents->extent();
  data_extent = data.data_extent.value_or(extent);
  if (!data.data_extent) data_extent.expand(data.incidents->extent());
  return opt.view && !opt.view->empty() ? Camera::fit(*opt.view, opt.width, opt.height, 0)
                                        : Camera::fit(extent, opt.width, opt.height, padding);
}

// Group outlines over the grouped choropleth `layer` (insert_group_outline_layer): their lines
// given to the renderer under the inserted layer's id. Returns the id ("" when nothing to draw).
std::string add_group_outlines(const SectorSet& sectors, const StyleLayer& layer, MapStyle& drawn,
                               StyleRenderer& renderer) {
  const SectorGroups groups = sector_groups(sectors, layer.choropleth.group_field);
  if (groups.names.empty()) return "";
  const std::vector<LineStrip> lines = group_outlines(sectors, groups.of_sector);
  if (lines.empty()) return "";
  const std::string id = insert_group_outline_layer(layer, drawn);
  renderer.set_context(id, lines);
  return id;
}

double scene_period_years(const MapSceneData& data) {
  const bool per_year = data.from && data.to_exclusive && *data.to_exclusive > *data.from;
  return per_year ? period_years_between(*data.from, *data.to_exclusive) : 0;
}

}  // namespace

std::string insert_group_outline_layer(const StyleLayer& grouped, MapStyle& drawn) {
  StyleLayer outline = make_layer(LayerKind::context);
  outline.id = grouped.id + "-group-outlines";
  while (drawn.find_id(outline.id)) outline.id += "+";
  outline.source = "faro:group-outlines";  // never the project's context lines
  outline.opacity = grouped.opacity;
  outline.line = {Rgb{55, 55, 55}, 2.2f};
  auto at = std::find_if(drawn.layers.begin(), drawn.layers.end(),
                         [&](const StyleLayer& l) { return l.id == grouped.id; });
  drawn.layers.insert(at == drawn.layers.end() ? at : at + 1, outline);
  return outline.id;
}

std::optional<std::string> adapted_note(const RepresentationChoice& c, Language lang) {
  const double shown = 100.0 * c.published;
  const auto distance = [](double m) {
    char buf[32];
    if (m >= 1000)
      std::snprintf(buf, sizeof buf, "%g km", m / 1000.0);
    else
      std::snprintf(buf, sizeof buf, "%.0f m", m);
    return std::string(buf);
  };
  switch (c.kind) {
    case Representation::heatmap:
      // Only a widening beyond what the requested heatmap already showed is worth a line.
      if (c.published <= c.requested_published) return std::nullopt;
      return tr_format(lang, Msg::footer_adapted_bandwidth, distance(c.bandwidth_m).c_str(), shown);
    case Representation::hexagons:
      return tr_format(lang, Msg::footer_adapted_hexagons, distance(c.cell_m).c_str(), shown);
    case Representation::sectors:
      return tr_format(lang, Msg::footer_adapted_sectors, shown);
    case Representation::groups:
      return tr_format(lang, Msg::footer_adapted_groups,
                       group_unit_word(c.group_field, lang).c_str(), shown);
  }
  return std::nullopt;
}

ProtectionData protection_data(const IncidentStore& selection, const SectorSet& sectors,
                               const Box& extent, double period_years) {
  ProtectionData d;
  d.x = selection.x;
  d.y = selection.y;
  d.extent = extent;
  d.period_years = period_years;
  d.sector_counts = sector_counts(sectors, selection);
  if (selection.sector.size() == selection.size()) d.sector = selection.sector;
  double inside = 0;
  for (double v : d.sector_counts) inside += v;
  d.outside = std::max(0.0, static_cast<double>(selection.size()) - inside);
  // The partner brief's grouping (core/brief_level.hpp), the last and coarsest candidate.
  if (const auto attribute = default_group_attribute(sectors)) {
    SectorGroups groups = sector_groups(sectors, sectors.attribute_names[*attribute]);
    d.groups = groups.names.size();
    d.group_of_sector = std::move(groups.of_sector);
    d.group_field = std::move(groups.field);
  }
  return d;
}

std::optional<ColorDomain> scene_auto_heatmap_domain(const MapSceneData& data,
                                                     const MapStyle& style,
                                                     const MapSceneOptions& opt) {
  if (data.sectors == nullptr || data.incidents == nullptr)
    throw UsageError("scene_auto_heatmap_domain: sectors and incidents are required");
  const StyleLayer* layer = nullptr;
  for (const StyleLayer& l : style.layers)
    if (l.visible && l.kind == LayerKind::heatmap) {
      layer = &l;
      break;
    }
  if (layer == nullptr) return std::nullopt;
  std::unique_ptr<EglContext> own_context;
  if (opt.kde_backend != KdeBackend::cpu && !EglContext::any_current())
    own_context = std::make_unique<EglContext>();
  Box data_extent;
  const Camera camera = scene_camera(data, opt, data_extent);
  const KdeParams params = heatmap_params(layer->heatmap, scene_period_years(data));
  const GridSpec grid = heatmap_grid_for(camera, data_extent, params, 0.0, 16'000'000);
  if (grid.cells() == 0) return std::nullopt;
  const char* gl = EglContext::any_current()
                       ? reinterpret_cast<const char*>(glGetString(GL_RENDERER))
                       : "";
  auto estimator = make_density_estimator(opt.kde_backend, gl ? gl : "");
  const std::vector<float> density = estimator->compute(point_set(*data.incidents), grid, params);
  return auto_domain_within(grid, density, camera.visible_box(), opt.auto_percentile);
}

MapSceneResult render_map_scene(const MapSceneData& data, const MapStyle& style,
                                const MapSceneOptions& opt) {
  if (data.sectors == nullptr || data.incidents == nullptr)
    throw UsageError("render_map_scene: sectors and incidents are required");
  if (opt.width <= 0 || opt.height <= 0 || opt.width > 16384 || opt.height > 16384)
    throw UsageError("--width and --height must be between 1 and 16384 pixels");
  for (const std::string& problem : style_problems(style)) throw UsageError("style: " + problem);
  std::unique_ptr<EglContext> own_context;
  if (!EglContext::any_current()) own_context = std::make_unique<EglContext>();

  MapSceneResult res;
  res.renderer = reinterpret_cast<const char*>(glGetString(GL_RENDERER));
  const Language lang = opt.language;
  const double ui = opt.ui_scale > 0 ? opt.ui_scale : opt.height / 1080.0;
  Box data_extent;
  res.camera = scene_camera(data, opt, data_extent);
  const Camera& camera = res.camera;

  MapOverlay& ov = res.overlay;
  ov.title = !style.furniture.title.empty() ? style.furniture.title : opt.title;
  ov.subtitle = !style.furniture.subtitle.empty() ? style.furniture.subtitle : opt.subtitle;
  ov.source_line = opt.source_line;
  ov.synthetic = opt.synthetic;
  ov.language = lang == Language::en ? "en" : "es";
  ov.ui_scale = ui;
  ov.scale_bar = style.furniture.scale_bar;
  ov.north_arrow = style.furniture.north_arrow;
  if (style.protection && !style.protection->partner_safe) ov.stamp = internal_use_stamp();
  if (style.protection && style.protection->partner_safe && style.furniture.footer)
    ov.footer_lines = {protection_footer(*style.protection, lang)};
  if (style.protection && style.protection->partner_safe && style.adapted)
    if (auto note = adapted_note(*style.adapted, lang)) ov.footer_lines.push_back(*note);
  if (!opt.stamp.empty()) ov.stamp = opt.stamp;
  if (!opt.footer_lines.empty()) ov.footer_lines = opt.footer_lines;

  // The scene's data as the renderer keeps it (a Workspace of its own: sectors, programs, the
  // project's context lines; the selection is drawn from data.incidents).
  auto ws = std::make_shared<Workspace>();
  ws->sectors = *data.sectors;
  if (data.programs) ws->programs = *data.programs;
  if (data.context_lines)
    for (const LineStrip& l : *data.context_lines) ws->context.push_back({l.points, l.closed});
  if (data.context_areas) ws->context_areas = *data.context_areas;
  StyleRenderer renderer;
  renderer.set_workspace(ws, data.to_exclusive);

  const bool per_year = data.from && data.to_exclusive && *data.to_exclusive > *data.from;
  SceneCounts counts = scene_counts(*data.sectors, *data.incidents, data.previous_incidents);
  counts.period_years = scene_period_years(data);
  if (per_year) counts.period = Period{*data.from, *data.to_exclusive};
  if (data.previous_from && data.previous_to_exclusive)
    counts.previous_period = Period{*data.previous_from, *data.previous_to_exclusive};

  // What the renderer draws: the style, plus the outlines of groups of sectors over a grouped
  // choropleth (add_group_outlines).
  MapStyle drawn = style;
  std::string group_outline_layer;
  bool hotspots_done = false;
  bool fill_legend_done = false;          // one legend per fill kind is enough
  for (const StyleLayer& layer : style.layers) {
    if (!layer.visible) continue;
    switch (layer.kind) {
      case LayerKind::sectors:
        renderer.set_fills(LayerKind::sectors, pale_fills(data.sectors->size()).colors);
        break;
      case LayerKind::choropleth: {
        if (is_change_measure(layer.choropleth.measure) && data.previous_incidents == nullptr)
          throw UsageError("a change choropleth needs the previous period's incidents");
        if (layer.choropleth.scale == ChoroplethScale::continuous && style.shows(LayerKind::heatmap))
          throw UsageError(
              "a continuous choropleth and the heatmap would share one colour-ramp legend; use "
              "quantile classes with the heatmap, or drop one of the two layers");
        const SectorFills f =
            choropleth_fills(*data.sectors, counts, layer.choropleth, style.protection, lang);
        renderer.set_fills(LayerKind::choropleth, f.colors);
        res.hidden_sectors = f.hidden;
        if (!layer.choropleth.group_field.empty() && group_outline_layer.empty())
          group_outline_layer = add_group_outlines(*data.sectors, layer, drawn, renderer);
        if (!fill_legend_done) add_fill_legend(f.legend, ov);
        fill_legend_done = true;
        break;
      }
      case LayerKind::hotspots: {
        if (hotspots_done) break;  // one hot-spot analysis per map
        hotspots_done = true;
        if (data.hotspot_colors) {
          renderer.set_fills(LayerKind::hotspots, *data.hotspot_colors);
          if (data.hotspot_legend) ov.classes.push_back(*data.hotspot_legend);
          break;
        }
        // The layer's own analysis (render/hotspot_layer.hpp), as the live map computes it.
        const HotspotLayer hot = compute_hotspot_layer(
            *data.sectors, *data.incidents, counts.period, layer.hotspots,
            style.protection && style.protection->partner_safe);
        if (hot.unit == HotspotUnit::sectors)
          renderer.set_fills(LayerKind::hotspots, hotspot_colors(hot));
        else
          renderer.set_hotspot_cells(hot.cells, hotspot_colors(hot));
        ov.classes.push_back(hotspot_legend(hot, lang));
        break;
      }
      case LayerKind::heatmap: {
        if (renderer.has_heatmap()) break;  // one density per map
        const auto t0 = Clock::now();
        const KdeParams params = heatmap_params(layer.heatmap, counts.period_years);
        // Up to 16 M cells: a 16k export keeps 2-pixel cells over a city.
        res.grid = heatmap_grid_for(camera, data_extent, params, 0.0, 16'000'000);
        if (res.grid.cells() == 0) break;
        auto estimator = make_density_estimator(opt.kde_backend, res.renderer);
        res.kde_backend = estimator->name();
        res.density = estimator->compute(point_set(*data.incidents), res.grid, params);
        const bool safe = style.protection && style.protection->partner_safe;
        const float floor =
            safe ? static_cast<float>(min_supported_density(style.protection->k, params)) : 0.0f;
        const ColorDomain auto_domain = auto_domain_within(
            res.grid, res.density, camera.visible_box(), opt.auto_percentile, floor);
        const HeatmapStyle drawn = heatmap_draw_style(layer.heatmap, auto_domain, params,
                                                      style.protection, layer.opacity);
        res.domain = drawn.domain;
        res.units = density_units(per_year, lang);
        res.kde_ms = ms_since(t0);
        renderer.set_heatmap(res.grid, res.density, drawn);
        if (safe && !style.heatmap_hidden_sectors.empty()) {
          renderer.set_hidden_mask(style.heatmap_hidden_sectors);
          ov.classes.push_back(
              {tr(Msg::map_heatmap_hidden_title, lang),
               {{tr(Msg::map_heatmap_hidden, lang), kSuppressedFill, Rgba8{90, 90, 90, 255}}}});
        }
        if (style.furniture.legend) ov.ramp = heatmap_legend(drawn, params, lang);
        break;
      }
      case LayerKind::grid: {
        const PointSet pts = point_set(*data.incidents);
        const GridFills g =
            grid_fills(pts.x, pts.y, data_extent, layer.grid, style.protection, lang);
        renderer.set_cells(g.cells, g.colors);
        res.hidden_sectors += g.hidden;
        if (!g.legend.entries.empty()) ov.classes.push_back(g.legend);
        break;
      }
      case LayerKind::programs:
        program_legend(data, style.shows(LayerKind::labels), lang, ov);
        break;
      case LayerKind::near_repeat: {
        // Zones active at the end of the period shown (or of the selection's last day).
        std::optional<int64_t> day;
        if (data.to_exclusive)
          day = days_of(*data.to_exclusive - 1);
        else if (const auto t = data.incidents->max_time())
          day = days_of(*t);
        if (!day) break;
        NearRepeatParams p;
        p.radius_m = layer.near_repeat.radius_m;
        p.days = layer.near_repeat.days;
        p.relative_risk = layer.near_repeat.relative_risk;
        const ZoneFills z = near_repeat_fills(*data.incidents, *day, p, kNearRepeatColor, lang);
        renderer.set_zones(z.disks, z.colors);
        if (style.furniture.legend && !z.disks.empty()) ov.classes.push_back(z.legend);
        break;
      }
      case LayerKind::context:
        if (data.context_by_layer)
          if (auto it = data.context_by_layer->find(layer.id); it != data.context_by_layer->end()) {
            std::shared_ptr<const ContextAreas> areas;
            if (data.context_areas_by_layer)
              if (auto a = data.context_areas_by_layer->find(layer.id);
                  a != data.context_areas_by_layer->end())
                areas = a->second;
            renderer.set_context(layer.id, it->second, std::move(areas));
          }
        break;
      case LayerKind::points:
        renderer.set_points(*data.incidents,
                            static_cast<float>(layer.points.size_px * ui));
        points_legend(*data.incidents, lang, ov);
        break;
      case LayerKind::basemap:
        if (data.basemap && !layer.source.empty()) {
          // At most 4096 pixels on the long side: within every GL's texture limit, and a raster
          // basemap gains nothing from more (the texture is filtered bilinearly when larger).
          const double shrink = std::min(1.0, 4096.0 / std::max(camera.width(), camera.height()));
          const int bw = std::max(1, static_cast<int>(std::lround(camera.width() * shrink)));
          const int bh = std::max(1, static_cast<int>(std::lround(camera.height() * shrink)));
          const BasemapRaster raster = data.basemap(layer.source, camera.visible_box(), bw, bh);
          // The raster's credit, after the data's source (the live map shows it in a corner).
          if (!raster.attribution.empty())
            ov.source_line += (ov.source_line.empty() ? "" : " · ") +
                              tr_format(lang, Msg::map_basemap_credit, raster.attribution.c_str());
          renderer.set_basemap(raster);
        }
        break;
      case LayerKind::labels:
        break;  // with the area names below
    }
  }
  // Sector and context area names in their zoom ranges (metres per 1080 p pixel), placed in one
  // pass with the program names by draw_overlay: the same set the live map places.
  for (MapLabel& l : renderer.labels_for(drawn, camera.metres_per_pixel() * ui))
    ov.labels.push_back(std::move(l));
  if (!style.furniture.legend) {
    ov.ramp.reset();
    ov.classes.clear();
  }

  const auto t1 = Clock::now();
  FrameExtras extras;
  extras.ui_scale = static_cast<float>(ui);
  extras.samples = opt.samples;
  res.image = renderer.render_image(camera, drawn, extras);
  res.render_ms = ms_since(t1);

  const auto t2 = Clock::now();
  if (opt.overlay) res.placed_labels = draw_overlay(res.image, camera, ov);
  res.overlay_ms = ms_since(t2);
  return res;
}

}  // namespace faro::render
