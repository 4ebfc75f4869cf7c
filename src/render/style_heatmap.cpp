#include "render/style_heatmap.hpp"

#include <algorithm>
#include <cmath>
#include <sstream>

#include "core/kde.hpp"
#include "core/messages.hpp"
#include "render/scene_protection.hpp"

namespace faro::render {
namespace {

// The visible box, grown by `grow` views on every side, clipped to `clip`.
Box clipped_view(const Camera& camera, double grow, const Box& clip) {
  const Box v = camera.visible_box();
  const Box g{v.xmin - grow * v.width(), v.ymin - grow * v.height(), v.xmax + grow * v.width(),
              v.ymax + grow * v.height()};
  return {std::max(g.xmin, clip.xmin), std::max(g.ymin, clip.ymin), std::min(g.xmax, clip.xmax),
          std::min(g.ymax, clip.ymax)};
}

double wanted_cell(const Camera& camera, const KdeParams& params) {
  return std::max(2.0 * camera.metres_per_pixel(),
                  params.bandwidth_m / cells_per_bandwidth(params.kernel));
}

std::string format_value(double v) {
  std::ostringstream s;
  s.precision(v >= 100 || v == std::floor(v) ? 0 : v >= 10 ? 1 : 2);
  s << std::fixed << v;
  return s.str();
}

}  // namespace

KdeParams heatmap_params(const faro::HeatmapStyle& style, double period_years) {
  KdeParams p;
  p.kernel = style.kernel;
  p.bandwidth_m = style.bandwidth_m > 0 ? style.bandwidth_m : kDefaultBandwidthM;
  p.period_years = period_years;
  return p;
}

// Quartic: derived from the interactive error limit, so the live map always bins. Binning's bound
// is 1/H² (H = cells per bandwidth): H must be at least 1/sqrt(CpuKde::kInteractiveBinnedError)
// (7.07 for 2 %); a plain 7 gave 2.04 % and sent every live quartic heatmap down the exact splat
// (1.7 s at 10 M incidents). The minimum plus 2 %, up to a quarter cell: 7.25.
double cells_per_bandwidth(KdeKernel kernel) {
  static const double quartic =
      std::ceil(4 * 1.02 / std::sqrt(CpuKde::kInteractiveBinnedError)) / 4;
  return kernel == KdeKernel::gaussian ? 5.0 : quartic;
}

GridSpec heatmap_grid_for(const Camera& camera, const Box& data_extent, const KdeParams& params,
                          double grow, size_t max_cells) {
  if (data_extent.empty()) return {};
  const Box clip = data_extent.grown(params.support_radius_m());
  Box box = clipped_view(camera, grow, clip);
  if (!(box.xmax > box.xmin && box.ymax > box.ymin)) return {};
  double cell = wanted_cell(camera, params);
  const double cells = (box.width() / cell) * (box.height() / cell);
  if (cells > static_cast<double>(max_cells)) cell *= std::sqrt(cells / max_cells) * 1.01;
  // Snap the box outwards to multiples of the cell: grids of one cell size then share cell
  // centres, whatever view they were made for.
  box = {std::floor(box.xmin / cell) * cell, std::floor(box.ymin / cell) * cell,
         std::ceil(box.xmax / cell) * cell, std::ceil(box.ymax / cell) * cell};
  return GridSpec::covering(box, cell);
}

bool grid_serves(const GridSpec& have, const Camera& camera, const Box& data_extent,
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

ColorDomain auto_domain_within(const GridSpec& grid, std::span<const float> density,
                               const Box& view, double percentile, float floor) {
  ColorDomain request;
  request.percentile = percentile;
  if (density.size() != grid.cells()) return resolve_color_domain(request, density);
  if (view.empty()) {
    if (!(floor > 0)) return resolve_color_domain(request, density);
    std::vector<float> above;
    for (float v : density)
      if (v >= floor) above.push_back(v);
    return resolve_color_domain(request, above);
  }
  // Rows run north to south from grid.ymax; cell centres at half a cell.
  const auto first = [&](double lo, double origin) {
    return std::max(0, static_cast<int>(std::ceil((lo - origin) / grid.cell - 0.5)));
  };
  const int c0 = first(view.xmin, grid.xmin);
  const int c1 = std::min(grid.nx - 1, static_cast<int>(std::floor((view.xmax - grid.xmin) / grid.cell - 0.5)));
  const int r0 = std::max(0, static_cast<int>(std::ceil((grid.ymax - view.ymax) / grid.cell - 0.5)));
  const int r1 = std::min(grid.ny - 1, static_cast<int>(std::floor((grid.ymax - view.ymin) / grid.cell - 0.5)));
  std::vector<float> inside;
  if (c1 >= c0 && r1 >= r0) inside.reserve(static_cast<size_t>(c1 - c0 + 1) * (r1 - r0 + 1));
  for (int r = r0; r <= r1; ++r)
    for (int c = c0; c <= c1; ++c) {
      const float v = density[static_cast<size_t>(r) * grid.nx + c];
      if (v >= floor) inside.push_back(v);
    }
  return resolve_color_domain(request, inside);
}

HeatmapStyle heatmap_draw_style(const faro::HeatmapStyle& s, const ColorDomain& auto_domain,
                                const KdeParams& params,
                                const std::optional<DisclosurePolicy>& protection, float opacity) {
  HeatmapStyle style;
  style.colormap = s.colormap;
  if (s.color_max_locked && s.color_max > 0) {
    style.domain.locked = true;
    style.domain.min = 0;
    style.domain.max = s.color_max;
  } else {
    style.domain = auto_domain;
  }
  style.opacity = std::clamp(opacity, 0.0f, 1.0f);
  if (protection && protection->partner_safe) {
    // One incident adds at most K(0) x scale to any cell, so a cell above k x that is supported
    // by at least k incidents (render/scene_protection.hpp gives the margin of the binned
    // estimate); the maximum is published rounded.
    const double rounded =
        round_significant(style.domain.max, protection->density_significant_digits);
    if (rounded > style.domain.min) style.domain.max = static_cast<float>(rounded);
    style.transparent_below = std::max(
        kTransparentFraction * style.domain.max,
        static_cast<float>(min_supported_density(protection->k, params)));
  } else {
    style.transparent_below = kTransparentFraction * style.domain.max;
  }
  return style;
}

std::string density_units(bool per_year, Language language) {
  return tr(per_year ? Msg::map_units_density_per_year : Msg::map_units_density, language);
}

LegendRamp heatmap_legend(const HeatmapStyle& drawn, const KdeParams& params, Language language) {
  LegendRamp ramp;
  ramp.title = tr(Msg::map_density_title, language);
  ramp.units = density_units(params.period_years > 0, language);
  ramp.colormap = drawn.colormap;
  ramp.vmin = drawn.domain.min;
  ramp.vmax = drawn.domain.max;
  ramp.transparent_below = drawn.transparent_below;
  ramp.vmax_is_clipped = true;
  std::ostringstream note;
  if (drawn.domain.locked)
    note << tr(Msg::map_fixed_max, language);
  else
    note << tr_format(language, Msg::map_max_percentile,
                      format_value(drawn.domain.percentile).c_str());
  note << "; " << tr(Msg::map_kernel, language) << " " << kde_kernel_name(params.kernel) << ", "
       << format_value(params.bandwidth_m) << " m";
  ramp.domain_note = note.str();
  return ramp;
}

}  // namespace faro::render
