// Triangulation of the real CDMX police geography (skipped when ../shared/data is absent): every
// part of all 847 cuadrantes and 72 sectors (2023) and the 2016 layers is covered exactly: the
// triangle areas sum to the polygon area within 1e-6 relative and no triangle lies outside or in a
// hole. Lives with the render tests because it needs the GDAL loader, which core tests do not link.
#include <gtest/gtest.h>

#include <iostream>

#include "core/triangulate_check.hpp"
#include "io/sector_loader.hpp"
#include "test_support.hpp"

namespace {

struct LayerStats {
  size_t parts = 0, holes = 0, vertices = 0, triangles = 0;
};

LayerStats check_layer(const std::string& path) {
  const auto loaded = faro::io::load_sectors(path, {}, "");
  LayerStats stats;
  double area_sum = 0, triangle_area_sum = 0;
  for (const faro::Sector& s : loaded.sectors.sectors) {
    for (size_t k = 0; k < s.shape.size(); ++k) {
      const faro::Polygon& p = s.shape[k];
      stats.parts++;
      stats.holes += p.holes.size();
      stats.vertices += faro::flatten(p).size();
      stats.triangles +=
          faro_test::expect_exact_cover(p, 1e-6, s.name + " part " + std::to_string(k));
    }
    const faro::TriangleMesh mesh = faro::triangulate(s.shape);
    area_sum += s.area_m2;
    triangle_area_sum += faro::triangles_area(mesh.vertices, mesh.indices);
  }
  EXPECT_NEAR(triangle_area_sum, area_sum, 1e-6 * area_sum) << path;
  std::cout << "[ triangul ] " << path.substr(path.rfind('/') + 1) << ": " << loaded.sectors.size()
            << " features, " << stats.parts << " parts, " << stats.holes << " holes, "
            << stats.vertices << " vertices -> " << stats.triangles << " triangles\n";
  return stats;
}

TEST(TriangulateRealData, Cuadrantes2023) {
  FARO_REQUIRE_SHARED(path, "cdmx-cuadrantes/cuadrantes_population_2023.shp");
  const LayerStats s = check_layer(path);
  EXPECT_GE(s.parts, 847u);
  // A simple polygon with n vertices and h holes triangulates into n + 2h - 2 triangles.
  EXPECT_EQ(s.triangles, s.vertices + 2 * s.holes - 2 * s.parts);
}

TEST(TriangulateRealData, Sectores2023) {
  FARO_REQUIRE_SHARED(path, "cdmx-cuadrantes/sectores_2023.geojson");
  const LayerStats s = check_layer(path);
  EXPECT_GE(s.parts, 73u);  // 71 polygons and one multipolygon
}

TEST(TriangulateRealData, Layers2016) {
  FARO_REQUIRE_SHARED(cuadrantes, "cdmx-cuadrantes/cuadrantes_2016.geojson");
  FARO_REQUIRE_SHARED(sectores, "cdmx-cuadrantes/sectores_2016.geojson");
  check_layer(cuadrantes);
  check_layer(sectores);
}

}  // namespace
