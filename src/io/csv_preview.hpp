#pragma once
// The first rows of a CSV for the dashboard's column-mapping dialog: header, up to N data rows as
// text, the delimiter, and the incident columns detected the same way the loader detects them
// (io/column_detect.hpp), but tolerant: a column that is not found is -1 instead of an error, so
// the dialog can show what it found and let the user pick the rest. Reads at most a few MiB from
// the start of the file (opened read-only); never reads the whole file.
#include <cstddef>
#include <string>
#include <vector>

#include "io/column_detect.hpp"

namespace faro::io {

struct CsvPreview {
  std::string path;
  char delimiter = ',';
  std::vector<std::string> header;             // column names, UTF-8
  std::vector<std::vector<std::string>> rows;  // data rows as text, UTF-8, as many fields as read
  bool latin1 = false;       // the bytes were not UTF-8: header and cells transcoded from Latin-1
  bool more_rows = false;    // the file continues past the rows shown
  IncidentColumns detected;  // indexes into `header`; -1 = not found
};

constexpr size_t kCsvPreviewRows = 20;

// Throws DataError naming the file when it cannot be opened, is empty, or its first record
// cannot be split (an unterminated quote in the header).
CsvPreview read_csv_preview(const std::string& path, size_t max_rows = kCsvPreviewRows);

// Column detection that never throws: coordinates, date, time, category, id as found (-1 when
// absent). Uses the loader's candidate names and priorities.
IncidentColumns detect_columns_tolerant(const std::vector<std::string>& names);

}  // namespace faro::io
