// The zlib strip encoder behind write_png_rgba: every filter, one or several strips, decodes back
// to the same pixels through an independent decoder (GDAL's PNG driver, libpng), with a valid
// zlib stream (one Adler-32 over all strips) and IDAT chunks split at 1 MiB.
#include <gdal.h>
#include <gtest/gtest.h>
#include <zlib.h>

#include <random>

#include "core/errors.hpp"
#include "io/gdal_env.hpp"
#include "io/png_writer.hpp"
#include "test_support.hpp"

namespace {

using faro::io::PngFilter;
using faro::io::PngOptions;

// Smooth gradients, flat areas and noise, with varying alpha: every filter has work to do.
std::vector<uint8_t> test_image(int w, int h, unsigned seed) {
  std::mt19937 rng(seed);
  std::vector<uint8_t> px(static_cast<size_t>(w) * h * 4);
  for (int y = 0; y < h; ++y)
    for (int x = 0; x < w; ++x) {
      uint8_t* p = &px[(static_cast<size_t>(y) * w + x) * 4];
      const bool flat = (x / 16 + y / 16) % 3 == 0;
      p[0] = flat ? 200 : static_cast<uint8_t>(x * 3 + y);
      p[1] = flat ? 30 : static_cast<uint8_t>(rng());
      p[2] = static_cast<uint8_t>(y * 2);
      p[3] = static_cast<uint8_t>(x % 7 == 0 ? 128 : 255);
    }
  return px;
}

std::vector<uint8_t> read_back(const std::string& path, int w, int h) {
  faro::io::ensure_gdal();
  GDALDatasetH ds =
      GDALOpenEx(path.c_str(), GDAL_OF_RASTER | GDAL_OF_READONLY, nullptr, nullptr, nullptr);
  EXPECT_NE(ds, nullptr);
  if (!ds) return {};
  EXPECT_EQ(GDALGetRasterCount(ds), 4);
  EXPECT_EQ(GDALGetRasterXSize(ds), w);
  EXPECT_EQ(GDALGetRasterYSize(ds), h);
  std::vector<uint8_t> back(static_cast<size_t>(w) * h * 4);
  EXPECT_EQ(GDALDatasetRasterIO(ds, GF_Read, 0, 0, w, h, back.data(), w, h, GDT_Byte, 4, nullptr, 4,
                                static_cast<GSpacing>(w) * 4, 1),
            CE_None);
  GDALClose(ds);
  return back;
}

TEST(PngEncoder, EveryFilterAndStripCountDecodesToTheSamePixels) {
  faro_test::TempDir dir;
  const int w = 97, h = 301;
  const std::vector<uint8_t> px = test_image(w, h, 5);
  for (PngFilter f :
       {PngFilter::none, PngFilter::sub, PngFilter::up, PngFilter::paeth, PngFilter::adaptive})
    for (int threads : {1, 2, 4}) {
      PngOptions o;
      o.filter = f;
      o.threads = threads;
      o.zlevel = threads == 4 ? 9 : 1;
      const std::string path =
          dir.file("f" + std::to_string(int(f)) + "t" + std::to_string(threads) + ".png");
      faro::io::write_png_rgba(path, px, w, h, o);
      EXPECT_EQ(read_back(path, w, h), px) << "filter " << int(f) << ", threads " << threads;
    }
}

TEST(PngEncoder, OneZlibStreamAcrossStripsAndMegabyteIdatChunks) {
  // Noise compresses badly: 700 x 500 x 4 = 1.4 MB of pixels gives two IDAT chunks.
  const int w = 700, h = 500;
  std::vector<uint8_t> px(static_cast<size_t>(w) * h * 4);
  std::mt19937 rng(9);
  for (auto& b : px) b = static_cast<uint8_t>(rng());
  PngOptions o;
  o.threads = 3;
  const std::vector<uint8_t> png = faro::io::encode_png_rgba(px, w, h, o);
  // Collect the IDAT payloads, then inflate them as one zlib stream (checks the Adler-32).
  std::vector<uint8_t> zdata;
  int idats = 0;
  for (size_t i = 8; i + 12 <= png.size();) {
    const uint32_t len = uint32_t(png[i]) << 24 | uint32_t(png[i + 1]) << 16 |
                         uint32_t(png[i + 2]) << 8 | png[i + 3];
    if (std::string(png.begin() + i + 4, png.begin() + i + 8) == "IDAT") {
      zdata.insert(zdata.end(), png.begin() + i + 8, png.begin() + i + 8 + len);
      ++idats;
      EXPECT_LE(len, 1u << 20);
    }
    i += 12 + len;
  }
  EXPECT_GE(idats, 2);
  std::vector<uint8_t> raw(static_cast<size_t>(w * 4 + 1) * h);
  uLongf raw_len = raw.size();
  ASSERT_EQ(uncompress(raw.data(), &raw_len, zdata.data(), zdata.size()), Z_OK);
  EXPECT_EQ(raw_len, raw.size());
}

TEST(PngEncoder, SizeMismatchIsAUsageError) {
  EXPECT_THROW(faro::io::encode_png_rgba(std::vector<uint8_t>(12), 2, 2), faro::UsageError);
  EXPECT_THROW(faro::io::encode_png_rgba(std::vector<uint8_t>(0), 0, 0), faro::UsageError);
}

}  // namespace
