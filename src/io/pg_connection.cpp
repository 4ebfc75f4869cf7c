#include "io/pg_connection.hpp"

#include <libpq-fe.h>

#include <cstring>

#include "io/gdal_env.hpp"

namespace faro::io {

bool is_pg_source(const std::string& source) {
  return source.size() > 3 && (source.compare(0, 3, "PG:") == 0 || source.compare(0, 3, "pg:") == 0);
}

std::string PgConnection::redact(const std::string& source) { return redact_source(source); }

struct PgConnection::Impl {
  PGconn* conn = nullptr;
};

namespace {

struct ResultGuard {
  PGresult* r;
  ~ResultGuard() { PQclear(r); }
};

// libpq messages end with a newline and sometimes say "FATAL:  "; keep the first line, trimmed.
std::string first_line(const char* message) {
  std::string s = message ? message : "";
  const size_t nl = s.find('\n');
  if (nl != std::string::npos) s.resize(nl);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\r')) s.pop_back();
  return s;
}

PgFault classify(PGconn* conn, const char* sqlstate) {
  if (!conn || PQstatus(conn) == CONNECTION_BAD) return PgFault::lost;
  if (sqlstate) {
    if (std::strcmp(sqlstate, "57014") == 0) return PgFault::timeout;  // query_canceled
    if (std::strncmp(sqlstate, "08", 2) == 0 || std::strncmp(sqlstate, "57P", 3) == 0)
      return PgFault::lost;  // connection exception, admin/crash shutdown
    if (std::strncmp(sqlstate, "28", 2) == 0) return PgFault::auth;
  }
  return PgFault::query;
}

std::string advice(PgFault f) {
  switch (f) {
    case PgFault::unreachable: return "cannot reach the server; check that it runs, the host and the port, then retry";
    case PgFault::auth: return "the server refused the login; check the user and password";
    case PgFault::lost: return "the connection was lost; nothing was applied, retry";
    case PgFault::timeout: return "the query ran past the statement timeout; narrow the dates or extent, or raise --pg-timeout, then retry";
    case PgFault::query: return "the query failed";
  }
  return "";
}

}  // namespace

PgConnection::PgConnection(const std::string& source, PgOptions options)
    : impl_(std::make_unique<Impl>()), redacted_(redact_source(source)) {
  if (!is_pg_source(source)) throw UsageError(redacted_ + ": not a PG: connection string");
  // Keywords are passed separately from the user's conninfo, so a timeout given there still wins
  // (later keywords override earlier ones with expand_dbname).
  const std::string conninfo = source.substr(3);
  const std::string timeout = std::to_string(options.connect_timeout_s);
  std::string pg_options;
  if (options.statement_timeout_ms > 0)
    pg_options = "-c statement_timeout=" + std::to_string(options.statement_timeout_ms);
  const char* keys[] = {"connect_timeout", "options", "application_name", "dbname", nullptr};
  const char* values[] = {timeout.c_str(), pg_options.c_str(), "faro", conninfo.c_str(), nullptr};
  impl_->conn = PQconnectdbParams(keys, values, /*expand_dbname=*/1);
  if (PQstatus(impl_->conn) != CONNECTION_OK) {
    const std::string msg = first_line(PQerrorMessage(impl_->conn));
    const bool auth = msg.find("password") != std::string::npos ||
                      msg.find("authentication") != std::string::npos ||
                      msg.find("role \"") != std::string::npos;
    const PgFault f = auth ? PgFault::auth : PgFault::unreachable;
    PQfinish(impl_->conn);
    impl_->conn = nullptr;
    throw PgError(f, "PostGIS source " + redacted_ + ": " + advice(f) + " (" + msg + ")");
  }
  // Civil times travel as text 'YYYY-MM-DD HH:MM:SS'; a fixed style keeps parsing trivial, and
  // full float precision keeps coordinates bit-exact (PostgreSQL 12+ prints shortest-exact).
  // Notices (DROP TABLE IF EXISTS ... skipping) would go to stderr through libpq: not wanted.
  exec("SET datestyle = 'ISO, YMD'; SET extra_float_digits = 1; SET client_encoding = 'UTF8'; "
       "SET client_min_messages = warning");
}

PgConnection::~PgConnection() {
  if (impl_ && impl_->conn) PQfinish(impl_->conn);
}

void PgConnection::fail(const std::string& what, const char* sqlstate) const {
  const PgFault f = classify(impl_->conn, sqlstate);
  std::string msg = first_line(PQerrorMessage(impl_->conn));
  if (msg.rfind("ERROR:  ", 0) == 0) msg = msg.substr(8);
  throw PgError(f, "PostGIS source " + redacted_ + ": " + advice(f) + " (" + what +
                       (msg.empty() ? "" : ": " + msg) + ")");
}

void PgConnection::exec(const std::string& sql) {
  ResultGuard r{PQexec(impl_->conn, sql.c_str())};
  const ExecStatusType st = PQresultStatus(r.r);
  if (st != PGRES_COMMAND_OK && st != PGRES_TUPLES_OK)
    fail(first_line(sql.c_str()).substr(0, 60), PQresultErrorField(r.r, PG_DIAG_SQLSTATE));
}

namespace {

std::vector<const char*> param_pointers(const std::vector<std::optional<std::string>>& params) {
  std::vector<const char*> p;
  p.reserve(params.size());
  for (const auto& v : params) p.push_back(v ? v->c_str() : nullptr);
  return p;
}

void read_rows(PGresult* r, const std::function<void(const PgRow&)>& on_row, PgRow& row) {
  const int n = PQntuples(r), cols = PQnfields(r);
  row.resize(cols);
  for (int i = 0; i < n; ++i) {
    for (int c = 0; c < cols; ++c)
      row[c] = PQgetisnull(r, i, c) ? std::nullopt
                                    : std::optional<std::string>(std::string(PQgetvalue(r, i, c),
                                                                             PQgetlength(r, i, c)));
    on_row(row);
  }
}

}  // namespace

size_t PgConnection::query(const std::string& sql,
                           const std::vector<std::optional<std::string>>& params,
                           const std::function<void(const PgRow&)>& on_row) {
  const auto p = param_pointers(params);
  ResultGuard r{PQexecParams(impl_->conn, sql.c_str(), static_cast<int>(p.size()), nullptr,
                             p.data(), nullptr, nullptr, 0)};
  const ExecStatusType st = PQresultStatus(r.r);
  if (st != PGRES_TUPLES_OK && st != PGRES_COMMAND_OK)
    fail("query", PQresultErrorField(r.r, PG_DIAG_SQLSTATE));
  PgRow row;
  read_rows(r.r, on_row, row);
  return static_cast<size_t>(PQntuples(r.r));
}

size_t PgConnection::stream(const std::string& sql,
                            const std::vector<std::optional<std::string>>& params,
                            const std::function<void(const PgRow&)>& on_row) {
  const auto p = param_pointers(params);
  if (!PQsendQueryParams(impl_->conn, sql.c_str(), static_cast<int>(p.size()), nullptr, p.data(),
                         nullptr, nullptr, 0))
    fail("query");
  PQsetSingleRowMode(impl_->conn);
  size_t rows = 0;
  PgRow row;
  std::string error_state;
  bool failed = false;
  for (;;) {
    PGresult* raw = PQgetResult(impl_->conn);
    if (!raw) break;
    ResultGuard r{raw};
    const ExecStatusType st = PQresultStatus(raw);
    if (st == PGRES_SINGLE_TUPLE) {
      read_rows(raw, on_row, row);
      ++rows;
    } else if (st != PGRES_TUPLES_OK && st != PGRES_COMMAND_OK && !failed) {
      failed = true;
      const char* s = PQresultErrorField(raw, PG_DIAG_SQLSTATE);
      error_state = s ? s : "";
    }
  }
  if (failed || PQstatus(impl_->conn) == CONNECTION_BAD)
    fail("reading rows", error_state.empty() ? nullptr : error_state.c_str());
  return rows;
}

void PgConnection::copy_in(const std::string& copy_sql,
                           const std::function<bool(std::string& buffer)>& produce) {
  {
    ResultGuard r{PQexec(impl_->conn, copy_sql.c_str())};
    if (PQresultStatus(r.r) != PGRES_COPY_IN)
      fail("COPY", PQresultErrorField(r.r, PG_DIAG_SQLSTATE));
  }
  std::string buffer;
  bool more = true;
  while (more) {
    buffer.clear();
    while (buffer.size() < (1u << 20) && (more = produce(buffer))) {
    }
    if (!buffer.empty() &&
        PQputCopyData(impl_->conn, buffer.data(), static_cast<int>(buffer.size())) != 1)
      fail("COPY");
  }
  if (PQputCopyEnd(impl_->conn, nullptr) != 1) fail("COPY");
  std::string state;
  bool failed = false;
  while (PGresult* raw = PQgetResult(impl_->conn)) {
    ResultGuard r{raw};
    if (PQresultStatus(raw) != PGRES_COMMAND_OK && !failed) {
      failed = true;
      const char* s = PQresultErrorField(raw, PG_DIAG_SQLSTATE);
      state = s ? s : "";
    }
  }
  if (failed) fail("COPY", state.empty() ? nullptr : state.c_str());
}

std::string PgConnection::quote_identifier(const std::string& name) const {
  char* q = PQescapeIdentifier(impl_->conn, name.c_str(), name.size());
  if (!q) fail("bad table name");
  std::string out(q);
  PQfreemem(q);
  return out;
}

}  // namespace faro::io
