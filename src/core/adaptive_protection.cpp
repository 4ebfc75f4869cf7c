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

double group_published_share(const ProtectionData& d, const DisclosurePolicy& policy) {
  if (d.groups == 0) return 0.0;
  std::vector<int64_t> cells(d.groups + 1, 0);  // the groups, then "in no group"
  for (size_t s = 0; s < d.sector_counts.size(); ++s) {
    const int32_t g = s < d.group_of_sector.size() ? d.group_of_sector[s] : -1;
    const bool grouped = g >= 0 && static_cast<size_t>(g) < d.groups;
    cells[grouped ? static_cast<size_t>(g) : d.groups] += std::llround(d.sector_counts[s]);
  }
  cells[d.groups] += std::llround(d.outside);
  return published_share(std::move(cells), policy);
}

namespace {

// Share of all the frames' incidents that `share` (one frame's published share) publishes.
template <class Share>
double pooled_share(std::span<const ProtectionData> frames, Share share) {
  double shown = 0, total = 0;
  for (const ProtectionData& d : frames) {
    const double n = static_cast<double>(d.x.size());
    if (n == 0) continue;
    shown += share(d) * n;
    total += n;
  }
  return total > 0 ? shown / total : 1.0;
}

}  // namespace

RepresentationChoice choose_representation(const HeatmapStyle& requested, const ProtectionData& d,
                                           const DisclosurePolicy& policy, double min_share) {
  return choose_representation(requested, std::span<const ProtectionData>(&d, 1), policy,
                               min_share);
}

RepresentationChoice choose_representation(const HeatmapStyle& requested,
                                           std::span<const ProtectionData> frames,
                                           const DisclosurePolicy& policy, double min_share) {
  RepresentationChoice choice;
  KdeParams params;
  params.kernel = requested.kernel;
  params.bandwidth_m = std::max(requested.bandwidth_m, policy.min_bandwidth_m);
  choice.bandwidth_m = params.bandwidth_m;
  const bool any_points = std::any_of(frames.begin(), frames.end(),
                                      [](const ProtectionData& d) { return !d.x.empty(); });
  if (!any_points) return choice;
  // Each frame's density per year of its own period (the floor scales alike, so the share does
  // not depend on it; kept for the grid's units).
  const auto heatmap_share = [&](double bandwidth_m) {
    return pooled_share(frames, [&](const ProtectionData& d) {
      KdeParams p = params;
      p.bandwidth_m = bandwidth_m;
      p.period_years = d.period_years;
      return heatmap_published_share(d, p, policy);
    });
  };
  choice.published = choice.requested_published = heatmap_share(params.bandwidth_m);
  if (choice.published >= min_share) return choice;
  for (double b : kWiderBandwidths) {
    if (b <= params.bandwidth_m) continue;
    const double share = heatmap_share(b);
    if (share >= min_share) {
      choice.bandwidth_m = b;
      choice.published = share;
      return choice;
    }
  }
  // Nothing fine reaches the share: the candidate that shows the most, the coarser on a tie.
  RepresentationChoice best = choice;  // the requested heatmap
  // Takes `c` when it reaches the share or shows at least as much as the best so far; true when
  // it reaches the share (the search stops there).
  const auto consider = [&](RepresentationChoice c) {
    if (c.published >= min_share || c.published >= best.published) best = c;
    return c.published >= min_share;
  };
  RepresentationChoice c = choice;
  c.kind = Representation::hexagons;
  for (double cell : kHexagonSizes) {
    c.cell_m = cell;
    c.published = pooled_share(
        frames, [&](const ProtectionData& d) { return hexagon_published_share(d, cell, policy); });
    if (consider(c)) return best;
  }
  c = choice;
  c.kind = Representation::sectors;
  c.published = pooled_share(
      frames, [&](const ProtectionData& d) { return sector_published_share(d, policy); });
  if (consider(c)) return best;
  if (frames.front().groups > 0) {
    c.kind = Representation::groups;
    c.group_field = frames.front().group_field;
    c.published = pooled_share(
        frames, [&](const ProtectionData& d) { return group_published_share(d, policy); });
    consider(c);
  }
  return best;
}

}  // namespace faro
