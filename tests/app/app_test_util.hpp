#pragma once
#include <gtest/gtest.h>

#include <cstdlib>
#include <string>
// Helpers for the app tests: the demo workspace (loaded once per process through the same loader
// the dashboard uses), PNG reading through GDAL, and simple image statistics used to say that a
// screenshot is "not blank" and shows the map.
#include <gdal.h>

#include <cmath>
#include <memory>
#include <string>

#include "core/data_snapshot.hpp"
#include "core/workspace.hpp"
#include "io/gdal_env.hpp"
#include "io/workspace_loader.hpp"
#include "render/egl_context.hpp"
#include "render/image.hpp"

namespace faro_test {

// Whether headless OpenGL (EGL) is there. With FARO_REQUIRE_GL=1 (CI: .ci/run) its absence is a
// test failure, so GL tests cannot skip silently.
inline bool have_gl() {
  static const bool ok = [] {
    try {
      faro::render::EglContext probe;
      return true;
    } catch (const faro::render::GlUnavailable&) {
      return false;
    }
  }();
  if (!ok)
    if (const char* r = std::getenv("FARO_REQUIRE_GL"); r && std::string(r) == "1")
      ADD_FAILURE() << "FARO_REQUIRE_GL=1 but no headless OpenGL 3.3 context could be made";
  return ok;
}

// The demo city's workspace (shared: loading takes ~1 s). Immutable: tests on several threads may
// read it.
inline std::shared_ptr<const faro::Workspace> demo_workspace() {
  static std::shared_ptr<const faro::Workspace> ws = [] {
    faro::Session session;
    return std::make_shared<const faro::Workspace>(faro::io::load_workspace(session));
  }();
  return ws;
}

// The demo workspace with `filter` applied, as the dashboard's data snapshot.
inline faro::SnapshotPtr demo_snapshot(const faro::FilterState& filter = {},
                                       uint64_t generation = 1) {
  return faro::make_snapshot(demo_workspace(), filter, {}, generation);
}

// Reads a PNG (read-only) into RGBA; 3-band images get opaque alpha. Empty image on failure.
inline faro::render::RgbaImage read_png(const std::string& path) {
  faro::io::ensure_gdal();
  faro::render::RgbaImage out;
  GDALDatasetH ds =
      GDALOpenEx(path.c_str(), GDAL_OF_RASTER | GDAL_OF_READONLY, nullptr, nullptr, nullptr);
  if (ds == nullptr) return out;
  const int w = GDALGetRasterXSize(ds), h = GDALGetRasterYSize(ds);
  const int bands = GDALGetRasterCount(ds);
  faro::render::RgbaImage img(w, h);
  std::fill(img.pixels.begin(), img.pixels.end(), 255);
  bool ok = bands >= 3;
  for (int b = 1; ok && b <= std::min(bands, 4); ++b)
    ok = GDALRasterIO(GDALGetRasterBand(ds, b), GF_Read, 0, 0, w, h, img.pixels.data() + (b - 1),
                      w, h, GDT_Byte, 4, w * 4) == CE_None;
  GDALClose(ds);
  if (ok) out = std::move(img);
  return out;
}

// Standard deviation of the luminance (0..255) over a rectangle: ~0 for a blank image.
inline double luminance_stddev(const faro::render::RgbaImage& img, int x0, int y0, int x1, int y1) {
  double sum = 0, sum2 = 0;
  size_t n = 0;
  for (int y = std::max(0, y0); y < std::min(img.height, y1); ++y)
    for (int x = std::max(0, x0); x < std::min(img.width, x1); ++x) {
      const faro::render::Rgba8 p = img.at(x, y);
      const double l = 0.2126 * p.r + 0.7152 * p.g + 0.0722 * p.b;
      sum += l;
      sum2 += l * l;
      ++n;
    }
  if (n == 0) return 0;
  const double mean = sum / n;
  return std::sqrt(std::max(0.0, sum2 / n - mean * mean));
}

// Pixels in the rectangle within `tol` of `c` on every channel.
inline size_t count_color(const faro::render::RgbaImage& img, faro::render::Rgba8 c, int tol,
                          int x0, int y0, int x1, int y1) {
  size_t n = 0;
  for (int y = std::max(0, y0); y < std::min(img.height, y1); ++y)
    for (int x = std::max(0, x0); x < std::min(img.width, x1); ++x) {
      const faro::render::Rgba8 p = img.at(x, y);
      if (std::abs(p.r - c.r) <= tol && std::abs(p.g - c.g) <= tol && std::abs(p.b - c.b) <= tol)
        ++n;
    }
  return n;
}

// Pixels that differ by more than `tol` on any channel between two images of the same size.
inline size_t count_different(const faro::render::RgbaImage& a, const faro::render::RgbaImage& b,
                              int tol = 8) {
  if (a.width != b.width || a.height != b.height) return static_cast<size_t>(-1);
  size_t n = 0;
  for (size_t i = 0; i + 3 < a.pixels.size(); i += 4)
    for (int c = 0; c < 3; ++c)
      if (std::abs(a.pixels[i + c] - b.pixels[i + c]) > tol) {
        ++n;
        break;
      }
  return n;
}

}  // namespace faro_test
