// The density GeoTIFF: reopened with plain GDAL, its geotransform, CRS, values and metadata are
// what was asked, and the atomic write leaves nothing else in the folder.
#include "io/geotiff_writer.hpp"

#include <gtest/gtest.h>

#include <filesystem>

#include "core/errors.hpp"
#include "geotiff_test_util.hpp"
#include "test_support.hpp"

namespace faro {
namespace {
namespace fs = std::filesystem;

GridSpec test_grid() {
  GridSpec g;
  g.xmin = 480000;
  g.ymax = 2150000;
  g.cell = 50;
  g.nx = 37;  // not a multiple of the 256 tile size: partial tiles
  g.ny = 300;
  return g;
}

std::vector<std::string> files_in(const fs::path& dir) {
  std::vector<std::string> names;
  for (const auto& e : fs::directory_iterator(dir)) names.push_back(e.path().filename().string());
  return names;
}

TEST(GeoTiffWriter, WritesGeoreferencedFloat32WithMetadata) {
  faro_test::TempDir dir;
  const GridSpec g = test_grid();
  std::vector<float> values(g.cells());
  for (size_t i = 0; i < values.size(); ++i)
    values[i] = static_cast<float>(i % 1000) * 0.125f + 1e-7f;
  values[0] = 0;
  io::RasterMetadata md;
  md.units = "incidents per km2";
  md.description = "gaussian KDE, bandwidth 400 m";
  md.items = {{"FARO_KERNEL", "gaussian"}, {"FARO_BANDWIDTH_M", "400"}, {"FARO_PERIOD", "all"}};
  const std::string path = dir.file("density.tif");
  io::write_density_geotiff(path, g, values, "EPSG:32614", md);

  EXPECT_EQ(files_in(dir.path()), std::vector<std::string>{"density.tif"});
  const faro_test::GeoTiffContents c = faro_test::read_geotiff(path);
  ASSERT_TRUE(c.opened);
  EXPECT_EQ(c.nx, 37);
  EXPECT_EQ(c.ny, 300);
  EXPECT_EQ(c.type, GDT_Float32);
  EXPECT_FALSE(c.has_nodata);
  EXPECT_DOUBLE_EQ(c.transform[0], 480000);
  EXPECT_DOUBLE_EQ(c.transform[1], 50);
  EXPECT_DOUBLE_EQ(c.transform[2], 0);
  EXPECT_DOUBLE_EQ(c.transform[3], 2150000);
  EXPECT_DOUBLE_EQ(c.transform[4], 0);
  EXPECT_DOUBLE_EQ(c.transform[5], -50);
  EXPECT_EQ(c.srs_authority, "EPSG:32614");
  EXPECT_EQ(c.units, "incidents per km2");
  EXPECT_EQ(c.description, "gaussian KDE, bandwidth 400 m");
  EXPECT_EQ(c.metadata.at("FARO_KERNEL"), "gaussian");
  EXPECT_EQ(c.metadata.at("FARO_BANDWIDTH_M"), "400");
  EXPECT_EQ(c.metadata.at("FARO_PERIOD"), "all");
  ASSERT_EQ(c.values.size(), values.size());
  EXPECT_EQ(c.values, values);  // lossless compression: bit-identical
}

TEST(GeoTiffWriter, ReplacesAnExistingFileAtomically) {
  faro_test::TempDir dir;
  const GridSpec g = test_grid();
  const std::string path = dir.write("density.tif", "old contents");
  std::vector<float> values(g.cells(), 2.5f);
  io::write_density_geotiff(path, g, values, "EPSG:32614", {});
  EXPECT_EQ(files_in(dir.path()), std::vector<std::string>{"density.tif"});
  const faro_test::GeoTiffContents c = faro_test::read_geotiff(path);
  ASSERT_TRUE(c.opened);
  EXPECT_DOUBLE_EQ(c.sum(), 2.5 * g.cells());
}

TEST(GeoTiffWriter, RejectsBadInputWithoutLeavingFiles) {
  faro_test::TempDir dir;
  const GridSpec g = test_grid();
  std::vector<float> values(g.cells(), 1.0f);
  const std::string path = dir.file("density.tif");
  EXPECT_THROW(io::write_density_geotiff(path, g, values, "EPSG:4326", {}), UsageError);  // degrees
  EXPECT_THROW(io::write_density_geotiff(path, g, values, "EPSG:99999999", {}), UsageError);
  EXPECT_THROW(io::write_density_geotiff(path, g, std::vector<float>(5), "EPSG:32614", {}),
               UsageError);
  // A folder that does not exist: a DataError that names the file.
  try {
    io::write_density_geotiff(dir.file("missing/density.tif"), g, values, "EPSG:32614", {});
    ADD_FAILURE() << "expected a DataError";
  } catch (const DataError& e) {
    EXPECT_NE(std::string(e.what()).find("missing/density.tif"), std::string::npos) << e.what();
  }
  EXPECT_TRUE(files_in(dir.path()).empty());
  EXPECT_NO_THROW(io::require_projected_metres("EPSG:32614", "--work-srs"));
  EXPECT_THROW(io::require_projected_metres("EPSG:2227", "--work-srs"), UsageError);  // US feet
}

}  // namespace
}  // namespace faro
