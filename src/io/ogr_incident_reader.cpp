#include "io/ogr_incident_reader.hpp"

#include <cpl_string.h>
#include <cpl_vsi.h>
#include <gdal.h>
#include <gdal_priv.h>
#include <ogr_api.h>
#include <ogr_feature.h>
#include <ogr_srs_api.h>

#include <memory>

#include "core/errors.hpp"
#include "io/csv_fast_reader.hpp"
#include "io/gdal_env.hpp"
#include "io/incident_sink.hpp"

namespace faro::io {
namespace {

std::string first_message(const GdalMessageCapture& capture) {
  // GDAL's own text may repeat the connection string, password included.
  if (!capture.errors().empty()) return redact_source(capture.errors().front());
  return capture.warnings().empty() ? std::string() : redact_source(capture.warnings().front());
}

GDALDatasetUniquePtr open_dataset(const std::string& vsi_path, const std::string& source,
                                  bool is_csv, const IncidentSourceOptions& options,
                                  GdalMessageCapture& capture) {
  VSIStatBufL st;
  if (VSIStatExL(vsi_path.c_str(), &st, VSI_STAT_EXISTS_FLAG) != 0 &&
      vsi_path.find(':') == std::string::npos)
    throw DataError("cannot open '" + source + "': no such file");
  CPLStringList open_options;
  if (is_csv) {
    // GDAL's CSV driver builds the points from the same columns the fast path would use; types are
    // detected so that --where can compare numbers as numbers.
    const CsvHeader header = read_csv_header(vsi_path, source);
    const IncidentColumns cols = detect_incident_columns(header.names, options, source, true);
    open_options.SetNameValue("X_POSSIBLE_NAMES", cols.name(cols.x).c_str());
    open_options.SetNameValue("Y_POSSIBLE_NAMES", cols.name(cols.y).c_str());
    open_options.SetNameValue("AUTODETECT_TYPE", "YES");
    open_options.SetNameValue("KEEP_GEOM_COLUMNS", "YES");
  }
  const char* const csv_only[] = {"CSV", nullptr};
  GDALDatasetH ds = GDALOpenEx(vsi_path.c_str(), GDAL_OF_VECTOR | GDAL_OF_READONLY,
                               is_csv ? csv_only : nullptr, open_options.List(), nullptr);
  if (!ds) {
    const std::string why = first_message(capture);
    throw DataError("cannot open '" + source + "' as a vector dataset" +
                    (why.empty() ? "" : ": " + why));
  }
  return GDALDatasetUniquePtr(GDALDataset::FromHandle(ds));
}

OGRLayerH pick_layer(GDALDatasetH ds, const std::string& source, const std::string& wanted) {
  const int n = GDALDatasetGetLayerCount(ds);
  if (n == 0) throw DataError("'" + source + "' has no layers");
  if (wanted.empty()) return GDALDatasetGetLayer(ds, 0);
  if (OGRLayerH l = GDALDatasetGetLayerByName(ds, wanted.c_str())) return l;
  std::vector<std::string> names;
  for (int i = 0; i < n; ++i) names.push_back(OGR_L_GetName(GDALDatasetGetLayer(ds, i)));
  throw DataError("'" + source + "' has no layer '" + wanted + "'; layers: " + list_fields(names));
}

// "EPSG:nnnn" when the layer's CRS has an EPSG code (short, stable cache keys and notes), else WKT.
std::string layer_srs(OGRLayerH layer) {
  OGRSpatialReferenceH srs = OGR_L_GetSpatialRef(layer);
  if (!srs) return "";
  const char* auth = OSRGetAuthorityName(srs, nullptr);
  const char* code = OSRGetAuthorityCode(srs, nullptr);
  if (auth && code && EQUAL(auth, "EPSG")) return std::string("EPSG:") + code;
  char* wkt_raw = nullptr;
  const char* const wkt_options[] = {"FORMAT=WKT2_2019", nullptr};
  const OGRErr exported = OSRExportToWktEx(srs, &wkt_raw, wkt_options);
  const CplString wkt(wkt_raw);  // CPLFree'd on every path
  if (exported != OGRERR_NONE || !wkt) return "";
  return wkt.get();
}

// Only the needed fields are read: the drivers then skip decoding the rest.
void ignore_unused_fields(OGRLayerH layer, const OgrReadPlan& plan) {
  const IncidentColumns& c = plan.columns;
  std::vector<bool> used(c.names.size(), false);
  for (int i : {c.x, c.y, c.date, c.time, c.category, c.id, c.weight})
    if (i >= 0) used[static_cast<size_t>(i)] = true;
  CPLStringList ignored;
  for (size_t i = 0; i < used.size(); ++i)
    if (!used[i]) ignored.AddString(c.names[i].c_str());
  ignored.AddString("OGR_STYLE");
  if (!plan.use_geometry) ignored.AddString("OGR_GEOMETRY");
  OGR_L_SetIgnoredFields(layer, const_cast<const char**>(ignored.List()));
}

Cell feature_cell(OGRFeatureH f, int index, int type, bool midnight_is_date, std::string& scratch) {
  if (index < 0) return {};
  if (!OGR_F_IsFieldSetAndNotNull(f, index)) return Cell::of_null();
  switch (type) {
    case OFTInteger:
    case OFTInteger64:
      return Cell::of_int(OGR_F_GetFieldAsInteger64(f, index));
    case OFTReal:
      return Cell::of_real(OGR_F_GetFieldAsDouble(f, index));
    case OFTDate:
    case OFTTime:
    case OFTDateTime: {
      int y = 0, m = 0, d = 0, hh = 0, mm = 0, tz = 0;
      float ss = 0;
      if (!OGR_F_GetFieldAsDateTimeEx(f, index, &y, &m, &d, &hh, &mm, &ss, &tz))
        return Cell::of_null();
      // The wall-clock reading is kept; a UTC offset (tz flag) is ignored like in text dates.
      const int64_t secs = hh * 3600 + mm * 60 + static_cast<int>(ss);
      if (type == OFTTime) return Cell{Cell::time, {}, secs, 0};
      if (y < 1 || m < 1 || m > 12 || d < 1 || d > 31) return Cell::of_null();
      const int64_t days = days_from_civil(y, static_cast<unsigned>(m), static_cast<unsigned>(d));
      if (type == OFTDate || (midnight_is_date && secs == 0)) return Cell{Cell::date, {}, days, 0};
      return Cell{Cell::datetime, {}, days * kSecondsPerDay + secs, 0};
    }
    default:
      scratch = OGR_F_GetFieldAsString(f, index);
      return scratch.empty() ? Cell::of_null() : Cell::of_text(scratch);
  }
}

void read_features(const OgrReadPlan& plan, IncidentSink& sink) {
  OGRLayerH layer = static_cast<OGRLayerH>(plan.layer);
  const IncidentColumns& c = plan.columns;
  auto type_of = [&](int i) { return i >= 0 ? plan.field_types[static_cast<size_t>(i)] : -1; };
  std::string scratch[7];
  OGR_L_ResetReading(layer);
  int64_t row = 0;
  while (OGRFeatureUniquePtr f{OGRFeature::FromHandle(OGR_L_GetNextFeature(layer))}) {
    OGRFeatureH h = OGRFeature::ToHandle(f.get());
    RawIncident r;
    r.row = ++row;
    if (plan.use_geometry) {
      OGRGeometryH g = OGR_F_GetGeometryRef(h);
      const OGRwkbGeometryType type = g ? wkbFlatten(OGR_G_GetGeometryType(g)) : wkbUnknown;
      if (!g) {
        r.geometry = RawIncident::Geometry::null_geometry;
      } else if (OGR_G_IsEmpty(g)) {
        r.geometry = RawIncident::Geometry::empty;
        r.geometry_type = OGRGeometryTypeToName(type);
      } else if (type == wkbPoint || (type == wkbMultiPoint && OGR_G_GetGeometryCount(g) == 1)) {
        OGRGeometryH p = type == wkbPoint ? g : OGR_G_GetGeometryRef(g, 0);
        r.geometry = RawIncident::Geometry::point;
        r.x = OGR_G_GetX(p, 0);
        r.y = OGR_G_GetY(p, 0);
      } else {
        r.geometry = RawIncident::Geometry::not_a_point;
        r.geometry_type = OGRGeometryTypeToName(type);
      }
    } else {
      r.xcell = feature_cell(h, c.x, type_of(c.x), false, scratch[0]);
      r.ycell = feature_cell(h, c.y, type_of(c.y), false, scratch[1]);
    }
    const bool mid = plan.midnight_datetime_is_date;
    r.date = feature_cell(h, c.date, type_of(c.date), mid, scratch[2]);
    r.time = feature_cell(h, c.time, type_of(c.time), false, scratch[3]);
    r.category = feature_cell(h, c.category, type_of(c.category), false, scratch[4]);
    r.id = feature_cell(h, c.id, type_of(c.id), false, scratch[5]);
    r.weight = feature_cell(h, c.weight, type_of(c.weight), false, scratch[6]);
    sink.add(r);
  }
}

// GDAL 3.6's Arrow stream converts DateTime values with a UTC offset to UTC, losing the wall
// clock that every other path keeps. Peek at the first feature: offsets → iterate features.
bool datetime_offsets_present(OGRLayerH layer, const OgrReadPlan& plan) {
  const IncidentColumns& c = plan.columns;
  bool any = false;
  for (int i : {c.date, c.time})
    any = any || (i >= 0 && plan.field_types[static_cast<size_t>(i)] == OFTDateTime);
  if (!any) return false;
  OGR_L_ResetReading(layer);
  OGRFeatureUniquePtr f{OGRFeature::FromHandle(OGR_L_GetNextFeature(layer))};
  OGR_L_ResetReading(layer);
  if (!f) return false;
  for (int i : {c.date, c.time}) {
    if (i < 0 || plan.field_types[static_cast<size_t>(i)] != OFTDateTime) continue;
    int y, m, d, hh, mm, tz = 0;
    float ss;
    if (OGR_F_GetFieldAsDateTimeEx(OGRFeature::ToHandle(f.get()), i, &y, &m, &d, &hh, &mm, &ss,
                                   &tz) &&
        tz > 1 && tz != 100)
      return true;
  }
  return false;
}

}  // namespace

void load_ogr_incidents(const std::string& vsi_path, const std::string& source_as_given,
                        bool is_csv, const IncidentSourceOptions& options,
                        const IncidentLoadContext& context, IncidentLoadResult& out) {
  // Every message below names the source: with its password redacted (vsi_path opens it).
  const std::string source = redact_source(source_as_given);
  GdalMessageCapture capture;
  GDALDatasetUniquePtr ds = open_dataset(vsi_path, source, is_csv, options, capture);
  OGRLayerH layer = pick_layer(GDALDataset::ToHandle(ds.get()), source, options.layer);
  out.report.layer = OGR_L_GetName(layer);

  OGRFeatureDefnH defn = OGR_L_GetLayerDefn(layer);
  OgrReadPlan plan;
  plan.layer = layer;
  std::vector<std::string> names;
  for (int i = 0; i < OGR_FD_GetFieldCount(defn); ++i) {
    OGRFieldDefnH fd = OGR_FD_GetFieldDefn(defn, i);
    names.emplace_back(OGR_Fld_GetNameRef(fd));
    plan.field_types.push_back(OGR_Fld_GetType(fd));
  }
  // A line or polygon layer has no point geometry: it can only be read through coordinate columns.
  const OGRwkbGeometryType layer_type = wkbFlatten(OGR_L_GetGeomType(layer));
  const bool point_like = layer_type == wkbPoint || layer_type == wkbMultiPoint ||
                          layer_type == wkbUnknown || layer_type == wkbGeometryCollection;
  const bool has_geometry = OGR_FD_GetGeomFieldCount(defn) > 0 && !is_csv && point_like;
  // A CSV opened by GDAL has its point geometry from the detected columns, so use that.
  const bool csv_geometry = is_csv && OGR_FD_GetGeomFieldCount(defn) > 0;
  try {
    plan.columns = detect_incident_columns(names, options, source, !(has_geometry || csv_geometry));
  } catch (const DataError& e) {
    // GDAL often knows why (e.g. a missing .dbf leaves no attribute fields): say it too.
    std::string why = first_message(capture);
    if (!point_like) why = std::string("layer geometry is ") + OGRGeometryTypeToName(layer_type);
    throw DataError(std::string(e.what()) + (why.empty() ? "" : " (" + why + ")"));
  }
  plan.use_geometry =
      (has_geometry && options.x_field.empty() && options.y_field.empty()) || csv_geometry;
  if (plan.use_geometry) {
    const char* g = OGR_L_GetGeometryColumn(layer);
    plan.geometry_name = g && *g ? g : "wkb_geometry";
    plan.columns.x = plan.columns.y = -1;
  }
  plan.midnight_datetime_is_date = plan.columns.time >= 0;

  std::string srs = options.srs;
  if (srs.empty()) srs = layer_srs(layer);
  if (srs.empty()) {
    srs = "EPSG:4326";
    out.report.note(is_csv ? Msg::load_note_crs_assumed_csv : Msg::load_note_crs_assumed_layer);
  }
  LoadNote fields = plan.columns.describe();
  if (plan.use_geometry) {
    fields.args.push_back("geometry");
    fields.args.push_back(plan.geometry_name);
  }
  out.report.notes.push_back(std::move(fields));

  if (!options.where.empty()) {
    if (OGR_L_SetAttributeFilter(layer, options.where.c_str()) != OGRERR_NONE)
      throw DataError("'" + source + "': invalid --where '" + options.where +
                      "': " + first_message(capture));
    out.report.note(Msg::load_note_where, {options.where});
  }
  // With --where, GDAL evaluates the filter on the fields it reads: ignoring any could empty it.
  if (options.where.empty()) ignore_unused_fields(layer, plan);

  SinkConfig cfg = make_sink_config(options, context, plan.columns, srs);
  if (plan.use_geometry) cfg.geometry_name = plan.geometry_name;
  IncidentSink sink(std::move(cfg), out.store, out.report);
  if (!options.where.empty() || OGR_L_TestCapability(layer, OLCFastFeatureCount)) {
    const GIntBig n = OGR_L_GetFeatureCount(layer, FALSE);
    if (n > 0) sink.reserve(static_cast<size_t>(n));
  }

  bool done = false;
  if (OGR_L_TestCapability(layer, OLCFastGetArrowStream) &&
      !datetime_offsets_present(layer, plan)) {
    done = read_arrow_incidents(plan, sink, out.report);
    if (done) out.report.method = "arrow";
  }
  if (!done) {
    read_features(plan, sink);
    out.report.method = "features";
  }
  sink.finish();
  for (const std::string& w : capture.warnings()) out.report.add_gdal_warning(w);
  for (const std::string& e : capture.errors()) out.report.add_gdal_warning(e);
}

}  // namespace faro::io
