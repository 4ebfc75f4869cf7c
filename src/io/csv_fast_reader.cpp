#include "io/csv_fast_reader.hpp"

#include <algorithm>
#include <cstring>

#include "core/errors.hpp"
#include "io/category_interner.hpp"
#include "io/column_detect.hpp"
#include "io/csv_records.hpp"
#include "io/csv_tokenizer.hpp"
#include "io/incident_sink.hpp"
#include "io/vsi_chunk_reader.hpp"

namespace faro::io {
namespace {

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

bool skip_bom(const char*& p, const char* end) {
  if (end - p >= 3 && std::memcmp(p, "\xEF\xBB\xBF", 3) == 0) {
    p += 3;
    return true;
  }
  return false;
}

// Parses the header at p; returns the position after it. Throws when there is none.
const char* parse_header(const char* p, const char* end, bool at_eof, const std::string& source,
                         CsvHeader& h) {
  const char* const start = p;
  if (end - p >= 2 && ((p[0] == '\xFF' && p[1] == '\xFE') || (p[0] == '\xFE' && p[1] == '\xFF')))
    throw DataError("'" + source + "' is UTF-16 text; save it as UTF-8 (or Latin-1) CSV");
  h.had_bom = skip_bom(p, end);
  const char* nl = static_cast<const char*>(std::memchr(p, '\n', static_cast<size_t>(end - p)));
  h.delimiter = detect_delimiter(std::string_view(p, static_cast<size_t>((nl ? nl : end) - p)));
  CsvTokenizer tok(h.delimiter);
  const char* next = nullptr;
  const RecordStatus st = tok.split(p, end, at_eof || nl == nullptr, &next);
  if (p == end || st != RecordStatus::ok)
    throw DataError("'" + source + "' has no header line" +
                    (st == RecordStatus::unterminated_quote ? " (unterminated quote)" : ""));
  std::string scratch;
  for (size_t i = 0; i < tok.field_count(); ++i) {
    std::string name(trim(CsvTokenizer::value(tok.fields()[i], scratch)));
    h.names.push_back(is_valid_utf8(name) ? name : latin1_to_utf8(name));
  }
  if (h.names.size() == 1 && h.names[0].empty())
    throw DataError("'" + source + "' has an empty header line");
  h.data_offset = static_cast<size_t>(next - start);
  return next;
}

class CsvFastLoader : CsvRecordSplitter::Handler {
 public:
  CsvFastLoader(const std::string& vsi_path, const std::string& source,
                const IncidentSourceOptions& options, const IncidentLoadContext& context,
                IncidentLoadResult& out)
      : vsi_path_(vsi_path),
        source_(source),
        options_(options),
        context_(context),
        out_(out),
        reader_(vsi_path, source) {
    static_assert(VsiChunkReader::kHeadroom >= CsvRecordSplitter::kCarryRoom);
  }

  void run() {
    bool first = true;
    uint64_t offset = 0;  // stream offset of the chunk's first byte
    for (;;) {
      VsiChunkReader::Chunk c = reader_.next();
      const bool last = c.last;
      if (first) {
        first = false;
        if (c.size == 0) {
          if (reader_.had_error() && !reader_.messages().empty())
            throw DataError("cannot read '" + source_ + "': " + reader_.messages().back());
          throw DataError("'" + source_ + "' is empty (0 bytes)");
        }
        start(c.data(), c.data() + c.size, last);
      } else {
        records_->feed(c.data(), c.data() + c.size, last, offset, *this);
      }
      offset += c.size;
      reader_.recycle(std::move(c));
      if (last) break;
    }
    sink_->finish();
    // A read error before the end (a truncated or damaged .csv.gz): the rows after the break are
    // unknown, neither counted nor reportable, so loading the part before it would be silent loss.
    if (reader_.had_error())
      throw DataError("'" + source_ + "' is truncated or damaged: reading stopped after " +
                      std::to_string(reader_.bytes_read()) + " bytes (uncompressed), after data row " +
                      std::to_string(out_.report.rows_read) + ": " +
                      (reader_.messages().empty() ? std::string("read error")
                                                  : reader_.messages().back()));
    for (const std::string& m : reader_.messages()) out_.report.add_gdal_warning(m);
    if (header_.delimiter != ',')
      out_.report.note(Msg::load_note_delimiter,
                       {header_.delimiter == '\t' ? "TAB" : std::string(1, header_.delimiter)});
  }

