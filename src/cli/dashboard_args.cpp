// `faro dashboard`'s data and map flags: the same as `faro render`'s (cli/data_args.hpp,
// cli/render_style_args.hpp), turned into the Session the dashboard starts with.
#include "cli/dashboard_args.hpp"

#include <algorithm>
#include <filesystem>

#include "cli/data_args.hpp"
#include "cli/render_style_args.hpp"
#include "core/errors.hpp"
#include "io/data_loading.hpp"

namespace faro::cli {
namespace {
namespace fs = std::filesystem;

// A file path made absolute (the session outlives the current folder: Save writes it relative to
// the project); connection strings stay as given.
std::string absolute_source(const std::string& path) {
  if (path.empty() || io::is_connection_string(path) || fs::path(path).is_absolute()) return path;
  return fs::absolute(path).lexically_normal().string();
}

}  // namespace

// The options that say what to open and how to draw it (everything `faro render` takes for its
// data and style, except --no-cache: the dashboard's loader always uses the cache).
std::vector<OptionSpec> dashboard_session_options() {
  std::vector<OptionSpec> out;
  for (const OptionSpec& o : data_options())
    if (o.name != "no-cache") out.push_back(o);
  for (const OptionSpec& o : filter_options()) out.push_back(o);
  out.push_back({"programs", "SOURCE",
                 "programs: GeoPackage with program_sectors, or CSV program,sector,start[,end]"});
  for (const OptionSpec& o : style_options())
    if (o.name != "lang") out.push_back(o);  // the dashboard lists its own --lang
  return out;
}

bool has_dashboard_session_flags(const ParsedArgs& args) {
  const std::vector<OptionSpec> options = dashboard_session_options();
  return std::any_of(options.begin(), options.end(),
                     [&](const OptionSpec& o) { return args.has(o.name); });
}

Session dashboard_session_from_args(const ParsedArgs& args, Session session) {
  const bool has_s = args.has("sectors"), has_i = args.has("incidents");
  // --incidents alone opens them without sectors (heatmap, points, grid hot spots); --sectors
  // alone would leave nothing to count.
  if (has_s && !has_i)
    throw UsageError(
        "faro dashboard: --sectors needs --incidents (give --incidents alone for a map without "
        "sectors, or neither for the project's data or the demo city); missing --incidents");
  // The same validation as `faro render` (dates, date order), before anything opens.
  const io::IncidentSourceOptions inc = incident_options_from_args(args);
  using Role = SourceSpec::Role;
  if (has_i) {
    std::erase_if(session.sources, [](const SourceSpec& s) {
      return s.role == Role::sectors || s.role == Role::incidents;
    });
    SourceSpec sectors;
    sectors.role = Role::sectors;
    sectors.path = has_s ? absolute_source(*args.get("sectors")) : "";
    sectors.layer = args.get_or("sectors-layer", "");
    sectors.name_field = args.get_or("sector-field", "");
    sectors.srs = args.get_or("sectors-srs", "");
    sectors.population_field = args.get_or("population-field", "");
    SourceSpec incidents;
    incidents.role = Role::incidents;
    incidents.path = absolute_source(*args.get("incidents"));
    if (has_s)
      session.sources.insert(session.sources.begin(), {sectors, incidents});
    else
      session.sources.insert(session.sources.begin(), incidents);
  }
  // Field, CRS and --where flags apply to the incident sources (the new one, or the project's).
  const bool incident_flags = args.has("incidents-layer") || args.has("x-field") ||
                              args.has("y-field") || args.has("date-field") ||
                              args.has("time-field") || args.has("category-field") ||
                              args.has("incidents-srs") || args.has("date-order") ||
                              args.has("where");
  bool applied = false;
  for (SourceSpec& s : session.sources) {
    if (s.role != Role::incidents || (!has_i && !incident_flags)) continue;
    if (has_i || args.has("incidents-layer")) s.layer = inc.layer;
    if (has_i || args.has("x-field")) s.x_field = inc.x_field;
    if (has_i || args.has("y-field")) s.y_field = inc.y_field;
    if (has_i || args.has("date-field")) s.date_field = inc.date_field;
    if (has_i || args.has("time-field")) s.time_field = inc.time_field;
    if (has_i || args.has("category-field")) s.category_field = inc.category_field;
    if (has_i || args.has("incidents-srs")) s.srs = inc.srs;
    if (has_i || args.has("date-order")) s.date_order = args.get_or("date-order", "");
    if (has_i || args.has("where")) s.where = inc.where;
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
  session.style = style_from_args(args, session.style);
  // Each --context file is a context layer of its own, as in `faro render` (a file of a known
  // kind takes its preset's look, label field and zoom range: colonias, alcaldías, cuadrantes),
  // loaded with the data (io/context_loader.hpp load_style_context_layers). Its path is made
  // absolute: the session outlives the current folder.
  for (StyleLayer& l : session.style.layers)
    if (l.kind == LayerKind::context &&
        std::find(context.begin(), context.end(), l.source) != context.end())
      l.source = absolute_source(l.source);
  if (auto b = args.get("basemap"))
    for (StyleLayer& l : session.style.layers)
      if (l.kind == LayerKind::basemap && l.source == *b) l.source = absolute_source(*b);
  return session;
}

}  // namespace faro::cli
