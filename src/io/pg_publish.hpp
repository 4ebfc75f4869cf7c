#pragma once
// `faro publish --to PG:...`: writes incidents, sectors and programs into PostGIS tables (layout in
// io/pg_sql.hpp) with COPY, in one transaction (a failure leaves the database as it was), with GiST
// indexes and the working CRS's SRID, so a unit can move from files to a shared database at once.
#include <cstdint>
#include <string>
#include <vector>

#include "core/incidents.hpp"
#include "core/programs.hpp"
#include "core/sectors.hpp"
#include "io/pg_connection.hpp"

namespace faro::io {

struct PgPublishOptions {
  std::string table = "faro";  // prefix: <table>_incidents, <table>_sectors, <table>_programs
  // false: replace the three tables; true: add the incidents after the existing ones (new ids
  // continue from max(id)), leaving sectors and programs as they are: a daily feed.
  bool append = false;
  PgOptions connection;
};

struct PgPublishResult {
  size_t incidents = 0, sectors = 0, program_rows = 0;
  int srid = 0;
  int64_t first_id = 0, last_id = 0;  // ids given to the incidents written (last < first: none)
};

// "EPSG:32614" -> 32614; throws DataError for a working CRS without an EPSG code.
int srid_of_work_srs(const std::string& work_srs);

// Throws PgError (message names the source, password redacted) / DataError.
PgPublishResult publish_to_pg(const std::string& source, const IncidentStore& incidents,
                              const SectorSet& sectors, const std::vector<Program>& programs,
                              const PgPublishOptions& options);

}  // namespace faro::io
