// Aggregated CSV / GeoJSON / GeoPackage exports (see the header for the layout). The vector writer
// copies only sector polygons; no incident geometry ever reaches GDAL here.
#include "io/aggregate_export.hpp"

#include <gdal_priv.h>
#include <ogr_spatialref.h>
#include <ogrsf_frmts.h>

#include <algorithm>
#include <fstream>
#include <memory>
#include <sstream>

#include "core/errors.hpp"
#include "io/atomic_file.hpp"
#include "io/gdal_env.hpp"

namespace faro::io {
namespace {

constexpr const char* kTotalUnit = "(total)";
constexpr const char* kTotalPeriod = "total";

std::string lower_extension(const std::string& path) {
  const size_t dot = path.find_last_of('.');
  const size_t slash = path.find_last_of('/');
  if (dot == std::string::npos || (slash != std::string::npos && dot < slash)) return "";
  std::string ext = path.substr(dot + 1);
  std::transform(ext.begin(), ext.end(), ext.begin(),
                 [](unsigned char c) { return std::tolower(c); });
  return ext;
}

std::string quote_csv(const std::string& s) {
  if (s.find_first_of(",\"\r\n") == std::string::npos) return s;
  std::string out = "\"";
  for (char c : s) {
    if (c == '"') out += '"';
    out += c;
  }
  return out + "\"";
}

// Columns written: every period, plus the "total" column unless it would repeat the only period.
size_t written_cols(const AggregateExport& e) {
  return e.table.cols == 1 ? 1 : e.table.cols + 1;
}

std::string row_name(const AggregateExport& e, size_t r) {
  return r < e.table.rows ? e.row_names.at(r) : std::string(kTotalUnit);
}
std::string col_name(const AggregateExport& e, size_t c) {
  return c < e.table.cols ? e.period_names.at(c) : std::string(kTotalPeriod);
}

void check_shape(const AggregateExport& e) {
  const ProtectedTable& t = e.table;
  if (e.row_names.size() != t.rows || e.row_sector.size() != t.rows ||
      e.period_names.size() != t.cols || t.value.size() != (t.rows + 1) * (t.cols + 1) ||
      t.hidden.size() != t.value.size())
    throw UsageError("aggregate export: names do not match the table's shape");
}

std::unique_ptr<OGRMultiPolygon> to_ogr(const MultiPolygon& shape) {
  auto out = std::make_unique<OGRMultiPolygon>();
  for (const Polygon& polygon : shape) {
    auto p = std::make_unique<OGRPolygon>();
    auto add_ring = [&](const Ring& ring) {
      auto r = std::make_unique<OGRLinearRing>();
      for (const Vec2& v : ring) r->addPoint(v.x, v.y);
      r->closeRings();
      p->addRingDirectly(r.release());
    };
    add_ring(polygon.outer);
    for (const Ring& hole : polygon.holes) add_ring(hole);
    out->addGeometryDirectly(p.release());
  }
  return out;
}

}  // namespace

AggregateFormat aggregate_format_for(const std::string& path) {
  const std::string ext = lower_extension(path);
  if (ext == "csv") return AggregateFormat::csv;
  if (ext == "geojson" || ext == "json") return AggregateFormat::geojson;
  if (ext == "gpkg") return AggregateFormat::gpkg;
  throw UsageError("cannot tell the export format of '" + path +
                   "': use a .csv, .geojson or .gpkg name");
}

std::vector<std::string> aggregate_labels(const AggregateExport& e) {
  check_shape(e);
  std::vector<std::string> labels(e.table.value.size());
  for (size_t r = 0; r <= e.table.rows; ++r)
    for (size_t c = 0; c <= e.table.cols; ++c)
      labels[e.table.index(r, c)] = row_name(e, r) + "|" + col_name(e, c);
  return labels;
}

std::string aggregate_csv(const AggregateExport& e) {
  check_shape(e);
  std::ostringstream csv;
  csv << "# " << e.notice << "\n";
  csv << quote_csv(e.unit_field) << ",period,count,suppressed\n";
  for (size_t r = 0; r <= e.table.rows; ++r)
    for (size_t c = 0; c < written_cols(e); ++c) {
      const bool hidden = e.table.is_hidden(r, c);
      csv << quote_csv(row_name(e, r)) << ',' << quote_csv(col_name(e, c)) << ',';
      if (hidden)
        csv << quote_csv(e.table.marker);
      else
        csv << e.table.at(r, c);
      csv << ',' << (hidden ? 1 : 0) << '\n';
    }
  return csv.str();
}

namespace {

class AggregateVectorWriter {
 public:
  AggregateVectorWriter(const AggregateExport& e, const SectorSet& sectors, std::string target)
      : e_(e), sectors_(sectors), target_(std::move(target)) {}

