#pragma once
// Writes an 8-bit RGBA image as PNG, atomically (io/atomic_file.hpp). The PNG holds pixels only
// (IHDR, IDAT, IEND: no georeferencing, world file or metadata text), so a map export never leaks
// coordinates beyond what is drawn.
//
// Encoded with zlib directly, not through GDAL's PNG driver: rows are filtered and deflated in
// horizontal strips on several threads, and the strips joined into one zlib stream (full flushes
// between strips, Adler-32 combined), the way pigz does it. Timings: bench/png_bench.cpp.
#include <cstdint>
#include <span>
#include <string>
#include <vector>

namespace faro::io {

// PNG row filters (PNG spec §9). adaptive picks per row the filter whose output has the smallest
// sum of absolute byte values (the spec's suggested heuristic, as libpng does).
enum class PngFilter { none, sub, up, paeth, adaptive };

// Defaults from bench/png_bench.cpp on a 3840x2160 map-like image (2-core shared machine, CPU
// time): GDAL's driver at zlib 6 took 404 ms for 0.94 MB; level 3 with the up filter takes
// 142 ms for 1.24 MB on one thread; adaptive filtering costs ~2x the time for a 2 % smaller file.
struct PngOptions {
  int zlevel = 3;  // zlib level 1 (fast) .. 9 (small)
  PngFilter filter = PngFilter::up;
  int threads = 0;  // 0 = hardware threads (at most 16); 1 = single strip
};

// `rgba`: width * height * 4 bytes, rows top-down, straight (non-premultiplied) alpha.
// Throws faro::DataError naming `path` on failure; throws faro::UsageError on a size mismatch.
void write_png_rgba(const std::string& path, std::span<const uint8_t> rgba, int width, int height,
                    const PngOptions& options = {});

// The PNG file's bytes (what write_png_rgba writes). Throws UsageError on a size mismatch.
std::vector<uint8_t> encode_png_rgba(std::span<const uint8_t> rgba, int width, int height,
                                     const PngOptions& options = {});

}  // namespace faro::io
