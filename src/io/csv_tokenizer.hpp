#pragma once
// Private to src/io: RFC 4180 record splitting for the CSV fast path. Works on a byte range that
// holds whole or partial records; a record whose end is not in the range is reported incomplete so
// the caller can append the next chunk. Quoted fields may hold delimiters, "" and newlines; CRLF
// and LF both end a record. Unquoted fields are taken verbatim (a stray quote inside is data).
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace faro::io {

struct CsvField {
  const char* begin = nullptr;
  size_t size = 0;
  bool quoted = false;  // begins with a quote: view() strips quotes and undoubles ""
  std::string_view raw() const { return {begin, size}; }
};

enum class RecordStatus { ok, incomplete, unterminated_quote };

class CsvTokenizer {
 public:
  explicit CsvTokenizer(char delimiter);
  char delimiter() const { return delim_; }

  // Splits one record starting at p. On ok, fields() holds it and *next points past its line end.
  // incomplete: no record end before `end` and !at_eof. unterminated_quote: at_eof inside quotes.
  RecordStatus split(const char* p, const char* end, bool at_eof, const char** next);
  const std::vector<CsvField>& fields() const { return fields_; }
  size_t field_count() const { return count_; }
  // True when the record was an empty line (skipped by readers, not counted as a row).
  bool blank() const { return count_ == 1 && fields_[0].size == 0; }
  // Text followed a closing quote ("a"b): with a record spanning lines, the sign of a stray quote.
  bool stray_quote() const { return stray_quote_; }

  // Field text with quotes removed; uses `scratch` only when it must rewrite ("" -> ").
  static std::string_view value(const CsvField& f, std::string& scratch);

 private:
  char delim_;
  bool special_[256];
  std::vector<CsvField> fields_;
  size_t count_ = 0;
  bool stray_quote_ = false;
};

// Picks the delimiter of a header line: the most frequent of , ; TAB | outside quotes (comma on
// ties or when none occurs).
char detect_delimiter(std::string_view header_line);

}  // namespace faro::io
