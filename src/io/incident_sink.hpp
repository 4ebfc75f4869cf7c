#pragma once
// Private to src/io: the one place where a decoded source row becomes an incident or a counted
// rejection. Every reader (CSV fast path, Arrow stream, feature iteration) hands rows here, so the
// rules (date parsing, duplicate ids, (0,0), swapped lat/lon, extent, --from/--to) are identical
// whatever the format. Row-level checks run on the caller's thread; rows are staged in blocks of
// kBlockRows, and each block is reprojected in one PROJ call on the BlockStage thread while the
// caller decodes the next block.
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/incidents.hpp"
#include "core/load_report.hpp"
#include "io/category_interner.hpp"
#include "io/id_tracker.hpp"
#include "io/incident_loader.hpp"

namespace faro::io {

// One cell as a reader found it. Text views point into the reader's buffer and are only valid
// during IncidentSink::add.
struct Cell {
  enum Kind : uint8_t {
    absent,    // the column does not exist in this source
    null,      // present but null/empty
    text,      // raw text, parsed by the sink
    integer,   // i
    real,      // d
    date,      // i = days since 1970-01-01 (typed Date)
    time,      // i = seconds since midnight (typed Time)
    datetime,  // i = CivilSeconds (typed DateTime, wall clock)
  };
  Kind kind = absent;
  std::string_view str;
  int64_t i = 0;
  double d = 0;

  static Cell of_null() { return {null, {}, 0, 0}; }
  static Cell of_text(std::string_view s) { return {text, s, 0, 0}; }
  static Cell of_int(int64_t v) { return {integer, {}, v, 0}; }
  static Cell of_real(double v) { return {real, {}, 0, v}; }
};

struct RawIncident {
  enum class Geometry : uint8_t { from_columns, point, null_geometry, empty, not_a_point };
  int64_t row = 0;  // 1-based data row / feature number
  Geometry geometry = Geometry::from_columns;
  double x = 0, y = 0;             // when geometry == point (source CRS, traditional order)
  std::string_view geometry_type;  // for not_a_point messages
  Cell xcell, ycell, date, time, category, id, weight;
};

struct SinkConfig {
  std::string source_srs;  // user definition (EPSG code, WKT...)
  std::string work_srs;
  DateOrder date_order = DateOrder::dmy;
  std::optional<CivilSeconds> from, to_exclusive;
  std::optional<Box> accept_box;  // sectors' extent grown by the margin, work CRS
  // Field names for messages.
  std::string x_name, y_name, geometry_name = "geometry", date_name, time_name, category_name,
                              id_name, weight_name;
  bool has_time_column = false;
  bool use_weight = false;
  char decimal_comma = 0;  // ',' when "19,43" style decimals are allowed (semicolon CSVs)
};

// Rows staged for one reprojection call.
struct SinkBlock {
  // Bits of `changes`: kept rows that were altered, reported only if the row ends up loaded.
  enum ChangeBits : uint8_t { kMissingTime = 1, kUnparseableTime = 2, kTranscoded = 4 };
  // Example values for pending changes are kept for the first few rows of a block only.
  static constexpr size_t kPendingExamples = 10;
  std::vector<int64_t> row, t;
  std::vector<double> x, y, px, py;
  std::vector<uint16_t> cat;
  std::vector<uint8_t> flags, changes, verdict;  // verdict: 0 = load, else RowIssue + 1
  std::vector<float> w;
  std::vector<int> ok;
  std::vector<std::pair<int64_t, std::string>> time_examples, category_examples;
  size_t size() const { return row.size(); }
  void clear() {
    for (auto* v : {&row, &t}) v->clear();
    for (auto* v : {&x, &y}) v->clear();
    cat.clear();
    flags.clear();
    changes.clear();
    w.clear();
    time_examples.clear();
    category_examples.clear();
  }
};

class IncidentSink {
 public:
  static constexpr size_t kBlockRows = 65536;

  IncidentSink(SinkConfig config, IncidentStore& store, LoadReport& report);
  ~IncidentSink();
  IncidentSink(const IncidentSink&) = delete;
  IncidentSink& operator=(const IncidentSink&) = delete;

  // Reserves the store for about `rows` incidents (estimates, so growth stays at 1/8 steps).
  void reserve(size_t rows);
  // Decodes, validates and stages one row; every row read must come here or to reject().
  void add(const RawIncident& r);
  // A row the reader could not even split into fields.
  void reject(RowIssue why, int64_t row, std::string_view field, std::string_view value);
  // Flushes the last block, waits for the stage, merges its report and fills rows_read/loaded.
  // Rethrows an error raised on the stage thread.
  void finish();

  bool source_is_geographic() const { return geographic_; }

 private:
  bool decode_coordinates(const RawIncident& r, double& x, double& y);
  bool decode_time(const RawIncident& r, int64_t& t, uint8_t& flags);
  uint16_t decode_category(const RawIncident& r);
  bool decode_id(const RawIncident& r);
  bool decode_weight(const RawIncident& r, float& w);
  void flush();

  SinkConfig cfg_;
  IncidentStore& store_;
  LoadReport& report_;
  bool geographic_ = false;
  CategoryInterner categories_;
  IdTracker ids_;
  std::unique_ptr<SinkBlock> block_;
  std::unique_ptr<class BlockStage> stage_;  // after cfg_ and block_: destroyed first
  int64_t rows_read_ = 0;
  std::string scratch_;
  // Consecutive rows usually share a date string: remember the last one parsed.
  std::string last_date_text_;
  int64_t last_date_value_ = 0;
  bool last_date_has_time_ = false;
};

struct IncidentColumns;
// The sink configuration shared by all readers: names from `columns`, filters from the options and
// the accept box (sectors' extent grown by the margin) from the context.
SinkConfig make_sink_config(const IncidentSourceOptions& options,
                            const IncidentLoadContext& context, const IncidentColumns& columns,
                            std::string source_srs);

// Parses a decimal number, tolerating surrounding blanks and (when decimal_comma is ',') a comma
// as decimal separator. Returns false for anything else.
bool parse_coordinate(std::string_view text, char decimal_comma, double& out);
// True for the usual spellings of "no value": "", "NA", "N/A", "NULL", "NaN", "None", "-".
bool is_missing_marker(std::string_view text);

}  // namespace faro::io