  void write(const std::string& temp, AggregateFormat format) {
    const char* driver_name = format == AggregateFormat::gpkg ? "GPKG" : "GeoJSON";
    GDALDriver* driver = GetGDALDriverManager()->GetDriverByName(driver_name);
    if (!driver) fail(std::string("GDAL has no ") + driver_name + " driver");
    GDALDatasetUniquePtr ds(driver->Create(temp.c_str(), 0, 0, 0, GDT_Unknown, nullptr));
    if (!ds) fail("cannot create the file");
    OGRSpatialReference srs;
    if (srs.SetFromUserInput(sectors_.work_srs.c_str()) != OGRERR_NONE)
      fail("unknown working CRS " + sectors_.work_srs);
    srs.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);

    CPLStringList options;
    options.SetNameValue("DESCRIPTION", e_.notice.c_str());
    if (format == AggregateFormat::geojson) {
      options.SetNameValue("RFC7946", "YES");  // EPSG:4326, lon/lat, 7 decimals
      options.SetNameValue("WRITE_NAME", "YES");
    } else {
      options.SetNameValue("IDENTIFIER", ("faro_counts: " + e_.notice).c_str());
    }
    OGRLayer* layer = ds->CreateLayer("faro_counts", &srs, wkbMultiPolygon, options.List());
    if (!layer) fail("cannot create the layer");
    add_field(layer, e_.unit_field.c_str(), OFTString, OFSTNone);
    add_field(layer, "period", OFTString, OFSTNone);
    add_field(layer, "count", OFTInteger64, OFSTNone);
    add_field(layer, "suppressed", OFTInteger, OFSTBoolean);
    layer->SetMetadataItem("FARO_NOTICE", e_.notice.c_str());
    if (format == AggregateFormat::gpkg && ds->StartTransaction() != OGRERR_NONE)
      fail("cannot start a transaction");
    write_features(layer);
    if (format == AggregateFormat::gpkg && ds->CommitTransaction() != OGRERR_NONE)
      fail("cannot commit the transaction");
    const size_t errors_before = capture_.errors().size();
    GDALClose(ds.release());  // flushes; GDAL 3.6 reports failures as captured errors
    if (capture_.errors().size() > errors_before) fail("cannot finish writing");
  }

 private:
  [[noreturn]] void fail(const std::string& what) const {
    std::string msg = "cannot write " + target_ + ": " + what;
    if (!capture_.last_error().empty()) msg += " (" + capture_.last_error() + ")";
    throw DataError(msg);
  }

  void add_field(OGRLayer* layer, const char* name, OGRFieldType type, OGRFieldSubType sub) {
    OGRFieldDefn defn(name, type);
    defn.SetSubType(sub);
    if (layer->CreateField(&defn) != OGRERR_NONE) fail(std::string("cannot create field ") + name);
  }

  void write_features(OGRLayer* layer) {
    const ProtectedTable& t = e_.table;
    for (size_t r = 0; r <= t.rows; ++r) {
      // Geometry once per unit, cloned per period.
      std::unique_ptr<OGRMultiPolygon> shape;
      if (r < t.rows && e_.row_sector[r] >= 0) {
        const size_t s = static_cast<size_t>(e_.row_sector[r]);
        if (s >= sectors_.size()) fail("sector index out of range");
        shape = to_ogr(sectors_.sectors[s].shape);
      }
      for (size_t c = 0; c < written_cols(e_); ++c) {
        OGRFeature f(layer->GetLayerDefn());
        f.SetField(0, row_name(e_, r).c_str());
        f.SetField(1, col_name(e_, c).c_str());
        const bool hidden = t.is_hidden(r, c);
        if (hidden)
          f.SetFieldNull(2);
        else
          f.SetField(2, static_cast<GIntBig>(t.at(r, c)));
        f.SetField(3, hidden ? 1 : 0);
        if (shape) f.SetGeometry(shape.get());
        if (layer->CreateFeature(&f) != OGRERR_NONE)
          fail("cannot write the record for " + row_name(e_, r));
      }
    }
  }

  GdalMessageCapture capture_;  // first member: registers GDAL before anything else runs
  const AggregateExport& e_;
  const SectorSet& sectors_;
  std::string target_;
};

}  // namespace

void write_aggregate(const std::string& path, const AggregateExport& e, const SectorSet& sectors,
                     const std::function<void()>& before_commit) {
  check_shape(e);
  const AggregateFormat format = aggregate_format_for(path);
  AtomicOutput out(path);
  if (format == AggregateFormat::csv) {
    const std::string text = aggregate_csv(e);
    std::ofstream file(out.temp_path(), std::ios::binary);
    file.write(text.data(), static_cast<std::streamsize>(text.size()));
    file.close();
    if (!file) throw DataError("cannot write " + path);
  } else {
    AggregateVectorWriter(e, sectors, path).write(out.temp_path(), format);
  }
  if (before_commit) before_commit();
  out.commit();
}

}  // namespace faro::io
