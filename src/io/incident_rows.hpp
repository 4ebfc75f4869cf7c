#pragma once
// Identify's read-back: an incident's source fields (date, time, offence, id and every other
// column) read from its source by row on demand (IncidentStore::source_row_of), so the store keeps
// a few runs of row numbers instead of all the text. CSV sources are cut into records by the loader's own
// rules (io/csv_records.hpp), so row N is the record the loader numbered N; other sources are read
// by feature number through OGR with the same --where. Not thread-safe: one reader per thread
// (Identify keeps one per source on its worker thread).
//
// Cost: the first read of a row scans the CSV from the nearest checkpoint the reader already
// knows (a record offset every kCheckpointRows rows, learnt while scanning), so the first click
// on the 1.28 M-row FGJ file costs up to one pass over it; later rows seek to a checkpoint
// (GDAL's /vsigzip/ keeps restart points for the open handle) and scan at most kCheckpointRows
// records.
#include <cstdint>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "io/incident_loader.hpp"

namespace faro::io {

struct SourceRecord {
  uint32_t row = 0;  // 1-based, as IncidentStore::source_row_of
  std::vector<std::pair<std::string, std::string>> fields;  // name, value (UTF-8), source order
};

class IncidentRowReader {
 public:
  static constexpr uint32_t kCheckpointRows = 2048;

  // `source` and `options` as the incidents were loaded (io/incident_loader.hpp). Opens nothing.
  IncidentRowReader(std::string source, IncidentSourceOptions options);
  ~IncidentRowReader();
  IncidentRowReader(const IncidentRowReader&) = delete;
  IncidentRowReader& operator=(const IncidentRowReader&) = delete;

  // The records of `rows` (1-based), in the order asked. Throws DataError naming the source when
  // it cannot be read or a row lies past its end (the file changed since it was loaded).
  std::vector<SourceRecord> read(const std::vector<uint32_t>& rows);

 private:
  struct Csv;
  struct Ogr;
  SourceRecord read_csv(uint32_t row);
  SourceRecord read_ogr(uint32_t row);

  std::string source_;
  IncidentSourceOptions options_;
  std::unique_ptr<Csv> csv_;
  std::unique_ptr<Ogr> ogr_;
};

}  // namespace faro::io
