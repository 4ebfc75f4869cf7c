// The legend block: a continuous ramp (value ticks in real units, "≥" at a clipped top, the range
// not drawn on the map shown as a gap) and classed legends (swatches, hatched swatches for program
// polygons, dots for point categories), stacked in one column.
#include <cairo.h>

#include <algorithm>
#include <cmath>

#include "core/colormap.hpp"
#include "core/messages.hpp"
#include "render/overlay_parts.hpp"
#include "render/overlay_text.hpp"

namespace faro::render::overlay {

std::vector<double> nice_ticks(double vmin, double vmax, int max_ticks, int* decimals) {
  if (decimals) *decimals = 0;
  if (!std::isfinite(vmin) || !std::isfinite(vmax)) return {};
  if (!(vmax > vmin)) return {vmin};
  max_ticks = std::max(max_ticks, 2);
  const double raw = (vmax - vmin) / (max_ticks - 1);
  double power = std::pow(10.0, std::floor(std::log10(raw)));
  double mantissa = 10;
  for (double m : {1.0, 2.0, 2.5, 5.0}) {
    if (m * power >= raw * (1 - 1e-9)) {
      mantissa = m;
      break;
    }
  }
  if (mantissa == 10) {
    mantissa = 1;
    power *= 10;
  }
  const double step = mantissa * power;
  std::vector<double> ticks;
  for (double k = std::ceil(vmin / step - 1e-9); k * step <= vmax + step * 1e-9; k += 1) {
    ticks.push_back(std::abs(k * step) < step * 1e-9 ? 0.0 : k * step);
  }
  if (decimals) {
    const double power_step = step / mantissa;
    // 25 needs none, 2.5 one, 0.25 two: the digits of the power of ten, plus one for x 2.5.
    *decimals = std::max(0, -static_cast<int>(std::floor(std::log10(power_step) + 1e-9)) +
                                (mantissa == 2.5 ? 1 : 0));
  }
  if (ticks.size() < 2) return {vmin, vmax};
  return ticks;
}

namespace {

struct Cursor {
  cairo_t* cr;
  const Style& st;
  double x, y;
  double width = 0;
  bool draw;
};

void ramp_section(Cursor& c, const LegendRamp& ramp) {
  const Style& st = c.st;
  const double bar_w = std::round(st.px(250)), bar_h = std::round(st.px(14));
  if (!ramp.title.empty()) {
    set_font(c.cr, Weight::bold, st.px(14));
    const std::string title = fit_text(c.cr, ramp.title, st.px(320));
    const TextSize t = measure_text(c.cr, title);
    if (c.draw) draw_text(c.cr, title, c.x, c.y + t.ascent, st.ink);
    c.y += t.height() + st.px(6);
    c.width = std::max(c.width, t.width);
  }
  const double bar_x = std::round(c.x), bar_y = std::round(c.y);
  const double span = ramp.vmax - ramp.vmin;
  if (c.draw) {
    // One device-pixel column per colour, so the legend shows exactly the map's table entries.
    for (int i = 0; i < static_cast<int>(bar_w); ++i) {
      const double t = (i + 0.5) / bar_w;
      if (ramp.vmin + t * span < ramp.transparent_below) continue;  // not drawn on the map
      const Rgb col = colormap_sample(ramp.colormap, t);
      cairo_rectangle(c.cr, bar_x + i, bar_y, 1, bar_h);
      set_source(c.cr, {col.r, col.g, col.b, 255});
      cairo_fill(c.cr);
    }
    cairo_rectangle(c.cr, bar_x, bar_y, bar_w, bar_h);
    set_source(c.cr, st.muted);
    cairo_set_line_width(c.cr, st.px(0.8));
    cairo_stroke(c.cr);
  }
  c.y = bar_y + bar_h;
  c.width = std::max(c.width, bar_w);

  // Tick labels: both ends always ("≥" when the top is a clipped percentile), then the nice
  // values in between that do not crowd a label already there.
  set_font(c.cr, Weight::regular, st.px(12));
  int decimals = 0;
  const std::vector<double> ticks = nice_ticks(ramp.vmin, ramp.vmax, 5, &decimals);
  struct Tick {
    double x;
    std::string text;
    double left, right;
  };
  std::vector<Tick> placed;
  const auto add = [&](double value, std::string text, int align /* -1 left, 0 centre, 1 right */) {
    const double tx = span > 0 ? bar_x + (value - ramp.vmin) / span * bar_w : bar_x;
    const double w = measure_text(c.cr, text).width;
    const double left = align < 0 ? tx : align > 0 ? tx - w : tx - w / 2;
    for (const Tick& t : placed)
      if (left < t.right + st.px(8) && t.left < left + w + st.px(8)) return;
    placed.push_back({tx, std::move(text), left, left + w});
  };
  const std::string top = format_significant(ramp.vmax);
  add(ramp.vmin, format_significant(ramp.vmin), -1);
  if (span > 0) add(ramp.vmax, ramp.vmax_is_clipped ? "\u2265 " + top : top, 1);
  for (double v : ticks)
    if (v > ramp.vmin && v < ramp.vmax) add(v, format_number(v, decimals), 0);
  const TextSize label = measure_text(c.cr, "0");
  const double tick_len = st.px(4);
  if (c.draw) {
    cairo_set_line_width(c.cr, st.px(1));
    set_source(c.cr, st.ink);
    for (const Tick& t : placed) {
      const double tx = std::clamp(t.x, bar_x + 0.5, bar_x + bar_w - 0.5);
      cairo_move_to(c.cr, tx, c.y);
      cairo_line_to(c.cr, tx, c.y + tick_len);
    }
    cairo_stroke(c.cr);
    for (const Tick& t : placed)
      draw_text(c.cr, t.text, t.left, c.y + tick_len + st.px(2) + label.ascent, st.ink);
  }
  c.y += tick_len + st.px(2) + label.height();

  for (const std::string* line : {&ramp.units, &ramp.domain_note}) {
    if (line->empty()) continue;
    set_font(c.cr, Weight::regular, st.px(line == &ramp.units ? 12.5 : 11));
    const std::string text = fit_text(c.cr, *line, st.px(320));
    const TextSize t = measure_text(c.cr, text);
    c.y += st.px(3);
    if (c.draw) draw_text(c.cr, text, c.x, c.y + t.ascent, line == &ramp.units ? st.ink : st.muted);
    c.y += t.height();
    c.width = std::max(c.width, t.width);
  }
}

void swatch(cairo_t* cr, const Style& st, const LegendClass& e, double x, double y, double w,
            double h) {
  const bool has_outline = e.outline.a > 0;
  const Rgba8 outline = has_outline ? e.outline : Rgba8{110, 110, 110, 255};
  if (e.point) {
    const double r = std::min(w, h) * 0.38;
    cairo_arc(cr, x + w / 2, y + h / 2, r, 0, 2 * M_PI);
    set_source(cr, e.fill);
    cairo_fill_preserve(cr);
    set_source(cr, has_outline ? e.outline : Rgba8{255, 255, 255, 255});
    cairo_set_line_width(cr, st.px(1));
    cairo_stroke(cr);
    return;
  }
  cairo_rectangle(cr, x, y, w, h);
  set_source(cr, e.fill);
  cairo_fill(cr);
  if (e.hatched) {
    // Diagonal hatching in the outline colour (or the opaque fill colour), clipped to the swatch.
    cairo_save(cr);
    cairo_rectangle(cr, x, y, w, h);
    cairo_clip(cr);
    const double spacing = st.px(4.5);
    for (double d = -h; d < w; d += spacing) {
      cairo_move_to(cr, x + d, y + h);
      cairo_line_to(cr, x + d + h, y);
    }
    set_source(cr, has_outline ? e.outline : Rgba8{e.fill.r, e.fill.g, e.fill.b, 255});
    cairo_set_line_width(cr, st.px(1.3));
    cairo_stroke(cr);
    cairo_restore(cr);
  }
  cairo_rectangle(cr, x, y, w, h);
  set_source(cr, outline);
  cairo_set_line_width(cr, st.px(has_outline ? 1.5 : 0.8));
  cairo_stroke(cr);
}

void classes_section(Cursor& c, const LegendClasses& classes, size_t& budget,
                     const MapOverlay& ov) {
  const Style& st = c.st;
  if (!classes.title.empty()) {
    set_font(c.cr, Weight::bold, st.px(14));
    const std::string title = fit_text(c.cr, classes.title, st.px(320));
    const TextSize t = measure_text(c.cr, title);
    if (c.draw) draw_text(c.cr, title, c.x, c.y + t.ascent, st.ink);
    c.y += t.height() + st.px(5);
    c.width = std::max(c.width, t.width);
  }
  set_font(c.cr, Weight::regular, st.px(13));
  const TextSize line = measure_text(c.cr, "Ág");
  const double sw = st.px(24), sh = st.px(14), row = std::max(line.height(), sh) + st.px(4);
  size_t shown = 0;
  for (const LegendClass& e : classes.entries) {
    if (budget == 0) break;
    --budget;
    ++shown;
    const std::string text = fit_text(c.cr, e.label, st.px(280));
    const double w = measure_text(c.cr, text).width;
    if (c.draw) {
      swatch(c.cr, st, e, c.x, c.y + (row - sh) / 2, sw, sh);
      draw_text(c.cr, text, c.x + sw + st.px(8), c.y + (row - line.height()) / 2 + line.ascent,
                st.ink);
    }
    c.y += row;
    c.width = std::max(c.width, sw + st.px(8) + w);
  }
  if (shown < classes.entries.size()) {
    const size_t rest = classes.entries.size() - shown;
    const std::string text =
        tr_format(language_from_code(ov.language), Msg::map_more_entries, rest);
    if (c.draw) draw_text(c.cr, text, c.x, c.y + line.ascent, st.muted);
    c.y += row;
    c.width = std::max(c.width, measure_text(c.cr, text).width);
  }
  if (!classes.note.empty()) {
    // A small muted line (e.g. how a hot-spot p was made), as wide as the legend allows.
    set_font(c.cr, Weight::regular, st.px(11));
    const std::string text = fit_text(c.cr, classes.note, st.px(320));
    const TextSize t = measure_text(c.cr, text);
    c.y += st.px(2);
    if (c.draw) draw_text(c.cr, text, c.x, c.y + t.ascent, st.muted);
    c.y += t.height() + st.px(2);
    c.width = std::max(c.width, t.width);
  }
}

}  // namespace

Vec2 draw_legend_block(cairo_t* cr, const Style& st, Vec2 top_left, const MapOverlay& ov,
                       size_t max_entries, bool draw) {
  Cursor c{cr, st, top_left.x, top_left.y, 0, draw};
  bool first = true;
  if (ov.ramp) {
    ramp_section(c, *ov.ramp);
    first = false;
  }
  size_t budget = max_entries;
  for (const LegendClasses& classes : ov.classes) {
    if (classes.entries.empty() && classes.title.empty()) continue;
    if (!first) c.y += st.px(12);
    first = false;
    classes_section(c, classes, budget, ov);
  }
  return {c.width, c.y - top_left.y};
}

}  // namespace faro::render::overlay
