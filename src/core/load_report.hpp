#pragma once
// What happened to every row of a source: read, loaded, rejected (by reason) or changed (kept but
// altered, e.g. a missing time set to midnight, a geometry repaired in memory). Never silent: the
// CLI prints it, the UI shows it, and rows are numbered the way the user sees the file (1-based
// feature/data-row number; for CSV, data row N is line N+1 after the header).
#include <array>
#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/messages.hpp"

namespace faro {

enum class RowIssue {
  // rejections
  missing_coordinates,
  unparseable_coordinates,
  zero_zero,
  outside_extent,
  swapped_lat_lon,
  missing_date,
  unparseable_date,
  date_out_of_range,
  duplicate_id,
  not_a_point,
  reprojection_failed,
  empty_geometry,
  filtered_by_date,  // outside --from/--to: counted, not an error
  malformed_row,     // wrong number of fields, unterminated quote
  // changes (row kept)
  missing_time,  // no time of day: midnight used, hour filters skip it
  unparseable_time,
  invalid_geometry_repaired,
  transcoded_latin1,  // text was not UTF-8; read as Latin-1
  duplicate_name_renamed,
  // added later (kept at the end so codes stay stable; is_rejection() lists the rejections)
  not_a_polygon,  // rejection: a sector feature with no polygonal part (point, line)
  missing_name,   // change: a sector with an empty name field, named after its feature id
  count_          // sentinel
};

constexpr size_t kRowIssueCount = static_cast<size_t>(RowIssue::count_);
bool is_rejection(RowIssue r);
const char* code(RowIssue r);         // stable machine name, e.g. "zero_zero"
const char* describe(RowIssue r);     // English sentence fragment, e.g. "coordinates are (0,0)"
const char* describe_es(RowIssue r);  // Spanish
// In either language, from the catalogue (core/messages.hpp issue_* keys).
const char* describe(RowIssue r, Language lang);

struct IssueExample {
  int64_t row = 0;    // 1-based row number, 0 = whole source
  std::string field;  // column/field name, may be empty
  std::string value;  // offending value, truncated to 60 bytes
};

struct IssueTally {
  int64_t count = 0;
  std::vector<IssueExample> examples;  // first kMaxExamples only
};

// A source-level fact (CRS assumed, fields detected, cache used...): a catalogue key (one of the
// load_note_* rows, core/messages_load_notes.hpp) and its arguments as text. io records it while
// loading, without knowing who will read it; format_note() words it in the reader's language when
// the report is shown. The incident cache stores the key by its identifier (msg_id).
struct LoadNote {
  Msg key = Msg::count_;
  std::vector<std::string> args;  // one per %s of the key's text
  bool operator==(const LoadNote&) const = default;
};
// The note in `lang`. Missing arguments read as "" and extra ones are ignored (never undefined
// behaviour). load_note_fields takes (role, field name) pairs: the roles "x", "y", "id" are shown
// as they are, "date", "time", "category", "weight", "geometry" in `lang`.
std::string format_note(const LoadNote& note, Language lang);
// The (role, field) pair arguments of a load_note_fields note.
LoadNote fields_note(const std::vector<std::pair<std::string, std::string>>& roles);

struct LoadReport {
  static constexpr size_t kMaxExamples = 5;

  std::string source;  // path or connection string as the user gave it (passwords stripped)
  std::string layer;
  std::string method;  // how rows were read: "csv-fast", "arrow", "features", "cache"
  int64_t rows_read = 0;
  int64_t rows_loaded = 0;
  std::array<IssueTally, kRowIssueCount> issues{};
  int64_t gdal_warning_count = 0;
  std::vector<std::string> gdal_warnings;  // first few, verbatim
  std::vector<LoadNote> notes;             // source-level facts (CRS assumed, fields detected...)

  void add(RowIssue r, int64_t row, std::string_view field = {}, std::string_view value = {});
  void add_gdal_warning(std::string_view msg);
  void note(Msg key, std::vector<std::string> args = {}) {
    notes.push_back({key, std::move(args)});
  }
  const IssueTally& tally(RowIssue r) const { return issues[static_cast<size_t>(r)]; }
  int64_t count(RowIssue r) const { return tally(r).count; }
  int64_t rows_rejected() const;
  int64_t rows_changed() const;
  // Merges another report's counts (for sources read in parallel chunks); examples keep row order.
  void merge(const LoadReport& other);
  // Multi-line human-readable report naming source, reason, rows and fields. The frame and the
  // reason codes are the CLI's log format (stable, English); notes and reasons are in `lang`.
  std::string to_text(Language lang = Language::en) const;
};

}  // namespace faro