 private:
  // First chunk: header, column detection, sink set-up, reservation, then its records.
  void start(char* begin, char* end, bool last) {
    const char* p = parse_header(begin, end, last, source_, header_);
    cols_ = detect_incident_columns(header_.names, options_, source_, true);
    records_ = std::make_unique<CsvRecordSplitter>(header_.delimiter, header_.names.size());
    std::string srs = options_.srs;
    if (srs.empty()) {
      srs = "EPSG:4326";
      out_.report.note(Msg::load_note_crs_assumed_csv);
    }
    out_.report.notes.push_back(cols_.describe());
    SinkConfig cfg = make_sink_config(options_, context_, cols_, srs);
    if (header_.delimiter == ';') cfg.decimal_comma = ',';
    sink_ = std::make_unique<IncidentSink>(std::move(cfg), out_.store, out_.report);
    // Row estimate: mean line length of this chunk against the whole (uncompressed) size.
    const size_t lines = static_cast<size_t>(std::count(p, static_cast<const char*>(end), '\n'));
    const unsigned long long total = estimate_uncompressed_bytes(vsi_path_);
    if (last) {
      sink_->reserve(lines + 1);  // the whole file is in this chunk
    } else if (lines > 0 && total > 0) {
      const double mean = static_cast<double>(end - p) / static_cast<double>(lines);
      sink_->reserve(static_cast<size_t>(static_cast<double>(total) / mean * 1.02) + 64);
    }
    char* q = begin + (p - begin);
    records_->feed(q, end, last, static_cast<uint64_t>(p - begin), *this);
  }

  void rejected(int64_t row, const char* why) override {
    sink_->reject(RowIssue::malformed_row, row, "", why);
  }

  Cell cell(const CsvTokenizer& tok, int index, int slot) {
    if (index < 0) return {};
    std::string_view v = CsvTokenizer::value(tok.fields()[static_cast<size_t>(index)], scratch_[slot]);
    if (v.empty()) return Cell::of_null();
    return Cell::of_text(v);
  }

  void record(int64_t row, const CsvTokenizer& tok, uint64_t) override {
    if (!records_->field_count_ok(tok)) {
      sink_->reject(RowIssue::malformed_row, row, "",
                    std::to_string(tok.field_count()) + " fields, expected " +
                        std::to_string(header_.names.size()));
      return;
    }
    RawIncident r;
    r.row = row;
    r.geometry = RawIncident::Geometry::from_columns;
    r.xcell = cell(tok, cols_.x, 0);
    r.ycell = cell(tok, cols_.y, 1);
    r.date = cell(tok, cols_.date, 2);
    r.time = cell(tok, cols_.time, 3);
    r.category = cell(tok, cols_.category, 4);
    r.id = cell(tok, cols_.id, 5);
    r.weight = cell(tok, cols_.weight, 6);
    sink_->add(r);
  }

  const std::string& vsi_path_;
  const std::string& source_;
  const IncidentSourceOptions& options_;
  const IncidentLoadContext& context_;
  IncidentLoadResult& out_;
  VsiChunkReader reader_;
  CsvHeader header_;
  IncidentColumns cols_;
  std::unique_ptr<CsvRecordSplitter> records_;
  std::unique_ptr<IncidentSink> sink_;
  std::string scratch_[7];
};

}  // namespace

CsvHeader read_csv_header(const std::string& vsi_path, const std::string& source) {
  VsiChunkReader reader(vsi_path, source);
  VsiChunkReader::Chunk c = reader.next();
  if (c.size == 0) throw DataError("'" + source + "' is empty (0 bytes)");
  CsvHeader h;
  parse_header(c.data(), c.data() + c.size, c.last, source, h);
  return h;
}

void load_csv_fast(const std::string& vsi_path, const std::string& source,
                   const IncidentSourceOptions& options, const IncidentLoadContext& context,
                   IncidentLoadResult& out) {
  CsvFastLoader loader(vsi_path, source, options, context, out);
  loader.run();
}

}  // namespace faro::io
