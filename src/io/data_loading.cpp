#include "io/data_loading.hpp"

#include <filesystem>

#include "core/demo_city.hpp"
#include "core/errors.hpp"
#include "core/localized_error.hpp"
#include "core/polygon_index.hpp"
#include "io/demo_writer.hpp"
#include "io/incidents_only.hpp"

namespace faro::io {

void LoadProgress::throw_if_cancelled() const {
  if (cancelled()) throw Cancelled();
}

bool is_connection_string(const std::string& source) {
  if (source.rfind("/vsi", 0) == 0) return true;
  const size_t colon = source.find(':');
  // "PG:...", "MySQL:...", "https://..."; a single letter before ':' would be a Windows drive.
  return colon != std::string::npos && colon > 1 && source.find_first_of("/\\") > colon;
}

void require_source_file(const std::string& source, const char* role) {
  if (source.empty() || is_connection_string(source)) return;
  std::error_code ec;
  if (std::filesystem::exists(source, ec)) return;
  const std::string r = role;
  const Msg word = r == "sectors"     ? Msg::role_word_sectors
                   : r == "programs"  ? Msg::role_word_programs
                   : r == "context"   ? Msg::role_word_context
                                      : Msg::role_word_incidents;
  // The role word in each language: "sectores.geojson: no se encontró el archivo de sectores".
  throw LocalizedError(Msg::err_file_not_found, {source, word});
}

SectorIncidentData load_sectors_and_incidents(
    SectorIncidentSources src, const LoadProgress& progress,
    const std::function<void(const LoadReport&)>& on_report, float from, float to) {
  SectorIncidentData d;
  if (src.sectors.empty() && !src.incidents.empty()) {
    // Incidents alone: no sectors, the working CRS from the incidents (io/incidents_only.hpp).
    d.incidents_source = src.incidents;
    require_source_file(d.incidents_source, "incidents");
    progress.report(from, progress.say(Msg::load_incidents, d.incidents_source.c_str()));
    IncidentsOnlyResult r =
        load_incidents_without_sectors(d.incidents_source, src.incident_options, src.work_srs);
    d.incidents = std::move(r.store);
    d.incidents_report = std::move(r.report);
    d.sectors.work_srs = r.work_srs;
    if (on_report) on_report(d.incidents_report);
    progress.throw_if_cancelled();
    progress.report(to, progress.say(Msg::load_sectors_incidents_done));
    return d;
  }
  if (src.sectors.empty()) {
    d.synthetic = true;
    progress.report(from, progress.say(Msg::load_demo_city));
    d.sectors_source = d.incidents_source = demo_geopackage_path();
    src.sector_options.layer = "sectors";
    src.incident_options.layer = "incidents";
  } else {
    d.sectors_source = src.sectors;
    d.incidents_source = src.incidents;
    require_source_file(d.sectors_source, "sectors");
  }
  progress.throw_if_cancelled();

  const auto at = [&](float f) { return from + (to - from) * f; };
  progress.report(at(0.02f), progress.say(Msg::load_sectors, d.sectors_source.c_str()));
  SectorLoadResult sl = load_sectors(d.sectors_source, src.sector_options, src.work_srs);
  d.sectors = std::move(sl.sectors);
  d.sectors_report = std::move(sl.report);
  if (on_report) on_report(d.sectors_report);
  progress.throw_if_cancelled();

  if (!d.incidents_source.empty()) {
    if (!d.synthetic) require_source_file(d.incidents_source, "incidents");
    progress.report(at(0.1f), progress.say(Msg::load_incidents, d.incidents_source.c_str()));
    IncidentLoadContext ctx;
    ctx.work_srs = d.sectors.work_srs;
    ctx.sectors_extent = d.sectors.extent();
    IncidentLoadResult il = load_incidents(d.incidents_source, src.incident_options, ctx);
    d.incidents = std::move(il.store);
    d.incidents_report = std::move(il.report);
    if (on_report) on_report(d.incidents_report);
    progress.throw_if_cancelled();
  } else {
    d.incidents.work_srs = d.sectors.work_srs;
  }

  progress.report(at(0.9f), progress.say(Msg::load_assigning));
  SectorIndex index(d.sectors);
  index.assign(d.incidents);
  progress.report(to, progress.say(Msg::load_sectors_incidents_done));
  return d;
}

}  // namespace faro::io
