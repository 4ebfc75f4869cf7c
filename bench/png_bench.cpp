// PNG export of a 3840x2160 map-like image: GDAL's PNG driver (what io/png_writer.cpp used before,
// zlib level 6, one thread) against the zlib strip encoder now in io/png_writer.cpp, by level,
// filter and threads, and (with FARO_HAVE_LIBDEFLATE) libdeflate deflating the same up-filtered
// rows as one zlib stream: libdeflate has no streaming API and no flush, so its output cannot be
// cut into strips joined by full flushes; it runs on one thread. Counters: the file size in MB.
// Keep runs short on shared machines:
//   png_bench --benchmark_min_time=0.2
// The image: sector polygons (flat ColorBrewer fills with dark outlines, like a choropleth), a
// smooth heatmap blended over the centre, and a few thousand 4-px incident dots.
#include <benchmark/benchmark.h>
#include <cpl_string.h>
#include <gdal.h>
#ifdef FARO_HAVE_LIBDEFLATE
#include <libdeflate.h>
#endif

#include <cmath>
#include <cstdint>
#include <random>
#include <vector>

#include "core/colormap.hpp"
#include "io/gdal_env.hpp"
#include "io/png_writer.hpp"

namespace {

constexpr int kW = 3840, kH = 2160;

std::vector<uint8_t> map_like_image() {
  std::vector<uint8_t> img(static_cast<size_t>(kW) * kH * 4);
  const auto sector = [](int x, int y) {
    const double wx = x + 40 * std::sin(y / 97.0), wy = y + 40 * std::sin(x / 83.0);
    return static_cast<int>(wx / 180) * 131 + static_cast<int>(wy / 160) * 7;
  };
  for (int y = 0; y < kH; ++y)
    for (int x = 0; x < kW; ++x) {
      uint8_t* p = &img[(static_cast<size_t>(y) * kW + x) * 4];
      const int s = sector(x, y);
      const bool edge = sector(x + 1, y) != s || sector(x, y + 1) != s;
      faro::Rgb c = edge ? faro::Rgb{90, 90, 90}
                         : faro::colormap_sample(faro::ColormapName::ylorrd, (s * 37 % 97) / 96.0);
      // Heatmap over the centre: gaussian bumps on inferno, blended at 70 %.
      const double dx = (x - kW / 2.0) / 700, dy = (y - kH / 2.0) / 450;
      const double d =
          std::exp(-(dx * dx + dy * dy)) * (0.6 + 0.4 * std::sin(x / 150.0) * std::cos(y / 130.0));
      if (d > 0.05) {
        const faro::Rgb h = faro::colormap_sample(faro::ColormapName::inferno, d);
        c = {static_cast<uint8_t>(0.3 * c.r + 0.7 * h.r),
             static_cast<uint8_t>(0.3 * c.g + 0.7 * h.g),
             static_cast<uint8_t>(0.3 * c.b + 0.7 * h.b)};
      }
      p[0] = c.r, p[1] = c.g, p[2] = c.b, p[3] = 255;
    }
  std::mt19937 rng(3);
  std::uniform_int_distribution<int> ux(2, kW - 3), uy(2, kH - 3);
  for (int i = 0; i < 4000; ++i) {
    const int cx = ux(rng), cy = uy(rng);
    for (int y = cy - 2; y <= cy + 1; ++y)
      for (int x = cx - 2; x <= cx + 1; ++x) {
        uint8_t* p = &img[(static_cast<size_t>(y) * kW + x) * 4];
        p[0] = 228, p[1] = 26, p[2] = 28;
      }
  }
  return img;
}

const std::vector<uint8_t>& image() {
  static const std::vector<uint8_t> img = map_like_image();
  return img;
}

// The previous implementation: MEM dataset -> GDALCreateCopy(PNG, ZLEVEL=6) into /vsimem/.
void BM_GdalPngDriver(benchmark::State& state) {
  faro::io::ensure_gdal();
  GDALDriverH mem = GDALGetDriverByName("MEM"), png = GDALGetDriverByName("PNG");
  const auto& img = image();
  size_t bytes = 0;
  for (auto _ : state) {
    GDALDatasetH src = GDALCreate(mem, "", kW, kH, 4, GDT_Byte, nullptr);
    (void)GDALDatasetRasterIO(src, GF_Write, 0, 0, kW, kH, const_cast<uint8_t*>(img.data()), kW, kH,
                              GDT_Byte, 4, nullptr, 4, static_cast<GSpacing>(kW) * 4, 1);
    CPLStringList opts;
    opts.SetNameValue("ZLEVEL", std::to_string(state.range(0)).c_str());
    GDALDatasetH dst =
        GDALCreateCopy(png, "/vsimem/bench.png", src, FALSE, opts.List(), nullptr, nullptr);
    GDALClose(dst);
    GDALClose(src);
    vsi_l_offset size = 0;
    GByte* data = VSIGetMemFileBuffer("/vsimem/bench.png", &size, TRUE);
    bytes = size;
    VSIFree(data);
  }
  state.counters["MB"] = bytes / 1e6;
}
BENCHMARK(BM_GdalPngDriver)->Arg(6)->Arg(1)->Unit(benchmark::kMillisecond);

// Args: zlib level, filter (0 none, 1 sub, 2 up, 3 paeth, 4 adaptive), threads.
void BM_StripEncoder(benchmark::State& state) {
  faro::io::PngOptions o;
  o.zlevel = static_cast<int>(state.range(0));
  o.filter = static_cast<faro::io::PngFilter>(state.range(1));
  o.threads = static_cast<int>(state.range(2));
  const auto& img = image();
  size_t bytes = 0;
  for (auto _ : state) bytes = faro::io::encode_png_rgba(img, kW, kH, o).size();
  state.counters["MB"] = bytes / 1e6;
}
BENCHMARK(BM_StripEncoder)
    ->Args({6, 4, 1})
    ->Args({3, 4, 1})
    ->Args({1, 4, 1})
    ->Args({3, 1, 1})
    ->Args({3, 2, 1})
    ->Args({1, 1, 1})
    ->Args({3, 4, 2})
    ->Args({3, 4, 0})
    ->Unit(benchmark::kMillisecond);

#ifdef FARO_HAVE_LIBDEFLATE
// The "up" filter (io/png_writer.cpp's default) over every row, then one libdeflate zlib stream at
// the given level: the IDAT payload, without the chunk framing (a few bytes per MiB). Arg: level.
void BM_LibdeflateUpFilter(benchmark::State& state) {
  const auto& img = image();
  const size_t n = static_cast<size_t>(kW) * 4;
  std::vector<uint8_t> filtered((n + 1) * kH);
  std::vector<uint8_t> out;
  size_t bytes = 0;
  for (auto _ : state) {
    for (int y = 0; y < kH; ++y) {
      const uint8_t* row = img.data() + static_cast<size_t>(y) * n;
      uint8_t* f = filtered.data() + static_cast<size_t>(y) * (n + 1);
      f[0] = y > 0 ? 2 : 0;
      for (size_t i = 0; i < n; ++i)
        f[1 + i] = y > 0 ? static_cast<uint8_t>(row[i] - row[i - n]) : row[i];
    }
    libdeflate_compressor* c = libdeflate_alloc_compressor(static_cast<int>(state.range(0)));
    out.resize(libdeflate_zlib_compress_bound(c, filtered.size()));
    bytes = libdeflate_zlib_compress(c, filtered.data(), filtered.size(), out.data(), out.size());
    libdeflate_free_compressor(c);
  }
  state.counters["MB"] = bytes / 1e6;
}
BENCHMARK(BM_LibdeflateUpFilter)->Arg(1)->Arg(3)->Arg(6)->Unit(benchmark::kMillisecond);
#endif

}  // namespace

BENCHMARK_MAIN();
