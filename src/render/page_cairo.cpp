#include "render/page_cairo.hpp"

#include <cstdint>
#include <memory>

namespace faro::render {
namespace {

struct SurfaceDeleter {
  void operator()(cairo_surface_t* s) const { cairo_surface_destroy(s); }
};

}  // namespace

void paint_image(cairo_t* cr, const RgbaImage& img, double x, double y, double w, double h) {
  std::unique_ptr<cairo_surface_t, SurfaceDeleter> surface(
      cairo_image_surface_create(CAIRO_FORMAT_ARGB32, img.width, img.height));
  if (cairo_surface_status(surface.get()) != CAIRO_STATUS_SUCCESS) return;
  cairo_surface_flush(surface.get());
  unsigned char* data = cairo_image_surface_get_data(surface.get());
  const int stride = cairo_image_surface_get_stride(surface.get());
  for (int row = 0; row < img.height; ++row)
    for (int col = 0; col < img.width; ++col) {
      const Rgba8 c = img.at(col, row);
      const auto pre = [&](uint8_t v) { return static_cast<uint32_t>((v * c.a + 127) / 255); };
      *reinterpret_cast<uint32_t*>(data + row * stride + col * 4) =
          (static_cast<uint32_t>(c.a) << 24) | (pre(c.r) << 16) | (pre(c.g) << 8) | pre(c.b);
    }
  cairo_surface_mark_dirty(surface.get());
  cairo_save(cr);
  cairo_translate(cr, x, y);
  cairo_scale(cr, w / img.width, h / img.height);
  cairo_set_source_surface(cr, surface.get(), 0, 0);
  cairo_pattern_set_filter(cairo_get_source(cr), CAIRO_FILTER_GOOD);
  cairo_paint(cr);
  cairo_restore(cr);
}

}  // namespace faro::render
