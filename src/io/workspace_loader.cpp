#include "io/workspace_loader.hpp"

#include <filesystem>
#include <set>

#include "core/errors.hpp"
#include "core/polygon_index.hpp"
#include "io/archive_listing.hpp"
#include "io/context_loader.hpp"
#include "io/program_loader.hpp"
#include "io/program_polygon_loader.hpp"

namespace faro::io {
namespace {

struct SourcesByRole {
  const SourceSpec* sectors = nullptr;
  std::vector<const SourceSpec*> incidents, programs, context;
};

SourcesByRole classify(const std::vector<SourceSpec>& sources) {
  SourcesByRole by;
  for (const SourceSpec& s : sources) {
    if (s.path.empty()) throw UsageError("a data source has an empty path");
    switch (s.role) {
      case SourceSpec::Role::sectors:
        if (by.sectors)
          throw UsageError("two sectors sources ('" + by.sectors->path + "' and '" + s.path +
                           "'); a project has one set of sectors");
        by.sectors = &s;
        break;
      case SourceSpec::Role::incidents:
        by.incidents.push_back(&s);
        break;
      case SourceSpec::Role::programs:
        by.programs.push_back(&s);
        break;
      case SourceSpec::Role::context:
        by.context.push_back(&s);
        break;
    }
  }
  // Incidents without sectors load on their own (heatmap, points, grid hot spots); programs and
  // context areas still need the sectors' CRS from somewhere: incidents or sectors.
  if (!by.sectors && by.incidents.empty() && !sources.empty())
    throw UsageError(
        "no sectors or incidents source: open the sector polygons or the incidents first (a "
        "project with no sources at all shows the demo city)");
  return by;
}

SectorSourceOptions sector_options(const SourceSpec& s) {
  SectorSourceOptions o;
  o.layer = s.layer;
  o.name_field = s.name_field;
  o.population_field = s.population_field;
  o.where = s.where;
  o.srs = s.srs;
  return o;
}

IncidentSourceOptions incident_options(const SourceSpec& s) {
  IncidentSourceOptions o;
  o.layer = s.layer;
  o.where = s.where;
  o.x_field = s.x_field;
  o.y_field = s.y_field;
  o.date_field = s.date_field;
  o.time_field = s.time_field;
  o.category_field = s.category_field;
  o.weight_field = s.weight_field;
  o.srs = s.srs;
  if (s.date_order != "" && s.date_order != "dmy" && s.date_order != "mdy")
    throw UsageError(s.path + ": date order must be dmy or mdy, got '" + s.date_order + "'");
  o.date_order = s.date_order == "mdy" ? DateOrder::mdy : DateOrder::dmy;
  return o;
}

// Appends `more` (sector already assigned) to `into`, re-coding its categories into `into`'s
// dictionary.
void append_incidents(IncidentStore& into, const IncidentStore& more) {
  // The row index (Identify) stays valid only when both parts have one.
  const bool rows = into.has_source_rows() && more.has_source_rows();
  if (into.source_starts.empty()) into.source_starts.push_back(0);
  into.source_starts.push_back(static_cast<uint32_t>(into.size()));
  if (rows)
    into.source_rows.append(more.source_rows);
  else
    into.source_rows.clear();
  std::vector<uint16_t> code(more.categories.size());
  for (size_t c = 0; c < code.size(); ++c)
    code[c] = into.categories.intern(more.categories.name(static_cast<uint16_t>(c)));
  for (size_t i = 0; i < more.size(); ++i) {
    into.push_back(more.x[i], more.y[i], more.t[i], code[more.category[i]], more.flags[i],
                   more.weight.empty() ? 1.0f : more.weight[i]);
    into.sector.push_back(more.sector[i]);
  }
  if (!into.weight.empty() && into.weight.size() < into.size()) into.weight.resize(into.size(), 1);
}

// Programs naming sectors that are not loaded draw nothing and count nowhere: say so.
void note_unknown_program_sectors(const SectorSet& sectors, const std::vector<Program>& programs,
                                  LoadReport& report) {
  int64_t unknown = 0;
  for (const Program& p : programs)
    for (const ProgramSector& ps : p.sectors)
      if (!sectors.find(ps.sector) && ++unknown <= 5)
        report.note(Msg::load_note_program_sector_unknown, {p.name, ps.sector});
  if (unknown > 5)
    report.note(Msg::load_note_program_sectors_unknown_total, {std::to_string(unknown)});
}

// The name a person knows the data by: the file's (or archive member's) name, never a /vsi path.
std::string file_title(const std::string& path) { return display_file_name(path); }

}  // namespace

Workspace load_workspace(const Session& session, const LoadProgress& caller_progress) {
  LoadProgress progress = caller_progress;  // same callback and flag, messages in the UI language
  progress.language = session.language;
  const SourcesByRole by = classify(session.sources);
  Workspace ws;

  SectorIncidentSources src;
  src.work_srs = session.work_srs;
  if (by.sectors) {
    src.sectors = by.sectors->path;
    src.sector_options = sector_options(*by.sectors);
  }
  if (!by.incidents.empty()) {
    src.incidents = by.incidents.front()->path;
    src.incident_options = incident_options(*by.incidents.front());
  }
  SectorIncidentData base = load_sectors_and_incidents(std::move(src), progress, {}, 0.0f, 0.75f);
  ws.synthetic = base.synthetic;
  ws.sectors = std::move(base.sectors);
  ws.incidents = std::move(base.incidents);
  if (!base.sectors_source.empty()) ws.reports.push_back(std::move(base.sectors_report));
  if (!base.incidents_source.empty()) ws.reports.push_back(std::move(base.incidents_report));

  // Further incident sources: same working CRS and extent check, merged into one store.
  for (size_t k = 1; k < by.incidents.size(); ++k) {
    const SourceSpec& s = *by.incidents[k];
    progress.report(0.75f + 0.05f * k / by.incidents.size(),
                    progress.say(Msg::load_incidents, s.path.c_str()));
    require_source_file(s.path, "incidents");
    IncidentLoadContext ctx;
    ctx.work_srs = ws.sectors.work_srs;
    ctx.sectors_extent = ws.sectors.extent();
    IncidentLoadResult il = load_incidents(s.path, incident_options(s), ctx);
    SectorIndex(ws.sectors).assign(il.store);
    append_incidents(ws.incidents, il.store);
    ws.reports.push_back(std::move(il.report));
    progress.throw_if_cancelled();
  }

  // Programs: the demo GeoPackage carries its own; otherwise every programs source in order.
  std::vector<std::string> program_paths;
  if (ws.synthetic) program_paths.push_back(base.sectors_source);
  for (const SourceSpec* s : by.programs) program_paths.push_back(s->path);
  for (const std::string& path : program_paths) {
    progress.report(0.82f, progress.say(Msg::load_programs, path.c_str()));
    if (!ws.synthetic) require_source_file(path, "programs");
    // Rollout tables, JSON, or program polygons (sectors assigned by area; see the header).
    ProgramLoadResult pl = load_programs_for_sectors(path, ws.sectors);
    note_unknown_program_sectors(ws.sectors, pl.programs, pl.report);
    for (Program& p : pl.programs) ws.programs.push_back(std::move(p));
    ws.reports.push_back(std::move(pl.report));
    progress.throw_if_cancelled();
  }

  for (const SourceSpec* s : by.context) {
    progress.report(0.88f, progress.say(Msg::load_context, s->path.c_str()));
    require_source_file(s->path, "context");
    // Area names: a file of a known kind takes its preset's field and zoom range (colonias at
    // street scale, alcaldías at city scale); others the style's own context layer's.
    LabelStyle labels = make_layer(LayerKind::context).labels;
    for (const StyleLayer& l : session.style.layers)
      if (l.kind == LayerKind::context && l.source.empty()) labels = l.labels;
    if (std::optional<StyleLayer> preset = context_preset_for(s->path)) labels = preset->labels;
    if (!s->name_field.empty()) labels.field = s->name_field;
    ContextLoadResult cl = load_context(s->path, ws.sectors.work_srs, labels, s->layer);
    for (ContextLine& l : cl.lines) ws.context.push_back({std::move(l.points), l.closed});
    if (cl.areas) ws.context_areas.push_back(std::move(cl.areas));
    ws.reports.push_back(std::move(cl.report));
    progress.throw_if_cancelled();
  }

  // The style's context layers with sources of their own (colonias, alcaldías...): found as
  // `faro render` finds them (as given, then next to the sectors file).
  std::vector<std::string> folders{""};
  if (!ws.synthetic && by.sectors && !is_connection_string(by.sectors->path))
    folders.push_back(std::filesystem::path(by.sectors->path).parent_path().string());
  for (const StyleLayer& l : session.style.layers)
    if (l.kind == LayerKind::context && !l.source.empty()) {
      progress.report(0.9f, progress.say(Msg::load_context, l.source.c_str()));
      break;
    }
  ws.context_layers =
      load_style_context_layers(session.style, ws.sectors.work_srs, folders, ws.reports);
  progress.throw_if_cancelled();

  ws.title = ws.synthetic            ? tr(Msg::map_demo_city, Language::es)
             : !by.incidents.empty() ? file_title(by.incidents.front()->path)
                                     : file_title(by.sectors->path);
  // Whole local days, as the date pickers show them.
  if (auto lo = ws.incidents.min_time()) ws.data_from = days_of(*lo) * kSecondsPerDay;
  if (auto hi = ws.incidents.max_time()) ws.data_to_exclusive = (days_of(*hi) + 1) * kSecondsPerDay;
  ws.extent = ws.sectors.extent();
  if (!ws.incidents.empty()) ws.extent.expand(ws.incidents.extent());

  progress.report(1.0f, progress.say(Msg::load_done));
  return ws;
}

}  // namespace faro::io
