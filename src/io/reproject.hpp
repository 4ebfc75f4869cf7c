#pragma once
// Reprojection with PROJ (through OGR's coordinate transformation), always in traditional GIS axis
// order (x = longitude/easting, y = latitude/northing), never authority order.
#include <cstddef>
#include <memory>
#include <string>

namespace faro::io {

class Reprojector {
 public:
  // `from` and `to` are any user SRS definitions: "EPSG:4326", WKT, PROJ strings.
  // Throws DataError when either cannot be understood.
  Reprojector(const std::string& from, const std::string& to);
  ~Reprojector();
  Reprojector(Reprojector&&) noexcept;
  Reprojector& operator=(Reprojector&&) noexcept;

  bool is_identity() const { return identity_; }
  // Transforms in place; ok[i] = 0 where PROJ failed. Returns the number of failures.
  size_t transform(size_t n, double* x, double* y, int* ok) const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
  bool identity_ = false;
};

// UTM zone EPSG code ("EPSG:326zz" north, "EPSG:327zz" south) for a lon/lat point. Throws
// DataError when the point is not on Earth (|lon| > 180, |lat| > 90, NaN).
std::string utm_srs_for_lonlat(double lon, double lat);
// True when two SRS definitions denote the same CRS.
bool same_srs(const std::string& a, const std::string& b);
// Short human name, e.g. "WGS 84 / UTM zone 14N (EPSG:32614)".
std::string describe_srs(const std::string& srs);

}  // namespace faro::io
