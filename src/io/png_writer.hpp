#pragma once
// Writes an 8-bit RGBA image as PNG (GDAL's PNG driver), atomically (io/atomic_file.hpp). The PNG
// holds pixels only: no georeferencing, world file or metadata text, so a map export never leaks
// coordinates beyond what is drawn.
#include <cstdint>
#include <span>
#include <string>

namespace faro::io {

struct PngOptions {
  int zlevel = 6;  // zlib level 1 (fast) .. 9 (small)
};

// `rgba`: width * height * 4 bytes, rows top-down, straight (non-premultiplied) alpha.
// Throws faro::DataError naming `path` on failure; throws faro::UsageError on a size mismatch.
void write_png_rgba(const std::string& path, std::span<const uint8_t> rgba, int width, int height,
                    const PngOptions& options = {});

}  // namespace faro::io
