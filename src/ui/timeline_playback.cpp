// Timeline playback: the brushed window moved through time by whole bins. The stepping is a pure
// function of bin offsets (step_window), so loop and cumulative behaviour are tested without
// ImGui; TimelinePanel::advance turns seconds into bins and writes FilterState.
#include <algorithm>
#include <cmath>

#include "ui/timeline_panel.hpp"

namespace faro::ui {

int64_t default_play_width(BinKind kind) {
  switch (kind) {
    case BinKind::day:
      return 14;
    case BinKind::week:
      return 4;
    default:
      return 1;  // months, years
  }
}

std::optional<BinWindow> window_in_bins(const Timeline& tl, const FilterState& filter) {
  if (tl.bins <= 0 || (!filter.from && !filter.to_exclusive)) return std::nullopt;
  const CivilSeconds t0 = tl.bin_starts.front(), t1 = tl.bin_starts.back();
  const CivilSeconds from = std::max(filter.from.value_or(t0), t0);
  const CivilSeconds to = std::min(filter.to_exclusive.value_or(t1), t1);
  if (to <= from) return std::nullopt;
  // The bin holding `from`, and the bin holding the window's last second (+1): outward snap.
  const auto first = std::upper_bound(tl.bin_starts.begin(), tl.bin_starts.end(), from) -
                     tl.bin_starts.begin() - 1;
  const auto end =
      std::lower_bound(tl.bin_starts.begin(), tl.bin_starts.end(), to) - tl.bin_starts.begin();
  return BinWindow{std::clamp<int64_t>(first, 0, tl.bins - 1),
                   std::clamp<int64_t>(end, first + 1, tl.bins)};
}

PlaybackStep step_window(BinWindow w, int64_t steps, int64_t bins, const TimelinePlayback& p,
                         int64_t start_width) {
  PlaybackStep r{w, false};
  if (bins <= 0 || steps <= 0) return r;
  if (p.cumulative) {
    // The end cycles through first + start_width .. bins.
    const int64_t lo =
        std::clamp<int64_t>(w.first + std::max<int64_t>(start_width, 1), w.first + 1, bins);
    const int64_t span = bins - lo + 1;
    int64_t end = std::max(w.end, lo) + steps;
    if (end > bins) {
      if (p.loop)
        end = lo + (end - lo) % span;
      else
        end = bins, r.finished = true;
    }
    r.window.end = end;
    return r;
  }
  // Sliding: the start cycles through 0 .. bins - width.
  const int64_t width = std::clamp<int64_t>(w.width(), 1, bins);
  const int64_t last = bins - width;
  int64_t first = std::clamp<int64_t>(w.first, 0, last) + steps;
  if (first > last) {
    if (p.loop)
      first %= last + 1;
    else
      first = last, r.finished = true;
  }
  r.window = {first, first + width};
  return r;
}

void TimelinePanel::play() {
  if (playing_) return;
  playing_ = true;
  play_started_ = true;
  pending_bins_ = 0;
}

bool TimelinePanel::advance(const Timeline& tl, FilterState& filter, double dt_seconds) {
  if (!playing_ || tl.bins <= 0) return false;
  bool changed = false;
  std::optional<BinWindow> w = window_in_bins(tl, filter);
  if (!w) {  // nothing brushed: start at the beginning with the default width
    w = BinWindow{0, std::min(default_play_width(tl.kind), tl.bins)};
    changed = true;
  }
  if (play_started_) {
    start_width_ = w->width();
    play_started_ = false;
  }
  if (std::isfinite(dt_seconds) && dt_seconds > 0)
    pending_bins_ += dt_seconds * std::max(playback_.bins_per_second, 0.0);
  const auto steps = static_cast<int64_t>(std::floor(pending_bins_));
  if (steps > 0) {
    pending_bins_ -= static_cast<double>(steps);
    const PlaybackStep s = step_window(*w, steps, tl.bins, playback_, start_width_);
    changed = changed || !(s.window == *w);
    w = s.window;
    if (s.finished) playing_ = false;
  }
  if (!changed) return false;
  const CivilSeconds from = tl.bin_starts[w->first], to = tl.bin_starts[w->end];
  if (filter.from == from && filter.to_exclusive == to) return false;
  filter.from = from;
  filter.to_exclusive = to;
  return true;
}

}  // namespace faro::ui
