#include "io/geotiff_writer.hpp"

#include <cpl_string.h>
#include <gdal_priv.h>
#include <ogr_spatialref.h>

#include <cmath>
#include <memory>

#include "core/errors.hpp"
#include "io/atomic_file.hpp"
#include "io/gdal_env.hpp"

namespace faro::io {
namespace {

OGRSpatialReference projected_metres(const std::string& srs, const std::string& what) {
  ensure_gdal();
  GdalMessageCapture quiet;  // PROJ's "crs not found" becomes our message, not stderr noise
  OGRSpatialReference ref;
  if (ref.SetFromUserInput(srs.c_str()) != OGRERR_NONE)
    throw UsageError(what + ": unknown CRS '" + srs + "'");
  const char* unit = nullptr;
  const double to_metre = ref.GetLinearUnits(&unit);
  if (!ref.IsProjected() || std::abs(to_metre - 1.0) > 1e-9)
    throw UsageError(what + ": '" + srs + "' is not a projected CRS in metres; use e.g. the UTM " +
                     "zone of the data (EPSG:32614 for Mexico City)");
  ref.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
  return ref;
}

}  // namespace

void require_projected_metres(const std::string& srs, const std::string& what) {
  projected_metres(srs, what);
}

void write_density_geotiff(const std::string& path, const GridSpec& grid,
                           std::span<const float> values, const std::string& srs,
                           const RasterMetadata& metadata) {
  if (values.size() != grid.cells() || grid.nx <= 0 || grid.ny <= 0)
    throw UsageError("GeoTIFF export: " + std::to_string(values.size()) + " values for a " +
                     std::to_string(grid.nx) + " x " + std::to_string(grid.ny) + " grid");
  const OGRSpatialReference ref = projected_metres(srs, "GeoTIFF export CRS");
  GdalMessageCapture capture;
  auto fail = [&](const std::string& what) {
    const std::string why = capture.last_error();
    throw DataError("cannot write " + path + ": " + what + (why.empty() ? "" : " (" + why + ")"));
  };
  GDALDriver* driver = GetGDALDriverManager()->GetDriverByName("GTiff");
  if (!driver) fail("GDAL has no GTiff driver");

  AtomicOutput out(path);
  CPLStringList options;
  options.SetNameValue("TILED", "YES");
  options.SetNameValue("COMPRESS", "DEFLATE");
  options.SetNameValue("PREDICTOR", "3");  // floating-point predictor: smooth grids compress well
  options.SetNameValue("BIGTIFF", "IF_SAFER");
  {
    GDALDatasetUniquePtr ds(
        driver->Create(out.temp_path().c_str(), grid.nx, grid.ny, 1, GDT_Float32, options.List()));
    if (!ds) fail("cannot create the GeoTIFF");
    double transform[6] = {grid.xmin, grid.cell, 0, grid.ymax, 0, -grid.cell};
    if (ds->SetGeoTransform(transform) != CE_None) fail("cannot set the geotransform");
    if (ds->SetSpatialRef(&ref) != CE_None) fail("cannot set the CRS");
    for (const auto& [key, value] : metadata.items) ds->SetMetadataItem(key.c_str(), value.c_str());
    GDALRasterBand* band = ds->GetRasterBand(1);
    if (!metadata.units.empty()) band->SetUnitType(metadata.units.c_str());
    if (!metadata.description.empty()) band->SetDescription(metadata.description.c_str());
    if (band->RasterIO(GF_Write, 0, 0, grid.nx, grid.ny, const_cast<float*>(values.data()), grid.nx,
                       grid.ny, GDT_Float32, 0, 0, nullptr) != CE_None)
      fail("cannot write the pixels");
    // GDAL 3.6's GDALClose returns nothing: a failed flush shows up as a captured error.
    const size_t errors_before = capture.errors().size();
    ds.reset();
    if (capture.errors().size() > errors_before) fail("cannot finish writing");
  }
  out.commit();
}

}  // namespace faro::io
