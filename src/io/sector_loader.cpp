#include "io/sector_loader.hpp"

#include <cpl_conv.h>
#include <cpl_string.h>
#include <gdal.h>
#include <gdal_priv.h>
#include <ogr_api.h>
#include <ogr_feature.h>
#include <ogr_geometry.h>
#include <ogr_srs_api.h>

#include <algorithm>
#include <cctype>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <memory>
#include <sstream>

#include "core/errors.hpp"
#include "io/category_interner.hpp"  // is_valid_utf8, latin1_to_utf8
#include "io/gdal_env.hpp"
#include "io/ogr_geometry.hpp"
#include "io/reproject.hpp"
#include "io/sector_fields.hpp"

namespace faro::io {
namespace {

namespace fs = std::filesystem;

struct SrsReleaser {
  void operator()(void* s) const { OSRRelease(static_cast<OGRSpatialReferenceH>(s)); }
};

// A feature that produced polygons, still in source coordinates.
struct RawSector {
  SectorRow row;
  MultiPolygon shape;
  bool repaired = false;
};

// A rejected feature; reported once the name field is known, so the report can show its name.
struct Rejected {
  SectorRow row;
  RowIssue issue;
};

std::string lower(std::string s) {
  for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

// The shapefile's sidecar with `ext` in lower or upper case (".shx", ".SHX"); "" when absent.
fs::path sidecar(const fs::path& shp, const std::string& ext) {
  std::string upper = ext;
  for (char& c : upper) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  std::error_code ec;
  for (const std::string& e : {ext, upper}) {
    fs::path p = shp;
    p.replace_extension(e);
    if (fs::exists(p, ec)) return p;
  }
  return {};
}

bool has_sidecar(const fs::path& shp, const std::string& ext) { return !sidecar(shp, ext).empty(); }

// Record counts read from the headers themselves: the .shx holds one 8-byte entry per shape after
// its 100-byte header; the .dbf header stores its record count (uint32, little endian, offset 4).
// GDAL reads only as many features as the .dbf has records, without a word, when they disagree.
struct ShapefileCounts {
  int64_t shapes = -1, records = -1;  // -1 = unknown
};

ShapefileCounts shapefile_counts(const fs::path& shp) {
  ShapefileCounts c;
  std::error_code ec;
  if (const fs::path shx = sidecar(shp, ".shx"); !shx.empty()) {
    const auto size = fs::file_size(shx, ec);
    if (!ec && size >= 100) c.shapes = static_cast<int64_t>((size - 100) / 8);
  }
  if (const fs::path dbf = sidecar(shp, ".dbf"); !dbf.empty()) {
    std::ifstream in(dbf, std::ios::binary);
    unsigned char h[8] = {};
    if (in.read(reinterpret_cast<char*>(h), 8))
      c.records = static_cast<int64_t>(h[4] | (h[5] << 8) | (h[6] << 16) |
                                       (static_cast<uint32_t>(h[7]) << 24));
  }
  return c;
}

// Checked before GDAL opens a local .shp: GDAL would fail on a missing .shx (and must not be asked
// to rebuild it next to the user's file), and opens a .shp without .dbf with no attributes at all.
ShapefileCounts check_shapefile_sidecars(const std::string& source, const std::string& shown,
                                         LoadReport& report) {
  const fs::path p(source);
  std::error_code ec;
  if (lower(p.extension().string()) != ".shp" || !fs::is_regular_file(p, ec)) return {};
  if (!has_sidecar(p, ".shx"))
    throw DataError("cannot read shapefile '" + shown + "': its index file " + p.stem().string() +
                    ".shx is missing. Faro does not rebuild it next to your "
                    "data; restore the .shx or convert the source (e.g. to GeoPackage)");
  if (!has_sidecar(p, ".dbf"))
    report.note(Msg::load_note_shp_no_dbf, {shown});
  return shapefile_counts(p);
}

std::string geometry_type_name(OGRwkbGeometryType t) {
  return OGRGeometryTypeToName(t);
}

OGRLayerH pick_layer(GDALDatasetH ds, const std::string& requested, const std::string& shown) {
  const int n = GDALDatasetGetLayerCount(ds);
  std::string listing;
  for (int i = 0; i < n; ++i) {
    OGRLayerH l = GDALDatasetGetLayer(ds, i);
    const std::string name = OGR_L_GetName(l);
    const OGRwkbGeometryType t = OGR_L_GetGeomType(l);
    if (!requested.empty() ? name == requested
                           : (is_polygonal_type(t) || wkbFlatten(t) == wkbUnknown ||
                              wkbFlatten(t) == wkbGeometryCollection))
      return l;
    listing += (listing.empty() ? "" : ", ") + name + " (" + geometry_type_name(t) + ")";
  }
  if (!requested.empty())
    throw DataError("sector source '" + shown + "' has no layer '" + requested +
                    "' (layers: " + (listing.empty() ? "none" : listing) + ")");
  throw DataError("sector source '" + shown +
                  "' has no polygon layer (layers: " + (listing.empty() ? "none" : listing) + ")");
}

bool looks_like_degrees(const Box& b) {
  return !b.empty() && b.xmin >= -180 && b.xmax <= 180 && b.ymin >= -90 && b.ymax <= 90;
}

// The source CRS as a definition Reprojector understands, and whether the layer stores (y, x)
// (authority axis order) so coordinates must be swapped to traditional GIS order first.
struct SourceCrs {
  std::string def;
  bool swap_xy = false;
};

SourceCrs source_crs(OGRLayerH layer, const SectorSourceOptions& options, const Box& extent,
                     const std::string& shown, LoadReport& report) {
  OGRSpatialReferenceH srs = OGR_L_GetSpatialRef(layer);
  SourceCrs out;
  if (!options.srs.empty()) {
    out.def = options.srs;
    report.note(srs ? Msg::load_note_source_crs_override : Msg::load_note_source_crs_given,
                {describe_srs(options.srs)});
    return out;
  }
  if (srs == nullptr) {
    if (!looks_like_degrees(extent)) {
      std::ostringstream msg;
      msg << "sector source '" << shown << "' has no coordinate reference system (no .prj or CRS "
          << "metadata) and its coordinates (x " << extent.xmin << " to " << extent.xmax << ", y "
          << extent.ymin << " to " << extent.ymax << ") are not longitude/latitude degrees; give "
          << "its CRS explicitly (e.g. EPSG:32614)";
      throw DataError(msg.str());
    }
    out.def = "EPSG:4326";
    report.note(Msg::load_note_sector_crs_assumed);
    return out;
  }
  char* wkt_raw = nullptr;
  const char* wkt_options[] = {"FORMAT=WKT2_2019", nullptr};
  const OGRErr exported = OSRExportToWktEx(srs, &wkt_raw, wkt_options);
  const CplString wkt(wkt_raw);  // CPLFree'd on every path
  if (exported != OGRERR_NONE || !wkt)
    throw DataError("sector source '" + shown + "': its CRS cannot be read");
  out.def = wkt.get();
  // Geometries come in the layer's data axis order; Reprojector expects traditional GIS order.
  std::unique_ptr<void, SrsReleaser> traditional(OSRClone(srs));
  OSRSetAxisMappingStrategy(static_cast<OGRSpatialReferenceH>(traditional.get()),
                            OAMS_TRADITIONAL_GIS_ORDER);
  int n_layer = 0, n_trad = 0;
  const int* m_layer = OSRGetDataAxisToSRSAxisMapping(srs, &n_layer);
  const int* m_trad =
      OSRGetDataAxisToSRSAxisMapping(static_cast<OGRSpatialReferenceH>(traditional.get()), &n_trad);
  out.swap_xy = n_layer >= 2 && n_trad >= 2 && m_layer[0] == m_trad[1] && m_layer[1] == m_trad[0];
  return out;
}

void require_projected(const std::string& work_srs) {
  std::unique_ptr<void, SrsReleaser> srs(OSRNewSpatialReference(nullptr));
  auto* h = static_cast<OGRSpatialReferenceH>(srs.get());
  if (OSRSetFromUserInput(h, work_srs.c_str()) != OGRERR_NONE)
    throw UsageError("unknown working CRS '" + work_srs + "'");
  if (!OSRIsProjected(h))
    throw UsageError("working CRS '" + work_srs +
                     "' is not a projected CRS in metres; use e.g. "
                     "the UTM zone of the area (EPSG:32614 for Mexico City)");
}

// Reprojects every vertex of `shape` in place; false when PROJ failed on any vertex.
bool reproject_shape(MultiPolygon& shape, const Reprojector& proj, bool swap_xy) {
  std::vector<double> xs, ys;
  for (const Polygon& p : shape) {
    for (const Vec2& v : p.outer) xs.push_back(v.x), ys.push_back(v.y);
    for (const Ring& h : p.holes)
      for (const Vec2& v : h) xs.push_back(v.x), ys.push_back(v.y);
  }
  if (swap_xy) xs.swap(ys);
  std::vector<int> ok(xs.size(), 1);
  if (proj.transform(xs.size(), xs.data(), ys.data(), ok.data()) != 0) return false;
  size_t k = 0;
  for (Polygon& p : shape) {
    for (Vec2& v : p.outer) v = {xs[k], ys[k]}, ++k;
    for (Ring& h : p.holes)
      for (Vec2& v : h) v = {xs[k], ys[k]}, ++k;
  }
  return true;
}

}  // namespace

SectorLoadResult load_sectors(const std::string& source, const SectorSourceOptions& options,
                              const std::string& work_srs_in) {
  ensure_gdal();
  GdalMessageCapture capture;
  SectorLoadResult result;
  LoadReport& report = result.report;
  const std::string shown = redact_source(source);
  report.source = shown;
  report.method = "features";

  const ShapefileCounts shp_counts = check_shapefile_sidecars(source, shown, report);
  GDALDatasetUniquePtr ds(GDALDataset::FromHandle(
      GDALOpenEx(source.c_str(), GDAL_OF_VECTOR | GDAL_OF_READONLY | GDAL_OF_VERBOSE_ERROR, nullptr,
                 nullptr, nullptr)));
  if (!ds) {
    const std::string why = capture.last_error();
    throw DataError("cannot open sector source '" + shown + "'" +
                    (why.empty() ? std::string(": not a vector dataset GDAL can read")
                                 : ": " + redact_source(why)));
  }
  OGRLayerH layer = pick_layer(GDALDataset::ToHandle(ds.get()), options.layer, shown);
  report.layer = OGR_L_GetName(layer);
  if (!options.where.empty() &&
      OGR_L_SetAttributeFilter(layer, options.where.c_str()) != OGRERR_NONE)
    throw UsageError("invalid attribute filter for sector source '" + shown +
                     "': " + options.where + " (" + capture.last_error() + ")");

  OGRFeatureDefnH defn = OGR_L_GetLayerDefn(layer);
  const int nfields = OGR_FD_GetFieldCount(defn);
  std::vector<std::string> fields(nfields);
  std::vector<bool> is_text(nfields);
  for (int i = 0; i < nfields; ++i) {
    OGRFieldDefnH fd = OGR_FD_GetFieldDefn(defn, i);
    fields[i] = OGR_Fld_GetNameRef(fd);
    is_text[i] = OGR_Fld_GetType(fd) == OFTString;
  }

  // 1. Read every feature: raw values and polygons in source coordinates.
  std::vector<RawSector> kept;
  std::vector<Rejected> rejected;
  int64_t with_z = 0, unrepairable = 0, dropped_parts = 0;
  Box source_extent;
  OGR_L_ResetReading(layer);
  for (int64_t row = 1;; ++row) {
    OGRFeatureUniquePtr f(OGRFeature::FromHandle(OGR_L_GetNextFeature(layer)));
    if (!f) break;
    OGRFeatureH feature = OGRFeature::ToHandle(f.get());
    ++report.rows_read;
    SectorRow sr{row, OGR_F_GetFID(feature), std::vector<std::string>(nfields)};
    bool transcoded = false;
    for (int i = 0; i < nfields; ++i) {
      if (!OGR_F_IsFieldSetAndNotNull(feature, i)) continue;
      std::string v = OGR_F_GetFieldAsString(feature, i);
      if (!is_valid_utf8(v)) v = latin1_to_utf8(v), transcoded = true;
      sr.values[i] = std::move(v);
    }
    if (transcoded) report.add(RowIssue::transcoded_latin1, row);

    OGRGeometryH g = OGR_F_GetGeometryRef(feature);
    if (g == nullptr || OGR_G_IsEmpty(g)) {
      rejected.push_back({std::move(sr), RowIssue::empty_geometry});
      continue;
    }
    PolygonalParts parts = polygonal_parts(g);
    if (parts.shape.empty()) {
      const bool polygonal = is_polygonal_type(OGR_G_GetGeometryType(g));
      rejected.push_back(
          {std::move(sr), polygonal ? RowIssue::empty_geometry : RowIssue::not_a_polygon});
      continue;
    }
    bool repaired = false;
    if (!OGR_G_IsValid(g)) {
      // Repaired in memory only; the source is never written.
      OGRGeometryUniquePtr fixed(OGRGeometry::FromHandle(OGR_G_MakeValid(g)));
      if (fixed) {
        PolygonalParts valid = polygonal_parts(OGRGeometry::ToHandle(fixed.get()));
        if (valid.shape.empty()) {
          rejected.push_back({std::move(sr), RowIssue::empty_geometry});
          continue;
        }
        valid.had_z = parts.had_z;
        parts = std::move(valid);
        repaired = true;
      } else {
        ++unrepairable;  // kept as drawn: the even-odd rule still gives a definite answer
      }
    }
    with_z += parts.had_z;
    dropped_parts += static_cast<int64_t>(parts.dropped_parts);
    source_extent.expand(bounds(parts.shape));
    kept.push_back({std::move(sr), std::move(parts.shape), repaired});
  }
  // Shapes the .dbf has no record for were never returned by GDAL: counted as rejected rows (the
  // .shp's record numbers) and said in a note, never silently dropped.
  if (shp_counts.shapes >= 0 && shp_counts.records >= 0 && options.where.empty() &&
      shp_counts.shapes != shp_counts.records) {
    const int64_t missing = shp_counts.shapes - report.rows_read;
    report.note(missing > 0 ? Msg::load_note_shp_count_missing : Msg::load_note_shp_count_extra,
                {shown, std::to_string(shp_counts.shapes), std::to_string(shp_counts.records),
                 std::to_string(missing)});
    for (int64_t row = report.rows_read + 1; missing > 0 && row <= shp_counts.shapes; ++row) {
      ++report.rows_read;
      rejected.push_back({SectorRow{row, row - 1, std::vector<std::string>(nfields)},
                          RowIssue::malformed_row});
    }
  }
  // 2. Fields: names, population, other attributes as text.
  std::vector<SectorRow> rows;
  rows.reserve(kept.size());
  for (const RawSector& k : kept) rows.push_back(k.row);
  LoadNote how;
  const std::optional<size_t> name_field =
      choose_name_field(fields, is_text, rows, options.name_field, shown, &how);
  report.notes.push_back(how);
  const std::string label = name_field ? fields[*name_field] : std::string();
  for (const Rejected& r : rejected)
    report.add(r.issue, r.row.row, label, name_field ? r.row.values[*name_field] : "");
  if (kept.empty())
    throw DataError("sector source '" + shown + "' (layer '" + report.layer + "') has no usable " +
                    "polygons: " + std::to_string(report.rows_read) + " features read, " +
                    std::to_string(rejected.size()) + " without a polygonal geometry");

  const std::optional<size_t> pop_field =
      choose_population_field(fields, options.population_field, shown);
  SectorSet& set = result.sectors;
  set.name_field = label;
  for (int i = 0; i < nfields; ++i)
    if (static_cast<size_t>(i) != name_field && static_cast<size_t>(i) != pop_field)
      set.attribute_names.push_back(fields[i]);

  // 3. CRS: source, working (UTM zone of the centre unless given), reprojection.
  const SourceCrs src = source_crs(layer, options, source_extent, shown, report);
  std::string work_srs = work_srs_in;
  if (work_srs.empty()) {
    // The zone comes from the polygons that are really on Earth: each kept polygon's centre in
    // lon/lat, the median of those that transform into range. One polygon with a wild coordinate
    // (rejected later, when it fails to reproject) can neither move the zone nor overflow it.
    std::vector<double> lons, lats;
    {
      const Reprojector to_lonlat(src.def, "EPSG:4326");
      for (const RawSector& k : kept) {
        const Box b = bounds(k.shape);
        double cx = (b.xmin + b.xmax) / 2, cy = (b.ymin + b.ymax) / 2;
        if (src.swap_xy) std::swap(cx, cy);
        int ok = 0;
        if (!std::isfinite(cx) || !std::isfinite(cy) || to_lonlat.transform(1, &cx, &cy, &ok) != 0 ||
            !ok || !(std::abs(cx) <= 180) || !(std::abs(cy) <= 90))
          continue;
        lons.push_back(cx);
        lats.push_back(cy);
      }
    }
    if (lons.empty())
      throw DataError("sector source '" + shown +
                      "': cannot find the longitude/latitude of any polygon's "
                      "centre to choose a working CRS; give one explicitly (--work-srs)");
    const auto median = [](std::vector<double>& v) {
      std::nth_element(v.begin(), v.begin() + static_cast<std::ptrdiff_t>(v.size() / 2), v.end());
      return v[v.size() / 2];
    };
    const double cx = median(lons), cy = median(lats);
    work_srs = utm_srs_for_lonlat(cx, cy);
    report.note(Msg::load_note_work_crs_sectors, {describe_srs(work_srs)});
  }
  require_projected(work_srs);
  set.work_srs = work_srs;
  const Reprojector proj(src.def, work_srs);

  const std::vector<std::string> names = make_unique_names(rows, name_field, label, report);
  for (size_t i = 0; i < kept.size(); ++i) {
    RawSector& k = kept[i];
    if (!reproject_shape(k.shape, proj, src.swap_xy)) {
      report.add(RowIssue::reprojection_failed, k.row.row, label, names[i]);
      continue;
    }
    if (k.repaired) report.add(RowIssue::invalid_geometry_repaired, k.row.row, label, names[i]);
    Sector s;
    s.name = names[i];
    s.shape = std::move(k.shape);
    s.bbox = bounds(s.shape);
    s.area_m2 = area(s.shape);
    if (pop_field) s.population = parse_population(k.row.values[*pop_field]);
    std::vector<std::string> attrs;
    attrs.reserve(set.attribute_names.size());
    for (int f = 0; f < nfields; ++f)
      if (static_cast<size_t>(f) != name_field && static_cast<size_t>(f) != pop_field)
        attrs.push_back(std::move(k.row.values[f]));
    set.sectors.push_back(std::move(s));
    set.attributes.push_back(std::move(attrs));
  }
  if (set.sectors.empty())
    throw DataError("sector source '" + shown + "': no polygon could be reprojected to " +
                    work_srs);
  report.rows_loaded = static_cast<int64_t>(set.sectors.size());

  // 4. Source-level facts.
  if (pop_field) {
    size_t missing = 0;
    for (const Sector& s : set.sectors) missing += !s.population;
    if (missing)
      report.note(Msg::load_note_population_missing, {fields[*pop_field], std::to_string(missing)});
    else
      report.note(Msg::load_note_population, {fields[*pop_field]});
  }
  if (with_z) report.note(Msg::load_note_z_dropped, {std::to_string(with_z)});
  if (dropped_parts)
    report.note(Msg::load_note_parts_dropped, {std::to_string(dropped_parts)});
  if (unrepairable)
    report.note(Msg::load_note_unrepairable, {std::to_string(unrepairable)});
  for (const std::string& w : capture.warnings()) report.add_gdal_warning(w);
  for (const std::string& e : capture.errors()) report.add_gdal_warning("error: " + e);
  return result;
}

}  // namespace faro::io
