#include "app/map_styling.hpp"

#include <algorithm>
#include <cmath>

namespace faro::app {
namespace {

constexpr render::Rgba8 kPaleFill{238, 238, 236, 255};

float opacity_of(const LayerStyle& l) { return std::clamp(l.opacity, 0.0f, 1.0f); }

// The visible box, grown by `grow` views on every side, clipped to `clip`.
Box clipped_view(const render::Camera& camera, double grow, const Box& clip) {
  const Box v = camera.visible_box();
  const Box g{v.xmin - grow * v.width(), v.ymin - grow * v.height(), v.xmax + grow * v.width(),
              v.ymax + grow * v.height()};
  return {std::max(g.xmin, clip.xmin), std::max(g.ymin, clip.ymin), std::min(g.xmax, clip.xmax),
          std::min(g.ymax, clip.ymax)};
}

double wanted_cell(const render::Camera& camera, const KdeParams& params) {
  return std::max(2.0 * camera.metres_per_pixel(),
                  params.bandwidth_m / cells_per_bandwidth(params.kernel));
}

}  // namespace

MapLayerPlan plan_layers(const Session& session, bool presentation) {
  MapLayerPlan plan;
  const std::vector<LayerStyle> stack = session.layers.empty() ? default_layers() : session.layers;
  bool choropleth_visible = false;
  for (const LayerStyle& l : stack)
    if (l.id == LayerId::choropleth && l.visible) choropleth_visible = true;
  // Presentation mode is partner-safe: a count choropleth would publish small counts through its
  // classes ("1 – 3"), so the fill layer stays pale there (`faro render` greys suppressed sectors).
  plan.choropleth = choropleth_visible && !presentation;
  for (const LayerStyle& l : stack) {
    if (!l.visible) continue;
    using Kind = render::MapDrawLayer::Kind;
    switch (l.id) {
      case LayerId::sectors:
        if (!choropleth_visible) plan.layers.push_back({Kind::sectors, opacity_of(l)});
        break;
      case LayerId::choropleth:
        plan.layers.push_back({Kind::sectors, opacity_of(l)});
        break;
      case LayerId::heatmap:
        plan.heatmap = true;
        plan.layers.push_back({Kind::heatmap, opacity_of(l)});
        break;
      case LayerId::programs:
        plan.layers.push_back({Kind::programs, opacity_of(l)});
        break;
      case LayerId::points:
        if (presentation) break;  // exact locations are not shown to an audience
        plan.points = true;
        plan.layers.push_back({Kind::points, opacity_of(l)});
        break;
      case LayerId::labels:
        plan.labels = true;
        break;
      case LayerId::context:
        plan.layers.push_back({Kind::context, opacity_of(l)});
        break;
      case LayerId::basemap:
        break;  // no raster basemap in the live map yet
    }
  }
  return plan;
}

double period_years_of(const Workspace& ws, const FilterState& filter) {
  const CivilSeconds from = filter.from.value_or(ws.data_from);
  const CivilSeconds to = filter.to_exclusive.value_or(ws.data_to_exclusive);
  if (to <= from) return 0;
  return period_years_between(from, to);
}

std::string choropleth_legend_units(ChoroplethMeasure m, bool per_year, Language lang) {
  if (lang == Language::es) return choropleth_units(m) + (per_year ? " por año" : "");
  std::string u = m == ChoroplethMeasure::per_km2   ? "incidents/km²"
                  : m == ChoroplethMeasure::per_10k ? "incidents per 10,000 inhabitants"
                                                    : "incidents";
  return u + (per_year ? " per year" : "");
}

SectorFills sector_fills(const Workspace& ws, const FilterResult& filtered, const Session& session,
                         bool choropleth, double period_years) {
  const size_t n = ws.sectors.size();
  SectorFills out;
  out.colors.assign(n, kPaleFill);
  if (!choropleth || filtered.per_sector.size() < n) return out;
  ChoroplethMeasure measure = session.choropleth.measure;
  if (is_change_measure(measure)) measure = ChoroplethMeasure::count;
  std::vector<std::optional<double>> values(n);
  for (size_t s = 0; s < n; ++s) {
    double v = static_cast<double>(filtered.per_sector[s]);
    if (period_years > 0) v /= period_years;
    const Sector& sector = ws.sectors.sectors[s];
    if (measure == ChoroplethMeasure::per_km2) {
      values[s] = sector.area_m2 > 0 ? std::optional<double>(v / (sector.area_m2 * 1e-6))
                                     : std::nullopt;
    } else if (measure == ChoroplethMeasure::per_10k) {
      values[s] = sector.population && *sector.population > 0
                      ? std::optional<double>(v / *sector.population * 1e4)
                      : std::nullopt;
    } else {
      values[s] = v;
    }
  }
  try {
    out.choropleth = classify(std::move(values), session.choropleth.scale,
                              session.choropleth.colormap,
                              std::clamp(session.choropleth.classes, 2, 9));
    for (size_t s = 0; s < n && s < out.choropleth->colors.size(); ++s) {
      const Rgb c = out.choropleth->colors[s];
      out.colors[s] = {c.r, c.g, c.b, 255};
    }
    out.units = choropleth_legend_units(measure, period_years > 0, session.language);
  } catch (const std::exception&) {
    // No sector has a value (e.g. per 10,000 inhabitants without population): pale fills.
    out.choropleth.reset();
  }
  return out;
}

double cells_per_bandwidth(KdeKernel kernel) { return kernel == KdeKernel::gaussian ? 5.0 : 7.0; }

GridSpec heatmap_grid_for(const render::Camera& camera, const Box& data_extent,
                          const KdeParams& params) {
  if (data_extent.empty()) return {};
  const Box clip = data_extent.grown(params.support_radius_m());
  const Box box = clipped_view(camera, 0.5, clip);
  if (!(box.xmax > box.xmin && box.ymax > box.ymin)) return {};
  double cell = wanted_cell(camera, params);
  const double cells = (box.width() / cell) * (box.height() / cell);
  if (cells > kMaxInteractiveCells) cell *= std::sqrt(cells / kMaxInteractiveCells) * 1.01;
  return GridSpec::covering(box, cell);
}

bool grid_serves(const GridSpec& have, const render::Camera& camera, const Box& data_extent,
                 const KdeParams& params) {
  if (have.cells() == 0 || data_extent.empty()) return false;
  const Box need = clipped_view(camera, 0.0, data_extent.grown(params.support_radius_m()));
  if (!(need.xmax > need.xmin && need.ymax > need.ymin)) return true;  // nothing to show anyway
  const Box g = have.extent();
  const double tol = have.cell;
  if (need.xmin < g.xmin - tol || need.xmax > g.xmax + tol || need.ymin < g.ymin - tol ||
      need.ymax > g.ymax + tol)
    return false;
  // Compare with the cell a fresh grid would get (including its coarsening to the cell budget).
  const GridSpec want = heatmap_grid_for(camera, data_extent, params);
  if (want.cells() == 0) return true;
  const double ratio = have.cell / want.cell;
  return ratio > 1 / 1.6 && ratio < 1.6;
}

}  // namespace faro::app
