// The demo GeoPackage: written atomically through GDAL, read back both with raw OGR and through
// Faro's own loaders (the path real data takes).
#include <gdal_priv.h>
#include <gtest/gtest.h>
#include <ogr_spatialref.h>
#include <ogrsf_frmts.h>

#include <cstdlib>
#include <filesystem>
#include <memory>
#include <optional>

#include "core/demo_city.hpp"
#include "core/errors.hpp"
#include "core/polygon_index.hpp"
#include "io/demo_writer.hpp"
#include "io/gdal_env.hpp"
#include "io/incident_loader.hpp"
#include "io/sector_loader.hpp"
#include "test_support.hpp"

namespace faro {
namespace {
namespace fs = std::filesystem;

struct Closer {
  void operator()(GDALDataset* ds) const { GDALClose(ds); }
};
using Dataset = std::unique_ptr<GDALDataset, Closer>;

Dataset open_vector(const std::string& path) {
  io::ensure_gdal();
  return Dataset(static_cast<GDALDataset*>(
      GDALOpenEx(path.c_str(), GDAL_OF_VECTOR | GDAL_OF_READONLY, nullptr, nullptr, nullptr)));
}

class DemoWriterTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    city_ = new DemoCity(generate_demo_city());
    dir_ = new faro_test::TempDir();
    path_ = new std::string(dir_->file("demo.gpkg"));
    io::write_demo_geopackage(*city_, *path_);
  }
  static void TearDownTestSuite() {
    delete city_;
    delete path_;
    delete dir_;
  }
  static inline DemoCity* city_ = nullptr;
  static inline faro_test::TempDir* dir_ = nullptr;
  static inline std::string* path_ = nullptr;
};

TEST_F(DemoWriterTest, FourLayersWithCityCountsInUtm14N) {
  // Only the target is left in the folder: the temporary sibling was renamed, no journal remains.
  std::vector<std::string> files;
  for (const auto& entry : fs::directory_iterator(dir_->path()))
    files.push_back(entry.path().filename());
  EXPECT_EQ(files, std::vector<std::string>{"demo.gpkg"});

  Dataset ds = open_vector(*path_);
  ASSERT_TRUE(ds);
  ASSERT_EQ(ds->GetLayerCount(), 4);
  const std::pair<const char*, int64_t> expected[] = {
      {"sectors", static_cast<int64_t>(city_->sectors.size())},
      {"incidents", static_cast<int64_t>(city_->incidents.size())},
      {"programs", static_cast<int64_t>(city_->programs.size())},
      {"program_sectors", 12}};
  for (const auto& [name, count] : expected) {
    OGRLayer* layer = ds->GetLayerByName(name);
    ASSERT_NE(layer, nullptr) << name;
    EXPECT_EQ(layer->GetFeatureCount(), count) << name;
    if (std::string(name) == "program_sectors") {
      EXPECT_EQ(layer->GetGeomType(), wkbNone);
      continue;
    }
    const OGRSpatialReference* srs = layer->GetSpatialRef();
    ASSERT_NE(srs, nullptr) << name;
    ASSERT_NE(srs->GetAuthorityCode(nullptr), nullptr) << name;
    EXPECT_STREQ(srs->GetAuthorityName(nullptr), "EPSG");
    EXPECT_STREQ(srs->GetAuthorityCode(nullptr), "32614") << name;
  }
  // Labelled synthetic in the file itself.
  const char* label = ds->GetMetadataItem("FARO_DEMO");
  ASSERT_NE(label, nullptr);
  EXPECT_NE(std::string(label).find("datos sintéticos"), std::string::npos);
  EXPECT_NE(std::string(label).find("seed 42"), std::string::npos);
  EXPECT_STREQ(ds->GetMetadataItem("FARO_DEMO_PROGRAM_EFFECT"), "0.700000");
}

