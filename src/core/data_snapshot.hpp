#pragma once
// One immutable view of the dashboard's data: what was loaded, the programs in effect, the current
// filter and its result, and a generation number. The app (UI thread) holds the newest as a
// std::shared_ptr<const DataSnapshot> and *replaces* it when the filter or the programs change; a
// snapshot is never mutated after make_snapshot() returns. Background jobs (export, density) and
// panel caches keep the shared_ptr they started from, so they read consistent data on any thread
// while the UI moves on (e.g. timeline playback replaces the filter every step).
//
// Sharing: a filter change shares `data`; a program edit shares `filtered` (programs do not enter
// the filter) and copies the Workspace once, because render::InteractiveMap reads the programs from
// the Workspace. Nothing here is mutable, so no locks: shared_ptr's reference count is the only
// thing threads touch together.
#include <cstdint>
#include <memory>
#include <vector>

#include "core/session.hpp"
#include "core/workspace.hpp"

namespace faro {

struct DataSnapshot {
  std::shared_ptr<const Workspace> data;         // loaded data, programs with `programs` applied
  std::shared_ptr<const FilterResult> filtered;  // `filter` applied to `data`
  FilterState filter;                            // what `filtered` was computed for
  std::vector<ProgramSpec> programs;             // the session edits applied onto data->programs
  // Increases by one with every replacement the app makes (a load, a filter or a program change),
  // so caches can tell "same snapshot" without comparing contents. Never reused within a run.
  uint64_t generation = 0;
  // Server mode (a PostGIS table too large to pull, app/pg_server_view.hpp): no rows are held, so
  // the timeline strip draws this sector x period table counted in the server; null otherwise.
  // The with_* functions carry it over (dates do not enter it; the strip keeps the last table
  // until the server answers for a new offence/hour/sector filter, as the map keeps its grid).
  std::shared_ptr<const SectorPeriodCounts> server_timeline;

  const Workspace& ws() const { return *data; }
  const FilterResult& result() const { return *filtered; }
};

using SnapshotPtr = std::shared_ptr<const DataSnapshot>;

// A snapshot of `data` (whose programs already include `programs`) with `filter` computed now.
SnapshotPtr make_snapshot(std::shared_ptr<const Workspace> data, const FilterState& filter,
                          std::vector<ProgramSpec> programs, uint64_t generation);
// `base` with another filter (recomputed; data and programs shared), generation base+1.
SnapshotPtr with_filter(const DataSnapshot& base, const FilterState& filter);
// `base` with the session's program edits applied onto a copy of its Workspace (the filter result
// is shared), generation base+1.
SnapshotPtr with_programs(const DataSnapshot& base, const std::vector<ProgramSpec>& programs);
// The same parts with another generation (a finished load continues the app's numbering).
SnapshotPtr with_generation(const DataSnapshot& base, uint64_t generation);

}  // namespace faro
