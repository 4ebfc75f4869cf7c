#include "render/sector_map_png.hpp"

#include <chrono>
#include <memory>
#include <optional>

#include "io/png_writer.hpp"
#include "render/egl_context.hpp"
#include "render/map_renderer.hpp"

namespace faro::render {
namespace {
using Clock = std::chrono::steady_clock;
double ms_since(Clock::time_point t0) {
  return std::chrono::duration<double, std::milli>(Clock::now() - t0).count();
}
}  // namespace

RgbaImage render_sectors_image(const SectorSet& sectors, std::span<const Rgba8> colors, int width,
                               int height, const SectorMapStyle& style, SectorMapTimings* timings) {
  std::optional<EglContext> own_context;
  if (!EglContext::any_current()) own_context.emplace();
  SectorMapTimings t;
  if (const GLubyte* renderer = glGetString(GL_RENDERER))
    t.renderer = reinterpret_cast<const char*>(renderer);

  auto t0 = Clock::now();
  std::vector<const MultiPolygon*> shapes;
  for (const Sector& s : sectors.sectors) shapes.push_back(&s.shape);
  const Camera camera = Camera::fit(sectors.extent(), width, height, style.padding_px);
  const PolygonMesh mesh = build_polygon_mesh(shapes, camera.local_origin());
  t.mesh_ms = ms_since(t0);

  t0 = Clock::now();
  PolygonFillLayer layer(mesh);
  layer.set_fill_colors(colors);
  layer.set_outline(style.outline);
  glFinish();
  t.upload_ms = ms_since(t0);

  t0 = Clock::now();
  MapRenderOptions options;
  options.background = style.background;
  options.samples = style.samples;
  options.max_tile_size = style.max_tile_size;
  RgbaImage image = render_map({&layer}, camera, options);
  t.render_ms = ms_since(t0);
  if (timings) *timings = t;
  return image;
}

SectorMapTimings render_sectors_png(const SectorSet& sectors, std::span<const Rgba8> colors,
                                    int width, int height, const std::string& path,
                                    const SectorMapStyle& style) {
  SectorMapTimings t;
  const RgbaImage image = render_sectors_image(sectors, colors, width, height, style, &t);
  const auto t0 = Clock::now();
  io::write_png_rgba(path, image.pixels, image.width, image.height);
  t.png_ms = ms_since(t0);
  return t;
}

}  // namespace faro::render