TEST_F(DemoWriterTest, ProgramAreasAreDissolvedMemberSectors) {
  Dataset ds = open_vector(*path_);
  ASSERT_TRUE(ds);
  OGRLayer* programs = ds->GetLayerByName("programs");
  ASSERT_NE(programs, nullptr);
  programs->ResetReading();
  size_t p = 0;
  for (auto& feature : *programs) {
    ASSERT_LT(p, city_->programs.size());
    const Program& program = city_->programs[p];
    EXPECT_EQ(feature->GetFieldAsString("programa"), program.name);
    const OGRGeometry* g = feature->GetGeometryRef();
    ASSERT_NE(g, nullptr);
    EXPECT_TRUE(g->IsValid()) << program.name;
    ASSERT_EQ(wkbFlatten(g->getGeometryType()), wkbMultiPolygon);
    // Contiguous members dissolve into a single part with the members' total area.
    EXPECT_EQ(g->toMultiPolygon()->getNumGeometries(), 1) << program.name;
    EXPECT_NEAR(g->toMultiPolygon()->get_Area(), area(program.area), 1.0) << program.name;
    int y = 0, m = 0, d = 0, h = 0, mi = 0, tz = 0;
    float s = 0;
    ASSERT_TRUE(feature->GetFieldAsDateTime(feature->GetFieldIndex("inicio"), &y, &m, &d, &h, &mi,
                                            &s, &tz));
    EXPECT_EQ(days_from_civil(y, m, d) * kSecondsPerDay, program.sectors.front().start);
    EXPECT_TRUE(feature->IsFieldNull(feature->GetFieldIndex("fin")));
    const std::string members = feature->GetFieldAsString("sectores");
    for (const ProgramSector& ps : program.sectors)
      EXPECT_NE(members.find("\"" + ps.sector + "\""), std::string::npos) << members;
    ++p;
  }
  EXPECT_EQ(p, city_->programs.size());

  // Staggered per-sector rollouts live in program_sectors.
  OGRLayer* rows = ds->GetLayerByName("program_sectors");
  ASSERT_NE(rows, nullptr);
  size_t matched = 0;
  for (auto& feature : *rows) {
    for (const Program& program : city_->programs)
      for (const ProgramSector& ps : program.sectors)
        if (program.name == feature->GetFieldAsString("programa") &&
            ps.sector == feature->GetFieldAsString("sector")) {
          int y = 0, m = 0, d = 0, h = 0, mi = 0, tz = 0;
          float s = 0;
          ASSERT_TRUE(feature->GetFieldAsDateTime(feature->GetFieldIndex("inicio"), &y, &m, &d, &h,
                                                  &mi, &s, &tz));
          EXPECT_EQ(days_from_civil(y, m, d) * kSecondsPerDay, ps.start) << ps.sector;
          ++matched;
        }
  }
  EXPECT_EQ(matched, 12u);
}

TEST_F(DemoWriterTest, RawIncidentRowsMatchTheCity) {
  Dataset ds = open_vector(*path_);
  ASSERT_TRUE(ds);
  OGRLayer* layer = ds->GetLayerByName("incidents");
  ASSERT_NE(layer, nullptr);
  const IncidentStore& inc = city_->incidents;
  for (size_t i : {size_t{0}, inc.size() / 2, inc.size() - 1}) {
    std::unique_ptr<OGRFeature> f(layer->GetFeature(city_->incident_ids[i]));
    ASSERT_TRUE(f) << "fid " << city_->incident_ids[i];
    EXPECT_EQ(f->GetFieldAsInteger64("id"), city_->incident_ids[i]);
    EXPECT_EQ(f->GetFieldAsString("categoria"), inc.categories.name(inc.category[i]));
    EXPECT_EQ(f->GetFieldAsString("sector"), city_->sectors.sectors[inc.sector[i]].name);
    int y = 0, m = 0, d = 0, h = 0, mi = 0, tz = 0;
    float s = 0;
    ASSERT_TRUE(f->GetFieldAsDateTime(f->GetFieldIndex("fecha"), &y, &m, &d, &h, &mi, &s, &tz));
    EXPECT_EQ(days_from_civil(y, m, d) * kSecondsPerDay + h * 3600 + mi * 60 + static_cast<int>(s),
              inc.t[i]);
    const OGRPoint* p = f->GetGeometryRef()->toPoint();
    EXPECT_EQ(p->getX(), inc.x[i]);
    EXPECT_EQ(p->getY(), inc.y[i]);
  }
}

