#include "io/context_loader.hpp"

#include <gdal.h>
#include <gdal_priv.h>
#include <ogr_api.h>
#include <ogr_feature.h>
#include <ogr_geometry.h>
#include <ogr_spatialref.h>
#include <ogr_srs_api.h>

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <memory>

#include "core/errors.hpp"
#include "io/data_loading.hpp"
#include "io/gdal_env.hpp"
#include "io/ogr_geometry.hpp"
#include "io/sector_fields.hpp"
#include "io/style_presets.hpp"

namespace faro::io {
namespace {

struct SrsReleaser {
  void operator()(void* s) const { OSRRelease(static_cast<OGRSpatialReferenceH>(s)); }
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

// Name-like fields, most specific first: INEGI (nomgeo), IECM colonias (nomut), SSC cuadrantes
// (nomenclatu), then the generic ones.
constexpr const char* kNameFields[] = {"name",       "nombre",    "nomgeo",   "nomut",
                                       "nom_col",    "colonia",   "nom_asen", "nomenclatu",
                                       "nomenclatura", "cuadrante", "sector",   "alcaldia",
                                       "nom_mun",    "nom_loc",   "label"};

// Index of the field naming the areas, or -1 (why in the report).
int choose_label_field(OGRFeatureDefnH defn, const std::string& requested, LoadReport& report) {
  std::vector<std::string> names;
  std::vector<bool> text;
  for (int i = 0; i < OGR_FD_GetFieldCount(defn); ++i) {
    OGRFieldDefnH fd = OGR_FD_GetFieldDefn(defn, i);
    names.push_back(OGR_Fld_GetNameRef(fd));
    text.push_back(OGR_Fld_GetType(fd) == OFTString);
  }
  if (!requested.empty()) {
    if (auto f = find_field(names, requested)) return static_cast<int>(*f);
    report.note(Msg::load_note_label_field_missing, {requested});
    return -1;
  }
  for (const char* candidate : kNameFields)
    if (auto f = find_field(names, candidate)) return static_cast<int>(*f);
  for (size_t i = 0; i < names.size(); ++i) {
    std::string lower = names[i];
    std::transform(lower.begin(), lower.end(), lower.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    if (text[i] && lower.rfind("nom", 0) == 0) return static_cast<int>(i);
  }
  report.note(Msg::load_note_context_no_name_field);
  return -1;
}

}  // namespace

std::optional<StyleLayer> context_preset_for(const std::string& path) {
  if (path.empty() || is_connection_string(path)) return std::nullopt;
  const std::string file = std::filesystem::path(path).filename().string();
  for (const std::string& name : layer_preset_names()) {
    StyleLayer l = layer_preset(name);
    if (l.kind == LayerKind::context && !l.source.empty() &&
        std::filesystem::path(l.source).filename().string() == file)
      return l;
  }
  return std::nullopt;
}

std::string context_kind_for(const std::string& path) {
  for (const std::string& name : layer_preset_names()) {
    if (name.rfind("context-", 0) != 0) continue;
    const StyleLayer l = layer_preset(name);
    if (l.kind == LayerKind::context && !l.source.empty() && !path.empty() &&
        std::filesystem::path(l.source).filename() == std::filesystem::path(path).filename())
      return name.substr(8);
  }
  return "";
}

std::map<std::string, std::shared_ptr<const ContextLayerData>> load_style_context_layers(
    const MapStyle& style, const std::string& work_srs, const std::vector<std::string>& folders,
    std::vector<LoadReport>& reports) {
  std::map<std::string, std::shared_ptr<const ContextLayerData>> out;
  for (const StyleLayer& l : style.layers) {
    if (l.kind != LayerKind::context || l.source.empty() || out.count(l.source)) continue;
    if (l.source.rfind("faro:", 0) == 0) continue;  // drawn from data (group outlines)
    std::string path = l.source;
    if (!is_connection_string(path) && !std::filesystem::path(path).is_absolute()) {
      for (const std::string& folder : folders) {
        const std::filesystem::path candidate =
            folder.empty() ? std::filesystem::path(path) : std::filesystem::path(folder) / path;
        std::error_code ec;
        if (std::filesystem::exists(candidate, ec)) {
          path = candidate.string();
          break;
        }
      }
    }
    std::error_code ec;
    const bool relative =
        !is_connection_string(l.source) && !std::filesystem::path(l.source).is_absolute();
    if (relative && !std::filesystem::exists(path, ec)) {
      // A preset's relative source this data has no copy of (the alcaldías preset on the demo
      // city): the layer draws nothing and the load report says why; the data still opens. A
      // path given in full (--context, a project's) must exist, as any source.
      LoadReport missing;
      missing.source = redact_source(l.source);
      missing.note(Msg::load_note_context_missing, {l.id, std::to_string(folders.size())});
      reports.push_back(std::move(missing));
      continue;
    }
    require_source_file(path, "context");
    ContextLoadResult c = load_context(path, work_srs, l.labels);
    auto data = std::make_shared<ContextLayerData>();
    for (ContextLine& line : c.lines) data->lines.push_back({std::move(line.points), line.closed});
    data->areas = std::move(c.areas);
    reports.push_back(std::move(c.report));
    out[l.source] = std::move(data);
  }
  return out;
}

ContextLoadResult load_context_lines(const std::string& source, const std::string& work_srs,
                                     const std::string& layer) {
  return load_context(source, work_srs, make_layer(LayerKind::context).labels, layer);
}

ContextLoadResult load_context(const std::string& source, const std::string& work_srs,
                               const LabelStyle& labels, const std::string& layer_name) {
  ensure_gdal();
  GdalMessageCapture capture;
  ContextLoadResult res;
  LoadReport& report = res.report;
  const std::string shown = redact_source(source);
  report.source = shown;
  report.method = "features";
  GDALDatasetUniquePtr ds(GDALDataset::FromHandle(
      GDALOpenEx(source.c_str(), GDAL_OF_VECTOR | GDAL_OF_READONLY, nullptr, nullptr, nullptr)));
  if (!ds)
    throw DataError("cannot open context layer '" + shown + "'" +
                    (capture.last_error().empty() ? "" : ": " + capture.last_error()));
  GDALDatasetH h = GDALDataset::ToHandle(ds.get());
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
    report.note(Msg::load_note_context_crs_assumed);
  }
  const std::unique_ptr<OGRCoordinateTransformation> transform(
      OGRCoordinateTransformation::FromHandle(
          OCTNewCoordinateTransformation(static_cast<OGRSpatialReferenceH>(src_srs.get()),
                                         static_cast<OGRSpatialReferenceH>(target.get()))));
  if (!transform)
    throw DataError("context layer '" + shown + "': no transformation to " + work_srs);

