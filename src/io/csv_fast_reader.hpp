#pragma once
// Private to src/io: the CSV fast path. Bytes come through GDAL's virtual file layer (so /vsigzip/,
// /vsizip/, /vsicurl/ keep working) on a reader thread that also does the decompression, in ~4 MB
// chunks through a bounded queue (never the whole file in memory); the calling thread splits
// records, decodes the columns it needs and feeds the IncidentSink.
#include <string>
#include <vector>

#include "io/incident_loader.hpp"

namespace faro::io {

struct CsvHeader {
  std::vector<std::string> names;  // trimmed, unquoted, UTF-8 (Latin-1 names transcoded)
  char delimiter = ',';
  bool had_bom = false;
  size_t data_offset = 0;  // bytes before the first record (BOM and header line)
};

// Reads only the header line. Throws DataError naming `source` when the file cannot be opened,
// is empty or has no header line.
CsvHeader read_csv_header(const std::string& vsi_path, const std::string& source);

// Loads the whole file into out.store / out.report (method and source are set by the caller).
void load_csv_fast(const std::string& vsi_path, const std::string& source,
                   const IncidentSourceOptions& options, const IncidentLoadContext& context,
                   IncidentLoadResult& out);

}  // namespace faro::io
