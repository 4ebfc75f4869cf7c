#pragma once
// The points layer's automatic colours: category code c is drawn in kPointAutoPalette[c % 8]
// (render/points_layer.cpp, its legend entries, and the swatches of the Layers panel's Points
// section, which show these until the user picks a colour). ColorBrewer Set1 (qualitative,
// 8 classes): distinct on both light fills and the heatmap.
#include <array>
#include <cstddef>

#include "core/colormap.hpp"

namespace faro {

inline constexpr std::array<Rgb, 8> kPointAutoPalette = {{{228, 26, 28},
                                                          {55, 126, 184},
                                                          {77, 175, 74},
                                                          {152, 78, 163},
                                                          {255, 127, 0},
                                                          {255, 255, 51},
                                                          {166, 86, 40},
                                                          {247, 129, 191}}};

constexpr Rgb point_auto_color(size_t category_code) {
  return kPointAutoPalette[category_code % kPointAutoPalette.size()];
}

}  // namespace faro
