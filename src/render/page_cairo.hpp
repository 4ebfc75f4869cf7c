#pragma once
// Cairo helpers shared by the printed pages (weekly brief, evaluation report): tracing sector
// shapes onto the page and placing a rendered map image in a box. Page units are PDF points.
#include <cairo.h>

#include "core/geometry.hpp"
#include "render/image.hpp"

namespace faro::render {

// Traces every ring of `shape` (working CRS) through `to_page` (working CRS -> page points) as
// closed sub-paths; the caller fills or strokes.
template <class F>
void trace_shape(cairo_t* cr, const MultiPolygon& shape, const F& to_page) {
  const auto ring = [&](const Ring& r) {
    for (size_t i = 0; i < r.size(); ++i) {
      const Vec2 p = to_page(r[i]);
      if (i == 0)
        cairo_move_to(cr, p.x, p.y);
      else
        cairo_line_to(cr, p.x, p.y);
    }
    if (!r.empty()) cairo_close_path(cr);
  };
  for (const Polygon& poly : shape) {
    ring(poly.outer);
    for (const Ring& h : poly.holes) ring(h);
  }
}

// Paints a straight-alpha RGBA image into the box (points), scaled to fit exactly (cairo wants
// premultiplied ARGB32, so the pixels are converted on the way).
void paint_image(cairo_t* cr, const RgbaImage& img, double x, double y, double w, double h);

}  // namespace faro::render
