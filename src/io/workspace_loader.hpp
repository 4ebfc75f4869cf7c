#pragma once
// Building the dashboard's Workspace from a Session's sources, on a background thread: sectors,
// incidents (several incident sources are merged), programs and context layers, all in one
// working CRS, with one load report per source (the filter result is the caller's: core/
// data_snapshot.hpp).
#include "core/session.hpp"
#include "core/workspace.hpp"
#include "io/data_loading.hpp"

namespace faro::io {

// Empty session.sources = the demo city (synthetic = true, title "Ciudad demo", programs from the
// demo GeoPackage). Otherwise: at most one sectors source; incidents need a sectors source (the
// working CRS comes from the sectors unless session.work_srs is set). Workspace::title is the
// incidents file's name (else the sectors file's). data_from/data_to_exclusive span whole days.
// Throws faro::Cancelled when progress.cancel is set, UsageError for an unusable set of sources,
// DataError naming the file for a bad one. The Session is only read.
Workspace load_workspace(const Session& session, const LoadProgress& progress = {});

}  // namespace faro::io
