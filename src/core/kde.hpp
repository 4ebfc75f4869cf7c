#pragma once
// Kernel density estimation in real units: incidents per km² at the centre of every cell of a
// north-up grid in the working CRS (metres). Two kernels, both integrating to one incident:
//   gaussian  K(r) = exp(-r²/2σ²) / (2πσ²)         bandwidth = σ, truncated at (at least) 4σ
//   quartic   K(r) = 3/(πh²) (1 - r²/h²)²  (r < h)  bandwidth = h, the radius where K reaches 0
//                                                   (the QGIS / ArcGIS "quartic" convention)
// Every implementation (the CPU path here, the GPU path in src/render) sits behind
// DensityEstimator and is tested against reference_kde, the slow direct sum.
#include <cstddef>
#include <cstdint>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "core/civil_time.hpp"
#include "core/geometry.hpp"
#include "core/incidents.hpp"

namespace faro {

enum class KdeKernel { gaussian, quartic };

std::optional<KdeKernel> parse_kde_kernel(std::string_view name);  // "gaussian" | "quartic"
const char* kde_kernel_name(KdeKernel k);

// Square cells; row 0 is the northmost row (GeoTIFF order), column 0 the westmost.
struct GridSpec {
  double xmin = 0;  // west edge of column 0 (working CRS metres)
  double ymax = 0;  // north edge of row 0
  double cell = 1;  // cell side, metres
  int nx = 0;       // columns
  int ny = 0;       // rows

  double xmax() const { return xmin + cell * nx; }
  double ymin() const { return ymax - cell * ny; }
  double center_x(int col) const { return xmin + (col + 0.5) * cell; }
  double center_y(int row) const { return ymax - (row + 0.5) * cell; }
  size_t cells() const { return static_cast<size_t>(nx) * static_cast<size_t>(ny); }
  double cell_area_km2() const { return cell * cell * 1e-6; }
  Box extent() const { return {xmin, ymin(), xmax(), ymax}; }

  // Smallest grid with top-left corner (box.xmin, box.ymax) that covers `box`: nx = ceil(width /
  // cell) (at least 1). Throws UsageError for a bad cell or a grid past kMaxKdeCells.
  static GridSpec covering(const Box& box, double cell);
};

// ~1 GB of float working memory at most (output, binned grid, one pass buffer, per-thread bins).
constexpr size_t kMaxKdeCells = 64ull * 1024 * 1024;

// The one default bandwidth (metres): KdeParams{}, a new heatmap style (core/map_style.hpp) and a
// style whose bandwidth is unset (render/style_heatmap.cpp).
constexpr double kDefaultBandwidthM = 400;

struct KdeParams {
  KdeKernel kernel = KdeKernel::gaussian;
  double bandwidth_m = kDefaultBandwidthM;  // gaussian: σ; quartic: support radius h
  double period_years = 0;   // > 0: densities per year (divided by this); 0: over the selection

