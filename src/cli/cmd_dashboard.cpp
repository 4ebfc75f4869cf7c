// faro dashboard (and `faro` with no arguments): the interactive dashboard in a window, or, with
// no display, the same UI drawn headless through EGL into a PNG. --screenshot runs a fixed number
// of frames and writes the window to a PNG (the Xvfb smoke test and the docs use it).
//
// Data and map come from a project (--project) and/or the flags `faro render` takes (--sectors,
// --incidents, --programs, --where, --from/--to, --style, --layers, --basemap, --context and the
// layer overrides), parsed by the same functions (cli/data_args.hpp, cli/render_style_args.hpp),
// so `faro dashboard --sectors S --incidents I --basemap B --frames 20 --screenshot x.png` shows
// what `faro render` with those flags draws, and no project file is needed to script it.
#include <algorithm>
#include <filesystem>
#include <iostream>

#include "cli/args.hpp"
#include "cli/commands.hpp"
#include "cli/data_args.hpp"
#include "cli/render_style_args.hpp"
#include "core/errors.hpp"
#include "io/data_loading.hpp"
#include "io/project_file.hpp"
#ifdef FARO_HAVE_APP
#include "app/dashboard_options.hpp"
#include "render/egl_context.hpp"
#endif

namespace faro::cli {
namespace {
namespace fs = std::filesystem;

// The options that say what to open and how to draw it (everything `faro render` takes for its
// data and style, except --no-cache: the dashboard's loader always uses the cache).
std::vector<OptionSpec> session_options() {
  std::vector<OptionSpec> out;
  for (const OptionSpec& o : data_options())
    if (o.name != "no-cache") out.push_back(o);
  for (const OptionSpec& o : filter_options()) out.push_back(o);
  out.push_back({"programs", "SOURCE",
                 "programs: GeoPackage with program_sectors, or CSV program,sector,start[,end]"});
  for (const OptionSpec& o : style_options())
    if (o.name != "lang") out.push_back(o);  // the dashboard's own --lang below
  return out;
}

#ifdef FARO_HAVE_APP
bool has_session_flags(const ParsedArgs& args) {
  const std::vector<OptionSpec> options = session_options();
  return std::any_of(options.begin(), options.end(),
                     [&](const OptionSpec& o) { return args.has(o.name); });
}

// A file path made absolute (the session outlives the current folder: Save writes it relative to
// the project); connection strings stay as given.
std::string absolute_source(const std::string& path) {
  if (path.empty() || io::is_connection_string(path) || fs::path(path).is_absolute()) return path;
  return fs::absolute(path).lexically_normal().string();
}

// `session` (a project's, or the default) with the command line's data, filter and style.
Session session_from_args(const ParsedArgs& args, Session session) {
  const bool has_s = args.has("sectors"), has_i = args.has("incidents");
  if (has_s != has_i)
    throw UsageError(std::string("faro dashboard: give both --sectors and --incidents (or neither, "
                                 "for the project's data or the demo city); missing --") +
                     (has_s ? "incidents" : "sectors"));
  // The same validation as `faro render` (dates, date order), before anything opens.
  const io::IncidentSourceOptions inc = incident_options_from_args(args);
  using Role = SourceSpec::Role;
  if (has_s) {
    std::erase_if(session.sources, [](const SourceSpec& s) {
      return s.role == Role::sectors || s.role == Role::incidents;
    });
    SourceSpec sectors;
    sectors.role = Role::sectors;
    sectors.path = absolute_source(*args.get("sectors"));
    sectors.layer = args.get_or("sectors-layer", "");
    sectors.name_field = args.get_or("sector-field", "");
    sectors.srs = args.get_or("sectors-srs", "");
    sectors.population_field = args.get_or("population-field", "");
    SourceSpec incidents;
    incidents.role = Role::incidents;
    incidents.path = absolute_source(*args.get("incidents"));
    session.sources.insert(session.sources.begin(), {sectors, incidents});
  }
  // Field, CRS and --where flags apply to the incident sources (the new one, or the project's).
  const bool incident_flags = args.has("incidents-layer") || args.has("x-field") ||
                              args.has("y-field") || args.has("date-field") ||
                              args.has("time-field") || args.has("category-field") ||
                              args.has("incidents-srs") || args.has("date-order") ||
                              args.has("where");
  bool applied = false;
  for (SourceSpec& s : session.sources) {
    if (s.role != Role::incidents || (!has_s && !incident_flags)) continue;
    if (has_s || args.has("incidents-layer")) s.layer = inc.layer;
    if (has_s || args.has("x-field")) s.x_field = inc.x_field;
    if (has_s || args.has("y-field")) s.y_field = inc.y_field;
    if (has_s || args.has("date-field")) s.date_field = inc.date_field;
    if (has_s || args.has("time-field")) s.time_field = inc.time_field;
    if (has_s || args.has("category-field")) s.category_field = inc.category_field;
    if (has_s || args.has("incidents-srs")) s.srs = inc.srs;
    if (has_s || args.has("date-order")) s.date_order = args.get_or("date-order", "");
    if (has_s || args.has("where")) s.where = inc.where;
    applied = true;
  }
  if (incident_flags && !applied)
    throw UsageError(
        "faro dashboard: --where and the incident field flags need --incidents (or a project with "
        "incidents)");
  if (auto w = args.get("work-srs")) session.work_srs = *w;
  if (inc.from) session.filter.from = inc.from;
  if (inc.to_exclusive) session.filter.to_exclusive = inc.to_exclusive;
  if (auto p = args.get("programs")) {
    SourceSpec programs;
    programs.role = Role::programs;
    programs.path = absolute_source(*p);
    session.sources.push_back(programs);
  }
  const std::vector<std::string>& context = args.all("context");
  for (const std::string& c : context) {
    SourceSpec lines;
    lines.role = Role::context;
    lines.path = absolute_source(c);
    session.sources.push_back(lines);
  }
  session.style = style_from_args(args, session.style);
  // The dashboard loads --context files as the project's context sources, which the context
  // layer without a source of its own draws: one such layer, shown.
  const auto added = [&](const StyleLayer& l) {
    return l.kind == LayerKind::context &&
           std::find(context.begin(), context.end(), l.source) != context.end();
  };
  if (!context.empty()) {
    StyleLayer* own = nullptr;
    for (StyleLayer& l : session.style.layers)
      if (l.kind == LayerKind::context && l.source.empty()) own = &l;
    if (own) {
      own->visible = true;
      std::erase_if(session.style.layers, added);
    } else {
      bool first = true;
      std::erase_if(session.style.layers, [&](StyleLayer& l) {
        if (!added(l)) return false;
        if (!first) return true;
        first = false;
        l.source.clear();
        return false;
      });
    }
  }
  if (auto b = args.get("basemap"))
    for (StyleLayer& l : session.style.layers)
      if (l.kind == LayerKind::basemap && l.source == *b) l.source = absolute_source(*b);
  return session;
}
#endif

CommandSpec dashboard_spec() {
  CommandSpec spec;
  spec.name = "dashboard";
  spec.synopsis =
      "[--project P.faro.json] [--sectors S --incidents I] [--programs P] [--where SQL] "
      "[--from D --to D] [--style NAME|FILE.json] [--layers LIST] [--basemap RASTER] "
      "[--context VECTOR]... [--lang es|en] [--presentation] [--size 1600x900] [--frames N] "
      "[--screenshot OUT.png]";
  spec.description =
      "Opens the interactive dashboard on the demo city (datos sintéticos), a project file, or\n"
      "the data and map the flags name (the same flags as `faro render`; with --project they\n"
      "apply on top of the project, and Save writes the result to it).\n"
      "Map: drag to pan, wheel to zoom around the cursor, double-click to zoom in, arrows and\n"
      "+/- to move and zoom, Home to fit all; click a sector to select it (Ctrl+click for\n"
      "several). F11 toggles presentation mode (Esc leaves). Drop files on the window to open them.\n"
      "--basemap shows any GDAL raster (GeoTIFF with overviews, MBTiles, GeoPackage tiles...)\n"
      "under the map, read tile by tile in the background; greyed and dimmed (Layers panel).\n"
      "With no display (no DISPLAY / WAYLAND_DISPLAY, or no OpenGL window), draws the dashboard\n"
      "headless through EGL and writes it to faro-dashboard.png (or --screenshot). A screenshot\n"
      "waits for the load, the density grid and the basemap tiles (within the frames given).";
  spec.options = {
      {"project", "FILE", "project file to open (.faro.json)"},
      {"lang", "es|en", "interface language (default: the project's, else the system locale)"},
      {"presentation", "", "start in presentation mode (full screen, larger text, no points)"},
      {"size", "WxH", "window size in screen units (default 1600x900)"},
      {"frames", "N", "run N frames then exit (default 5 with --screenshot)"},
      {"screenshot", "OUT.png", "write the window to a PNG after the last frame, then exit"},
  };
  for (const OptionSpec& o : session_options()) spec.options.push_back(o);
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
  if (auto n = args.get("frames")) options.frames = parse_positive(*n, "--frames", 1'000'000);
  if (auto lang = args.get("lang")) {
    if (*lang == "es")
      options.language = Language::es;
    else if (*lang == "en")
      options.language = Language::en;
    else
      throw UsageError("faro dashboard: --lang must be es or en, got '" + *lang + "'");
  }
  if (has_session_flags(args)) {
    // A project's errors (and the flags') stop here, before any window opens.
    Session base;
    base.language = language_from_environment();  // as the dashboard starts without flags
    if (!options.project.empty()) base = io::load_project(options.project);
    options.session = session_from_args(args, std::move(base));
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
