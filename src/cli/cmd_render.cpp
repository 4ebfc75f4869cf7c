// faro render: a finished map PNG (heatmap in true units, sectors, programs, labels, legend, scale
// bar, north arrow, source line) rendered headless through EGL (OpenGL 3.3 core; Mesa llvmpipe
// without a GPU).
#include <chrono>
#include <map>
#include <cmath>
#include <filesystem>
#include <iostream>
#include <sstream>

#include "cli/args.hpp"
#include "cli/commands.hpp"
#include "cli/data_args.hpp"
#include "cli/distance_args.hpp"
#include "cli/lang_args.hpp"
#include "cli/map_args.hpp"
#include "cli/render_style_args.hpp"
#include "cli/render_compare.hpp"
#include "core/demo_city.hpp"
#include "core/errors.hpp"
#include "core/messages.hpp"
#include "core/session_programs.hpp"
#include "core/style_protection.hpp"
#include "core/workspace.hpp"
#include "io/data_loading.hpp"
#include "io/png_writer.hpp"
#include "io/project_file.hpp"
#include "io/workspace_loader.hpp"
#include "render/context_line_layer.hpp"
#include "render/egl_context.hpp"
#include "render/map_scene.hpp"
#ifdef FARO_HAVE_APP
#include "app/partner_safe_view.hpp"
#include "cli/partner_rules.hpp"
#include "core/partner_query.hpp"
#include "io/disclosure_ledger.hpp"
#include "app/session_map.hpp"
#endif

