#include "core/adaptive_protection.hpp"

#include <algorithm>
#include <cmath>

#include "core/hex_grid.hpp"
#include "core/kde.hpp"

namespace faro {
namespace {

constexpr double kWiderBandwidths[] = {750, 1000, 1500, 2000};
constexpr double kHexagonSizes[] = {500, 1000, 2000};

// Share of `counts` (cells, then one "elsewhere" cell) that protect_table publishes.
double published_share(std::vector<int64_t> cells, const DisclosurePolicy& policy) {
  int64_t total = 0;
  for (int64_t c : cells) total += c;
  if (total <= 0) return 1.0;
  const ProtectedTable t = protect_table(cells, cells.size(), 1, policy);
  int64_t shown = 0;
  for (size_t r = 0; r < cells.size(); ++r)
    if (!t.is_hidden(r, 0)) shown += cells[r];
  return static_cast<double>(shown) / static_cast<double>(total);
}

}  // namespace

namespace {

// Per point, 1 when its own cell reaches the k-incident floor (see heatmap_published_share).
std::vector<uint8_t> coloured_points(const ProtectionData& d, const KdeParams& params,
                                     const DisclosurePolicy& policy) {
  const size_t n = d.x.size();
  std::vector<uint8_t> out(n, 0);
  if (n == 0 || d.extent.empty()) return out;
  // A fifth of the bandwidth: coarse enough to be cheap over a whole city, fine enough that a
  // point's own cell holds its kernel's peak to within a few per cent.
  double cell = params.bandwidth_m / 5.0;
  const Box box = d.extent.grown(params.support_radius_m());
  const double cells = (box.width() / cell) * (box.height() / cell);
  if (cells > 4e6) cell *= std::sqrt(cells / 4e6);
  const GridSpec grid = GridSpec::covering(box, cell);
  CpuKde kde;
  const std::vector<float> density = kde.compute(PointSet{d.x, d.y, {}}, grid, params);
  const double floor =
      policy.k * params.kernel_value(0.0) * params.output_scale() * (1 - 1e-6);
  for (size_t i = 0; i < n; ++i) {
    const int c = static_cast<int>((d.x[i] - grid.xmin) / grid.cell);
    const int r = static_cast<int>((grid.ymax - d.y[i]) / grid.cell);
    if (c < 0 || r < 0 || c >= grid.nx || r >= grid.ny) continue;
    out[i] = density[static_cast<size_t>(r) * grid.nx + c] >= floor;
  }
  return out;
}

}  // namespace

double heatmap_published_share(const ProtectionData& d, const KdeParams& params,
                               const DisclosurePolicy& policy) {
  const size_t n = d.x.size();
  if (n == 0 || d.extent.empty()) return 1.0;
  size_t shown = 0;
  for (uint8_t c : coloured_points(d, params, policy)) shown += c;
  return static_cast<double>(shown) / static_cast<double>(n);
}

std::vector<uint8_t> sectors_hidden_by_heatmap(const ProtectionData& d, const KdeParams& params,
                                               const DisclosurePolicy& policy, size_t sectors) {
  if (d.sector.size() != d.x.size()) return {};
  std::vector<uint8_t> hidden(sectors, 0);
  const std::vector<uint8_t> coloured = coloured_points(d, params, policy);
  for (size_t i = 0; i < coloured.size(); ++i) {
    const int32_t s = d.sector[i];
    if (!coloured[i] && s >= 0 && static_cast<size_t>(s) < sectors) hidden[static_cast<size_t>(s)] = 1;
  }
  return hidden;
}

double hexagon_published_share(const ProtectionData& d, double cell_m,
                               const DisclosurePolicy& policy) {
  if (d.x.empty() || d.extent.empty()) return 1.0;
  const CellGrid grid(CellShape::hexagon, cell_m, d.extent.grown(cell_m));
  const std::vector<int32_t> cell = grid.assign(d.x, d.y);
  std::vector<int64_t> counts(grid.size() + 1, 0);  // the last: outside the grid
  for (int32_t c : cell) ++counts[c >= 0 ? static_cast<size_t>(c) : grid.size()];
  return published_share(std::move(counts), policy);
}

double sector_published_share(const ProtectionData& d, const DisclosurePolicy& policy) {
  std::vector<int64_t> cells;
  cells.reserve(d.sector_counts.size() + 1);
  for (double v : d.sector_counts) cells.push_back(std::llround(v));
  cells.push_back(std::llround(d.outside));
  return published_share(std::move(cells), policy);
}

RepresentationChoice choose_representation(const HeatmapStyle& requested, const ProtectionData& d,
                                           const DisclosurePolicy& policy, double min_share) {
  RepresentationChoice choice;
  KdeParams params;
  params.kernel = requested.kernel;
  params.period_years = d.period_years;
  params.bandwidth_m = std::max(requested.bandwidth_m, policy.min_bandwidth_m);
  choice.bandwidth_m = params.bandwidth_m;
  if (d.x.empty()) return choice;
  choice.published = choice.requested_published = heatmap_published_share(d, params, policy);
  if (choice.published >= min_share) return choice;
  for (double b : kWiderBandwidths) {
    if (b <= params.bandwidth_m) continue;
    KdeParams wider = params;
    wider.bandwidth_m = b;
    const double share = heatmap_published_share(d, wider, policy);
    if (share >= min_share) {
      choice.bandwidth_m = b;
      choice.published = share;
      return choice;
    }
  }
  // Nothing fine reaches the share: the candidate that shows the most, the coarser on a tie.
  RepresentationChoice best = choice;  // the requested heatmap
  for (double cell : kHexagonSizes) {
    const double share = hexagon_published_share(d, cell, policy);
    if (share >= min_share || share >= best.published) {
      best = choice;
      best.kind = Representation::hexagons;
      best.cell_m = cell;
      best.published = share;
      if (share >= min_share) return best;
    }
  }
  const double sectors = sector_published_share(d, policy);
  if (sectors >= min_share || sectors >= best.published) {
    best = choice;
    best.kind = Representation::sectors;
    best.published = sectors;
  }
  return best;
}

}  // namespace faro