TEST_F(DemoWriterTest, LoadsBackThroughFaroLoaders) {
  io::SectorSourceOptions so;
  so.layer = "sectors";
  const io::SectorLoadResult sectors = io::load_sectors(*path_, so);
  EXPECT_EQ(sectors.sectors.work_srs, "EPSG:32614");
  ASSERT_EQ(sectors.sectors.size(), city_->sectors.size());
  EXPECT_EQ(sectors.report.rows_loaded, static_cast<int64_t>(city_->sectors.size()));
  for (size_t s = 0; s < city_->sectors.size(); ++s) {
    const Sector& want = city_->sectors.sectors[s];
    const auto found = sectors.sectors.find(want.name);
    ASSERT_TRUE(found.has_value()) << want.name;
    const Sector& got = sectors.sectors.sectors[*found];
    EXPECT_NEAR(got.area_m2, want.area_m2, 1e-3) << want.name;
    ASSERT_TRUE(got.population.has_value()) << want.name;
    EXPECT_EQ(*got.population, *want.population);
  }

  io::IncidentSourceOptions io_opts;
  io_opts.layer = "incidents";
  io::IncidentLoadContext ctx;
  ctx.work_srs = sectors.sectors.work_srs;
  ctx.sectors_extent = sectors.sectors.extent();
  io::IncidentLoadResult loaded = io::load_incidents(*path_, io_opts, ctx);
  const IncidentStore& inc = city_->incidents;
  ASSERT_EQ(loaded.store.size(), inc.size()) << loaded.report.to_text();
  EXPECT_EQ(loaded.report.rows_rejected(), 0) << loaded.report.to_text();
  EXPECT_EQ(loaded.store.category_field, "categoria");
  for (size_t i = 0; i < inc.size(); ++i) {
    ASSERT_EQ(loaded.store.t[i], inc.t[i]) << "row " << i;
    ASSERT_NEAR(loaded.store.x[i], inc.x[i], 1e-6);
    ASSERT_NEAR(loaded.store.y[i], inc.y[i], 1e-6);
    ASSERT_EQ(loaded.store.categories.name(loaded.store.category[i]),
              inc.categories.name(inc.category[i]));
    ASSERT_TRUE(loaded.store.flags[i] & kHasTimeOfDay);
  }
  // Assigning with the loaded polygons reproduces the generator's sector of every incident.
  const SectorIndex index(sectors.sectors);
  index.assign(loaded.store, 1);
  for (size_t i = 0; i < inc.size(); ++i) {
    ASSERT_NE(loaded.store.sector[i], kNoSector) << "row " << i;
    ASSERT_EQ(sectors.sectors.sectors[loaded.store.sector[i]].name,
              city_->sectors.sectors[inc.sector[i]].name)
        << "row " << i;
  }
}

TEST(DemoWriter, FailureLeavesNothingBehind) {
  faro_test::TempDir dir;
  DemoOptions o;
  o.incidents = 500;
  const DemoCity city = generate_demo_city(o);
  const std::string target = dir.file("missing-folder/demo.gpkg");
  EXPECT_THROW(io::write_demo_geopackage(city, target), DataError);
  EXPECT_FALSE(fs::exists(target));
  EXPECT_TRUE(fs::is_empty(dir.path()));
}

TEST(DemoWriter, CachedPathIsGeneratedOnceAndReused) {
  faro_test::TempDir dir;
  const std::string cache = dir.file("cache");
  const char* previous = std::getenv("FARO_CACHE_DIR");
  const std::optional<std::string> saved =
      previous ? std::optional<std::string>(previous) : std::nullopt;
  ::setenv("FARO_CACHE_DIR", cache.c_str(), 1);
  const std::string path = io::demo_geopackage_path(7);
  EXPECT_EQ(fs::path(path).filename(), "demo-seed7-v1.gpkg");
  EXPECT_EQ(fs::path(path).parent_path(), fs::path(cache));
  ASSERT_TRUE(fs::is_regular_file(path));
  const auto written = fs::last_write_time(path);
  EXPECT_EQ(io::demo_geopackage_path(7), path);
  EXPECT_EQ(fs::last_write_time(path), written);  // reused, not rewritten
  Dataset ds = open_vector(path);
  ASSERT_TRUE(ds);
  EXPECT_NE(std::string(ds->GetMetadataItem("FARO_DEMO")).find("seed 7"), std::string::npos);
  if (saved)
    ::setenv("FARO_CACHE_DIR", saved->c_str(), 1);
  else
    ::unsetenv("FARO_CACHE_DIR");
}

}  // namespace
}  // namespace faro
