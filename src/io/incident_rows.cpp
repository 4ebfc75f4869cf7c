#include "io/incident_rows.hpp"

#include <cpl_string.h>
#include <cpl_vsi.h>
#include <gdal.h>
#include <ogr_api.h>
#include <ogr_feature.h>

#include <algorithm>
#include <cstring>

#include "core/errors.hpp"
#include "io/category_interner.hpp"
#include "io/csv_fast_reader.hpp"
#include "io/csv_records.hpp"
#include "io/gdal_env.hpp"

namespace faro::io {
namespace {

std::string utf8(std::string_view text) {
  return is_valid_utf8(text) ? std::string(text) : latin1_to_utf8(text);
}

constexpr size_t kBlockBytes = size_t{1} << 20;

}  // namespace

// An open handle on the CSV (kept: GDAL's gzip reader seeks fast on a handle it has read through)
// and the record offsets learnt so far: checkpoints[k] = offset of row k * kCheckpointRows + 1.
struct IncidentRowReader::Csv {
  VSILFILE* file = nullptr;
  CsvHeader header;
  std::vector<uint64_t> checkpoints;
  std::unique_ptr<char[]> buffer;  // kCarryRoom + kBlockBytes
  ~Csv() {
    if (file) VSIFCloseL(file);
  }
};

struct IncidentRowReader::Ogr {
  GDALDatasetH dataset = nullptr;
  OGRLayerH layer = nullptr;
  ~Ogr() {
    if (dataset) GDALClose(dataset);
  }
};

IncidentRowReader::IncidentRowReader(std::string source, IncidentSourceOptions options)
    : source_(std::move(source)), options_(std::move(options)) {}

IncidentRowReader::~IncidentRowReader() = default;

std::vector<SourceRecord> IncidentRowReader::read(const std::vector<uint32_t>& rows) {
  ensure_gdal();
  // In file order (each scan only moves forward from a checkpoint), answered in the order asked.
  std::vector<size_t> order(rows.size());
  for (size_t i = 0; i < order.size(); ++i) order[i] = i;
  std::sort(order.begin(), order.end(), [&](size_t a, size_t b) { return rows[a] < rows[b]; });
  std::vector<SourceRecord> out(rows.size());
  const bool csv = uses_csv_fast_path(source_, options_);
  for (size_t i : order) {
    if (rows[i] == 0) throw DataError("'" + redact_source(source_) + "': no row number");
    out[i] = csv ? read_csv(rows[i]) : read_ogr(rows[i]);
  }
  return out;
}

SourceRecord IncidentRowReader::read_csv(uint32_t row) {
  const std::string shown = redact_source(source_);
  if (!csv_) {
    auto c = std::make_unique<Csv>();
    const std::string vsi = incident_vsi_path(source_);
    c->header = read_csv_header(vsi, source_);
    c->file = VSIFOpenL(vsi.c_str(), "rb");
    if (!c->file) throw DataError("cannot open '" + shown + "' to read a row back");
    c->checkpoints.push_back(c->header.data_offset);
    c->buffer.reset(new char[CsvRecordSplitter::kCarryRoom + kBlockBytes]);
    csv_ = std::move(c);
  }
  Csv& c = *csv_;
  const size_t k = std::min<size_t>((row - 1) / kCheckpointRows, c.checkpoints.size() - 1);
  const uint64_t start = c.checkpoints[k];

  struct Finder : CsvRecordSplitter::Handler {
    Csv& c;
    uint32_t wanted;
    CsvRecordSplitter* splitter = nullptr;
    SourceRecord found;
    bool done = false;
    std::string scratch;
    Finder(Csv& csv, uint32_t w) : c(csv), wanted(w) {}
    void learn(int64_t r, uint64_t offset) {
      // A record that starts a new stride is a place to restart from next time.
      if ((r - 1) % kCheckpointRows == 0 &&
          static_cast<size_t>((r - 1) / kCheckpointRows) == c.checkpoints.size())
        c.checkpoints.push_back(offset);
    }
    void record(int64_t r, const CsvTokenizer& tok, uint64_t offset) override {
      learn(r, offset);
      if (r != wanted) return;
      found.row = wanted;
      for (size_t f = 0; f < c.header.names.size(); ++f) {
        const std::string value =
            f < tok.field_count() ? utf8(CsvTokenizer::value(tok.fields()[f], scratch)) : "";
        found.fields.emplace_back(c.header.names[f], value);
      }
      done = true;
      splitter->stop();
    }
    void rejected(int64_t, const char*) override {}
  } finder(c, row);
  CsvRecordSplitter splitter(c.header.delimiter, c.header.names.size(),
                             static_cast<int64_t>(k) * kCheckpointRows);
  finder.splitter = &splitter;
  if (VSIFSeekL(c.file, start, SEEK_SET) != 0)
    throw DataError("cannot seek in '" + shown + "' to read row " + std::to_string(row));
  uint64_t offset = start;
  char* data = c.buffer.get() + CsvRecordSplitter::kCarryRoom;
  while (!finder.done) {
    const size_t n = VSIFReadL(data, 1, kBlockBytes, c.file);
    const bool last = n < kBlockBytes;
    splitter.feed(data, data + n, last, offset, finder);
    offset += n;
    if (last) break;
  }
  if (!finder.done)
    throw DataError("'" + shown + "' has no row " + std::to_string(row) + " (it has " +
                    std::to_string(splitter.rows()) +
                    "): has the file changed since it was loaded?");
  return std::move(finder.found);
}

SourceRecord IncidentRowReader::read_ogr(uint32_t row) {
  const std::string shown = redact_source(source_);
  GdalMessageCapture capture;
  if (!ogr_) {
    auto o = std::make_unique<Ogr>();
    const std::string vsi = incident_vsi_path(source_);
    const bool csv = uses_csv_fast_path(source_, {});  // delimited text (with --where here)
    CPLStringList open_options;
    // As the loader opens a CSV for --where: typed columns, so the filter compares the same way.
    if (csv) open_options.SetNameValue("AUTODETECT_TYPE", "YES");
    if (csv) open_options.SetNameValue("KEEP_GEOM_COLUMNS", "YES");
    const char* const csv_only[] = {"CSV", nullptr};
    o->dataset = GDALOpenEx(vsi.c_str(), GDAL_OF_VECTOR | GDAL_OF_READONLY,
                            csv ? csv_only : nullptr, open_options.List(), nullptr);
    if (!o->dataset) throw DataError("cannot open '" + shown + "' to read a row back");
    o->layer = options_.layer.empty()
                   ? GDALDatasetGetLayer(o->dataset, 0)
                   : GDALDatasetGetLayerByName(o->dataset, options_.layer.c_str());
    if (!o->layer) throw DataError("'" + shown + "': layer '" + options_.layer + "' not found");
    if (!options_.where.empty() &&
        OGR_L_SetAttributeFilter(o->layer, options_.where.c_str()) != OGRERR_NONE)
      throw DataError("'" + shown + "': invalid --where '" + options_.where + "'");
    ogr_ = std::move(o);
  }
  Ogr& o = *ogr_;
  // Feature numbers count in reading order after the filter, as the loader counted them.
  OGRFeatureUniquePtr feature;
  if (OGR_L_SetNextByIndex(o.layer, static_cast<GIntBig>(row) - 1) == OGRERR_NONE)
    feature.reset(OGRFeature::FromHandle(OGR_L_GetNextFeature(o.layer)));
  OGRFeatureH f = OGRFeature::ToHandle(feature.get());
  if (!f)
    throw DataError("'" + shown + "' has no feature " + std::to_string(row) +
                    ": has the source changed since it was loaded?");
  SourceRecord rec;
  rec.row = row;
  rec.fields.emplace_back("FID", std::to_string(OGR_F_GetFID(f)));
  OGRFeatureDefnH defn = OGR_F_GetDefnRef(f);
  for (int i = 0; i < OGR_FD_GetFieldCount(defn); ++i) {
    const char* name = OGR_Fld_GetNameRef(OGR_FD_GetFieldDefn(defn, i));
    const std::string value =
        OGR_F_IsFieldSetAndNotNull(f, i) ? utf8(OGR_F_GetFieldAsString(f, i)) : "";
    rec.fields.emplace_back(utf8(name), value);
  }
  if (OGRGeometryH g = OGR_F_GetGeometryRef(f); g && OGR_G_GetGeometryCount(g) == 0 &&
                                                 wkbFlatten(OGR_G_GetGeometryType(g)) == wkbPoint)
    rec.fields.emplace_back("x, y", std::to_string(OGR_G_GetX(g, 0)) + ", " +
                                        std::to_string(OGR_G_GetY(g, 0)));
  return rec;
}

}  // namespace faro::io
