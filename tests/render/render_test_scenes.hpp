#pragma once
// Small scenes shared by the render tests.
#include <cstdint>
#include <vector>

#include "core/geometry.hpp"
#include "core/map_style.hpp"
#include "render/camera.hpp"
#include "render/image.hpp"

namespace faro_test {

// A style of the given kinds, bottom to top, each with its preset defaults.
inline faro::MapStyle style_of(std::initializer_list<faro::LayerKind> kinds) {
  faro::MapStyle s;
  for (faro::LayerKind k : kinds) s.add(faro::make_layer(k));
  return s;
}

inline faro::MultiPolygon rectangle(double x0, double y0, double x1, double y1) {
  return {faro::Polygon{{{x0, y0}, {x1, y0}, {x1, y1}, {x0, y1}}, {}}};
}

// Distinct, saturated colours (golden-ratio hue steps), opaque.
inline std::vector<faro::render::Rgba8> distinct_colors(size_t n) {
  std::vector<faro::render::Rgba8> out;
  double h = 0.11;
  for (size_t i = 0; i < n; ++i, h += 0.618033988749895) {
    h -= static_cast<int>(h);
    const double s = 0.55 + 0.35 * ((i * 7) % 3) / 2.0, v = 0.75 + 0.2 * ((i * 5) % 2);
    const int sector = static_cast<int>(h * 6);
    const double f = h * 6 - sector, p = v * (1 - s), q = v * (1 - f * s),
                 t = v * (1 - (1 - f) * s);
    double r = v, g = t, b = p;
    switch (sector % 6) {
      case 1:
        r = q;
        g = v;
        b = p;
        break;
      case 2:
        r = p;
        g = v;
        b = t;
        break;
      case 3:
        r = p;
        g = q;
        b = v;
        break;
      case 4:
        r = t;
        g = p;
        b = v;
        break;
      case 5:
        r = v;
        g = p;
        b = q;
        break;
    }
    out.push_back({static_cast<uint8_t>(r * 255 + 0.5), static_cast<uint8_t>(g * 255 + 0.5),
                   static_cast<uint8_t>(b * 255 + 0.5), 255});
  }
  return out;
}

inline size_t count_differences(const faro::render::RgbaImage& a,
                                const faro::render::RgbaImage& b) {
  size_t n = 0;
  for (int y = 0; y < a.height; ++y)
    for (int x = 0; x < a.width; ++x) n += !(a.at(x, y) == b.at(x, y));
  return n;
}

}  // namespace faro_test
