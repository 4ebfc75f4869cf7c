// faro render: a finished map PNG (heatmap in true units, sectors, programs, labels, legend, scale
// bar, north arrow, source line) rendered headless through EGL (OpenGL 3.3 core; Mesa llvmpipe
// without a GPU).
#include <chrono>
#include <cmath>
#include <filesystem>
#include <iostream>
#include <sstream>

#include "cli/args.hpp"
#include "cli/commands.hpp"
#include "cli/data_args.hpp"
#include "cli/distance_args.hpp"
#include "cli/partner_safe_render.hpp"
#include "cli/render_compare.hpp"
#include "core/demo_city.hpp"
#include "core/errors.hpp"
#include "io/basemap_reader.hpp"
#include "io/context_loader.hpp"
#include "io/png_writer.hpp"
#include "io/program_polygon_loader.hpp"
#include "render/context_line_layer.hpp"
#include "render/egl_context.hpp"
#include "render/map_scene.hpp"

namespace faro::cli {
namespace {
namespace fs = std::filesystem;

CommandSpec render_spec() {
  CommandSpec spec;
  spec.name = "render";
  spec.synopsis =
      "[--sectors S --incidents I] [--programs P] [--where SQL] [--from D --to D] "
      "[--layers heatmap,sectors,programs,points,labels] [--bandwidth 400] "
      "[--kernel gaussian|quartic] [--color-max VALUE|auto] [--colormap inferno|viridis|ylorrd] "
      "[--context VECTOR]... [--basemap RASTER] [--width 1920 --height 1080] [--title TEXT] -o "
      "map.png";
  spec.description =
      "Renders a finished map as PNG, headless (OpenGL 3.3 core through EGL; no display needed).\n"
      "Layers (--layers, comma-separated; default heatmap,sectors,programs,labels):\n"
      "  heatmap     kernel density in incidents/km² (per year when --from and --to are given)\n"
      "  sectors     sector outlines on a pale fill\n"
      "  choropleth  sectors coloured by --choropleth count|per-km2|per-10k|change|change-pct\n"
      "              (--classes N --scale quantile|equal|jenks|continuous)\n"
      "  programs    program areas, hatched; areas rolled out after --to are drawn grey\n"
      "  points      incident points coloured by category (exact locations: not partner-safe)\n"
      "  labels      sector and program names\n"
      "--color-max fixes the top of the heatmap scale, so two maps with the same value compare;\n"
      "auto (default) uses the 99th percentile of the non-zero cells. Densities below 3 % of the\n"
      "top are transparent. --kde auto uses the CPU on software GL (llvmpipe) and the GPU\n"
      "otherwise. With no --sectors/--incidents, renders the demo city (datos sintéticos) and its\n"
      "programs.\n"
      "--context adds any OGR line or polygon layer (e.g. borough boundaries), reprojected to the\n"
      "working CRS and drawn as thin dark-grey lines above the heatmap; repeat it for several.\n"
      "--basemap draws any GDAL raster (GeoTIFF, VRT...) warped into the view under everything;\n"
      "sector fills become translucent over it.\n"
      "--choropleth change maps the count in --from..--to minus the count in the previous period\n"
      "(--compare-from/--compare-to; default the equally long period just before, calendar\n"
      "months when --from and --to are month bounds: 2024 vs 2023); change-pct as a percentage.\n"
      "Diverging colours centred at 0 (red = increase); sectors with none before and some now\n"
      "form the class \"nuevo (antes 0)\".";
  for (const OptionSpec& o : data_options()) spec.options.push_back(o);
  for (const OptionSpec& o : filter_options()) spec.options.push_back(o);
  spec.options.push_back(
      {"programs", "SOURCE",
       "programs: GeoPackage with program_sectors, or CSV program,sector,start[,end]"});
  spec.options.push_back({"layers", "LIST", "layers to draw (see above)"});
  spec.options.push_back(
      {"context", "VECTOR", "line/polygon layer drawn as boundaries (repeatable)", true});
  spec.options.push_back({"basemap", "RASTER", "GDAL raster drawn under the map"});
  spec.options.push_back(
      {"choropleth", "MEASURE", "count (default), per-km2, per-10k, change or change-pct"});
  spec.options.push_back({"classes", "N", "choropleth classes 2..9 (default 5)"});
  spec.options.push_back(
      {"scale", "NAME", "choropleth scale: quantile (default), equal, jenks or continuous"});
  for (const OptionSpec& o : compare_options()) spec.options.push_back(o);
  spec.options.push_back({"bandwidth", "DIST", "kernel bandwidth in metres (default 400)"});
  spec.options.push_back({"kernel", "NAME", "gaussian (default; bandwidth = σ) or quartic"});
  spec.options.push_back({"color-max", "VALUE|auto", "top of the heatmap scale (default auto)"});
  spec.options.push_back({"colormap", "NAME", "inferno (default), viridis or ylorrd"});
  spec.options.push_back({"kde", "cpu|gpu|auto", "density implementation (default auto)"});
  spec.options.push_back({"width", "PX", "image width (default 1920)"});
  spec.options.push_back({"height", "PX", "image height (default 1080)"});
  spec.options.push_back({"title", "TEXT", "map title (default from the data)"});
  spec.options.push_back(
      {"internal", "", "internal use: partner-safe rules off, stamped USO INTERNO"});
  spec.options.push_back({"o", "FILE", "output PNG (written atomically; required)"});
  return spec;
}

int parse_pixels(const ParsedArgs& args, const std::string& name, int fallback) {
  const auto v = args.get(name);
  if (!v) return fallback;
  try {
    size_t used = 0;
    const int n = std::stoi(*v, &used);
    if (used == v->size() && n > 0 && n <= 16384) return n;
  } catch (const std::exception&) {
  }
  throw UsageError("--" + name + " must be a whole number of pixels between 1 and 16384, got '" +
                   *v + "'");
}

render::MapSceneOptions scene_options(const ParsedArgs& args) {
  render::MapSceneOptions o;
  if (auto l = args.get("layers")) o.layers = render::parse_scene_layers(*l);
  if (auto c = args.get("choropleth")) {
    auto m = parse_choropleth_measure(*c);
    if (!m)
      throw UsageError("--choropleth must be count, per-km2, per-10k, change or change-pct, got '" +
                       *c + "'");
    o.choropleth = *m;
  }
  if (auto c = args.get("classes")) {
    if (*c == "continuous") {  // older spelling of --scale continuous
      o.choropleth_scale = ChoroplethScale::continuous;
    } else if (c->size() == 1 && (*c)[0] >= '2' && (*c)[0] <= '9') {
      o.choropleth_classes = (*c)[0] - '0';
    } else {
      throw UsageError("--classes must be a number of classes 2..9, got '" + *c + "'");
    }
  }
  if (auto c = args.get("scale")) {
    auto scale = parse_choropleth_scale(*c);
    if (!scale)
      throw UsageError("--scale must be quantile, equal, jenks or continuous, got '" + *c + "'");
    o.choropleth_scale = *scale;
  }
  if (auto b = args.get("bandwidth")) o.kde.bandwidth_m = parse_distance_m(*b, "--bandwidth");
  if (auto k = args.get("kernel")) {
    auto kernel = parse_kde_kernel(*k);
    if (!kernel) throw UsageError("--kernel must be gaussian or quartic, got '" + *k + "'");
    o.kde.kernel = *kernel;
  }
  if (auto c = args.get("color-max"); c && *c != "auto") {
    try {
      size_t used = 0;
      const float v = std::stof(*c, &used);
      if (used != c->size() || !(v > 0) || !std::isfinite(v)) throw std::invalid_argument("");
      o.color_max = v;
    } catch (const std::exception&) {
      throw UsageError("--color-max must be a positive number or auto, got '" + *c + "'");
    }
  }
  if (auto c = args.get("colormap")) {
    auto cm = parse_colormap(*c);
    if (!cm) throw UsageError("--colormap must be inferno, viridis or ylorrd, got '" + *c + "'");
    o.colormap = *cm;
  }
  const std::string kde = args.get_or("kde", "auto");
  if (kde == "cpu")
    o.kde_backend = render::KdeBackend::cpu;
  else if (kde == "gpu")
    o.kde_backend = render::KdeBackend::gpu;
  else if (kde != "auto")
    throw UsageError("--kde must be cpu, gpu or auto, got '" + kde + "'");
  o.width = parse_pixels(args, "width", 1920);
  o.height = parse_pixels(args, "height", 1080);
  return o;
}

std::string period_text(const LoadedData& d) {
  std::optional<CivilSeconds> from = d.filter.from, to = d.filter.to_exclusive;
  if (to) *to -= kSecondsPerDay;  // inclusive last day
  if (!from) from = d.incidents.min_time();
  if (!to) to = d.incidents.max_time();
  if (!from || !to) return "";
  return format_date(*from) + " – " + format_date(*to);
}

}  // namespace

int cmd_render(const std::vector<std::string>& args_in, std::ostream& out, std::ostream& err) {
  const CommandSpec spec = render_spec();
  const ParsedArgs args = parse_args(spec, args_in);
  if (args.help) {
    out << usage_text(spec);
    return kExitOk;
  }
  const auto output = args.get("o");
  if (!output) throw UsageError("faro render: -o FILE.png is required");
  render::MapSceneOptions opts = scene_options(args);  // usage errors before any loading

  LoadedData data = load_data(args, err);
  if (data.sectors.size() == 0) throw DataError(data.sectors_source + ": no sectors loaded");

  if (data.incidents.empty())
    err << "faro render: warning: no incidents in the selection; the map shows no density\n";

  std::vector<Program> programs;
  std::string programs_source = args.get_or("programs", data.synthetic ? data.sectors_source : "");
  if (!programs_source.empty() && opts.layers.count(render::SceneLayer::programs)) {
    io::ProgramLoadResult pl = io::load_programs_for_sectors(programs_source, data.sectors);
    err << pl.report.to_text();
    programs = std::move(pl.programs);
  }

  const std::string incidents_name = fs::path(data.incidents_source).filename().string();
  opts.synthetic = data.synthetic;
  opts.title = args.get_or("title", data.synthetic ? "Incidentes — " + DemoCity{}.name
                                                   : "Incidentes — " + incidents_name);
  opts.subtitle = period_text(data);
  if (auto w = args.get("where")) opts.subtitle += (opts.subtitle.empty() ? "" : " · ") + *w;
  opts.source_line = data.synthetic ? "Faro — ciudad sintética" : "Fuente: " + incidents_name;

  apply_render_protection(args.has("internal"), opts, data.filter.from, data.filter.to_exclusive,
                          err);  // partner-safe by default (cli/partner_safe_render.hpp)

  std::vector<render::LineStrip> context;
  for (const std::string& source : args.all("context")) {
    io::ContextLoadResult c = io::load_context_lines(source, data.sectors.work_srs);
    err << c.report.to_text();
    for (io::ContextLine& l : c.lines) context.push_back({std::move(l.points), l.closed});
  }

  PreviousPeriodData previous;
  const bool change_map =
      opts.layers.count(render::SceneLayer::choropleth) && is_change_measure(opts.choropleth);
  if (change_map) previous = load_previous_period(args, data, err);

  render::MapSceneData scene;
  scene.sectors = &data.sectors;
  scene.incidents = &data.incidents;
  scene.programs = &programs;
  scene.from = data.filter.from;
  scene.to_exclusive = data.filter.to_exclusive;
  scene.context_lines = &context;
  if (change_map) {
    scene.previous_incidents = &previous.incidents;
    scene.previous_from = previous.period.from;
    scene.previous_to_exclusive = previous.period.to_exclusive;
  }
  if (auto basemap = args.get("basemap")) {
    const std::string work_srs = data.sectors.work_srs;
    scene.basemap = [source = *basemap, work_srs](const Box& view, int w, int h) {
      io::BasemapImage b = io::read_basemap(source, work_srs, view, w, h);
      return render::BasemapRaster{b.width, b.height, std::move(b.rgba), b.box};
    };
  }

  render::MapSceneResult r;
  try {
    r = render::render_map_scene(scene, opts);
  } catch (const render::GlUnavailable& e) {
    throw DataError(std::string("no headless OpenGL 3.3 available: ") + e.what());
  }
  const auto t0 = std::chrono::steady_clock::now();
  io::write_png_rgba(*output, r.image.pixels, r.image.width, r.image.height);
  const double png_ms =
      std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count();
  out << "wrote " << *output << " (" << r.image.width << "x" << r.image.height << ")\n";
  err << "renderer: " << r.renderer << "; kde " << (r.kde_backend.empty() ? "-" : r.kde_backend)
      << " " << static_cast<int>(r.kde_ms) << " ms, render " << static_cast<int>(r.render_ms)
      << " ms, overlay " << static_cast<int>(r.overlay_ms) << " ms, png "
      << static_cast<int>(png_ms) << " ms\n";
  if (!r.density.empty())
    err << "heatmap: colour max " << r.domain.max << " " << r.units
        << (r.domain.locked ? " (fixed)" : " (auto, percentile)") << "\n";
  return kExitOk;
}

}  // namespace faro::cli
