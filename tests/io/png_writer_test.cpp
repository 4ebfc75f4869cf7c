// PNG export (io/png_writer.hpp): RGBA pixels round-trip through GDAL, the file holds only the
// image chunks (no georeferencing, text or world file), and bad calls fail without leaving files.
#include "io/png_writer.hpp"

#include <gdal.h>
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <iterator>
#include <set>

#include "core/errors.hpp"
#include "io/gdal_env.hpp"
#include "test_support.hpp"

namespace {

std::set<std::string> png_chunk_types(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  const std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  std::set<std::string> types;
  EXPECT_EQ(bytes.substr(1, 3), "PNG");
  for (size_t i = 8; i + 8 <= bytes.size();) {
    const auto b = [&](size_t k) { return static_cast<uint32_t>(static_cast<uint8_t>(bytes[k])); };
    const uint32_t length = b(i) << 24 | b(i + 1) << 16 | b(i + 2) << 8 | b(i + 3);
    types.insert(bytes.substr(i + 4, 4));
    i += 12 + length;
  }
  return types;
}

TEST(PngWriter, RgbaPixelsRoundTripWithoutMetadata) {
  faro_test::TempDir dir;
  const std::string path = dir.file("map.png");
  // 3 x 2, top-down: opaque red, green, blue / half-transparent grey, fully transparent, white.
  const std::vector<uint8_t> rgba = {255, 0,   0,   255, 0, 255, 0, 255, 0,   0,   255, 255,
                                     128, 128, 128, 128, 0, 0,   0, 0,   255, 255, 255, 255};
  faro::io::write_png_rgba(path, rgba, 3, 2);
  EXPECT_EQ(png_chunk_types(path), (std::set<std::string>{"IHDR", "IDAT", "IEND"}));
  EXPECT_EQ(std::distance(std::filesystem::directory_iterator(dir.path()),
                          std::filesystem::directory_iterator()),
            1);  // no temporary, .aux.xml or world file left behind

  faro::io::ensure_gdal();
  GDALDatasetH ds =
      GDALOpenEx(path.c_str(), GDAL_OF_RASTER | GDAL_OF_READONLY, nullptr, nullptr, nullptr);
  ASSERT_NE(ds, nullptr);
  ASSERT_EQ(GDALGetRasterCount(ds), 4);
  std::vector<uint8_t> back(rgba.size());
  ASSERT_EQ(GDALDatasetRasterIO(ds, GF_Read, 0, 0, 3, 2, back.data(), 3, 2, GDT_Byte, 4, nullptr, 4,
                                12, 1),
            CE_None);
  EXPECT_EQ(back, rgba);
  double gt[6];
  EXPECT_NE(GDALGetGeoTransform(ds, gt), CE_None);
  GDALClose(ds);
}

TEST(PngWriter, ReplacesAnExistingFileWhole) {
  faro_test::TempDir dir;
  const std::string path = dir.write("map.png", "not a png");
  faro::io::write_png_rgba(path, std::vector<uint8_t>(4 * 4 * 4, 200), 4, 4);
  EXPECT_EQ(png_chunk_types(path).count("IHDR"), 1u);
}

TEST(PngWriter, BadCallsThrowAndLeaveNothing) {
  faro_test::TempDir dir;
  EXPECT_THROW(faro::io::write_png_rgba(dir.file("short.png"), std::vector<uint8_t>(10), 2, 2),
               faro::UsageError);
  EXPECT_THROW(
      faro::io::write_png_rgba(dir.file("no/such/dir/x.png"), std::vector<uint8_t>(16, 0), 2, 2),
      faro::DataError);
  EXPECT_EQ(std::distance(std::filesystem::directory_iterator(dir.path()),
                          std::filesystem::directory_iterator()),
            0);
}

}  // namespace
