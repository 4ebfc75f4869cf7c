#pragma once
// A libpq connection to a PostGIS source, and the errors it can give, as Faro's DataError with a
// message that names the source (password redacted) and says what to do. libpq rather than GDAL's
// PG driver: Faro sends its own aggregate queries with bound parameters, streams COPY in one
// transaction, sets a statement timeout and can cancel, none of which OGR's layer API exposes.
// libpq types stay out of this header.
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "core/errors.hpp"

namespace faro::io {

// True for "PG:..." sources (GDAL's PostgreSQL connection-string prefix).
bool is_pg_source(const std::string& source);

// What went wrong, so callers (and tests) can tell a retryable outage from a bad request.
enum class PgFault { unreachable, auth, lost, timeout, query };

struct PgError : DataError {
  PgError(PgFault f, const std::string& message) : DataError(message), fault(f) {}
  PgFault fault;
};

struct PgOptions {
  int connect_timeout_s = 10;
  int statement_timeout_ms = 0;  // 0 = the server's default (no limit)
};

// One row of a text-mode result: a field is std::nullopt when SQL NULL.
using PgRow = std::vector<std::optional<std::string>>;

class PgConnection {
 public:
  // `source` is "PG:<libpq conninfo>" (e.g. "PG:host=/tmp/x port=5432 dbname=faro"). Throws PgError.
  explicit PgConnection(const std::string& source, PgOptions options = {});
  ~PgConnection();
  PgConnection(const PgConnection&) = delete;
  PgConnection& operator=(const PgConnection&) = delete;

  const std::string& redacted_source() const { return redacted_; }
  // "PG:dbname=x password=secret" -> "PG:dbname=x password=***" (io/gdal_env redact_source).
  static std::string redact(const std::string& source);

  // Runs one statement (or several without parameters). Throws PgError.
  void exec(const std::string& sql);
  // Runs `sql` with text parameters ($1, $2, ...; nullopt = NULL) and calls `on_row` for each row
  // of the text result. Returns the row count. Throws PgError.
  size_t query(const std::string& sql, const std::vector<std::optional<std::string>>& params,
               const std::function<void(const PgRow&)>& on_row);
  // Single-row mode variant for big results: rows arrive as the server sends them, so memory
  // stays flat and a lost connection mid-stream is reported as PgFault::lost.
  size_t stream(const std::string& sql, const std::vector<std::optional<std::string>>& params,
                const std::function<void(const PgRow&)>& on_row);
  // COPY ... FROM STDIN: `produce` appends text-format lines to its buffer and returns false when
  // done; the buffer is flushed to the server in large chunks. Throws PgError.
  void copy_in(const std::string& copy_sql, const std::function<bool(std::string& buffer)>& produce);
  // Quotes an identifier (table name) for SQL.
  std::string quote_identifier(const std::string& name) const;

 private:
  [[noreturn]] void fail(const std::string& what, const char* sqlstate = nullptr) const;
  struct Impl;
  std::unique_ptr<Impl> impl_;
  std::string redacted_;
};

}  // namespace faro::io
