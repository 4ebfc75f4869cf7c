#pragma once
// The scaled demo (core/demo_scaled.hpp) written in one streaming pass as the demo GeoPackage
// (sectors, incidents, programs, program_sectors) and as the gzip CSV a user might have of the same
// incidents (id, fecha_hecho, hora_hecho, delito, sector, distrito, latitud, longitud: WGS84, the
// columns Faro's CSV loader maps with no flags). Memory stays flat: a month of rows at a time.
#include <cstdint>
#include <functional>
#include <string>

#include "core/demo_city.hpp"

namespace faro::io {

struct ScaledDemoFiles {
  std::string geopackage, csv_gz;
  int64_t incidents = 0;
  size_t sectors = 0, programs = 0;
};

// Writes DIR/faro-demo.gpkg and DIR/faro-demo-incidents.csv.gz (each atomically). `progress`, if
// set, is called after each month with the rows written so far.
ScaledDemoFiles write_scaled_demo(const DemoOptions& city, int64_t incidents, const std::string& dir,
                                  const std::function<void(int64_t rows)>& progress = {});

}  // namespace faro::io
