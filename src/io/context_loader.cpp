#include "io/context_loader.hpp"

#include <gdal.h>
#include <ogr_api.h>
#include <ogr_srs_api.h>

#include <memory>

#include "core/errors.hpp"
#include "io/gdal_env.hpp"

namespace faro::io {
namespace {

struct DatasetCloser {
  void operator()(void* ds) const { GDALClose(static_cast<GDALDatasetH>(ds)); }
};
struct FeatureDeleter {
  void operator()(void* f) const { OGR_F_Destroy(static_cast<OGRFeatureH>(f)); }
};
struct GeometryDeleter {
  void operator()(void* g) const { OGR_G_DestroyGeometry(static_cast<OGRGeometryH>(g)); }
};
struct SrsReleaser {
  void operator()(void* s) const { OSRRelease(static_cast<OGRSpatialReferenceH>(s)); }
};
struct TransformDeleter {
  void operator()(void* t) const {
    OCTDestroyCoordinateTransformation(static_cast<OGRCoordinateTransformationH>(t));
  }
};

using SrsPtr = std::unique_ptr<void, SrsReleaser>;

// A CRS in traditional GIS axis order (x = longitude/easting), so geometries need no swapping.
SrsPtr traditional_srs(const std::string& def, const std::string& what) {
  SrsPtr srs(OSRNewSpatialReference(nullptr));
  auto* h = static_cast<OGRSpatialReferenceH>(srs.get());
  if (OSRSetFromUserInput(h, def.c_str()) != OGRERR_NONE)
    throw DataError("context layer: cannot understand the " + what + " CRS '" + def + "'");
  OSRSetAxisMappingStrategy(h, OAMS_TRADITIONAL_GIS_ORDER);
  return srs;
}

// Appends the lines of `g` (already in the working CRS); returns how many were added.
size_t append_lines(OGRGeometryH g, std::vector<ContextLine>& out) {
  const OGRwkbGeometryType t = wkbFlatten(OGR_G_GetGeometryType(g));
  if (t == wkbLineString || t == wkbLinearRing) {
    const int n = OGR_G_GetPointCount(g);
    ContextLine line;
    line.points.reserve(static_cast<size_t>(n));
    for (int i = 0; i < n; ++i) {
      const Vec2 p{OGR_G_GetX(g, i), OGR_G_GetY(g, i)};
      if (!line.points.empty() && line.points.back() == p) continue;  // repeated vertex
      line.points.push_back(p);
    }
    if (line.points.size() < 2) return 0;
    return out.push_back(std::move(line)), 1;
  }
  if (t == wkbPolygon) {
    size_t added = 0;
    for (int r = 0; r < OGR_G_GetGeometryCount(g); ++r) {
      const size_t before = out.size();
      added += append_lines(OGR_G_GetGeometryRef(g, r), out);
      if (out.size() > before) {
        ContextLine& ring = out.back();
        if (ring.points.size() > 2 && ring.points.front() == ring.points.back())
          ring.points.pop_back();
        ring.closed = ring.points.size() >= 3;
      }
    }
    return added;
  }
  if (t == wkbMultiLineString || t == wkbMultiPolygon || t == wkbGeometryCollection) {
    size_t added = 0;
    for (int i = 0; i < OGR_G_GetGeometryCount(g); ++i)
      added += append_lines(OGR_G_GetGeometryRef(g, i), out);
    return added;
  }
  return 0;  // points, or curve types not linearised (handled by the caller)
}

}  // namespace

ContextLoadResult load_context_lines(const std::string& source, const std::string& work_srs,
                                     const std::string& layer_name) {
  ensure_gdal();
  GdalMessageCapture capture;
  ContextLoadResult res;
  LoadReport& report = res.report;
  const std::string shown = redact_source(source);
  report.source = shown;
  report.method = "features";
  std::unique_ptr<void, DatasetCloser> ds(
      GDALOpenEx(source.c_str(), GDAL_OF_VECTOR | GDAL_OF_READONLY, nullptr, nullptr, nullptr));
  if (!ds)
    throw DataError("cannot open context layer '" + shown + "'" +
                    (capture.last_error().empty() ? "" : ": " + capture.last_error()));
  auto* h = static_cast<GDALDatasetH>(ds.get());
  OGRLayerH layer = layer_name.empty() ? GDALDatasetGetLayer(h, 0)
                                       : GDALDatasetGetLayerByName(h, layer_name.c_str());
  if (layer == nullptr)
    throw DataError("context layer '" + shown + "' has no layer" +
                    (layer_name.empty() ? "" : " named '" + layer_name + "'"));
  report.layer = OGR_L_GetName(layer);

  const SrsPtr target = traditional_srs(work_srs, "working");
  SrsPtr src_srs;
  if (OGRSpatialReferenceH own = OGR_L_GetSpatialRef(layer)) {
    src_srs.reset(OSRClone(own));
    OSRSetAxisMappingStrategy(static_cast<OGRSpatialReferenceH>(src_srs.get()),
                              OAMS_TRADITIONAL_GIS_ORDER);
  } else {
    src_srs = traditional_srs("EPSG:4326", "assumed");
    report.notes.push_back("context layer has no CRS; WGS 84 longitude/latitude assumed");
  }
  std::unique_ptr<void, TransformDeleter> transform(
      OCTNewCoordinateTransformation(static_cast<OGRSpatialReferenceH>(src_srs.get()),
                                     static_cast<OGRSpatialReferenceH>(target.get())));
  if (!transform)
    throw DataError("context layer '" + shown + "': no transformation to " + work_srs);

  OGR_L_ResetReading(layer);
  int64_t row = 0;
  while (true) {
    std::unique_ptr<void, FeatureDeleter> f(OGR_L_GetNextFeature(layer));
    if (!f) break;
    ++row;
    ++report.rows_read;
    OGRGeometryH geom = OGR_F_GetGeometryRef(static_cast<OGRFeatureH>(f.get()));
    if (geom == nullptr || OGR_G_IsEmpty(geom)) {
      report.add(RowIssue::empty_geometry, row);
      continue;
    }
    // Curves (CircularString, CurvePolygon...) become line strings; plain types are copied.
    std::unique_ptr<void, GeometryDeleter> linear(OGR_G_GetLinearGeometry(geom, 0, nullptr));
    auto* g = static_cast<OGRGeometryH>(linear.get());
    if (g == nullptr) {
      report.add(RowIssue::empty_geometry, row);
      continue;
    }
    const OGRwkbGeometryType flat = wkbFlatten(OGR_G_GetGeometryType(g));
    if (flat == wkbPoint || flat == wkbMultiPoint) {
      report.add(RowIssue::not_a_polygon, row, "geometry", OGRGeometryTypeToName(flat));
      continue;
    }
    if (OGR_G_Transform(g, static_cast<OGRCoordinateTransformationH>(transform.get())) !=
        OGRERR_NONE) {
      report.add(RowIssue::reprojection_failed, row);
      continue;
    }
    if (append_lines(g, res.lines) == 0) {
      report.add(RowIssue::empty_geometry, row, "geometry", OGRGeometryTypeToName(flat));
      continue;
    }
    ++report.rows_loaded;
  }
  for (const std::string& w : capture.warnings()) report.add_gdal_warning(w);
  if (res.lines.empty())
    throw DataError("context layer '" + shown + "' (layer '" + report.layer +
                    "') has no lines or polygons: " + std::to_string(report.rows_read) +
                    " features read");
  return res;
}

}  // namespace faro::io
