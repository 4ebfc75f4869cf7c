// The evaluation report's map: the sectors drawn through the one map renderer (render_map_scene,
// OpenGL via EGL, the partner-safe or internal style from protect_style, as the brief's map), then
// each sector of the evaluation filled by cairo in its group's colour (vector shapes in the PDF):
// treated, comparison, neighbours taken out of the comparison (the spillover ring), treated but
// excluded; the treated sectors named. Without OpenGL the sectors are cairo outlines and a note
// says so. No incidents are drawn: the map shows the design, not data.
#include <cairo.h>

#include <algorithm>
#include <cmath>
#include <memory>

#include "core/polylabel.hpp"
#include "core/style_protection.hpp"
#include "render/camera.hpp"
#include "render/egl_context.hpp"
#include "render/evaluation_report_parts.hpp"
#include "render/map_scene.hpp"
#include "render/overlay_text.hpp"
#include "render/page_cairo.hpp"

namespace faro::render::report {
namespace {

enum class Group { none, treated, comparison, ring, excluded };

// Placing the map image: render/page_cairo.hpp (shared with the other printed page).
void paint_image(cairo_t* cr, const RgbaImage& img, PageBox box) {
  render::paint_image(cr, img, box.x, box.y, box.w, box.h);
}

std::vector<Group> sector_groups(const ProgramEvaluation& ev, size_t n) {
  std::vector<Group> g(n, Group::none);
  const auto set = [&](size_t s, Group v) {
    if (s < n) g[s] = v;
  };
  for (size_t s : ev.comparison.sectors) set(s, Group::comparison);
  if (ev.spillover.excluded)
    for (size_t s : ev.spillover.ring) set(s, Group::ring);
  for (const auto& [s, why] : ev.excluded) set(s, Group::excluded);
  for (const TreatedSector& t : ev.eligible) set(t.sector, Group::treated);
  return g;
}

Rgba8 group_color(Group g) {
  switch (g) {
    case Group::treated:
      return kTreated;
    case Group::comparison:
      return kComparison;
    case Group::ring:
      return kRing;
    case Group::excluded:
      return kExcluded;
    case Group::none:
      break;
  }
  return {235, 235, 232, 255};
}

// Names the treated sectors at their pole of inaccessibility; a label that would overlap one
// already placed (or leave the frame) tries just above and below, else is left out.
template <class F>
void label_treated(cairo_t* cr, const EvaluationReportInput& in, const F& to_page, PageBox frame) {
  struct Rect {
    double x0, y0, x1, y1;
  };
  std::vector<Rect> placed;
  overlay::set_font(cr, overlay::Weight::bold, 6.8);
  for (const TreatedSector& t : in.evaluation->eligible) {
    const Sector& sec = in.sectors->sectors[t.sector];
    const Vec2 at = to_page(polylabel(sec.shape, 10.0).point);
    const double w = overlay::measure_text(cr, sec.name).width, h = 6.8;
    for (const double dy : {-h - 2.0, h + 2.0, -2 * h - 3.0, 2 * h + 3.0}) {
      const Rect box{at.x - w / 2 - 1, at.y + dy - h / 2 - 1, at.x + w / 2 + 1,
                     at.y + dy + h / 2 + 1};
      if (box.x0 < frame.x || box.x1 > frame.right() || box.y0 < frame.y || box.y1 > frame.bottom())
        continue;
      const bool overlaps = std::any_of(placed.begin(), placed.end(), [&](const Rect& o) {
        return box.x0 < o.x1 && o.x0 < box.x1 && box.y0 < o.y1 && o.y0 < box.y1;
      });
      if (overlaps) continue;
      overlay::draw_text(cr, sec.name, box.x0 + 1, box.y1 - 1 - 1.2, {0, 90, 78, 255}, 1.6);
      placed.push_back(box);
      break;
    }
  }
}

}  // namespace

MapPanelResult draw_report_map(cairo_t* cr, const EvaluationReportInput& in, PageBox box,
                               double pixels_per_point, bool render_gl) {
  MapPanelResult out;
  const Language l = in.language;
  const double head = brief::draw_heading(cr, tr(Msg::eval_report_map_title, l), box);
  const PageBox frame{box.x, box.y + head, box.w, box.h - head - 16};
  const int wpx = std::max(64, static_cast<int>(std::lround(frame.w * pixels_per_point)));
  const int hpx = std::max(64, static_cast<int>(std::lround(frame.h * pixels_per_point)));

  static const IncidentStore kNoIncidents;
  static const std::vector<faro::Program> kNoPrograms;
  MapSceneData data;
  data.sectors = in.sectors;
  data.incidents = &kNoIncidents;
  data.programs = in.programs ? in.programs : &kNoPrograms;
  MapStyle style;
  style.name = "evaluation";
  style.layers = {make_layer(LayerKind::sectors)};
  // Partner-safe: the style through protect_style, as every map for an audience. Internal: the
  // page stamps itself in its header and footer; the map's own stamp would sit under the fills.
  if (!in.internal) {
    DisclosurePolicy policy = in.policy;
    policy.partner_safe = true;
    style = protect_style(style, policy).style;
  }
  style.furniture.footer = false;  // the page footer states the protection once
  style.furniture.legend = false;  // the groups' key is under the map
  MapSceneOptions opt;
  opt.width = wpx;
  opt.height = hpx;
  opt.padding_px = 0.03 * hpx;
  opt.language = l;
  // Scale bar and north arrow at print size (the default scale, height / 1080, is for screens).
  opt.ui_scale = pixels_per_point / 2.2;
  Camera camera;
  bool gl = false;
  if (render_gl) {
    try {
      MapSceneResult r = render_map_scene(data, style, opt);
      paint_image(cr, r.image, frame);
      camera = r.camera;
      gl = true;
      out.rendered = true;
      out.renderer = r.renderer;
    } catch (const GlUnavailable&) {
    }
  }
  if (!gl) camera = Camera::fit(in.sectors->extent(), wpx, hpx, opt.padding_px);
  const double k = 1.0 / pixels_per_point;
  const auto to_page = [&](Vec2 w) {
    const Vec2 p = camera.world_to_pixel(w);
    return Vec2{frame.x + p.x * k, frame.y + p.y * k};
  };
  cairo_save(cr);
  cairo_rectangle(cr, frame.x, frame.y, frame.w, frame.h);
  cairo_clip(cr);
  if (!gl) {
    cairo_set_source_rgb(cr, 0.98, 0.98, 0.97);
    cairo_paint(cr);
  }
  // Each group's sectors filled in its colour, thin white lines between them; groups drawn from
  // the largest (comparison) to the smallest (treated) so the treated are on top.
  const std::vector<Group> groups = sector_groups(*in.evaluation, in.sectors->size());
  cairo_set_line_join(cr, CAIRO_LINE_JOIN_ROUND);
  bool any_none = false;
  for (Group g : {Group::none, Group::comparison, Group::ring, Group::excluded, Group::treated}) {
    bool any = false;
    for (size_t s = 0; s < groups.size(); ++s)
      if (groups[s] == g) trace_shape(cr, in.sectors->sectors[s].shape, to_page), any = true;
    if (!any) continue;
    if (g == Group::none) {
      any_none = true;
      if (gl) {  // the renderer's pale sectors stay as they are
        cairo_new_path(cr);
        continue;
      }
    }
    overlay::set_source(cr, group_color(g), g == Group::comparison ? 0.55 : 0.9);
    cairo_fill_preserve(cr);
    cairo_set_source_rgb(cr, 1, 1, 1);
    cairo_set_line_width(cr, g == Group::treated ? 0.8 : 0.35);
    cairo_stroke(cr);
  }
  // Treated outlines on top, dark, so a small sector stays visible at city scale.
  for (const TreatedSector& t : in.evaluation->eligible)
    trace_shape(cr, in.sectors->sectors[t.sector].shape, to_page);
  cairo_set_source_rgb(cr, 0, 0.3, 0.26);
  cairo_set_line_width(cr, 1.1);
  cairo_stroke(cr);
  label_treated(cr, in, to_page, frame);
  cairo_restore(cr);
  cairo_set_source_rgb(cr, 0.75, 0.75, 0.75);
  cairo_set_line_width(cr, 0.5);
  cairo_rectangle(cr, frame.x, frame.y, frame.w, frame.h);
  cairo_stroke(cr);

  // The key: one swatch per group present, then the no-GL note.
  overlay::set_font(cr, overlay::Weight::regular, 7.5);
  double x = frame.x;
  const double base = frame.bottom() + 11;
  const auto present = [&](Group g) {
    return std::find(groups.begin(), groups.end(), g) != groups.end();
  };
  const std::pair<Group, Msg> keys[] = {{Group::treated, Msg::eval_report_legend_treated},
                                        {Group::comparison, Msg::eval_report_legend_comparison},
                                        {Group::ring, Msg::eval_report_legend_ring},
                                        {Group::excluded, Msg::eval_report_legend_excluded},
                                        {Group::none, Msg::eval_report_legend_other}};
  for (const auto& [g, msg] : keys) {
    if (g == Group::none ? !any_none : !present(g)) continue;
    overlay::set_source(cr, group_color(g), g == Group::comparison ? 0.55 : 0.9);
    cairo_rectangle(cr, x, base - 6.5, 11, 7);
    cairo_fill_preserve(cr);
    cairo_set_source_rgb(cr, 0.5, 0.5, 0.5);
    cairo_set_line_width(cr, 0.4);
    cairo_stroke(cr);
    const std::string label = tr(msg, l);
    overlay::draw_text(cr, label, x + 14, base, {60, 60, 60, 255});
    x += 14 + overlay::measure_text(cr, label).width + 12;
  }
  if (render_gl && !gl) {
    const std::string note = tr(Msg::eval_report_map_no_gl, l);
    overlay::draw_text(cr, overlay::fit_text(cr, note, frame.right() - x), x, base,
                       {160, 40, 40, 255});
  }
  return out;
}

}  // namespace faro::render::report
