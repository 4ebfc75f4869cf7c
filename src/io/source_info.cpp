#include "io/source_info.hpp"

#include <cpl_conv.h>
#include <gdal.h>
#include <gdal_priv.h>
#include <ogr_api.h>
#include <ogr_srs_api.h>

#include <algorithm>
#include <cctype>

#include "core/errors.hpp"
#include "io/gdal_env.hpp"
#include "io/reproject.hpp"

namespace faro::io {
namespace {

std::string lower(std::string s) {
  std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return std::tolower(c); });
  return s;
}

bool has_coordinate_columns(const std::vector<FieldInfo>& fields) {
  static const char* kX[] = {"longitud", "lon", "lng", "long", "longitude", "x"};
  static const char* kY[] = {"latitud", "lat", "latitude", "y"};
  bool x = false, y = false;
  for (const FieldInfo& f : fields) {
    const std::string n = lower(f.name);
    for (const char* c : kX) x = x || n == c;
    for (const char* c : kY) y = y || n == c;
  }
  return x && y;
}

}  // namespace

SourceInfo describe_source(const std::string& source) {
  GdalMessageCapture capture;
  SourceInfo info;
  info.source = redact_source(source);
  const GDALDatasetUniquePtr owned(GDALDataset::FromHandle(GDALOpenEx(
      source.c_str(), GDAL_OF_VECTOR | GDAL_OF_READONLY, nullptr, nullptr, nullptr)));
  GDALDatasetH ds = GDALDataset::ToHandle(owned.get());
  if (!ds) {
    const std::string why = redact_source(capture.last_error());  // GDAL may repeat the URI
    throw DataError("cannot open " + info.source + " as a vector source" +
                    (why.empty() ? "" : ": " + why));
  }
  info.driver = GDALGetDriverShortName(GDALGetDatasetDriver(ds));
  const int n = GDALDatasetGetLayerCount(ds);
  for (int i = 0; i < n; ++i) {
    OGRLayerH layer = GDALDatasetGetLayer(ds, i);
    LayerInfo li;
    li.name = OGR_L_GetName(layer);
    const OGRwkbGeometryType gt = OGR_L_GetGeomType(layer);
    li.geometry_type = OGRGeometryTypeToName(gt);
    const GIntBig count = OGR_L_GetFeatureCount(layer, FALSE);
    if (count >= 0) li.feature_count = count;
    if (OGRSpatialReferenceH srs = OGR_L_GetSpatialRef(layer)) {
      char* wkt_raw = nullptr;
      OSRExportToWkt(srs, &wkt_raw);
      const CplString wkt(wkt_raw);
      li.srs_wkt = wkt ? wkt.get() : "";
      try {
        li.srs = describe_srs(li.srs_wkt);
      } catch (const DataError&) {
        li.srs = OSRGetName(srs) ? OSRGetName(srs) : "(unnamed)";
      }
    }
    OGREnvelope env;
    if (gt != wkbNone && OGR_L_GetExtent(layer, &env, FALSE) == OGRERR_NONE)
      li.extent = Box{env.MinX, env.MinY, env.MaxX, env.MaxY};
    OGRFeatureDefnH defn = OGR_L_GetLayerDefn(layer);
    for (int f = 0; f < OGR_FD_GetFieldCount(defn); ++f) {
      OGRFieldDefnH fd = OGR_FD_GetFieldDefn(defn, f);
      li.fields.push_back({OGR_Fld_GetNameRef(fd), OGR_GetFieldTypeName(OGR_Fld_GetType(fd))});
    }
    const OGRwkbGeometryType flat = wkbFlatten(gt);
    li.looks_like_points = flat == wkbPoint || flat == wkbMultiPoint ||
                           (flat == wkbNone && has_coordinate_columns(li.fields)) ||
                           (flat == wkbUnknown && has_coordinate_columns(li.fields));
    li.looks_like_polygons = flat == wkbPolygon || flat == wkbMultiPolygon ||
                             (flat == wkbUnknown && !li.looks_like_points);
    info.layers.push_back(std::move(li));
  }
  info.warnings = capture.warnings();
  return info;
}

}  // namespace faro::io
