// The brief page's map: the week's heatmap rendered headless through render_map_scene (OpenGL via
// EGL), painted into the page, with the flagged sectors outlined in their flag colour on top by
// cairo (vector lines in the PDF). Without OpenGL the sectors are drawn by cairo alone and a note
// says the density is missing, so a brief is still produced on any machine.
#include <cairo.h>

#include <algorithm>
#include <cmath>
#include <memory>

#include "core/polylabel.hpp"
#include "core/style_protection.hpp"
#include "render/brief_page_parts.hpp"
#include "render/camera.hpp"
#include "render/egl_context.hpp"
#include "render/map_scene.hpp"
#include "render/overlay_text.hpp"
#include "render/page_cairo.hpp"

namespace faro::render::brief {
namespace {

using render::trace_shape;

// Placing the map image: render/page_cairo.hpp (shared with the other printed page).
void paint_image(cairo_t* cr, const RgbaImage& img, PageBox box) {
  render::paint_image(cr, img, box.x, box.y, box.w, box.h);
}

// Names the flagged units on the map, in their flag colour over a white halo, at the pole of
// inaccessibility of the unit's roomiest sector (always inside it). A label that would overlap
// one already placed (or leave the frame) tries just above and below, else is left out: the table
// lists every unit anyway. `flagged` is in the meeting's order, so the largest changes win.
template <class F>
void label_units(cairo_t* cr, const BriefPageInput& in, const std::vector<BriefRow>& flagged,
                 const F& to_page, PageBox frame) {
  struct Rect {
    double x0, y0, x1, y1;
  };
  std::vector<Rect> placed;
  const std::vector<int32_t>& unit_of = in.brief->unit_of_sector;
  overlay::set_font(cr, overlay::Weight::bold, 6.8);
  for (const BriefRow& r : flagged) {
    PoleOfInaccessibility best;
    bool found = false;
    for (size_t sec = 0; sec < in.sectors->size(); ++sec) {
      const bool member = sec < unit_of.size() ? unit_of[sec] == r.sector_index
                                               : static_cast<int32_t>(sec) == r.sector_index;
      if (!member) continue;
      const PoleOfInaccessibility p = polylabel(in.sectors->sectors[sec].shape, 10.0);
      if (!found || p.distance > best.distance) best = p, found = true;
    }
    if (!found) continue;
    const Vec2 at = to_page(best.point);
    const double w = overlay::measure_text(cr, r.sector).width, h = 6.8;
    for (const double dy : {0.0, -h - 1.5, h + 1.5}) {
      const Rect box{at.x - w / 2 - 1, at.y + dy - h / 2 - 1, at.x + w / 2 + 1,
                     at.y + dy + h / 2 + 1};
      if (box.x0 < frame.x || box.x1 > frame.right() || box.y0 < frame.y || box.y1 > frame.bottom())
        continue;
      const bool overlaps = std::any_of(placed.begin(), placed.end(), [&](const Rect& o) {
        return box.x0 < o.x1 && o.x0 < box.x1 && box.y0 < o.y1 && o.y0 < box.y1;
      });
      if (overlaps) continue;
      overlay::draw_text(cr, r.sector, box.x0 + 1, box.y1 - 1 - 1.2, flag_color(r.flag), 1.3);
      placed.push_back(box);
      break;
    }
  }
}
}  // namespace

MapPanel draw_map_panel(cairo_t* cr, const BriefPageInput& in, const Strings& s, PageBox box,
                        double pixels_per_point) {
  MapPanel out;
  const double head = draw_heading(cr, s.map_title, box);
  const PageBox frame{box.x, box.y + head, box.w, box.h - head - 16};
  const int wpx = std::max(64, static_cast<int>(std::lround(frame.w * pixels_per_point)));
  const int hpx = std::max(64, static_cast<int>(std::lround(frame.h * pixels_per_point)));

  static const IncidentStore kNoIncidents;
  MapSceneData data;
  data.sectors = in.sectors;
  data.incidents = in.week_incidents != nullptr ? in.week_incidents : &kNoIncidents;
  data.programs = in.programs;
  // No `from`: densities are per km² over the week itself (a per-year rate of one week would
  // mislead); `to_exclusive` greys program areas that had not started by the week's end.
  data.to_exclusive = in.brief->week_end_exclusive;
  // The brief's map style: heatmap over pale sectors with the program areas.
  MapStyle style;
  style.name = "brief";
  style.layers = {make_layer(LayerKind::sectors), make_layer(LayerKind::heatmap),
                  make_layer(LayerKind::programs)};
  // One week holds few points, so the kernel is wider than the 400 m default and grows with the
  // area shown: 1/60 of the sectors' diagonal, 400..1500 m (CDMX: ~900 m; the demo city: ~400 m).
  const Box ext = in.sectors->extent();
  const double diagonal = ext.empty() ? 0 : std::hypot(ext.width(), ext.height());
  style.heatmap().kernel = KdeKernel::quartic;
  // A brief coarsened to groups of sectors (core/brief_level.hpp) publishes nothing finer than a
  // group, and its partner map floors densities at k incidents' peak: a kernel of a sector's
  // scale would show almost none of the period's heat, so it widens to about a group's scale
  // (1/20 of the diagonal: CDMX ~2.7 km).
  style.heatmap().bandwidth_m = in.brief->grouped() ? std::clamp(diagonal / 20.0, 400.0, 4000.0)
                                                    : std::clamp(diagonal / 60.0, 400.0, 1500.0);
  // Partner-safe map rules (bandwidth >= 500 m, no points, density floor of k incidents' peak,
  // rounded colour domain) or the internal stamp: the one protection function. No period:
  // densities are per km² over the week, as above. The protection footer is printed once, in the
  // page footer.
  style = protect_style(style, in.policy).style;
  style.furniture.footer = false;
  MapSceneOptions opt;
  opt.width = wpx;
  opt.height = hpx;
  opt.padding_px = 0.03 * hpx;
  // The map's own legend and scale bar in the page's language.
  opt.language = in.language;

  Camera camera;
  try {
    MapSceneResult r = render_map_scene(data, style, opt);
    paint_image(cr, r.image, frame);
    camera = r.camera;
    out.rendered = true;
    out.renderer = r.renderer;
  } catch (const GlUnavailable&) {
    Box extent = in.sectors->extent();
    camera = Camera::fit(extent, wpx, hpx, opt.padding_px);
  }
  const double k = 1.0 / pixels_per_point;
  const auto to_page = [&](Vec2 w) {
    const Vec2 p = camera.world_to_pixel(w);
    return Vec2{frame.x + p.x * k, frame.y + p.y * k};
  };
  cairo_save(cr);
  cairo_rectangle(cr, frame.x, frame.y, frame.w, frame.h);
  cairo_clip(cr);
  if (!out.rendered) {
    cairo_set_source_rgb(cr, 0.98, 0.98, 0.97);
    cairo_paint(cr);
    for (const Sector& sec : in.sectors->sectors) trace_shape(cr, sec.shape, to_page);
    cairo_set_source_rgb(cr, 0.93, 0.93, 0.92);
    cairo_fill_preserve(cr);
    cairo_set_source_rgb(cr, 0.55, 0.55, 0.55);
    cairo_set_line_width(cr, 0.3);
    cairo_stroke(cr);
  }
  // Flagged sectors: a white casing under the colour keeps the outline visible on the heatmap.
  cairo_set_line_join(cr, CAIRO_LINE_JOIN_ROUND);
  // A row is a unit: a sector, or a group of sectors (all of its sectors are outlined).
  const std::vector<int32_t>& unit_of = in.brief->unit_of_sector;
  // The flagged units in the meeting's order, so the largest changes get their labels first.
  std::vector<BriefRow> flagged;
  for (const BriefRow& r : in.brief->rows)
    if (r.flag != BriefFlag::none && !in.protection->mask(r).derived && r.sector_index >= 0)
      flagged.push_back(r);
  order_brief_rows_by_change(flagged);
  for (const BriefRow& r : flagged) {
    bool any = false;
    for (size_t sec = 0; sec < in.sectors->size(); ++sec) {
      const bool member = sec < unit_of.size() ? unit_of[sec] == r.sector_index
                                               : static_cast<int32_t>(sec) == r.sector_index;
      if (!member) continue;
      trace_shape(cr, in.sectors->sectors[sec].shape, to_page);
      any = true;
    }
    if (!any) continue;
    cairo_set_source_rgb(cr, 1, 1, 1);
    cairo_set_line_width(cr, 2.6);
    cairo_stroke_preserve(cr);
    overlay::set_source(cr, flag_color(r.flag));
    cairo_set_line_width(cr, 1.4);
    cairo_stroke(cr);
  }
  label_units(cr, in, flagged, to_page, frame);
  cairo_restore(cr);
  cairo_set_source_rgb(cr, 0.75, 0.75, 0.75);
  cairo_set_line_width(cr, 0.5);
  cairo_rectangle(cr, frame.x, frame.y, frame.w, frame.h);
  cairo_stroke(cr);

  // Key under the map: the three outline colours, or the missing-GL note.
  overlay::set_font(cr, overlay::Weight::regular, 7.5);
  double x = frame.x;
  const double base = frame.bottom() + 11;
  if (!out.rendered) {
    overlay::draw_text(cr, overlay::fit_text(cr, s.map_no_gl, frame.w), x, base,
                       {160, 40, 40, 255});
    return out;
  }
  for (BriefFlag f : {BriefFlag::up, BriefFlag::new_, BriefFlag::down}) {
    overlay::set_source(cr, flag_color(f));
    cairo_set_line_width(cr, 1.4);
    cairo_rectangle(cr, x, base - 6.5, 12, 7);
    cairo_stroke(cr);
    const std::string label = flag_label(f, s);
    overlay::draw_text(cr, label, x + 16, base, {60, 60, 60, 255});
    x += 16 + overlay::measure_text(cr, label).width + 14;
  }
  return out;
}

}  // namespace faro::render::brief
