#pragma once
// CPU-side images read back from the GPU. Rows are top-down (row 0 is the top of the map), pixels
// RGBA8 with straight (non-premultiplied) alpha, ready for PNG writing.
#include <cstddef>
#include <cstdint>
#include <vector>

namespace faro::render {

struct Rgba8 {
  uint8_t r = 0, g = 0, b = 0, a = 255;
  friend bool operator==(const Rgba8&, const Rgba8&) = default;
};

struct RgbaImage {
  int width = 0, height = 0;
  std::vector<uint8_t> pixels;  // width * height * 4

  RgbaImage() = default;
  RgbaImage(int w, int h) : width(w), height(h), pixels(static_cast<size_t>(w) * h * 4, 0) {}
  size_t offset(int x, int y) const { return (static_cast<size_t>(y) * width + x) * 4; }
  Rgba8 at(int x, int y) const {
    const uint8_t* p = &pixels[offset(x, y)];
    return {p[0], p[1], p[2], p[3]};
  }
};

}  // namespace faro::render
