#pragma once
// The loaded data behind a dashboard session (Tracy's "Worker" to the UI's "View"): sectors,
// incidents assigned to sectors, programs, load reports. Immutable once loaded: the app shares it
// through core/data_snapshot.hpp (with the filter result, which is per filter, not loaded data),
// and background jobs read it on their threads while the UI thread moves on.
#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "core/aggregate.hpp"
#include "core/category_groups.hpp"
#include "core/context_areas.hpp"
#include "core/incidents.hpp"
#include "core/load_report.hpp"
#include "core/programs.hpp"
#include "core/session.hpp"
#include "core/sectors.hpp"

namespace faro {

// What the current FilterState selects, computed in one pass over the columns (core/workspace
// .cpp; ~ms per million rows on 2 cores). Panels show these counts; the map draws `rows`.
struct FilterResult {
  std::vector<uint32_t> rows;      // indices of selected incidents, ascending
  std::vector<int64_t> per_sector; // selected incidents per sector (size = sectors), outside last
  std::vector<int64_t> per_category;       // selected incidents per category code, ignoring the
                                           // category filter itself (for the checklist counts)
  std::vector<int64_t> per_hour;           // 24 bins, ignoring the hour filter
  std::vector<int64_t> per_weekday;        // 7 bins (Monday first), ignoring the weekday filter
  int64_t total = 0;
};

// A context layer (borough boundaries, roads) as polylines, drawn only, never counted.
struct ContextPolyline {
  std::vector<Vec2> points;  // working CRS metres; a closed ring is stored open
  bool closed = false;
};

// A context layer with a source of its own (a style layer of kind context, e.g. the colonias
// preset), loaded with the data so the live map draws it as the exports do.
struct ContextLayerData {
  std::vector<ContextPolyline> lines;
  std::shared_ptr<const ContextAreas> areas;  // its named polygons, or null
};

struct Workspace {
  SectorSet sectors;
  IncidentStore incidents;  // incidents.sector assigned
  // Offence groups from the incidents source's grouping column, if any (io/category_groups.hpp).
  CategoryGroups category_groups;
  std::vector<Program> programs;
  std::vector<ContextPolyline> context;  // all context sources, in session order
  // Named polygons of the context sources that have any (labels, hover), in session order.
  std::vector<std::shared_ptr<const ContextAreas>> context_areas;
  // The style's context layers with a source of their own, by that source as the style writes it.
  std::map<std::string, std::shared_ptr<const ContextLayerData>> context_layers;
  std::vector<LoadReport> reports;  // one per source loaded (shown in the load-report window)
  bool synthetic = false;           // demo city: outputs say "datos sintéticos"
  std::string title;                // e.g. "Ciudad demo" or the incidents file name
  CivilSeconds data_from = 0, data_to_exclusive = 0;  // time range of the incidents
  Box extent;                       // sectors ∪ incidents, working CRS

  // IncidentFilter for `f` with this workspace's category dictionary (unknown names ignored) and
  // sector subset applied by name.
  IncidentFilter make_filter(const FilterState& f) const;
};

// Period (years) the filtered incidents span: the filter's dates where set, else the data's range.
// 0 when unknown or empty (densities then count the whole selection).
double period_years_of(const Workspace& ws, const FilterState& filter);

// Incidents per sector (one value per sector, weights summed) that `filter` selects when its dates
// are moved to the equally long period before them (core/choropleth_change.hpp previous_period):
// the previous period of a change choropleth. nullopt when the filter's period is unknown.
struct PreviousCounts {
  std::vector<double> per_sector;
  double outside = 0;  // selected in that period but in no sector
  CivilSeconds from = 0, to_exclusive = 0;
};
std::optional<PreviousCounts> previous_period_counts(const Workspace& ws, const FilterState& filter);

// What `f` selects in `ws` (multithreaded over rows). Sector subset: rows whose sector is not in
// f.sectors are dropped (rows outside every sector are kept only when f.sectors is empty).
FilterResult compute_filter_result(const Workspace& ws, const FilterState& f);

}  // namespace faro
