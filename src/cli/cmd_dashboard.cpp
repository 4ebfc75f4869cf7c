// faro dashboard (and `faro` with no arguments): the interactive dashboard in a window, or, with
// no display, the same UI drawn headless through EGL into a PNG. --screenshot runs frames until
// the map is finished (at least --frames) and writes the window to a PNG (the Xvfb smoke test and
// the docs use it).
//
// Data and map come from a project (--project) and/or the flags `faro render` takes (--sectors,
// --incidents, --programs, --where, --from/--to, --style, --layers, --basemap, --context and the
// layer overrides), parsed by the same functions (cli/data_args.hpp, cli/render_style_args.hpp),
// so `faro dashboard --sectors S --incidents I --basemap B --frames 20 --screenshot x.png` shows
// what `faro render` with those flags draws, and no project file is needed to script it.
#include <iostream>

#include "cli/args.hpp"
#include "cli/commands.hpp"
#include "cli/dashboard_args.hpp"
#include "cli/pg_data.hpp"
#include "core/errors.hpp"
#include "io/pg_connection.hpp"
#include "io/project_file.hpp"
#ifdef FARO_HAVE_APP
#include "app/dashboard_options.hpp"
#include "render/egl_context.hpp"
#endif

namespace faro::cli {
namespace {

CommandSpec dashboard_spec() {
  CommandSpec spec;
  spec.name = "dashboard";
  spec.synopsis =
      "[--project P.faro.json] [--incidents I [--sectors S]] [--programs P] [--where SQL] "
      "[--from D --to D] [--style NAME|FILE.json] [--layers LIST] [--basemap RASTER] "
      "[--context VECTOR]... [--lang es|en] [--presentation] [--size 1600x900] [--ui-scale 200] "
      "[--frames N] [--screenshot OUT.png] [--browse PATH] "
      "[--incidents PG:... --table T [--refresh-every MIN] [--pg-max-rows N]]";
  spec.description =
      "Opens the interactive dashboard on the demo city (datos sintéticos), a project file, or\n"
      "the data and map the flags name (the same flags as `faro render`; with --project they\n"
      "apply on top of the project, and Save writes the result to it). --incidents alone opens\n"
      "them without sectors: heatmap, points, timeline, filters and grid hot spots; the weekly\n"
      "brief, the evaluation and the choropleth ask for the sectors.\n"
      "Map: drag to pan, wheel to zoom around the cursor, double-click to zoom in, arrows and\n"
      "+/- to move and zoom, Home to fit all; click a sector to select it (Ctrl+click for\n"
      "several). F11 toggles presentation mode (Esc leaves). Drop files on the window to open them.\n"
      "--basemap shows any GDAL raster (GeoTIFF with overviews, MBTiles, GeoPackage tiles...)\n"
      "under the map, read tile by tile in the background; greyed and dimmed (Layers panel).\n"
      "With no display (no DISPLAY / WAYLAND_DISPLAY, or no OpenGL window), draws the dashboard\n"
      "headless through EGL and writes it to faro-dashboard.png (or --screenshot). Before the\n"
      "screenshot each frame waits for the load, the density grid and the basemap tiles it\n"
      "started, and frames go on past N (200 in all at most) while they still change the map.\n"
      "--incidents PG:<conninfo> --table T opens the tables `faro publish --to PG:... --table T`\n"
      "wrote (sectors too) as a live source: File > Refresh (F5) fetches the rows added since,\n"
      "File > Reconcile compares month checksums and reloads the months that changed;\n"
      "--refresh-every MIN (or File > Refresh every) refreshes on its own. A failed refresh keeps\n"
      "the data shown and says why (password hidden); F5 retries. A table with more rows than\n"
      "--pg-max-rows (default 5000000, the planner's estimate) is not pulled: the map's heatmap\n"
      "and points come from the server for the view (server mode).";
  spec.options = {
      {"project", "FILE", "project file to open (.faro.json)"},
      {"lang", "es|en", "interface language (default: the project's, else the system locale)"},
      {"presentation", "", "start in presentation mode (full screen, larger text, no points)"},
      {"size", "WxH", "window size in screen units (default 1600x900)"},
      {"ui-scale", "PERCENT",
       "text and widget size, percent of the screen's scale (default 100; 200 as on HiDPI)"},
      {"frames", "N", "run N frames then exit (default 5 with --screenshot)"},
      {"screenshot", "OUT.png", "write the window to a PNG after the last frame, then exit"},
      {"browse", "PATH",
       "start with File > Open data at PATH: a folder, an archive (.zip, .tar, .tgz, .7z) to look "
       "inside, or a file (a CSV or .csv.gz opens its column-mapping dialog)"},
      {"refresh-every", "MIN", "PostGIS source: refresh every MIN minutes (default: off; F5 by hand)"},
      {"pg-max-rows", "N",
       "PostGIS source: above N rows (pg_class estimate) work in the server instead of pulling "
       "every row (default 5000000; 0 = always pull)"},
  };
  for (const OptionSpec& o : dashboard_session_options()) spec.options.push_back(o);
  return spec;
}

#ifdef FARO_HAVE_APP
int parse_positive(const std::string& text, const std::string& what, int max) {
  try {
    size_t used = 0;
    const int v = std::stoi(text, &used);
    if (used == text.size() && v > 0 && v <= max) return v;
  } catch (const std::exception&) {
  }
  throw UsageError("faro dashboard: " + what + " must be a whole number from 1 to " +
                   std::to_string(max) + ", got '" + text + "'");
}
#endif

}  // namespace

int cmd_dashboard(const std::vector<std::string>& args_in, std::ostream& out, std::ostream& err) {
  const CommandSpec spec = dashboard_spec();
  const ParsedArgs args = parse_args(spec, args_in);
  if (args.help) {
    out << usage_text(spec);
    return kExitOk;
  }
#ifdef FARO_HAVE_APP
  app::DashboardOptions options;
  options.screenshot = args.get_or("screenshot", "");
  options.project = args.get_or("project", "");
  options.presentation = args.has("presentation");
  options.browse = args.get_or("browse", "");
  if (auto n = args.get("frames")) options.frames = parse_positive(*n, "--frames", 1'000'000);
  if (auto lang = args.get("lang")) {
    if (*lang == "es")
      options.language = Language::es;
    else if (*lang == "en")
      options.language = Language::en;
    else
      throw UsageError("faro dashboard: --lang must be es or en, got '" + *lang + "'");
  }
  ParsedArgs session_args = args;
  if (wants_pg_source(args)) {
    // A live PostGIS source: the tables `faro publish` wrote, sectors included (cli/pg_data.hpp
    // reads the same options for `faro counts`).
    if (auto s = args.get("sectors"); s && !io::is_pg_source(*s))
      throw UsageError("faro dashboard: a live PG: source reads its sectors from <table>_sectors; "
                       "leave out --sectors or give the same PG: connection");
    app::PgDashboardSource pg;
    pg.source = *args.get("incidents");
    pg.table = args.get_or("table", "faro");
    pg.filter = pg_filter_from_args(args);
    pg.options = pg_connection_options(args);
    if (auto m = args.get("refresh-every")) pg.refresh_every_min = parse_positive(*m, "--refresh-every", 24 * 60);
    if (auto n = args.get("pg-max-rows")) {
      char* end = nullptr;
      pg.max_rows = std::strtoll(n->c_str(), &end, 10);
      if (n->empty() || *end != '\0' || pg.max_rows < 0)
        throw UsageError("faro dashboard: --pg-max-rows must be a number of rows (0 = always pull)");
    }
    options.pg = std::move(pg);
    session_args.erase("incidents");
    session_args.erase("sectors");
  } else if (args.has("refresh-every") || args.has("pg-max-rows")) {
    throw UsageError("faro dashboard: --refresh-every and --pg-max-rows need a PG: source (--incidents PG:... --table T)");
  }
  if (has_dashboard_session_flags(session_args)) {
    // A project's errors (and the flags') stop here, before any window opens.
    Session base;
    base.language = language_from_environment();  // as the dashboard starts without flags
    if (!options.project.empty()) base = io::load_project(options.project);
    options.session = dashboard_session_from_args(session_args, std::move(base));
  }
  if (auto percent = args.get("ui-scale")) {
    const int p = parse_positive(*percent, "--ui-scale", 400);
    if (p < 50) throw UsageError("faro dashboard: --ui-scale must be 50 to 400, got " + *percent);
    options.ui_scale = static_cast<float>(p) / 100.0f;
  }
  if (auto size = args.get("size")) {
    const size_t x = size->find('x');
    if (x == std::string::npos)
      throw UsageError("faro dashboard: --size must be WIDTHxHEIGHT, e.g. 1600x900, got '" +
                       *size + "'");
    options.width = parse_positive(size->substr(0, x), "--size width", 8192);
    options.height = parse_positive(size->substr(x + 1), "--size height", 8192);
  }
  try {
    return app::run_dashboard(options, out, err);
  } catch (const render::GlUnavailable& e) {
    err << "faro dashboard: no OpenGL 3.3 context (window or EGL): " << e.what() << "\n";
    return kExitData;
  }
#else
  err << "faro dashboard: this build has no dashboard (the app library was not built)\n";
  return kExitData;
#endif
}

}  // namespace faro::cli