namespace faro::cli {
namespace {
namespace fs = std::filesystem;

CommandSpec render_spec() {
  CommandSpec spec;
  spec.name = "render";
  spec.synopsis =
      "[--sectors S --incidents I] [--programs P] [--where SQL] [--from D --to D] "
      "[--style NAME|FILE.json] [--project P.faro.json] [--lang es|en] "
      "[--layers heatmap,sectors,programs,labels,...] [--bandwidth 400] "
      "[--kernel quartic|gaussian] [--color-max VALUE|auto] [--colormap inferno|viridis|ylorrd] "
      "[--context VECTOR]... [--basemap RASTER] [--width 1920 --height 1080] [--title TEXT] "
      "[--internal] -o map.png";
  spec.description =
      "Renders a finished map as PNG, headless (OpenGL 3.3 core through EGL; no display needed).\n"
      "The map is a style (layers/ in the README): --style analyst (default, the dashboard's),\n"
      "weekly-meeting, partner-presentation or a style JSON file; --project P.faro.json renders a\n"
      "dashboard project exactly as the dashboard exports it. The flags below edit that style.\n"
      "Layers (--layers, comma-separated, shows exactly these):\n"
      "  heatmap     kernel density in incidents/km² (per year when --from and --to are given)\n"
      "  sectors     sector outlines on a pale fill\n"
      "  choropleth  sectors coloured by --choropleth count|per-km2|per-10k|change|change-pct\n"
      "              (--classes N --scale quantile|equal|jenks|continuous)\n"
      "  grid        incident counts on hexagons\n"
      "  hotspots    Gi* hot and cold spots of the sectors' counts\n"
      "  programs    program areas, hatched; areas rolled out after --to are drawn grey\n"
      "  context     boundaries from --context files (or the style's sources)\n"
      "  points      incident points coloured by category (exact locations: not partner-safe)\n"
      "  labels      sector and program names\n"
      "Partner-safe by default: no points, small counts hidden, and a heatmap that would hide more\n"
      "than 10 % of the incidents is widened, or replaced by hexagons, sector counts or counts per\n"
      "group of sectors (alcaldía) (the footer says which); --internal turns this off and stamps\n"
      "the map. Partner maps filter by --offence (not --where) over whole ISO weeks or months, are\n"
      "recorded in the ledger (--ledger, $FARO_LEDGER) and are refused when they differ from a map\n"
      "given out before by 1-4 incidents.\n"
      "--color-max fixes the top of the heatmap scale, so two maps with the same value compare;\n"
      "auto (default) uses the 99th percentile of the non-zero cells. Densities below 3 % of the\n"
      "top are transparent. --kde auto uses the CPU on software GL (llvmpipe) and the GPU\n"
      "otherwise. With no --sectors/--incidents, renders the demo city (datos sintéticos) and its\n"
      "programs.\n"
      "--context adds any OGR line or polygon layer (e.g. borough boundaries), reprojected to the\n"
      "working CRS and drawn as thin dark-grey lines above the heatmap; repeat it for several.\n"
      "Its polygons are named by zoom: colonias_iecm.gpkg, alcaldias.geojson and the 2023\n"
      "cuadrantes take their presets (colonia names finer than 15 m/px, alcaldia names from\n"
      "15 m/px up), other files a detected name field (name, nombre, nomgeo...).\n"
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
  spec.options.push_back({"project", "FILE.faro.json",
                          "render a dashboard project (its sources, filter, programs and style) "
                          "as the dashboard exports it"});
  for (const OptionSpec& o : style_options()) spec.options.push_back(o);
  for (const OptionSpec& o : compare_options()) spec.options.push_back(o);
  spec.options.push_back({"kde", "cpu|gpu|auto", "density implementation (default auto)"});
  spec.options.push_back({"width", "PX", "image width (default 1920)"});
  spec.options.push_back({"height", "PX", "image height (default 1080)"});
  spec.options.push_back({"title", "TEXT", "map title (default from the data)"});
  spec.options.push_back(
      {"internal", "", "internal use: partner-safe rules off, stamped USO INTERNO"});
  spec.options.push_back(
      {"ledger", "FILE", "ledger of partner outputs (default in the Faro cache folder)"});
  spec.options.push_back({"o", "FILE", "output PNG (written atomically; required)"});
  return spec;
}

int write_result(const render::MapSceneResult& r, const std::string& output, std::ostream& out,
                 std::ostream& err) {
  const auto t0 = std::chrono::steady_clock::now();
  io::write_png_rgba(output, r.image.pixels, r.image.width, r.image.height);
  const double png_ms =
      std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count();
  out << "wrote " << output << " (" << r.image.width << "x" << r.image.height << ")\n";
  err << "renderer: " << r.renderer << "; kde " << (r.kde_backend.empty() ? "-" : r.kde_backend)
      << " " << static_cast<int>(r.kde_ms) << " ms, render " << static_cast<int>(r.render_ms)
      << " ms, overlay " << static_cast<int>(r.overlay_ms) << " ms, png "
      << static_cast<int>(png_ms) << " ms\n";
  if (!r.density.empty())
    err << "heatmap: colour max " << r.domain.max << " " << r.units
        << (r.domain.locked ? " (fixed)" : " (auto, percentile)") << "\n";
  return kExitOk;
}

// --project: the project's data, filter, programs and style drawn exactly as the dashboard's
// export draws them (app/session_map.hpp), with the style flags applied on top.
int render_project(const ParsedArgs& args, const std::string& output, std::ostream& out,
                   std::ostream& err) {
#ifdef FARO_HAVE_APP
  Session session = io::load_project(*args.get("project"));
  if (args.has("lang")) session.language = language_from_args(args, "faro render");
  session.style = style_from_args(args, session.style);
  if (auto t = args.get("title")) session.title = *t;
  const Workspace loaded = io::load_workspace(session);
  Workspace ws = loaded;
  apply_program_specs(ws.programs, session.programs);
  for (const LoadReport& r : ws.reports) err << r.to_text();
  const FilterResult filtered = compute_filter_result(ws, session.filter);
  app::SessionMapRequest request;
  const render::MapSceneOptions o = scene_options(args, "faro render");
  request.width = o.width;
  request.height = o.height;
  request.internal = args.has("internal");
  DisclosurePolicy policy = app::dashboard_policy();
  policy.partner_safe = !request.internal;
  {
    // What the export below decides (app/session_map.cpp), reported as `faro render` does.
    const IncidentStore selection = [&] {
      IncidentStore st;
      for (uint32_t r : filtered.rows)
        st.push_back(ws.incidents.x[r], ws.incidents.y[r], ws.incidents.t[r], 0, 0);
      return st;
    }();
    const ProtectionData pdata = render::protection_data(selection, ws.sectors, ws.extent,
                                                         period_years_of(ws, session.filter));
    report_protection(protect_style(session.style, policy, &pdata), session.language, err);
  }
  render::MapSceneResult r;
  try {
    r = app::render_session_map(ws, filtered.rows, session, request);
  } catch (const render::GlUnavailable& e) {
    throw DataError(std::string("no headless OpenGL 3.3 available: ") + e.what());
  }
  return write_result(r, output, out, err);
#else
  (void)args, (void)output, (void)out, (void)err;
  throw UsageError("faro render --project needs the dashboard library (built without it)");
#endif
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
  require_output_extension("render", *output, {".png"});
  if (args.has("project")) return render_project(args, *output, out, err);
  // Usage errors before any loading.
  render::MapSceneOptions opts = scene_options(args, "faro render");
  const MapStyle requested = style_from_args(args, MapStyle{});
  const Language lang = opts.language;
  const bool partner = !args.has("internal");
  if (partner) check_partner_request(args, BinKind::none, lang);

  LoadedData data = load_data(args, err);
  if (data.sectors.size() == 0) throw DataError(data.sectors_source + ": no sectors loaded");
  if (data.incidents.empty())
    err << "faro render: warning: no incidents in the selection; the map shows no density\n";

  const std::vector<Program> programs = load_programs_arg(args, data, requested, err);

  name_map(data, opts);
  opts.subtitle = period_text(data);
  if (auto w = args.get("where")) opts.subtitle += (opts.subtitle.empty() ? "" : " · ") + *w;

  // Partner-safe by default: the one protection function (core/style_protection.hpp).
  DisclosurePolicy policy;
  policy.partner_safe = !args.has("internal");
  Box extent = data.sectors.extent();
  extent.expand(data.incidents.extent());
  const bool period = data.filter.from && data.filter.to_exclusive;
  const ProtectionData pdata = render::protection_data(
      data.incidents, data.sectors, extent,
      period ? period_years_between(*data.filter.from, *data.filter.to_exclusive) : 0);
  const ProtectedStyle protected_style = protect_style(requested, policy, &pdata);
  const MapStyle& style = protected_style.style;
  report_protection(protected_style, lang, err);

  // Context layers with a source of their own, reprojected to the working CRS.
  const std::vector<std::string> folders = source_folders(args, data);
  std::map<std::string, std::shared_ptr<const ContextAreas>> context_areas;
  const auto context =
      load_context_layers(style, folders, data.sectors.work_srs, err, &context_areas);

  PreviousPeriodData previous;
  const StyleLayer* choropleth = style.find(LayerKind::choropleth);
  const bool change_map = choropleth && choropleth->visible &&
                          is_change_measure(choropleth->choropleth.measure);
  if (change_map) previous = load_previous_period(args, data, err);

  // A partner map is recorded in the ledger (under its lock, before the file is written) and
  // refused when it differs from one given out before by fewer than k incidents (issue 14).
  std::unique_ptr<io::LedgerLock> lock;
  if (partner) {
    const std::string path = ledger_path(args);
    lock = std::make_unique<io::LedgerLock>(path);
    DisclosureLedger ledger = io::load_disclosure_ledger(path);
    const AuditData audit(args, data, err);
    ledger.maps.push_back(check_partner_map(ledger, data, audit, policy.k, lang));
    if (change_map) {
      if (const auto problem = partner_window_problem(std::optional<CivilSeconds>(previous.period.from),
                                                      std::optional<CivilSeconds>(previous.period.to_exclusive), BinKind::none))
        throw UsageError(partner_window_text(*problem, lang, previous.period.from,
                                             previous.period.to_exclusive));
      const LedgerMap before{data.offence_filter, days_of(previous.period.from),
                             days_of(previous.period.to_exclusive - 1) + 1};
      if (const auto conflict = map_conflict(ledger, before, audit.view(), policy.k))
        throw DataError(map_conflict_text(*conflict, policy.k, lang));
      ledger.maps.push_back(before);
    }
    io::save_disclosure_ledger(path, ledger);
  }

  render::MapSceneData scene;
  scene.sectors = &data.sectors;
  scene.incidents = &data.incidents;
  scene.programs = &programs;
  scene.from = data.filter.from;
  scene.to_exclusive = data.filter.to_exclusive;
  scene.context_by_layer = &context;
  scene.context_areas_by_layer = &context_areas;
  if (change_map) {
    scene.previous_incidents = &previous.incidents;
    scene.previous_from = previous.period.from;
    scene.previous_to_exclusive = previous.period.to_exclusive;
  }
  scene.basemap = basemap_provider(data.sectors.work_srs, folders);

  render::MapSceneResult r;
  try {
    r = render::render_map_scene(scene, style, opts);
  } catch (const render::GlUnavailable& e) {
    throw DataError(std::string("no headless OpenGL 3.3 available: ") + e.what());
  }
  return write_result(r, *output, out, err);
}

}  // namespace faro::cli
