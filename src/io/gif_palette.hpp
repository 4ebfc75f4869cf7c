#pragma once
// A 256-colour palette for GIF frames, by median cut on a 15-bit colour histogram: each box of
// colours is split at its weighted median along its widest channel, the box with the largest
// squared error first, so the large flat areas of a map (sector fills, background) keep their exact
// colour and the rest of the palette goes to the heat ramp and antialiased text. No dithering:
// flat map colours would turn into noise.
//
// The video writer makes one palette per frame (io/video_writer.cpp says why).
#include <array>
#include <cstdint>
#include <span>
#include <vector>

namespace faro::io {

struct Rgb8Color {
  uint8_t r = 0, g = 0, b = 0;
  friend bool operator==(const Rgb8Color&, const Rgb8Color&) = default;
};

class GifPalette {
 public:
  // Builds at most `max_colors` (2..256) colours from RGBA pixels (alpha ignored: frames are
  // opaque). Fewer distinct colours than that give exactly those colours.
  static GifPalette from_rgba(std::span<const uint8_t> rgba, int max_colors = 256);

  const std::vector<Rgb8Color>& colors() const { return colors_; }
  // The index of the palette colour nearest (squared RGB distance) to the pixel's 15-bit colour.
  uint8_t index_of(uint8_t r, uint8_t g, uint8_t b) const {
    return lookup_[(r >> 3) << 10 | (g >> 3) << 5 | (b >> 3)];
  }
  // Each pixel's index, row by row (`stride` bytes between output rows, >= width).
  void map(std::span<const uint8_t> rgba, int width, int height, uint8_t* out, int stride) const;

 private:
  std::vector<Rgb8Color> colors_;
  std::vector<uint8_t> lookup_;  // 32768 entries: 15-bit colour -> palette index
};

}  // namespace faro::io
