#pragma once
// A PostGIS source held live by a front end (the dashboard, a polling CLI): a full load, then
// incremental refreshes that fetch only rows with a higher id than any held, and an on-demand
// reconciliation that catches deleted or corrected rows by comparing per-month row counts and
// checksums with the server and reloading only the months that differ.
//
// Consistency: each step reads its rows and their checksums in one REPEATABLE READ transaction, so
// the checksum snapshot always describes exactly the rows held (a row committed in between is
// either in both or in neither). Refresh adds the new rows' checksums to the snapshot (the
// checksum is a sum, so it is additive); reconciliation only looks at ids up to the highest held,
// leaving newer rows to the next refresh.
//
// Faults: every step builds its result aside and swaps it in only when the whole step succeeded,
// so a server that is down, a lost connection or a timeout (PgError) leaves the previous data as
// it was, and the step can simply be retried.
#include <chrono>
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/incidents.hpp"
#include "core/sectors.hpp"
#include "io/pg_connection.hpp"
#include "io/pg_source.hpp"

namespace faro::io {

class PgLiveSource {
 public:
  // `filter`: the fixed part of every query (dates, offences); after_id/up_to_id are managed here.
  PgLiveSource(std::string source, std::string table_prefix, pg_sql::Filter filter = {},
               PgOptions options = {});

  void load();                        // full load (sectors, incidents, snapshot); throws PgError
  size_t refresh();                   // rows added; throws PgError (data unchanged)
  std::vector<int64_t> reconcile();   // months (year*12 + month-1) reloaded; throws PgError

  const IncidentStore& incidents() const { return store_; }  // sector assigned (SectorIndex)
  const std::vector<int64_t>& ids() const { return ids_; }
  const SectorSet& sectors() const { return sectors_; }
  int64_t max_id() const { return max_id_; }
  // Wall-clock time of the last successful load/refresh/reconcile (for "last refresh: ...").
  std::optional<std::chrono::system_clock::time_point> last_refresh() const { return last_refresh_; }
  const std::string& redacted_source() const { return redacted_; }

 private:
  struct Rows {
    IncidentStore store;
    std::vector<int64_t> ids;
  };
  void append_rows(Rows& into, const PgIncidentBatch& batch) const;
  void finish(Rows rows);  // sorts by id, assigns sectors, swaps in

  std::string source_, prefix_, redacted_;
  pg_sql::Filter filter_;
  PgOptions options_;
  SectorSet sectors_;
  IncidentStore store_;
  std::vector<int64_t> ids_;
  int64_t max_id_ = 0;
  std::map<int64_t, MonthChecksum> snapshot_;
  std::optional<std::chrono::system_clock::time_point> last_refresh_;
};

}  // namespace faro::io
