// Kernel definitions, grid helpers, validation and the slow reference sum. The fast CPU path is in
// kde_cpu.cpp.
#include "core/kde.hpp"

#include <cmath>
#include <numbers>
#include <sstream>

#include "core/errors.hpp"

namespace faro {

std::optional<KdeKernel> parse_kde_kernel(std::string_view name) {
  if (name == "gaussian") return KdeKernel::gaussian;
  if (name == "quartic") return KdeKernel::quartic;
  return std::nullopt;
}

const char* kde_kernel_name(KdeKernel k) {
  return k == KdeKernel::gaussian ? "gaussian" : "quartic";
}

namespace {

std::string grid_too_big(double nx, double ny, double cell) {
  std::ostringstream m;
  m.precision(12);
  m << "the density grid would have " << nx << " x " << ny << " cells of " << cell
    << " m (more than " << kMaxKdeCells << "); use a larger --cell or a smaller --extent";
  return m.str();
}

}  // namespace

GridSpec GridSpec::covering(const Box& box, double cell) {
  if (!(cell > 0) || !std::isfinite(cell)) throw UsageError("--cell must be a positive distance");
  if (box.empty() || !std::isfinite(box.width()) || !std::isfinite(box.height()))
    throw UsageError("the density grid extent is empty or not finite");
  // A relative epsilon so that an extent of exactly k cells does not round up to k + 1.
  const double fx = std::max(1.0, std::ceil(box.width() / cell * (1 - 1e-12)));
  const double fy = std::max(1.0, std::ceil(box.height() / cell * (1 - 1e-12)));
  if (fx * fy > static_cast<double>(kMaxKdeCells)) throw UsageError(grid_too_big(fx, fy, cell));
  GridSpec g;
  g.xmin = box.xmin;
  g.ymax = box.ymax;
  g.cell = cell;
  g.nx = static_cast<int>(fx);
  g.ny = static_cast<int>(fy);
  return g;
}

double KdeParams::support_radius_m() const {
  return kernel == KdeKernel::gaussian ? 4 * bandwidth_m : bandwidth_m;
}

double KdeParams::kernel_value(double r2) const {
  const double h2 = bandwidth_m * bandwidth_m;
  if (kernel == KdeKernel::gaussian) return std::exp(-r2 / (2 * h2)) / (2 * std::numbers::pi * h2);
  if (r2 >= h2) return 0;
  const double t = 1 - r2 / h2;
  return 3 / (std::numbers::pi * h2) * t * t;
}

double period_years_between(CivilSeconds from, CivilSeconds to_exclusive) {
  return static_cast<double>(to_exclusive - from) / (86400.0 * 365.2425);
}

void validate_kde(const GridSpec& grid, const KdeParams& params) {
  if (!(grid.cell > 0) || !std::isfinite(grid.cell))
    throw UsageError("--cell must be a positive distance");
  if (!std::isfinite(grid.xmin) || !std::isfinite(grid.ymax))
    throw UsageError("the density grid origin is not finite");
  if (grid.nx <= 0 || grid.ny <= 0) throw UsageError("the density grid is empty");
  if (grid.cells() > kMaxKdeCells) throw UsageError(grid_too_big(grid.nx, grid.ny, grid.cell));
  if (!(params.bandwidth_m > 0) || !std::isfinite(params.bandwidth_m))
    throw UsageError("--bandwidth must be a positive distance");
  if (!(params.period_years >= 0) || !std::isfinite(params.period_years))
    throw UsageError("the period for densities per year must be positive");
}

PointSet point_set(const IncidentStore& store) {
  PointSet p;
  p.x = store.x;
  p.y = store.y;
  if (store.weight.size() == store.x.size()) p.weight = store.weight;
  return p;
}

double reference_density_at(const PointSet& points, const KdeParams& params, double x, double y) {
  double sum = 0;
  for (size_t i = 0; i < points.size(); ++i) {
    const double dx = points.x[i] - x, dy = points.y[i] - y;
    const double w = points.weight.empty() ? 1.0 : points.weight[i];
    sum += w * params.kernel_value(dx * dx + dy * dy);
  }
  return sum * params.output_scale();
}

std::vector<double> reference_kde(const PointSet& points, const GridSpec& grid,
                                  const KdeParams& params) {
  validate_kde(grid, params);
  std::vector<double> out(grid.cells());
  for (int r = 0; r < grid.ny; ++r)
    for (int c = 0; c < grid.nx; ++c)
      out[static_cast<size_t>(r) * grid.nx + c] =
          reference_density_at(points, params, grid.center_x(c), grid.center_y(r));
  return out;
}

}  // namespace faro
