// Scale bar and north arrow. The working CRS is projected in metres (UTM for Mexico City), so one
// pixel is metres_per_pixel on the ground everywhere in the view to within the projection's scale
// error (< 0.1 % in a UTM zone), and grid north is up: the camera has no rotation, and the angle
// between grid and true north (meridian convergence) is under 1° in Mexico City's zone.
#include <cairo.h>

#include <algorithm>
#include <cmath>
#include <cstdio>

#include "core/errors.hpp"
#include "render/overlay_parts.hpp"
#include "render/overlay_text.hpp"

namespace faro::render::overlay {

std::string format_number(double value, int decimals) {
  if (!std::isfinite(value)) return value != value ? "?" : (value > 0 ? "\u221E" : "-\u221E");
  decimals = std::clamp(decimals, 0, 9);
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.*f", decimals, value);
  std::string text = buf;
  if (text == "-0" ||
      (text.rfind("-0.", 0) == 0 && text.find_first_not_of("-0.") == std::string::npos))
    text.erase(0, 1);  // no "-0" for values that round to zero
  const bool negative = text[0] == '-';
  const size_t int_begin = negative ? 1 : 0;
  size_t int_end = text.find('.');
  if (int_end == std::string::npos) int_end = text.size();
  if (int_end - int_begin >= 5) {  // 10 000 and up: group by thousands
    for (size_t pos = int_end; pos > int_begin + 3; pos -= 3) text.insert(pos - 3, "\u202F");
  }
  return text;
}

std::string format_significant(double value, int significant) {
  if (value == 0 || !std::isfinite(value)) return format_number(value, 0);
  const int magnitude = static_cast<int>(std::floor(std::log10(std::abs(value))));
  const int decimals = std::max(0, significant - 1 - magnitude);
  std::string text = format_number(value, decimals);
  if (text.find('.') != std::string::npos) {
    while (text.back() == '0') text.pop_back();
    if (text.back() == '.') text.pop_back();
  }
  return text;
}

std::string format_distance(double metres) {
  if (metres >= 1000) return format_significant(metres / 1000, 6) + " km";
  return format_significant(metres, 6) + " m";
}

ScaleBarSpec choose_scale_bar(double metres_per_pixel, double max_pixels) {
  if (!(metres_per_pixel > 0) || !std::isfinite(metres_per_pixel) || !(max_pixels > 0) ||
      !std::isfinite(max_pixels))
    throw UsageError("scale bar needs positive metres per pixel and length, got " +
                     std::to_string(metres_per_pixel) + " m/px, " + std::to_string(max_pixels) +
                     " px");
  const double max_metres = metres_per_pixel * max_pixels;
  double power = std::pow(10.0, std::floor(std::log10(max_metres)));
  double metres = power;
  for (double m : {5.0, 2.0, 1.0}) {
    if (m * power <= max_metres * (1 + 1e-12)) {
      metres = m * power;
      break;
    }
  }
  return {metres, metres / metres_per_pixel, format_distance(metres)};
}

namespace {

void draw_north_arrow(cairo_t* cr, const Style& st, double cx, double top, double height) {
  const double half = height * 0.32;
  // Two-tone arrow: dark left half, white right half, dark outline; "N" sits above it.
  cairo_move_to(cr, cx, top);
  cairo_line_to(cr, cx - half, top + height);
  cairo_line_to(cr, cx, top + height * 0.72);
  cairo_close_path(cr);
  set_source(cr, st.ink);
  cairo_fill_preserve(cr);
  cairo_set_line_width(cr, st.px(1.2));
  cairo_set_line_join(cr, CAIRO_LINE_JOIN_ROUND);
  cairo_stroke(cr);
  cairo_move_to(cr, cx, top);
  cairo_line_to(cr, cx + half, top + height);
  cairo_line_to(cr, cx, top + height * 0.72);
  cairo_close_path(cr);
  set_source(cr, {255, 255, 255, 255});
  cairo_fill_preserve(cr);
  set_source(cr, st.ink);
  cairo_stroke(cr);
}

}  // namespace

Vec2 draw_scale_block(cairo_t* cr, const Style& st, Vec2 top_left, const MapOverlay& ov,
                      double metres_per_pixel, bool draw) {
  double width = 0, y = top_left.y;
  const double x = top_left.x;
  if (ov.north_arrow) {
    set_font(cr, Weight::bold, st.px(16));
    const TextSize n = measure_text(cr, "N");
    const double arrow_h = st.px(34), arrow_w = arrow_h * 0.64;
    const double block_w = std::max(n.width, arrow_w);
    const double cx = x + block_w / 2;
    if (draw) {
      draw_text(cr, "N", cx - n.width / 2, y + n.ascent, st.ink);
      draw_north_arrow(cr, st, cx, y + n.height() + st.px(2), arrow_h);
    }
    y += n.height() + st.px(2) + arrow_h;
    width = std::max(width, block_w);
  }
  if (ov.scale_bar) {
    if (ov.north_arrow) y += st.px(10);
    const ScaleBarSpec bar = choose_scale_bar(metres_per_pixel, st.px(190));
    set_font(cr, Weight::regular, st.px(13));
    const TextSize label = measure_text(cr, bar.label);
    const double bar_h = st.px(7);
    const double label_base = y + label.ascent;
    const double bar_top = y + label.height() + st.px(3);
    if (draw) {
      // Labels over the bar: "0" from its left end, the length centred on its right end.
      draw_text(cr, "0", x, label_base, st.ink);
      draw_text(cr, bar.label, x + bar.pixels - label.width / 2, label_base, st.ink);
      // Four alternating segments, dark outline.
      const int segments = 4;
      for (int i = 0; i < segments; ++i) {
        cairo_rectangle(cr, x + bar.pixels * i / segments, bar_top, bar.pixels / segments, bar_h);
        set_source(cr, i % 2 == 0 ? st.ink : Rgba8{255, 255, 255, 255});
        cairo_fill(cr);
      }
      cairo_rectangle(cr, x, bar_top, bar.pixels, bar_h);
      set_source(cr, st.ink);
      cairo_set_line_width(cr, st.px(1));
      cairo_stroke(cr);
    }
    y = bar_top + bar_h;
    width = std::max(width, bar.pixels + label.width / 2);
  }
  return {width, y - top_left.y};
}

void draw_panel(cairo_t* cr, const Style& st, const Box& b, Rgba8 fill, Rgba8 border,
                double border_px) {
  const double r = std::min({st.px(6), b.width() / 2, b.height() / 2});
  cairo_new_sub_path(cr);
  cairo_arc(cr, b.xmax - r, b.ymin + r, r, -M_PI / 2, 0);
  cairo_arc(cr, b.xmax - r, b.ymax - r, r, 0, M_PI / 2);
  cairo_arc(cr, b.xmin + r, b.ymax - r, r, M_PI / 2, M_PI);
  cairo_arc(cr, b.xmin + r, b.ymin + r, r, M_PI, 3 * M_PI / 2);
  cairo_close_path(cr);
  set_source(cr, fill);
  cairo_fill_preserve(cr);
  if (border.a == 0 || border_px <= 0) {
    cairo_new_path(cr);
    return;
  }
  set_source(cr, border);
  cairo_set_line_width(cr, st.px(border_px));
  cairo_stroke(cr);
}

}  // namespace faro::render::overlay
