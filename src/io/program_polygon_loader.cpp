#include "io/program_polygon_loader.hpp"

#include <gdal.h>
#include <gdal_priv.h>
#include <ogr_api.h>
#include <ogr_feature.h>
#include <ogr_geometry.h>
#include <ogr_spatialref.h>
#include <ogr_srs_api.h>

#include <algorithm>
#include <map>
#include <memory>

#include "core/civil_time.hpp"
#include "core/errors.hpp"
#include "core/polylabel.hpp"
#include "io/gdal_env.hpp"
#include "io/goals_json.hpp"
#include "io/ogr_geometry.hpp"
#include "io/program_json_loader.hpp"

namespace faro::io {
namespace {

// OGRSpatialReference is reference-counted (OSRRelease); GDAL 3.6 has no smart pointer for it.
struct SrsReleaser {
  void operator()(void* s) const { OSRRelease(static_cast<OGRSpatialReferenceH>(s)); }
};

int find_field(OGRFeatureDefnH defn, std::initializer_list<const char*> names) {
  for (const char* n : names) {
    const int i = OGR_FD_GetFieldIndex(defn, n);
    if (i >= 0) return i;
  }
  return -1;
}

int name_field(OGRFeatureDefnH d) {
  return find_field(d, {"program", "programa", "programme", "name", "nombre"});
}
int start_field(OGRFeatureDefnH d) {
  return find_field(d, {"start", "inicio", "fecha_inicio", "rollout"});
}
int end_field(OGRFeatureDefnH d) {
  return find_field(d, {"end", "fin", "fecha_fin"});
}
bool has_sector_field(OGRFeatureDefnH d) {
  return find_field(d, {"sector", "cuadrante"}) >= 0;
}

GDALDatasetUniquePtr open_vector(const std::string& source) {
  return GDALDatasetUniquePtr(GDALDataset::FromHandle(
      GDALOpenEx(source.c_str(), GDAL_OF_VECTOR | GDAL_OF_READONLY, nullptr, nullptr, nullptr)));
}

// The first layer whose declared geometry type is polygonal (a GeoPackage may also hold tables);
// failing that, the first of unknown type (GeoJSON mixing Polygon and MultiPolygon declares
// wkbUnknown). Non-polygonal features of such a layer are rejected one by one.
OGRLayerH polygon_layer(GDALDatasetH ds) {
  const int n = GDALDatasetGetLayerCount(ds);
  OGRLayerH unknown = nullptr;
  for (int i = 0; i < n; ++i) {
    OGRLayerH l = GDALDatasetGetLayer(ds, i);
    const OGRwkbGeometryType t = OGR_L_GetGeomType(l);
    if (is_polygonal_type(t)) return l;
    if (unknown == nullptr && wkbFlatten(t) == wkbUnknown) unknown = l;
  }
  return unknown;
}

std::string field_text(OGRFeatureH f, int i) {
  return i >= 0 && OGR_F_IsFieldSetAndNotNull(f, i) ? OGR_F_GetFieldAsString(f, i) : "";
}

// Layer CRS -> working CRS, both in traditional GIS order (x = lon/easting), so GeoJSON, shapefile
// and GeoPackage layers with authority-ordered CRSs all come out right.
std::unique_ptr<OGRCoordinateTransformation> make_transform(OGRLayerH layer,
                                                           const std::string& work_srs,
                                                           const std::string& shown,
                                                           LoadReport& report) {
  std::unique_ptr<void, SrsReleaser> src(OSRNewSpatialReference(nullptr));
  auto* s = static_cast<OGRSpatialReferenceH>(src.get());
  if (OGRSpatialReferenceH layer_srs = OGR_L_GetSpatialRef(layer)) {
    src.reset(OSRClone(layer_srs));
    s = static_cast<OGRSpatialReferenceH>(src.get());
  } else {
    OSRSetFromUserInput(s, "EPSG:4326");
    report.note(Msg::load_note_program_crs_assumed);
  }
  OSRSetAxisMappingStrategy(s, OAMS_TRADITIONAL_GIS_ORDER);
  std::unique_ptr<void, SrsReleaser> dst(OSRNewSpatialReference(nullptr));
  auto* d = static_cast<OGRSpatialReferenceH>(dst.get());
  if (OSRSetFromUserInput(d, work_srs.c_str()) != OGRERR_NONE)
    throw DataError(shown + ": unknown working CRS '" + work_srs + "'");
  OSRSetAxisMappingStrategy(d, OAMS_TRADITIONAL_GIS_ORDER);
  std::unique_ptr<OGRCoordinateTransformation> ct(
      OGRCoordinateTransformation::FromHandle(OCTNewCoordinateTransformation(s, d)));
  if (!ct) throw DataError(shown + ": cannot reproject program polygons to " + work_srs);
  return ct;
}

bool pole_inside(const MultiPolygon& area, Vec2 p) {
  return std::any_of(area.begin(), area.end(),
                     [&](const Polygon& poly) { return signed_distance_to_polygon(p, poly) > 0; });
}

OGRGeometryH ogr_ring(const Ring& ring) {
  OGRGeometryH r = OGR_G_CreateGeometry(wkbLinearRing);
  for (const Vec2& v : ring) OGR_G_AddPoint_2D(r, v.x, v.y);
  if (!ring.empty()) OGR_G_AddPoint_2D(r, ring.front().x, ring.front().y);  // OGR rings closed
  return r;
}

// faro shape -> OGR multipolygon (owned by the caller), for GEOS overlap areas.
OGRGeometryUniquePtr to_ogr(const MultiPolygon& shape) {
  OGRGeometryH mp = OGR_G_CreateGeometry(wkbMultiPolygon);
  for (const Polygon& p : shape) {
    OGRGeometryH poly = OGR_G_CreateGeometry(wkbPolygon);
    OGR_G_AddGeometryDirectly(poly, ogr_ring(p.outer));
    for (const Ring& h : p.holes) OGR_G_AddGeometryDirectly(poly, ogr_ring(h));
    OGR_G_AddGeometryDirectly(mp, poly);
  }
  return OGRGeometryUniquePtr(OGRGeometry::FromHandle(mp));
}

// Does the program feature `area` cover most (> 50 %) of `sector`? The overlap area comes from
// GEOS; where GEOS cannot intersect (invalid polygon, GDAL built without GEOS) the sector's pole
// of inaccessibility inside the feature decides instead.
bool covers(const MultiPolygon& area, OGRGeometryH area_ogr, const Sector& sector,
            OGRGeometryH sector_ogr, Vec2 pole) {
  const double sector_area = faro::area(sector.shape);
  const OGRGeometryUniquePtr overlap(
      OGRGeometry::FromHandle(OGR_G_Intersection(sector_ogr, area_ogr)));
  if (!overlap || sector_area <= 0) return pole_inside(area, pole);
  return OGR_G_Area(OGRGeometry::ToHandle(overlap.get())) > 0.5 * sector_area;
}

// Adds `sector` to `program` starting at `start`, or moves an existing entry's start earlier.
void add_sector(Program& program, const std::string& sector, CivilSeconds start,
                std::optional<CivilSeconds> end) {
  for (ProgramSector& ps : program.sectors) {
    if (ps.sector != sector) continue;
    if (start < ps.start) ps.start = start, ps.end = end;
    return;
  }
  program.sectors.push_back(ProgramSector{sector, start, end});
}

}  // namespace

bool is_program_polygon_layer(const std::string& source) {
  ensure_gdal();
  GdalMessageCapture capture;  // a probe: GDAL's complaints are not the user's business here
  GDALDatasetUniquePtr ds = open_vector(source);
  if (!ds) return false;
  // The demo GeoPackage's rollout table wins over its sector polygons.
  GDALDatasetH h = GDALDataset::ToHandle(ds.get());
  if (GDALDatasetGetLayerByName(h, "program_sectors") != nullptr) return false;
  OGRLayerH layer = polygon_layer(h);
  if (layer == nullptr) return false;
  OGRFeatureDefnH defn = OGR_L_GetLayerDefn(layer);
  return name_field(defn) >= 0 && start_field(defn) >= 0 && !has_sector_field(defn);
}

ProgramLoadResult load_program_polygons(const std::string& source, const SectorSet& sectors,
                                        const std::string& work_srs_in) {
  ensure_gdal();
  GdalMessageCapture capture;
  const std::string shown = redact_source(source);
  GDALDatasetUniquePtr ds = open_vector(source);
  if (!ds) throw DataError(shown + ": cannot open program polygons: " + capture.last_error());
  OGRLayerH layer = polygon_layer(GDALDataset::ToHandle(ds.get()));
  if (layer == nullptr) throw DataError(shown + ": no polygon layer with programs");
  OGRFeatureDefnH defn = OGR_L_GetLayerDefn(layer);
  const int f_name = name_field(defn), f_start = start_field(defn), f_end = end_field(defn);
  if (f_name < 0 || f_start < 0)
    throw DataError(shown + " (layer " + OGR_L_GetName(layer) +
                    "): program polygons need fields program|programa|name|nombre and "
                    "start|inicio|fecha_inicio|rollout");
  const std::string work_srs = work_srs_in.empty() ? sectors.work_srs : work_srs_in;
  if (work_srs.empty()) throw DataError(shown + ": sectors have no working CRS");

  ProgramLoadResult out;
  out.report.source = shown;
  out.report.layer = OGR_L_GetName(layer);
  out.report.method = "features";
  auto ct = make_transform(layer, work_srs, shown, out.report);
  // Per sector, computed once: the OGR copy of its shape for overlaps and its pole of
  // inaccessibility for the fallback test (working CRS metres).
  std::vector<OGRGeometryUniquePtr> sector_ogr;
  std::vector<Vec2> poles;
  for (const Sector& s : sectors.sectors) {
    sector_ogr.push_back(to_ogr(s.shape));
    poles.push_back(polylabel(s.shape).point);
  }

  std::map<std::string, size_t> index;
  OGR_L_ResetReading(layer);
  int64_t row = 0;
  while (const OGRFeatureUniquePtr feature{OGRFeature::FromHandle(OGR_L_GetNextFeature(layer))}) {
    OGRFeatureH f = OGRFeature::ToHandle(feature.get());
    ++row;
    ++out.report.rows_read;
    const std::string name = field_text(f, f_name);
    const std::string start_text = field_text(f, f_start);
    const std::string end_text = field_text(f, f_end);
    const OGRGeometryUniquePtr geom(OGRGeometry::FromHandle(
        OGR_F_GetGeometryRef(f) ? OGR_G_Clone(OGR_F_GetGeometryRef(f)) : nullptr));
    if (name.empty()) {
      out.report.add(RowIssue::malformed_row, row, "name", "");
      continue;
    }
    CivilSeconds start = 0;
    if (start_text.empty()) {
      out.report.add(RowIssue::missing_date, row, "start", "");
      continue;
    }
    if (parse_datetime(start_text, DateOrder::dmy, start) != DateParseStatus::ok) {
      out.report.add(RowIssue::unparseable_date, row, "start", start_text);
      continue;
    }
    std::optional<CivilSeconds> end;
    if (!end_text.empty()) {
      CivilSeconds e = 0;
      if (parse_datetime(end_text, DateOrder::dmy, e) != DateParseStatus::ok) {
        out.report.add(RowIssue::unparseable_date, row, "end", end_text);
        continue;
      }
      end = e;
    }
    OGRGeometryH g = OGRGeometry::ToHandle(geom.get());
    if (g == nullptr || OGR_G_IsEmpty(g)) {
      out.report.add(RowIssue::empty_geometry, row, "geometry", name);
      continue;
    }
    if (OGR_G_Transform(g, OGRCoordinateTransformation::ToHandle(ct.get())) != OGRERR_NONE) {
      out.report.add(RowIssue::reprojection_failed, row, "geometry", name);
      continue;
    }
    PolygonalParts parts = polygonal_parts(g);
    if (parts.shape.empty()) {
      out.report.add(RowIssue::not_a_polygon, row, "geometry", name);
      continue;
    }
    auto [it, added] = index.emplace(name, out.programs.size());
    if (added) out.programs.push_back(Program{name, {}, {}});
    Program& program = out.programs[it->second];
    const Box box = bounds(parts.shape);
    auto area_ogr = to_ogr(parts.shape);
    for (size_t i = 0; i < sectors.size(); ++i) {
      const Sector& sector = sectors.sectors[i];
      if (!bounds(sector.shape).intersects(box)) continue;
      if (covers(parts.shape, OGRGeometry::ToHandle(area_ogr.get()), sector,
                 OGRGeometry::ToHandle(sector_ogr[i].get()), poles[i]))
        add_sector(program, sector.name, start, end);
    }
    for (Polygon& p : parts.shape) program.area.push_back(std::move(p));
    ++out.report.rows_loaded;
  }
  for (const Program& p : out.programs)
    if (p.sectors.empty())
      out.report.note(Msg::load_note_program_covers_nothing, {p.name});
  out.report.note(Msg::load_note_program_rule);
  return out;
}

ProgramLoadResult load_programs_for_sectors(const std::string& source, const SectorSet& sectors) {
  if (is_program_polygon_layer(source)) {
    ProgramLoadResult loaded = load_program_polygons(source, sectors);
    attach_goals_sidecar(loaded, source);  // polygons.goals.json, like a CSV's
    return loaded;
  }
  return load_programs_any(source);
}

}  // namespace faro::io
