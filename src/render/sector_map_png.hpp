#pragma once
// One-call export of a sector map to PNG: sector fills in the given colours with outlines, fitted
// to the image. The first end-to-end use of the renderer (tests, probes); `faro render` builds on
// the same pieces (PolygonFillLayer, render_map, io::write_png_rgba).
#include <span>
#include <string>

#include "core/sectors.hpp"
#include "render/image.hpp"
#include "render/polygon_fill_layer.hpp"

namespace faro::render {

struct SectorMapStyle {
  Rgba8 background{255, 255, 255, 255};
  OutlineStyle outline{};
  double padding_px = 16;
  int samples = 4;        // MSAA
  int max_tile_size = 0;  // 0 = the GL limits
};

struct SectorMapTimings {
  double mesh_ms = 0;    // triangulation and ribbons (CPU)
  double upload_ms = 0;  // shaders and buffers
  double render_ms = 0;  // drawing and readback (includes GPU finish)
  double png_ms = 0;     // encoding and atomic write
  std::string renderer;  // GL_RENDERER used
};

// Renders `sectors` (one colour per sector, straight alpha) into a width x height image.
// Uses the EGL context current on this thread, or creates a temporary one (throws GlUnavailable
// when none can be made).
RgbaImage render_sectors_image(const SectorSet& sectors, std::span<const Rgba8> colors, int width,
                               int height, const SectorMapStyle& style = {},
                               SectorMapTimings* timings = nullptr);

// The same, written atomically to `path` as PNG.
SectorMapTimings render_sectors_png(const SectorSet& sectors, std::span<const Rgba8> colors,
                                    int width, int height, const std::string& path,
                                    const SectorMapStyle& style = {});

}  // namespace faro::render
