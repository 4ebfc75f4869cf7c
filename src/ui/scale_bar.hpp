#pragma once
// Scale bar and legend arithmetic for the map overlay: round lengths (1, 2, 5 × 10^k metres) and
// the tick values of the heatmap legend. Pure functions, tested without ImGui.
#include <optional>
#include <string>
#include <vector>

#include "core/color_domain.hpp"

namespace faro::ui {

struct ScaleBarChoice {
  double metres = 0;  // a round length: 1, 2 or 5 × 10^k
  float pixels = 0;   // its length on screen
  std::string label;  // "500 m", "2 km"
};

// The longest round length whose bar fits in `max_pixels` at `metres_per_pixel`. nullopt when the
// scale is unknown (<= 0, not finite) or not even 1 m fits.
std::optional<ScaleBarChoice> choose_scale_bar(double metres_per_pixel, float max_pixels);

struct LegendTick {
  float value = 0;     // in the heatmap's units
  float position = 0;  // 0 (left, domain min) .. 1 (right, domain max)
  std::string label;   // "0", "6.25", "≥ 12.5" (the top colour holds everything above max)
};

// Ticks at round values inside [min, max] (about `target` of them), plus max itself labelled
// with "≥" because the ramp saturates there.
std::vector<LegendTick> legend_ticks(const ColorDomain& domain, int target = 4);

}  // namespace faro::ui
