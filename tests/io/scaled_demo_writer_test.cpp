// The scaled demo's two files (io/scaled_demo_writer.hpp) load through the normal loaders with no
// options, agree with each other, and leave no reserve slack in the store (IncidentStore::
// shrink_to_fit at the end of load_incidents: capacity == size in every column).
#include <gtest/gtest.h>

#include <filesystem>

#include "core/demo_city.hpp"
#include "incident_test_util.hpp"
#include "io/scaled_demo_writer.hpp"
#include "io/sector_loader.hpp"

namespace faro_test {
namespace {

class ScaledDemoWriterTest : public IncidentTest {};

template <class Column>
void expect_tight(const Column& c, const char* name) {
  EXPECT_EQ(c.capacity(), c.size()) << name << " keeps reserve slack";
}

void expect_no_slack(const faro::IncidentStore& s) {
  expect_tight(s.x, "x");
  expect_tight(s.y, "y");
  expect_tight(s.t, "t");
  expect_tight(s.category, "category");
  expect_tight(s.flags, "flags");
  expect_tight(s.source_rows.runs(), "source row runs");
  const size_t exact = s.size() * (8 + 8 + 8 + 2 + 1) + s.source_rows.run_count() * 8 +
                       s.source_starts.size() * 4 + s.weight.size() * 4 + s.sector.size() * 2;
  EXPECT_EQ(s.memory_bytes(), exact);
}

TEST_F(ScaledDemoWriterTest, CsvAndGeoPackageLoadAlikeWithNoSlack) {
  faro::DemoOptions o;
  o.seed = 11;
  int64_t last_progress = 0;
  const faro::io::ScaledDemoFiles files = faro::io::write_scaled_demo(
      o, 30'000, dir_.path().string(), [&](int64_t rows) { last_progress = rows; });
  ASSERT_TRUE(std::filesystem::exists(files.geopackage));
  ASSERT_TRUE(std::filesystem::exists(files.csv_gz));
  EXPECT_EQ(last_progress, files.incidents);
  EXPECT_NEAR(static_cast<double>(files.incidents), 30'000.0, 1'500.0);

  faro::io::IncidentSourceOptions no_cache;
  no_cache.use_cache = false;
  const auto csv = load(files.csv_gz, no_cache, "EPSG:32614");
  faro::io::IncidentSourceOptions layer = no_cache;
  layer.layer = "incidents";
  const auto gpkg = load(files.geopackage, layer, "EPSG:32614");
  ASSERT_EQ(csv.store.size(), static_cast<size_t>(files.incidents));
  ASSERT_EQ(gpkg.store.size(), static_cast<size_t>(files.incidents));
  EXPECT_EQ(csv.report.rows_loaded, files.incidents);
  expect_no_slack(csv.store);
  expect_no_slack(gpkg.store);
  // Offences detected from "delito" with the generator's four names; times of day kept.
  EXPECT_EQ(csv.store.categories.size(), 5u) << "'' plus the four demo offences";
  size_t far = 0, time_differs = 0, category_differs = 0;
  for (size_t i = 0; i < csv.store.size(); ++i) {
    // WGS84 with 7 decimals and back: within a few centimetres of the GeoPackage's UTM point.
    far += std::hypot(csv.store.x[i] - gpkg.store.x[i], csv.store.y[i] - gpkg.store.y[i]) > 0.05;
    time_differs += csv.store.t[i] != gpkg.store.t[i] ||
                    !(csv.store.flags[i] & faro::kHasTimeOfDay);
    category_differs += csv.store.categories.name(csv.store.category[i]) !=
                        gpkg.store.categories.name(gpkg.store.category[i]);
  }
  EXPECT_EQ(far, 0u);
  EXPECT_EQ(time_differs, 0u);
  EXPECT_EQ(category_differs, 0u);

  const auto sectors = faro::io::load_sectors(files.geopackage, {"sectors"}, "EPSG:32614");
  EXPECT_EQ(sectors.sectors.size(), files.sectors);
}

TEST_F(ScaledDemoWriterTest, CacheHitIsAlsoTight) {
  faro::DemoOptions o;
  const faro::io::ScaledDemoFiles files =
      faro::io::write_scaled_demo(o, 5'000, dir_.path().string());
  const auto cold = load(files.csv_gz, {}, "EPSG:32614");
  const auto warm = load(files.csv_gz, {}, "EPSG:32614");
  EXPECT_EQ(warm.report.method, "cache");
  ASSERT_EQ(warm.store.size(), cold.store.size());
  expect_no_slack(cold.store);
  expect_no_slack(warm.store);
}

}  // namespace
}  // namespace faro_test
