#include "io/reproject.hpp"

#include <ogr_spatialref.h>

#include <cmath>
#include <cstdio>
#include <vector>

#include "core/errors.hpp"
#include "io/gdal_env.hpp"

namespace faro::io {
namespace {

OGRSpatialReference make_srs(const std::string& def) {
  ensure_gdal();
  OGRSpatialReference srs;
  if (srs.SetFromUserInput(def.c_str()) != OGRERR_NONE)
    throw DataError("unknown coordinate reference system: '" + def + "'");
  // Traditional GIS order: x = longitude/easting, whatever the authority says.
  srs.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
  return srs;
}

}  // namespace

struct Reprojector::Impl {
  std::unique_ptr<OGRCoordinateTransformation> ct;
};

Reprojector::Reprojector(const std::string& from, const std::string& to) : impl_(new Impl) {
  OGRSpatialReference a = make_srs(from);
  OGRSpatialReference b = make_srs(to);
  if (a.IsSame(&b)) {
    identity_ = true;
    return;
  }
  impl_->ct.reset(OGRCreateCoordinateTransformation(&a, &b));
  if (!impl_->ct) throw DataError("no transformation from '" + from + "' to '" + to + "'");
}

Reprojector::~Reprojector() = default;
Reprojector::Reprojector(Reprojector&&) noexcept = default;
Reprojector& Reprojector::operator=(Reprojector&&) noexcept = default;

size_t Reprojector::transform(size_t n, double* x, double* y, int* ok) const {
  if (identity_) {
    for (size_t i = 0; i < n; ++i) ok[i] = std::isfinite(x[i]) && std::isfinite(y[i]);
  } else if (n > 0) {
    if (!impl_->ct->Transform(static_cast<int>(n), x, y, nullptr, ok)) {
      // Transform returns FALSE when any point fails; ok[] still says which.
    }
    for (size_t i = 0; i < n; ++i)
      if (ok[i] && !(std::isfinite(x[i]) && std::isfinite(y[i]))) ok[i] = 0;
  }
  size_t failed = 0;
  for (size_t i = 0; i < n; ++i) failed += ok[i] ? 0 : 1;
  return failed;
}

std::string utm_srs_for_lonlat(double lon, double lat) {
  // Checked before the cast: a huge longitude would overflow int (undefined) and clamp to zone 1.
  if (!(std::abs(lon) <= 180) || !(std::abs(lat) <= 90)) {
    char where[96];
    std::snprintf(where, sizeof where, "longitude %.6g, latitude %.6g", lon, lat);
    throw DataError(std::string("cannot choose a UTM zone at ") + where +
                    ": not a point on Earth (give the working CRS with --work-srs)");
  }
  int zone = static_cast<int>(std::floor((lon + 180.0) / 6.0)) + 1;
  zone = std::max(1, std::min(60, zone));
  char buf[32];
  std::snprintf(buf, sizeof buf, "EPSG:%d", (lat >= 0 ? 32600 : 32700) + zone);
  return buf;
}

bool same_srs(const std::string& a, const std::string& b) {
  if (a == b) return true;
  OGRSpatialReference sa = make_srs(a), sb = make_srs(b);
  return sa.IsSame(&sb);
}

std::string describe_srs(const std::string& def) {
  OGRSpatialReference srs = make_srs(def);
  std::string name = srs.GetName() ? srs.GetName() : def;
  const char* auth = srs.GetAuthorityName(nullptr);
  const char* code = srs.GetAuthorityCode(nullptr);
  if (!auth || !code) {
    srs.AutoIdentifyEPSG();
    auth = srs.GetAuthorityName(nullptr);
    code = srs.GetAuthorityCode(nullptr);
  }
  if (auth && code) name += std::string(" (") + auth + ":" + code + ")";
  return name;
}

}  // namespace faro::io
