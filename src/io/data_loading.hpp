#pragma once
// The load step every front end shares: sectors and incidents from their sources (the demo city's
// GeoPackage when neither is given), reprojected to one working CRS, every incident assigned to
// its sector. The CLI's load_data() and the dashboard's load_workspace() both call it, so the two
// always show the same numbers for the same files.
#include <atomic>
#include <functional>
#include <string>

#include "core/incidents.hpp"
#include "core/load_report.hpp"
#include "core/messages.hpp"
#include "core/sectors.hpp"
#include "core/session.hpp"
#include "io/incident_loader.hpp"
#include "io/sector_loader.hpp"

namespace faro::io {

// Progress and cancellation for long loads, polled between stages (a single GDAL read is not
// interrupted, so cancelling takes effect when the current file is done).
struct LoadProgress {
  // Called on the loading thread with 0..1 and a short human message; may be empty.
  std::function<void(float fraction, std::string message)> on_progress;
  const std::atomic<bool>* cancel = nullptr;  // not owned; nullptr = cannot be cancelled
  Language language = Language::en;           // of the messages (load_workspace: the session's)

  void report(float fraction, std::string message) const {
    if (on_progress) on_progress(fraction, std::move(message));
  }
  // The catalogue's text in the progress language, with printf arguments.
  template <class... Args>
  std::string say(Msg key, Args... args) const {
    return tr_format(language, key, args...);
  }
  bool cancelled() const { return cancel && cancel->load(std::memory_order_relaxed); }
  void throw_if_cancelled() const;  // throws faro::Cancelled
};

struct SectorIncidentSources {
  // Both empty = the demo city; incidents alone = no sectors (a CRS from the incidents' extent).
  std::string sectors, incidents;
  SectorSourceOptions sector_options;
  IncidentSourceOptions incident_options;
  std::string work_srs;  // "" = UTM zone of the sectors' centroid (of the incidents' without)
};

struct SectorIncidentData {
  bool synthetic = false;                        // the demo city: outputs say "datos sintéticos"
  std::string sectors_source, incidents_source;  // as loaded (the demo GeoPackage path for demo)
  SectorSet sectors;          // empty (work_srs set) when only incidents were given
  LoadReport sectors_report;  // empty source when there were no sectors
  IncidentStore incidents;  // sector assigned; empty when no incidents source was given
  LoadReport incidents_report;
};

// Loads and assigns. `on_report` (may be empty) sees each load report as soon as it exists, so a
// CLI can print the sectors report before the incidents are read. Progress goes from `from` to
// `to`. Throws UsageError / DataError (naming the file) / Cancelled.
SectorIncidentData load_sectors_and_incidents(
    SectorIncidentSources sources, const LoadProgress& progress = {},
    const std::function<void(const LoadReport&)>& on_report = {}, float from = 0.0f,
    float to = 1.0f);

// True for sources that are not plain files (PG:, /vsi..., URLs), which are never made relative
// or checked for existence.
bool is_connection_string(const std::string& source);
// Throws DataError "<source>: <role> file not found" for a plain file that does not exist, so the
// message names the file and its role before GDAL's generic one would.
void require_source_file(const std::string& source, const char* role);

}  // namespace faro::io
