#pragma once
// Basemaps: any GDAL raster (GeoTIFF with overviews, MBTiles, GeoPackage tiles, PNG with a world
// file, VRT, a WMS/TMS description of a local XYZ tile folder...) warped into the working CRS, as
// 8-bit RGBA ready to draw under everything else. GDAL stays behind this header. The source is
// opened read-only; nothing is written next to it.
//
// Threading: a GDAL dataset must not be used by two threads at once. A BasemapSource owns one
// dataset handle, so each thread that reads tiles (app/basemap_loader.hpp) opens its own.
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "core/geometry.hpp"

namespace faro::io {

struct BasemapImage {
  int width = 0, height = 0;
  std::vector<uint8_t> rgba;  // width * height * 4, rows top-down (north first), straight alpha;
                              // alpha 0 where the raster has no data or does not reach
  Box box;                    // the working-CRS box the image covers (the requested view)
};

// What a raster covers once reprojected, and whom to credit for it.
struct BasemapInfo {
  Box extent;                // working CRS (metres): the raster's footprint, reprojected
  double resolution_m = 0;   // its full-resolution pixel size in the working CRS (metres)
  int source_width = 0, source_height = 0;  // pixels of the full-resolution raster
  int overviews = 0;                        // overview levels the file carries (0: none)
  // The raster's own credit line (GDAL metadata: attribution, TIFFTAG_COPYRIGHT, copyright,
  // description...), else its file name; never a full path (maps leave the analyst's machine).
  std::string attribution;
};

// One raster opened for reading in the working CRS. Not thread-safe: one per thread.
class BasemapSource {
 public:
  // Opens `source` (read-only) for warping into `work_srs`. Throws DataError naming the source
  // when it cannot be opened as a raster, has no bands or no CRS, or cannot be reprojected.
  BasemapSource(const std::string& source, const std::string& work_srs);
  ~BasemapSource();
  BasemapSource(const BasemapSource&) = delete;
  BasemapSource& operator=(const BasemapSource&) = delete;

  const BasemapInfo& info() const;
  // The raster warped (bilinear; GDAL picks the overview closest to the output's pixel size) into
  // `box` (working CRS) at width x height pixels. Grey (1 band), grey+alpha, RGB, RGBA and
  // paletted rasters are accepted. Throws UsageError for a bad size or box, DataError when GDAL
  // fails.
  BasemapImage read(const Box& box, int width, int height);

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

// Warps `source` into `view` at width x height pixels (a BasemapSource opened for one read; the
// exports' path).
BasemapImage read_basemap(const std::string& source, const std::string& work_srs, const Box& view,
                          int width, int height);

// Checks that `source` opens as a raster with a CRS (File > Open, before the map is changed).
// Throws DataError naming it otherwise.
void check_basemap(const std::string& source);

// Whether `source` holds raster data and no vector layers (a GeoPackage of tiles, an MBTiles),
// so opening it means a basemap rather than sectors or incidents.
bool is_raster_only(const std::string& source);

}  // namespace faro::io
