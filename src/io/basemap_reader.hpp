#pragma once
// Basemaps: any GDAL raster (GeoTIFF, PNG with world file, VRT, WMS...) warped into a map view in
// the working CRS, as 8-bit RGBA ready to draw under everything else. GDAL stays behind this
// header. The source is opened read-only; nothing is written next to it.
#include <cstdint>
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

// Warps `source` (bilinear) into `view` (working CRS `work_srs`, metres) at width x height pixels.
// Grey (1 band), RGB, RGBA and paletted rasters are accepted. Throws DataError naming the source
// when it cannot be opened, has no CRS or cannot be warped; UsageError for a bad size or box.
BasemapImage read_basemap(const std::string& source, const std::string& work_srs, const Box& view,
                          int width, int height);

}  // namespace faro::io
