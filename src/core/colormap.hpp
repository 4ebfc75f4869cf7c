#pragma once
// Colour ramps for heatmaps and choropleths: perceptually uniform inferno and viridis
// (matplotlib's tables), ColorBrewer YlOrRd, and diverging ColorBrewer RdBu / PuOr (reversed).
// 256-entry lookup tables, sRGB 8-bit.
#include <array>
#include <cstdint>
#include <optional>
#include <string_view>

namespace faro {

// rdbu_r / puor_r: diverging (ColorBrewer RdBu / PuOr reversed: low = blue / purple, high = red /
// orange, neutral grey-white at t = 0.5), for change maps centred at zero.
enum class ColormapName { inferno, viridis, ylorrd, rdbu_r, puor_r };

std::optional<ColormapName> parse_colormap(std::string_view name);  // "inferno|viridis|ylorrd|rdbu-r|puor-r"
const char* to_string(ColormapName c);

struct Rgb {
  uint8_t r = 0, g = 0, b = 0;
  friend bool operator==(const Rgb&, const Rgb&) = default;
};

const std::array<Rgb, 256>& colormap_table(ColormapName c);
// t in [0, 1] (clamped), linear interpolation between table entries.
Rgb colormap_sample(ColormapName c, double t);

}  // namespace faro
