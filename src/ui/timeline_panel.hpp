#pragma once
// The timeline strip: filtered incident counts per day / ISO week / month (core/timeline_series)
// as bars or a line with a rolling mean, one or several groups side by side (e.g. treated vs
// comparison, as rates per sector), program periods shaded, rollout dates as labelled markers,
// an optional counterfactual (dashed, with its band) from the interrupted time series, hover
// tooltips with exact counts, and brushing: drag across the plot to set the time window of
// FilterState (snapped to whole bins); double-click clears it.
//
// Drawn with ImDrawList only (ImGui 1.86, no ImPlot). No GL, no GDAL: a pure function of its
// inputs plus the brush state.
#include <imgui.h>

#include <optional>
#include <string>
#include <vector>

#include "core/civil_time.hpp"
#include "core/session.hpp"
#include "core/timeline_series.hpp"

namespace faro::ui {

struct TimelineMarker {
  CivilSeconds at = 0;
  std::string label;  // e.g. the program name; markers on the same day share one line
};

struct TimelineBand {
  CivilSeconds from = 0, to_exclusive = 0;  // a program period (rollout to end, or to the data end)
  std::string label;
};

// A dashed line with a shaded band, in the same units as the plotted series (e.g. the ITS
// counterfactual, pooled counts per period).
struct TimelineOverlay {
  std::vector<CivilSeconds> at;  // centre of each point's period
  std::vector<double> value, low, high;
  std::string label;
};

struct TimelineInput {
  const Timeline* timeline = nullptr;  // nothing is drawn without one
  std::vector<TimelineMarker> rollouts;
  std::vector<TimelineBand> periods;
  std::optional<TimelineOverlay> counterfactual;
  bool rates = false;   // plot per-sector rates instead of counts (groups of unequal size)
  bool bars = true;     // bars; false = a line per group
  bool rolling = true;  // draw the rolling mean
  Language language = Language::es;
};

// Time <-> screen x over the plot area.
struct TimelineAxis {
  float x0 = 0, x1 = 1;
  CivilSeconds t0 = 0, t1 = 1;
  float x_of(CivilSeconds t) const;
  CivilSeconds t_of(float x) const;
};

struct TimelineTick {
  CivilSeconds at = 0;
  std::string label;
  bool major = false;  // year boundaries
};

// Readable date ticks for [from, to) that fit in `width_px`: years, months (Spanish or English
// month abbreviations), or days, depending on the span.
std::vector<TimelineTick> timeline_ticks(CivilSeconds from, CivilSeconds to, float width_px,
                                         Language language);

// A "nice" upper bound and step for the value axis (1, 2, 2.5, 5 x 10^k).
std::pair<double, double> nice_axis_max(double max_value, int target_steps = 4);

class TimelinePanel {
 public:
  // Draws at the cursor in a `size` rectangle (pixels). Brushing writes filter.from /
  // filter.to_exclusive and returns true when they changed (the caller bumps its Session).
  bool draw(const TimelineInput& in, FilterState& filter, ImVec2 size);

  const TimelineAxis& axis() const { return axis_; }  // of the last draw (tests, app overlays)

 private:
  TimelineAxis axis_;
  bool brushing_ = false;
  float brush_x0_ = 0;
};

}  // namespace faro::ui
