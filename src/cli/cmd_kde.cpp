// faro kde: kernel density of the selected incidents as a float32 GeoTIFF in the working CRS, in
// incidents per km² (per year when --from and --to are both given).
#include <algorithm>
#include <cmath>
#include <filesystem>
#include <iomanip>
#include <iostream>
#include <sstream>

#include "cli/args.hpp"
#include "cli/commands.hpp"
#include "cli/data_args.hpp"
#include "cli/distance_args.hpp"
#include "core/color_domain.hpp"
#include "core/demo_city.hpp"
#include "core/errors.hpp"
#include "core/kde.hpp"
#include "io/incidents_only.hpp"
#include "io/demo_writer.hpp"
#include "io/gdal_env.hpp"
#include "io/geotiff_writer.hpp"
#include "io/incident_loader.hpp"
#include "io/reproject.hpp"

namespace faro::cli {
namespace {
namespace fs = std::filesystem;

CommandSpec kde_spec() {
  CommandSpec spec;
  spec.name = "kde";
  spec.synopsis =
      "[--incidents I] [--where SQL] [--from D --to D] --bandwidth DIST [--kernel "
      "gaussian|quartic] "
      "--cell DIST [--extent xmin,ymin,xmax,ymax] [--work-srs SRS] [--weight-field F] -o FILE.tif";
  spec.description =
      "Kernel density of the incidents as a float32 GeoTIFF in the working CRS. Each value is the\n"
      "density at its cell centre in incidents per km² over the selected period, or per year when\n"
      "both --from and --to are given. Distances are metres ('400' and '400m' are the same).\n"
      "gaussian: --bandwidth is σ (the standard deviation; the kernel is cut at 4σ). quartic:\n"
      "--bandwidth is the radius where the kernel reaches zero (the QGIS/ArcGIS convention). Each\n"
      "kernel integrates to one incident, so away from the edges the grid sums (x cell area) to "
      "the\n"
      "number of incidents. The grid's top-left corner is (xmin, ymax) of --extent (working CRS),\n"
      "by default the incidents' extent plus 3 bandwidths. The working CRS is --work-srs, else "
      "the\n"
      "UTM zone of the incidents' median longitude/latitude. With no --incidents, uses the demo\n"
      "city. The load report goes to stderr.";
  for (const OptionSpec& o : data_options()) {
    if (o.name.starts_with("sector") || o.name == "population-field") continue;  // no sectors here
    OptionSpec copy = o;
    if (o.name == "work-srs")
      copy.help = "working CRS, projected in metres (default: UTM zone of the incidents' centre)";
    spec.options.push_back(copy);
  }
  for (const OptionSpec& o : filter_options()) spec.options.push_back(o);
  spec.options.push_back(
      {"weight-field", "FIELD", "numeric field weighting each incident (default 1)"});
  spec.options.push_back({"bandwidth", "DIST", "kernel bandwidth in metres (required)"});
  spec.options.push_back({"kernel", "NAME", "gaussian (default) or quartic"});
  spec.options.push_back({"cell", "DIST", "cell size in metres (required)"});
  spec.options.push_back({"extent", "BOX", "xmin,ymin,xmax,ymax in the working CRS"});
  spec.options.push_back({"o", "FILE", "output GeoTIFF (written atomically; required)"});
  return spec;
}


// Loads the incidents in the working CRS. With no --work-srs (and not the demo city) they are
// loaded in longitude/latitude first, the UTM zone of their median point is chosen (robust to a
// few far-off geocodes), and they are reprojected in memory: one read of the source either way.
IncidentStore load(const ParsedArgs& args, const std::string& source, bool demo,
                   std::ostream& err) {
  io::IncidentSourceOptions opts = incident_options_from_args(args);
  if (demo) opts.layer = "incidents";
  std::string work = args.get_or("work-srs", "");
  if (work.empty() && demo) work = DemoCity{}.work_srs;
  io::IncidentLoadContext ctx;
  ctx.work_srs = work.empty() ? std::string("EPSG:4326") : work;
  io::IncidentLoadResult r = io::load_incidents(source, opts, ctx);
  if (work.empty() && !r.store.empty()) {
    work = io::reproject_to_median_utm(r.store, r.report);
    r.report.note(Msg::load_note_work_crs_median, {io::describe_srs(work)});
  } else if (work.empty()) {
    work = "EPSG:4326";  // nothing loaded; the caller reports the empty selection
  }
  r.store.work_srs = work;
  err << r.report.to_text();
  return std::move(r.store);
}

std::string format_number(double v, int precision = 6) {
  std::ostringstream s;
  s << std::setprecision(precision) << v;
  return s.str();
}

std::string method_text(const CpuKde::Plan& plan) {
  if (plan.path == CpuKde::Path::splat) return "exact sum at cell centres";
  return "linear binning + kernel sampled on the grid (worst case " +
         format_number(100 * plan.error_bound, 2) + " % of one incident's peak)";
}

}  // namespace

int cmd_kde(const std::vector<std::string>& argv, std::ostream& out, std::ostream& err) {
  const CommandSpec spec = kde_spec();
  const ParsedArgs args = parse_args(spec, argv);
  if (args.help) {
    out << usage_text(spec);
    return kExitOk;
  }
  // Every argument is checked before any data is read.
  if (!args.has("bandwidth")) throw UsageError("faro kde: --bandwidth is required (e.g. 400m)");
  if (!args.has("cell")) throw UsageError("faro kde: --cell is required (e.g. 50m)");
  if (!args.has("o")) throw UsageError("faro kde: -o FILE.tif is required");
  KdeParams params;
  params.bandwidth_m = parse_distance_m(*args.get("bandwidth"), "--bandwidth");
  const double cell = parse_distance_m(*args.get("cell"), "--cell");
  const std::string kernel_name = args.get_or("kernel", "gaussian");
  const auto kernel = parse_kde_kernel(kernel_name);
  if (!kernel) throw UsageError("--kernel must be gaussian or quartic, got '" + kernel_name + "'");
  params.kernel = *kernel;
  // A kernel narrower than a cell falls between cell centres: the grid would be all zeros (and
  // the normalisation 0/0). Its support (4 sigma for the Gaussian, the radius for the quartic)
  // must reach at least one cell.
  const double support_m =
      params.kernel == KdeKernel::gaussian ? 4 * params.bandwidth_m : params.bandwidth_m;
  if (support_m < cell)
    throw UsageError("faro kde: --bandwidth " + format_number(params.bandwidth_m) + " m is too " +
                     "narrow for --cell " + format_number(cell) + " m: the " +
                     kde_kernel_name(params.kernel) + " kernel must reach at least one cell (" +
                     (params.kernel == KdeKernel::gaussian ? "bandwidth >= cell / 4"
                                                           : "bandwidth >= cell") +
                     "); use a smaller --cell or a larger --bandwidth");
  std::optional<Box> extent;
  if (auto e = args.get("extent")) {
    extent = parse_extent(*e, "--extent");
    GridSpec::covering(*extent, cell);  // rejects a huge grid now, not after loading
  }
  const io::IncidentSourceOptions checked = incident_options_from_args(args);  // dates, order
  if (checked.from && checked.to_exclusive)
    params.period_years = period_years_between(*checked.from, *checked.to_exclusive);
  if (auto w = args.get("work-srs")) io::require_projected_metres(*w, "--work-srs");
  const std::string path = *args.get("o");
  require_output_extension("kde", path, {".tif", ".tiff"});
  const fs::path parent = fs::path(path).parent_path();
  if (!parent.empty() && !fs::is_directory(parent))
    throw DataError("cannot write " + path + ": folder " + parent.string() + " does not exist");

  const bool demo = !args.has("incidents");
  const std::string source = demo ? io::demo_geopackage_path() : *args.get("incidents");
  if (demo) err << "No --incidents given: using the demo city (" << DemoCity::kLabel << ")\n";
  const IncidentStore store = load(args, source, demo, err);
  if (store.empty() && (!extent || (!demo && !args.has("work-srs"))))
    throw DataError("no incidents selected from " + io::redact_source(source) + "; give " +
                    (demo ? "--extent" : "--work-srs and --extent") + " to write an all-zero grid");
  if (!extent) extent = store.extent().grown(3 * params.bandwidth_m);
  io::require_projected_metres(store.work_srs, "working CRS");
  const GridSpec grid = GridSpec::covering(*extent, cell);
  if (params.bandwidth_m < cell)
    err << "note: the bandwidth (" << params.bandwidth_m << " m) is smaller than a cell (" << cell
        << " m): cell centres sample the kernels sparsely\n";

  CpuKde kde;
  const std::vector<float> density = kde.compute(point_set(store), grid, params);
  const ColorDomain colors = resolve_color_domain({}, density);
  double sum = 0;
  float peak = 0;
  for (float v : density) {
    sum += v;
    peak = std::max(peak, v);
  }
  const double in_grid =
      sum * grid.cell_area_km2() * (params.period_years > 0 ? params.period_years : 1);

  const bool weighted = args.has("weight-field");
  const bool per_year = params.period_years > 0;
  io::RasterMetadata md;
  md.units = std::string(weighted ? "weighted incidents" : "incidents") + " per km2" +
             (per_year ? " per year" : "");
  md.description = std::string(kde_kernel_name(params.kernel)) + " KDE, bandwidth " +
                   format_number(params.bandwidth_m) + " m";
  const std::string period = args.has("from") || args.has("to")
                                 ? args.get_or("from", "start") + ".." + args.get_or("to", "end")
                                 : std::string("all");
  md.items = {
      {"FARO_UNITS", md.units},
      {"FARO_KERNEL", kde_kernel_name(params.kernel)},
      {"FARO_BANDWIDTH_M", format_number(params.bandwidth_m, 12)},
      {"FARO_BANDWIDTH_MEANING", params.kernel == KdeKernel::gaussian
                                     ? "standard deviation (kernel cut at 4 sigma)"
                                     : "radius where the kernel reaches zero"},
      {"FARO_CELL_M", format_number(cell, 12)},
      {"FARO_VALUE_AT", "cell centre"},
      {"FARO_PERIOD", period},
      {"FARO_PERIOD_YEARS", per_year ? format_number(params.period_years, 12) : std::string("")},
      {"FARO_INCIDENTS", std::to_string(store.size())},
      {"FARO_SOURCE", io::redact_source(source)},
      {"FARO_WHERE", args.get_or("where", "")},
      {"FARO_WEIGHT_FIELD", args.get_or("weight-field", "")},
      {"FARO_COLOR_MAX_P99", format_number(colors.max)},
      {"FARO_METHOD", method_text(kde.last_plan())},
  };
  if (demo) md.items.push_back({"FARO_SYNTHETIC", DemoCity::kLabel});
  std::erase_if(md.items, [](const auto& kv) { return kv.second.empty(); });
  io::write_density_geotiff(path, grid, density, store.work_srs, md);

  err << "wrote " << path << ": " << grid.nx << " x " << grid.ny << " cells of " << cell << " m ("
      << store.work_srs << "), " << kde_kernel_name(params.kernel) << " bandwidth "
      << params.bandwidth_m << " m, " << store.size() << " incidents (" << std::fixed
      << std::setprecision(1) << in_grid << " inside the grid); peak " << std::setprecision(4)
      << std::defaultfloat << peak << " " << md.units << ", auto colour max (99th percentile of "
      << "non-zero cells) " << colors.max << "\n";
  return kExitOk;
}

}  // namespace faro::cli