  auto areas = std::make_shared<ContextAreas>();
  areas->labels = labels;
  areas->source = is_connection_string(source)
                      ? shown
                      : std::filesystem::path(source).filename().string();
  const std::string kind = context_kind_for(source);
  areas->kind = kind.empty() ? report.layer : kind;
  areas->areas.work_srs = work_srs;
  const int name_field = choose_label_field(OGR_L_GetLayerDefn(layer), labels.field, report);
  if (name_field >= 0) {
    areas->labels.field =
        OGR_Fld_GetNameRef(OGR_FD_GetFieldDefn(OGR_L_GetLayerDefn(layer), name_field));
    areas->areas.name_field = areas->labels.field;
  }

  OGR_L_ResetReading(layer);
  int64_t row = 0;
  while (true) {
    OGRFeatureUniquePtr f(OGRFeature::FromHandle(OGR_L_GetNextFeature(layer)));
    if (!f) break;
    ++row;
    ++report.rows_read;
    OGRGeometryH geom = OGR_F_GetGeometryRef(OGRFeature::ToHandle(f.get()));
    if (geom == nullptr || OGR_G_IsEmpty(geom)) {
      report.add(RowIssue::empty_geometry, row);
      continue;
    }
    // Curves (CircularString, CurvePolygon...) become line strings; plain types are copied.
    OGRGeometryUniquePtr linear(OGRGeometry::FromHandle(OGR_G_GetLinearGeometry(geom, 0, nullptr)));
    OGRGeometryH g = OGRGeometry::ToHandle(linear.get());
    if (g == nullptr) {
      report.add(RowIssue::empty_geometry, row);
      continue;
    }
    const OGRwkbGeometryType flat = wkbFlatten(OGR_G_GetGeometryType(g));
    if (flat == wkbPoint || flat == wkbMultiPoint) {
      report.add(RowIssue::not_a_polygon, row, "geometry", OGRGeometryTypeToName(flat));
      continue;
    }
    if (OGR_G_Transform(g, OGRCoordinateTransformation::ToHandle(transform.get())) !=
        OGRERR_NONE) {
      report.add(RowIssue::reprojection_failed, row);
      continue;
    }
    if (append_lines(g, res.lines) == 0) {
      report.add(RowIssue::empty_geometry, row, "geometry", OGRGeometryTypeToName(flat));
      continue;
    }
    ++report.rows_loaded;
    auto* feature = static_cast<OGRFeatureH>(f.get());
    if (name_field >= 0 && is_polygonal_type(flat) &&
        OGR_F_IsFieldSetAndNotNull(feature, name_field)) {
      PolygonalParts parts = polygonal_parts(g);
      if (parts.shape.empty()) continue;
      Sector area;
      area.name = OGR_F_GetFieldAsString(feature, name_field);
      area.bbox = bounds(parts.shape);
      area.area_m2 = faro::area(parts.shape);
      area.shape = std::move(parts.shape);
      areas->areas.sectors.push_back(std::move(area));
    }
  }
  if (!areas->areas.sectors.empty()) {
    index_areas(*areas);
    report.note(Msg::load_note_areas_named,
                {std::to_string(areas->areas.size()), areas->labels.field});
    res.areas = std::move(areas);
  }
  for (const std::string& w : capture.warnings()) report.add_gdal_warning(w);
  if (res.lines.empty())
    throw DataError("context layer '" + shown + "' (layer '" + report.layer +
                    "') has no lines or polygons: " + std::to_string(report.rows_read) +
                    " features read");
  return res;
}

}  // namespace faro::io
