#pragma once
// The event study in the evaluation panel, drawn with ImDrawList (ImGui 1.86, no ImPlot): one
// column per period since rollout (weeks or months, every treated sector aligned at its own
// rollout), the rollout marked between period -1 and period 0.
//
// - Ratios, when the estimate has them (EventStudyPoint::ratio): the treated/comparison rate
//   ratio relative to period -1, as a point with its 95 % interval as a whisker, on a log axis
//   (a halving and a doubling look alike) with a line at 1; period -1 is the hollow reference
//   point at 1. Whiskers beyond the axis (clamped to 1/10..10) end open at its edge.
// - Rates otherwise (an estimate without ratios): the treated and comparison incidents per sector
//   per period as two lines, labelled as such, from 0.
// Hovering a column shows its numbers.
#include <imgui.h>

#include <string>
#include <utility>
#include <vector>

#include "core/language.hpp"
#include "core/program_evaluation.hpp"

namespace faro::ui {

struct EventStudyChart {
  enum class Mode { none, ratios, rates };
  struct Tick {
    double value = 0;
    std::string label;
  };

  std::vector<EventStudyPoint> points;  // by relative_bin, as the evaluation gives them
  EvalBin by = EvalBin::week;
  Language language = Language::es;

  Mode mode() const;  // ratios when any point has one; none without points
  // The value axis: [low, high] of what is drawn (ratios: clamped to 1/10..10 and always holding
  // 1; rates: 0 to a round number above the highest rate) and its labelled ticks.
  std::pair<double, double> value_range() const;
  std::vector<Tick> value_ticks() const;
  // Periods labelled on the horizontal axis: 0 and whole multiples of a step whose labels, in a
  // font of `font_px`, fit `width_px`.
  std::vector<int64_t> period_ticks(float width_px, float font_px) const;
  // The title line above the plot (what is plotted, in plain words).
  std::string title() const;

  // Draws at the cursor in a `size` rectangle (pixels): title, legend, plot, axis caption.
  void draw(ImVec2 size) const;
};

}  // namespace faro::ui
