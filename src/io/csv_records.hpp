#pragma once
// Private to src/io: a CSV byte stream cut into numbered records exactly as the fast path numbers
// its rows (IncidentStore::source_rows), shared by the loader (io/csv_fast_reader.cpp) and by
// Identify's read-back (io/incident_rows.hpp), so row N is the same record on both sides. Rules:
// blank lines are not rows; a record with no end within 1 MiB, or an unterminated quote, costs one
// row (rejected) and reading resumes at the next line; a quoted field that ran over line ends and
// then did not fit (a stray quote, or too few fields) was an unmatched quote: that line is one
// rejected row, not the lines it swallowed.
#include <cstddef>
#include <cstdint>
#include <string>

#include "io/csv_tokenizer.hpp"

namespace faro::io {

class CsvRecordSplitter {
 public:
  // A record that does not end within this many bytes is a runaway quote (or not a CSV).
  static constexpr size_t kMaxRecordBytes = size_t{1} << 20;
  // Writable bytes a feed needs before its data (the partial record of the previous feed is
  // copied there, so the new data is never copied).
  static constexpr size_t kCarryRoom = kMaxRecordBytes + 64;

  struct Handler {
    virtual ~Handler() = default;
    // A whole record (its fields in `tok`), 1-based `row`, starting at stream byte `offset`.
    virtual void record(int64_t row, const CsvTokenizer& tok, uint64_t offset) = 0;
    // A record that could not be split.
    virtual void rejected(int64_t row, const char* why) = 0;
  };

  // `columns`: the header's field count. `rows_before`: rows already counted before the first
  // byte fed (reading from a checkpoint).
  CsvRecordSplitter(char delimiter, size_t columns, int64_t rows_before = 0);

  // Splits the records of [data, end), the bytes at stream offset `offset`; `last`: nothing follows.
  // Needs kCarryRoom writable bytes before `data`. Stops early when a handler sets stop().
  void feed(char* data, char* end, bool last, uint64_t offset, Handler& handler);
  void stop() { stopped_ = true; }
  bool stopped() const { return stopped_; }
  int64_t rows() const { return row_; }
  // Whether the tokenizer's field count fits the header (trailing empty fields are allowed).
  bool field_count_ok(const CsvTokenizer& tok) const;

 private:
  const char* skip_runaway(const char* p, const char* end, const char* why, Handler& handler);
  void split(const char* p, const char* end, bool last, Handler& handler);

  CsvTokenizer tok_;
  size_t columns_;
  int64_t row_;
  uint64_t base_ = 0;  // stream offset of the current feed's data
  const char* data_ = nullptr;
  std::string carry_;
  bool skipping_line_ = false;
  bool stopped_ = false;
};

}  // namespace faro::io
