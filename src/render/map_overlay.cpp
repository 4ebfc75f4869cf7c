// Lays out and draws the map annotation with cairo on a transparent premultiplied layer, then
// composites that layer over the straight-alpha map image. Drawing on a separate layer keeps every
// pixel the overlay does not touch bit-identical (no premultiply round trip on the map).
//
// Layout for a landscape slide (sizes in 1080p pixels, times ui_scale): title panel top-left,
// synthetic-data and handling stamps top-right, legend bottom-right, north arrow + scale bar
// bottom-left, the source line and footer lines along the bottom edge under them. Sector labels are
// placed first so they can avoid the panels; panels are drawn over them.
#include "render/map_overlay.hpp"

#include <cairo.h>

#include <algorithm>
#include <cmath>
#include <limits>
#include <memory>

#include "core/errors.hpp"
#include "core/messages.hpp"
#include "render/label_placement.hpp"
#include "render/overlay_parts.hpp"
#include "render/overlay_text.hpp"

namespace faro::render {
namespace {

using namespace overlay;

struct SurfaceDeleter {
  void operator()(cairo_surface_t* s) const { cairo_surface_destroy(s); }
};
struct ContextDeleter {
  void operator()(cairo_t* c) const { cairo_destroy(c); }
};

bool contains_ascii_ci(std::string_view text, std::string_view word) {
  const auto lower = [](char ch) { return ch >= 'A' && ch <= 'Z' ? char(ch - 'A' + 'a') : ch; };
  for (size_t i = 0; i + word.size() <= text.size(); ++i) {
    size_t k = 0;
    while (k < word.size() && lower(text[i + k]) == word[k]) ++k;
    if (k == word.size()) return true;
  }
  return false;
}

// What the map leaves free for labels and blocks once the fixed furniture is drawn.
struct Frame {
  Frame(double w, double h, double m, double p) : width(w), height(h), margin(m), pad(p) {}
  double width, height, margin, pad;
  double top = 0;     // below the title panel
  double bottom = 0;  // above the source line
  std::vector<Box> panels;
};

// The source line and any footer lines, stacked in one panel along the bottom edge.
void source_line(cairo_t* cr, const Style& st, const MapOverlay& ov, Frame& f, bool draw) {
  f.bottom = f.height - f.margin;
  struct Line {
    std::string text;
    double size_px;
    TextSize t;
  };
  std::vector<Line> lines;
  if (!ov.source_line.empty()) {
    std::string text = ov.source_line;
    if (!contains_ascii_ci(text, "fuente") && !contains_ascii_ci(text, "source"))
      text = tr(Msg::map_source_prefix, language_from_code(ov.language)) + text;
    lines.push_back({text, st.px(12), {}});
  }
  for (const std::string& footer : ov.footer_lines)
    if (!footer.empty()) lines.push_back({footer, st.px(10.5), {}});
  if (lines.empty()) return;
  double width = 0, height = 0;
  for (Line& line : lines) {
    set_font(cr, Weight::regular, line.size_px);
    line.text = fit_text(cr, sanitize_utf8(line.text), f.width - 2 * f.margin);
    line.t = measure_text(cr, line.text);
    width = std::max(width, line.t.width);
    height += line.t.height();
  }
  const double gap = st.px(1.5);
  height += gap * (lines.size() - 1);
  const double x = f.margin, top = f.height - st.px(7) - height;
  const Box panel{x - st.px(5), top - st.px(3), x + width + st.px(5), top + height + st.px(3)};
  if (draw) {
    draw_panel(cr, st, panel, {255, 255, 255, 200}, {0, 0, 0, 0});
    double y = top;
    for (const Line& line : lines) {
      set_font(cr, Weight::regular, line.size_px);
      draw_text(cr, line.text, x, y + line.t.ascent, st.muted);
      y += line.t.height() + gap;
    }
  }
  f.panels.push_back(panel);
  f.bottom = panel.ymin - st.px(8);
}

// One red stamp: a large first line and an optional smaller second one.
struct StampText {
  std::string first, second;
};

std::vector<StampText> stamps(const MapOverlay& ov) {
  std::vector<StampText> out;
  if (ov.synthetic) {
    // In the map's language only, like every other word on it.
    out.push_back({tr(Msg::map_synthetic_stamp, language_from_code(ov.language)), ""});
  }
  if (!ov.stamp.empty()) {
    const std::string text = sanitize_utf8(ov.stamp);
    const size_t slash = text.find(" / ");
    if (slash == std::string::npos)
      out.push_back({text, ""});
    else
      out.push_back({text.substr(0, slash), text.substr(slash + 3)});
  }
  return out;
}

// Stamps stacked top-right (synthetic data first, then the caller's handling stamp). Returns the
// widest stamp panel's width so the title can leave room for it.
double synthetic_stamp(cairo_t* cr, const Style& st, const MapOverlay& ov, const Frame& f,
                       std::vector<Box>& panels, bool draw) {
  const Rgba8 red{185, 25, 35, 255};
  const double max_w = f.width * 0.45;
  double y = f.margin + f.pad, widest = 0;
  for (const StampText& stamp : stamps(ov)) {
    set_font(cr, Weight::bold, st.px(22));
    const std::string first = fit_text(cr, stamp.first, max_w);
    const TextSize a = measure_text(cr, first);
    set_font(cr, Weight::bold, st.px(14));
    const std::string second = stamp.second.empty() ? "" : fit_text(cr, stamp.second, max_w);
    const TextSize b = second.empty() ? TextSize{} : measure_text(cr, second);
    const double gap = second.empty() ? 0 : st.px(2);
    const double w = std::max(a.width, b.width), h = a.height() + gap + b.height();
    const double x = f.width - f.margin - f.pad - w;
    const Box panel{x - f.pad, y - f.pad, x + w + f.pad, y + h + f.pad};
    if (draw) {
      draw_panel(cr, st, panel, {255, 255, 255, 235}, red, 2);
      set_font(cr, Weight::bold, st.px(22));
      draw_text(cr, first, x + (w - a.width) / 2, y + a.ascent, red);
      if (!second.empty()) {
        set_font(cr, Weight::bold, st.px(14));
        draw_text(cr, second, x + (w - b.width) / 2, y + a.height() + gap + b.ascent, red);
      }
    }
    panels.push_back(panel);
    widest = std::max(widest, panel.width());
    y = panel.ymax + f.pad + st.px(6);
  }
  return widest;
}

void title_panel(cairo_t* cr, const Style& st, const MapOverlay& ov, double stamp_width, Frame& f,
                 bool draw) {
  f.top = f.margin;
  if (ov.title.empty() && ov.subtitle.empty()) return;
  double max_w = f.width * 0.62;
  if (stamp_width > 0) max_w = std::min(max_w, f.width - 3 * f.margin - stamp_width - 2 * f.pad);
  max_w = std::max(max_w, st.px(80));
  set_font(cr, Weight::bold, st.px(28));
  const std::string title = ov.title.empty() ? "" : fit_text(cr, ov.title, max_w);
  const TextSize t = title.empty() ? TextSize{} : measure_text(cr, title);
  set_font(cr, Weight::regular, st.px(16));
  const std::string sub = ov.subtitle.empty() ? "" : fit_text(cr, ov.subtitle, max_w);
  const TextSize u = sub.empty() ? TextSize{} : measure_text(cr, sub);
  const double gap = !title.empty() && !sub.empty() ? st.px(3) : 0;
  const double x = f.margin + f.pad, y = f.margin + f.pad;
  const Box panel{f.margin, f.margin, x + std::max(t.width, u.width) + f.pad,
                  y + t.height() + gap + u.height() + f.pad};
  if (draw) {
    draw_panel(cr, st, panel, st.panel, st.panel_border);
    set_font(cr, Weight::bold, st.px(28));
    draw_text(cr, title, x, y + t.ascent, st.ink);
    set_font(cr, Weight::regular, st.px(16));
    draw_text(cr, sub, x, y + t.height() + gap + u.ascent, st.muted);
  }
  f.panels.push_back(panel);
  f.top = panel.ymax + f.margin;
}

// Places the bottom blocks (scale bottom-left, legend bottom-right) as panels in the frame.
struct BottomBlocks {
  Box scale, legend;
  size_t legend_entries = 0;
};

BottomBlocks layout_bottom(cairo_t* cr, const Style& st, const MapOverlay& ov, const Camera& camera,
                           Frame& f) {
  BottomBlocks b;
  if (ov.scale_bar || ov.north_arrow) {
    const Vec2 size = draw_scale_block(cr, st, {0, 0}, ov, camera.metres_per_pixel(), false);
    b.scale = {f.margin, f.bottom - size.y - 2 * f.pad, f.margin + size.x + 2 * f.pad, f.bottom};
    f.panels.push_back(b.scale);
  }
  size_t total = 0;
  for (const LegendClasses& c : ov.classes) total += c.entries.size();
  if (ov.ramp || !ov.classes.empty()) {
    // Fewer class rows until the legend fits between the title band and the bottom.
    const double room = f.bottom - f.top - 2 * f.pad;
    size_t entries = total;
    Vec2 size = draw_legend_block(cr, st, {0, 0}, ov, entries, false);
    while (size.y > room && entries > 1) {
      --entries;
      size = draw_legend_block(cr, st, {0, 0}, ov, entries, false);
    }
    b.legend_entries = entries;
    b.legend = {f.width - f.margin - size.x - 2 * f.pad, f.bottom - size.y - 2 * f.pad,
                f.width - f.margin, f.bottom};
    // Whole pixels, so the ramp's one-pixel colour columns are not blurred.
    b.legend.xmin = std::floor(b.legend.xmin);
    b.legend.ymin = std::floor(b.legend.ymin);
    f.panels.push_back(b.legend);
  }
  return b;
}

// Screen box of a world box (y flips: north is up).
Box to_screen(const Camera& camera, const Box& world) {
  const Vec2 a = camera.world_to_pixel({world.xmin, world.ymin});
  const Vec2 b = camera.world_to_pixel({world.xmax, world.ymax});
  return {std::min(a.x, b.x), std::min(a.y, b.y), std::max(a.x, b.x), std::max(a.y, b.y)};
}

struct LabelText {
  std::string one_line;
  std::string first, second;  // two-line layout (empty when the text has no space)
};

LabelText split_label(cairo_t* cr, const std::string& text) {
  LabelText t{text, {}, {}};
  double best = std::numeric_limits<double>::infinity();
  for (size_t pos = text.find(' '); pos != std::string::npos; pos = text.find(' ', pos + 1)) {
    const std::string a = text.substr(0, pos), b = text.substr(pos + 1);
    const double w = std::max(measure_text(cr, a).width, measure_text(cr, b).width);
    if (w < best) {
      best = w;
      t.first = a;
      t.second = b;
    }
  }
  return t;
}

// How one label is drawn: sector names bold and dark, area names regular and grey.
struct LabelLook {
  Weight weight = Weight::bold;
  double font_px = 0;
  Rgba8 ink{35, 35, 35, 255};
};

LabelLook label_look(const Style& st, const MapLabel& label) {
  if (!label.area) return {Weight::bold, st.px(12.5), {35, 35, 35, 255}};
  const double size = label.size_px > 0 ? label.size_px : 11.0;
  return {Weight::regular, st.px(size), {70, 70, 78, 255}};
}

std::vector<std::string> place_and_draw_labels(cairo_t* cr, const Style& st, const Camera& camera,
                                               const MapOverlay& ov, const Frame& f) {
  const double halo = st.px(2.2);
  const Box screen{0, 0, f.width, f.height};
  std::vector<LabelRequest> requests;
  std::vector<LabelText> texts;
  std::vector<LabelLook> looks;
  std::vector<double> line_heights, ascents;
  std::vector<size_t> source_index;
  for (size_t i = 0; i < ov.labels.size(); ++i) {
    const MapLabel& label = ov.labels[i];
    const Box feature = to_screen(camera, label.feature_bbox);
    const LabelLook look = label_look(st, label);
    set_font(cr, look.weight, look.font_px);
    const TextSize line = measure_text(cr, "Ág");
    // Cheap rejections before measuring text: off screen or smaller than one line of text.
    if (label.text.empty() || !feature.intersects(screen) || feature.height() < line.height())
      continue;
    LabelText text = split_label(cr, sanitize_utf8(label.text));
    LabelRequest r{camera.world_to_pixel(label.anchor), feature, label.priority, {}};
    r.box_sizes.push_back(
        {measure_text(cr, text.one_line).width + 2 * halo, line.height() + 2 * halo});
    if (!text.first.empty()) {
      const double w =
          std::max(measure_text(cr, text.first).width, measure_text(cr, text.second).width);
      r.box_sizes.push_back({w + 2 * halo, 2 * line.height() + 2 * halo});
    }
    requests.push_back(std::move(r));
    texts.push_back(std::move(text));
    looks.push_back(look);
    line_heights.push_back(line.height());
    ascents.push_back(line.ascent);
    source_index.push_back(i);
  }
  // One placement for sector and area names together: none overlaps another.
  const auto placed = place_labels(requests, screen, f.panels, st.px(4));
  std::vector<std::string> names;
  for (const LabelPlacement& p : placed) {
    const LabelText& t = texts[p.request];
    const LabelLook& look = looks[p.request];
    const double lh = line_heights[p.request], ascent = ascents[p.request];
    set_font(cr, look.weight, look.font_px);
    const double cx = (p.box.xmin + p.box.xmax) / 2, top = p.box.ymin + halo;
    if (p.layout == 0) {
      draw_text(cr, t.one_line, cx - measure_text(cr, t.one_line).width / 2, top + ascent,
                look.ink, halo);
    } else {
      draw_text(cr, t.first, cx - measure_text(cr, t.first).width / 2, top + ascent, look.ink,
                halo);
      draw_text(cr, t.second, cx - measure_text(cr, t.second).width / 2, top + lh + ascent,
                look.ink, halo);
    }
    names.push_back(ov.labels[source_index[p.request]].text);
  }
  return names;
}

// Source-over of the premultiplied cairo layer onto the straight-alpha image. Pixels the layer
// leaves transparent are not touched.
void composite(const unsigned char* layer, int stride, RgbaImage& image) {
  for (int y = 0; y < image.height; ++y) {
    const auto* row = reinterpret_cast<const uint32_t*>(layer + static_cast<size_t>(y) * stride);
    for (int x = 0; x < image.width; ++x) {
      const uint32_t px = row[x];  // native-endian ARGB32, premultiplied
      const uint32_t sa = px >> 24;
      if (sa == 0) continue;
      uint8_t* d = &image.pixels[image.offset(x, y)];
      const double a = sa / 255.0;
      const double src[3] = {((px >> 16) & 255) / 255.0, ((px >> 8) & 255) / 255.0,
                             (px & 255) / 255.0};
      const double da = d[3] / 255.0;
      const double out_a = a + da * (1 - a);
      for (int k = 0; k < 3; ++k) {
        const double premult = src[k] + d[k] / 255.0 * da * (1 - a);
        d[k] = static_cast<uint8_t>(std::lround(std::clamp(premult / out_a, 0.0, 1.0) * 255));
      }
      d[3] = static_cast<uint8_t>(std::lround(out_a * 255));
    }
  }
}

}  // namespace

std::vector<std::string> draw_overlay(RgbaImage& image, const Camera& camera,
                                      const MapOverlay& overlay) {
  if (image.width <= 0 || image.height <= 0) return {};
  if (image.pixels.size() != static_cast<size_t>(image.width) * image.height * 4)
    throw UsageError("draw_overlay: image pixel buffer does not match its size");
  if (camera.width() != image.width || camera.height() != image.height)
    throw UsageError("draw_overlay: camera viewport " + std::to_string(camera.width()) + "x" +
                     std::to_string(camera.height()) + " differs from the image " +
                     std::to_string(image.width) + "x" + std::to_string(image.height));
  Style st;
  st.s = std::isfinite(overlay.ui_scale) && overlay.ui_scale > 0
             ? std::clamp(overlay.ui_scale, 0.25, 10.0)
             : 1.0;

  std::unique_ptr<cairo_surface_t, SurfaceDeleter> surface(
      cairo_image_surface_create(CAIRO_FORMAT_ARGB32, image.width, image.height));
  if (cairo_surface_status(surface.get()) != CAIRO_STATUS_SUCCESS)
    throw ResourceError(Resource::memory, "draw_overlay: cannot allocate a " + std::to_string(image.width) +
                             "x" + std::to_string(image.height) + " overlay surface");
  std::unique_ptr<cairo_t, ContextDeleter> context(cairo_create(surface.get()));
  cairo_t* cr = context.get();

  Frame f(image.width, image.height, st.px(20), st.px(12));
  // Layout pass: every panel's box, so labels can keep clear of them.
  source_line(cr, st, overlay, f, false);
  const double stamp_w = synthetic_stamp(cr, st, overlay, f, f.panels, false);
  title_panel(cr, st, overlay, stamp_w, f, false);
  const BottomBlocks bottom = layout_bottom(cr, st, overlay, camera, f);

  std::vector<std::string> placed = place_and_draw_labels(cr, st, camera, overlay, f);

  // Drawing pass, over the labels.
  Frame g(f.width, f.height, f.margin, f.pad);
  source_line(cr, st, overlay, g, true);
  synthetic_stamp(cr, st, overlay, g, g.panels, true);
  title_panel(cr, st, overlay, stamp_w, g, true);
  if (overlay.scale_bar || overlay.north_arrow) {
    draw_panel(cr, st, bottom.scale, st.panel, st.panel_border);
    draw_scale_block(cr, st, {bottom.scale.xmin + f.pad, bottom.scale.ymin + f.pad}, overlay,
                     camera.metres_per_pixel(), true);
  }
  if (overlay.ramp || !overlay.classes.empty()) {
    draw_panel(cr, st, bottom.legend, st.panel, st.panel_border);
    draw_legend_block(cr, st, {bottom.legend.xmin + f.pad, bottom.legend.ymin + f.pad}, overlay,
                      bottom.legend_entries, true);
  }

  if (cairo_status(cr) != CAIRO_STATUS_SUCCESS)
    throw ResourceError(Resource::cairo, std::string("draw_overlay: cairo error: ") +
                             cairo_status_to_string(cairo_status(cr)));
  cairo_surface_flush(surface.get());
  composite(cairo_image_surface_get_data(surface.get()),
            cairo_image_surface_get_stride(surface.get()), image);
  return placed;
}

}  // namespace faro::render
