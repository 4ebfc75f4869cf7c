#pragma once
// The dashboard's bottom strip: the TimelinePanel (ui/timeline_panel.hpp, the timeline issue's
// widget) fed with the workspace's weekly counts under the session's filter *without* its date
// range, so the whole data period stays visible and brushing sets the range. Program rollouts are
// drawn as markers and program periods as bands. The series is rebuilt in update() (before the
// frame's widgets), only when the snapshot's data, the non-date part of its filter or the groups
// change: playback and brushing move only the dates, so they never rebuild it.
#include <optional>
#include <vector>

#include <memory>

#include "core/data_snapshot.hpp"
#include "core/session.hpp"
#include "core/timeline_series.hpp"
#include "ui/layout.hpp"
#include "ui/timeline_panel.hpp"

namespace faro::ui {

// Month bins for periods longer than ~3 years (weekly bars would be thinner than a pixel on a
// laptop screen), weeks otherwise, days for a few weeks.
BinKind timeline_bin_kind(CivilSeconds from, CivilSeconds to_exclusive);

// Rollout markers (one per program: its earliest sector start) and bands (earliest start to the
// latest end, or to the data end).
void program_markers(const Workspace& ws, TimelineInput& in);

// What the strip compares: every incident, the selected sectors against the rest, or the sectors
// in any program (treated) against the others (comparison), as rates per sector so groups of
// unequal size compare.
enum class TimelineMode { all, selection, programs };

// The series' groups for `mode` (falls back to `all` when the selection or the programs are empty).
std::vector<TimelineGroup> timeline_groups(const Workspace& ws, const Session& session,
                                           TimelineMode mode);

class TimelineStrip {
 public:
  // Rebuilds the series when its inputs changed (UI thread, outside draw()).
  void update(const SnapshotPtr& snap, const Session& session);
  // Draws the strip; brushing and playback edit session.filter's dates.
  void draw(const Rect& where, Session& session);
  // Playback without the strip on screen (presentation mode hides it): moves the window by the
  // frame's time as draw() would.
  void advance(Session& session);
  // True while playback runs: the app locks the heatmap's colour scale so frames compare.
  bool wants_locked_color_domain() const { return panel_.wants_locked_color_domain(); }
  void play() { panel_.play(); }
  bool cumulative() const { return panel_.playback().cumulative; }

 private:
  TimelinePanel panel_;
  std::optional<Timeline> timeline_;
  TimelineMode mode_ = TimelineMode::all;
  bool rates_ = false;                  // the series are groups compared per sector
  std::vector<TimelineGroup> groups_;   // cache key too: selection and programs feed them
  TimelineInput markers_;               // program rollouts and periods of data_
  // Cache key: what the series depends on (the data held, so its identity is never confused with
  // a later Workspace at the same address).
  std::shared_ptr<const Workspace> data_;
  std::shared_ptr<const SectorPeriodCounts> server_;  // server mode's table (DataSnapshot)
  FilterState filter_;  // with from/to cleared
  bool valid_ = false;
};

}  // namespace faro::ui
