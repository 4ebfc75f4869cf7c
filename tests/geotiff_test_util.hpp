#pragma once
// Reads a single-band float32 GeoTIFF back with plain GDAL (independently of Faro's writer), for
// the io and cli tests.
#include <gdal_priv.h>
#include <ogr_spatialref.h>

#include <map>
#include <memory>
#include <string>
#include <vector>

#include "io/gdal_env.hpp"

namespace faro_test {

struct GeoTiffContents {
  bool opened = false;
  int nx = 0, ny = 0;
  double transform[6] = {};
  std::string srs_authority;  // e.g. "EPSG:32614"
  std::string units, description;
  GDALDataType type = GDT_Unknown;
  bool has_nodata = false;
  std::map<std::string, std::string> metadata;
  std::vector<float> values;  // row-major from the top-left

  double sum() const {
    double s = 0;
    for (float v : values) s += v;
    return s;
  }
  float at(int row, int col) const { return values[static_cast<size_t>(row) * nx + col]; }
};

inline GeoTiffContents read_geotiff(const std::string& path) {
  faro::io::ensure_gdal();
  GeoTiffContents c;
  GDALDataset* ds = static_cast<GDALDataset*>(
      GDALOpenEx(path.c_str(), GDAL_OF_RASTER | GDAL_OF_READONLY, nullptr, nullptr, nullptr));
  if (!ds) return c;
  c.opened = true;
  c.nx = ds->GetRasterXSize();
  c.ny = ds->GetRasterYSize();
  ds->GetGeoTransform(c.transform);
  if (const OGRSpatialReference* srs = ds->GetSpatialRef()) {
    const char* name = srs->GetAuthorityName(nullptr);
    const char* code = srs->GetAuthorityCode(nullptr);
    if (name && code) c.srs_authority = std::string(name) + ":" + code;
  }
  if (char** md = ds->GetMetadata()) {
    for (char** p = md; *p; ++p) {
      const std::string kv = *p;
      const size_t eq = kv.find('=');
      if (eq != std::string::npos) c.metadata[kv.substr(0, eq)] = kv.substr(eq + 1);
    }
  }
  GDALRasterBand* band = ds->GetRasterBand(1);
  c.type = band->GetRasterDataType();
  c.units = band->GetUnitType();
  c.description = band->GetDescription();
  int has_nodata = 0;
  band->GetNoDataValue(&has_nodata);
  c.has_nodata = has_nodata != 0;
  c.values.resize(static_cast<size_t>(c.nx) * c.ny);
  if (band->RasterIO(GF_Read, 0, 0, c.nx, c.ny, c.values.data(), c.nx, c.ny, GDT_Float32, 0, 0,
                     nullptr) != CE_None)
    c.values.clear();
  GDALClose(ds);
  return c;
}

}  // namespace faro_test
