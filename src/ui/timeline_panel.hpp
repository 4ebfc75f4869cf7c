#pragma once
// The timeline strip: filtered incident counts per day / ISO week / month (core/timeline_series)
// as bars or a line with a rolling mean, one or several groups side by side (e.g. treated vs
// comparison, as rates per sector), program periods shaded, rollout dates as labelled markers,
// an optional counterfactual (dashed, with its band) from the interrupted time series, hover
// tooltips with exact counts, and brushing: drag across the plot to set the time window of
// FilterState (snapped to whole bins); drag inside the window to move it; double-click clears it.
// Playback animates the window through time (speed in periods per second, loop, cumulative),
// driven by the time step given to draw(), so tests advance time without a clock; while it plays
// the app should lock the heatmap's colour domain (wants_locked_color_domain()) so frames compare.
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
  bool rates = false;    // plot per-sector rates instead of counts (groups of unequal size)
  bool bars = true;      // bars; false = a line per group
  bool rolling = true;   // draw the rolling mean
  bool controls = true;  // a row of playback controls above the plot (play, speed, loop, ...)
  Language language = Language::es;
};

// Every user-facing text of the panel, in both languages (timeline_text.cpp).
enum class TimelineText {
  incidents,
  per_sector,
  rolling,
  counterfactual,
  hint,
  no_data,
  play,
  pause,
  speed_format,  // printf format of the speed slider (one %.1f: periods per second)
  loop,
  cumulative,
  playing,  // status shown while playing
  count_
};
const char* timeline_text(TimelineText id, Language language);

// Playback settings: the brushed window moves `bins_per_second` whole bins (periods) per second.
struct TimelinePlayback {
  double bins_per_second = 4;
  bool loop = true;         // past the end, start again at the beginning; otherwise stop there
  bool cumulative = false;  // keep the window's start and grow its end (a running total)
};

// A window in whole bins of a timeline: bin offsets [first, end).
struct BinWindow {
  int64_t first = 0, end = 0;
  int64_t width() const { return end - first; }
  friend bool operator==(const BinWindow&, const BinWindow&) = default;
};

// The filter's date window snapped outward to whole bins and clipped to the timeline; nullopt
// when there is no window or it misses the timeline.
std::optional<BinWindow> window_in_bins(const Timeline& tl, const FilterState& filter);

// One playback move of `steps` bins over a timeline of `bins` bins. Sliding: the window moves,
// keeping its width; with loop its start cycles through 0 .. bins - width. Cumulative: the start
// stays, the end grows; with loop it cycles back to first + `start_width` (the width when play
// began). Without loop the window stops at the end and `finished` is set.
struct PlaybackStep {
  BinWindow window;
  bool finished = false;
};
PlaybackStep step_window(BinWindow w, int64_t steps, int64_t bins, const TimelinePlayback& p,
                         int64_t start_width);

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
  // filter.to_exclusive and returns true when they changed.
  // Playback advances by ImGui's frame time.
  bool draw(const TimelineInput& in, FilterState& filter, ImVec2 size);
  // The same with an explicit time step in seconds (tests; apps with their own clock).
  bool draw(const TimelineInput& in, FilterState& filter, ImVec2 size, double dt_seconds);

  const TimelineAxis& axis() const { return axis_; }  // of the last draw (tests, app overlays)

  // Playback. Starting with no window plays from the first bin with a default width (4 weeks,
  // 14 days, 1 month...: default_play_width()).
  void play();
  void pause() { playing_ = false; }
  void toggle_play() { playing_ ? pause() : play(); }
  bool playing() const { return playing_; }
  // While playing, the heatmap should keep one colour domain so that frames compare.
  bool wants_locked_color_domain() const { return playing_; }
  TimelinePlayback& playback() { return playback_; }
  const TimelinePlayback& playback() const { return playback_; }
  // Moves the filter's window by the whole bins that `dt_seconds` of playback covers (the
  // fraction carries over to the next call). Returns true when the filter changed. draw() calls
  // it; public so tests and apps without the panel on screen can drive playback.
  bool advance(const Timeline& tl, FilterState& filter, double dt_seconds);

 private:
  bool draw_controls(const TimelineInput& in);
  bool interact(const Timeline& tl, FilterState& filter, ImVec2 a, ImVec2 b, bool hovered,
                bool activated, bool active);

  TimelineAxis axis_;
  bool brushing_ = false;
  float brush_x0_ = 0;
  bool moving_ = false;  // dragging the existing window
  float move_x0_ = 0;
  BinWindow move_from_;
  TimelinePlayback playback_;
  bool playing_ = false;
  bool play_started_ = false;  // play() pending: the next advance() records the start width
  int64_t start_width_ = 1;
  double pending_bins_ = 0;  // fraction of a bin carried between advances
};

// Bins shown at once when playback starts without a window.
int64_t default_play_width(BinKind kind);

}  // namespace faro::ui