  // Factor from incidents per m² to the output unit (per km², per year when period_years > 0).
  double output_scale() const { return 1e6 / (period_years > 0 ? period_years : 1.0); }
  // Distance beyond which a point contributes nothing (4σ for gaussian, h for quartic).
  double support_radius_m() const;
  // Kernel value in 1/m² at distance² r2 (m²); the exact, untruncated function.
  double kernel_value(double r2) const;
};

// Period length in years for densities "per year": (to_exclusive - from) / 365.2425 days.
double period_years_between(CivilSeconds from, CivilSeconds to_exclusive);

// Throws UsageError (a message naming the option) for a non-positive/non-finite cell, bandwidth
// or period, an empty grid, or more than kMaxKdeCells cells.
void validate_kde(const GridSpec& grid, const KdeParams& params);

// Non-owning view of the points to estimate from, in the grid's CRS. weight empty = all 1.
struct PointSet {
  std::span<const double> x, y;
  std::span<const float> weight;
  size_t size() const { return x.size(); }
};
PointSet point_set(const IncidentStore& store);

// One interface for every implementation. The result has grid.cells() values, row-major from the
// top-left, in incidents per km² (per year when params.period_years > 0). Points outside the grid
// still contribute where their kernel reaches into it. Throws UsageError via validate_kde.
class DensityEstimator {
 public:
  virtual ~DensityEstimator() = default;
  virtual std::string name() const = 0;
  virtual std::vector<float> compute(const PointSet& points, const GridSpec& grid,
                                     const KdeParams& params) = 0;
};

// The slow, exact reference: for every cell centre, the direct sum over every point of the
// untruncated kernel, in double. O(points x cells): for tests and spot checks only.
std::vector<double> reference_kde(const PointSet& points, const GridSpec& grid,
                                  const KdeParams& params);
// The same sum at one location (x, y) in the grid's CRS, in the output unit.
double reference_density_at(const PointSet& points, const KdeParams& params, double x, double y);

struct KdeScratch;  // kde_internal.hpp

// Multithreaded CPU estimator. It picks, per call, the cheaper of two paths that stay within a
// stated error (see kde_cpu.cpp for the derivation):
//  - binned: linear binning of the points to the nodes of an internal grid, then the kernel
//    sampled on that grid and normalised to sum to exactly one incident (separable 1-D passes for
//    the gaussian, a direct 2-D disk stencil for the quartic), then bilinear interpolation to the
//    requested cells when the internal grid is coarser (very wide kernels only). The worst case,
//    a single isolated point, is off by at most 1/(4s²) of its peak for the gaussian (s = σ/cell)
//    and 1/H² for the quartic (H = h/cell), doubled when interpolating; used only while that bound
//    is <= Options::max_binned_error.
//  - exact: the exact kernel at every cell centre, no discretisation error. The gaussian (and a
//    quartic narrower than 2 cells) splats each point's square of cells; the quartic adds, for
//    every row a point reaches, its row's degree-4 polynomial to a difference array of
//    coefficients, evaluated once per cell (kde_quartic_rows.cpp): O(rows) per point instead of
//    O(cells), exact to double rounding (the float output's 6e-8 dominates; bound derived there).
//    Used where binning would be too coarse, or where it is cheaper (few points on a big grid, or
//    wide quartics: kde_exact_cost_ns in kde_plan.hpp prices each scheme as it runs).
class CpuKde : public DensityEstimator {
 public:
  enum class Path { automatic, binned, splat };
  struct Options {
    unsigned threads = 0;  // 0 = std::thread::hardware_concurrency()
    Path path = Path::automatic;
    bool simd = true;  // false forces the portable loops (tests cover both)
    // Largest accepted worst-case binning error, as a fraction of one point's peak. 1 % keeps every
    // grid within 1 % of the exact sum (exports); 2 % lets the quartic bin from h = 7 cells instead
    // of 10, about 10x faster there (interactive maps; the FGJ data stays within 0.8 %).
    double max_binned_error = 0.01;
  };
  static constexpr double kInteractiveBinnedError = 0.02;

  CpuKde();
  explicit CpuKde(Options options);
  ~CpuKde() override;
  CpuKde(CpuKde&&) noexcept;
  CpuKde& operator=(CpuKde&&) noexcept;
  std::string name() const override { return "cpu"; }
  std::vector<float> compute(const PointSet& points, const GridSpec& grid,
                             const KdeParams& params) override;
  // The density of the points rows[0], rows[1], ... of `columns` (indices into its x, y and
  // weight): the same values as compute() on those rows gathered into columns of their own, without
  // the gathered copy (16 bytes per point: 160 MB at 10 M); the binned path reads the columns
  // through `rows`. The dashboard's heatmap of the filtered incidents (app/density_worker.cpp).
  std::vector<float> compute_rows(const PointSet& columns, std::span<const uint32_t> rows,
                                  const GridSpec& grid, const KdeParams& params);

  // What the last compute() did (for benchmarks and tests).
  struct Plan {
    Path path = Path::automatic;
    int coarsen = 1;         // internal cell = coarsen x grid cell (binned path)
    int radius_cells = 0;    // kernel radius in internal cells
    double error_bound = 0;  // worst-case error / single-point peak (0 for the splat)
    unsigned threads = 1;
  };
  const Plan& last_plan() const { return plan_; }
  static Plan plan_for(const GridSpec& grid, const KdeParams& params, size_t points,
                       const Options& options);

 private:
  // The binned path's kernel passes over scratch_'s bins (filled by binning) into the output.
  std::vector<float> binned_passes(const GridSpec& grid, const KdeParams& params);

  Options options_;
  Plan plan_;
  // Buffers reused between calls (the UI recomputes on every slider move), so one CpuKde per
  // calling thread.
  std::unique_ptr<KdeScratch> scratch_;
};

}  // namespace faro
