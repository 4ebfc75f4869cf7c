#pragma once
// The pieces of the map overlay (render/map_overlay.hpp): number formatting, the scale bar and
// north arrow (overlay_scale.cpp) and the legend (overlay_legend.cpp). Each drawing function
// lays its block out from a top-left corner and returns its size; with `draw == false` it only
// measures, so the caller can anchor blocks to the right or bottom edges. Internal to faro_render
// (cairo_t is only forward-declared); the pure helpers are tested directly.
#include <string>
#include <vector>

#include "core/geometry.hpp"
#include "render/map_overlay.hpp"

typedef struct _cairo cairo_t;

namespace faro::render::overlay {

// Sizes, line widths and colours for one ui_scale (1 = a 1080-pixel-high image).
struct Style {
  double s = 1;  // ui_scale
  double px(double v) const { return v * s; }
  Rgba8 ink{30, 30, 30, 255};
  Rgba8 muted{95, 95, 95, 255};
  Rgba8 panel{255, 255, 255, 225};
  Rgba8 panel_border{150, 150, 150, 255};
};

// Numbers are written the same way in both languages: '.' for decimals (as in Mexico and in
// English) and a narrow no-break space (U+202F) between thousands from 10 000 up (SI/ISO style),
// which no reader confuses with a decimal mark. `decimals` digits after the point.
std::string format_number(double value, int decimals);
// About `significant` significant digits, no trailing zeros (ramp ends such as a percentile).
std::string format_significant(double value, int significant = 3);

// A distance for a scale bar: "500 m", "1 km", "20 km", "0.5 m".
std::string format_distance(double metres);

struct ScaleBarSpec {
  double metres = 0;  // 1, 2 or 5 x 10^n
  double pixels = 0;
  std::string label;  // format_distance(metres)
};
// The longest 1-2-5 x 10^n metre length not longer than `max_pixels` at `metres_per_pixel`.
// Throws faro::UsageError unless both are positive and finite.
ScaleBarSpec choose_scale_bar(double metres_per_pixel, double max_pixels);

// "Nice" tick values (1, 2, 2.5, 5 x 10^n steps) inside [vmin, vmax], at most `max_ticks`, at
// least the two ends when nothing nicer fits. `decimals` receives the digits the step needs.
std::vector<double> nice_ticks(double vmin, double vmax, int max_ticks, int* decimals = nullptr);

// A rounded, semi-opaque panel behind a block (legibility over any map).
void draw_panel(cairo_t* cr, const Style& st, const Box& box, Rgba8 fill, Rgba8 border,
                double border_px = 1);

// North arrow above a scale bar, bottom-left block. Size of the block (without panel padding).
Vec2 draw_scale_block(cairo_t* cr, const Style& st, Vec2 top_left, const MapOverlay& ov,
                      double metres_per_pixel, bool draw);

// Ramp and class legends stacked in one column. `max_entries` caps the class rows (the rest is
// summarised as "… +N"), so the caller can shrink a legend that would not fit the image.
Vec2 draw_legend_block(cairo_t* cr, const Style& st, Vec2 top_left, const MapOverlay& ov,
                       size_t max_entries, bool draw);

}  // namespace faro::render::overlay
