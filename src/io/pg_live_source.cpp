#include "io/pg_live_source.hpp"

#include <algorithm>
#include <numeric>
#include <set>

#include "core/polygon_index.hpp"
#include "core/time_bins.hpp"

namespace faro::io {

namespace {

// A REPEATABLE READ, read-only transaction: every query inside sees the same snapshot. Rolled back
// (harmless: nothing was written) when a query throws.
struct ReadSnapshot {
  PgConnection& db;
  bool done = false;
  explicit ReadSnapshot(PgConnection& c) : db(c) { db.exec("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY"); }
  void commit() {
    db.exec("COMMIT");
    done = true;
  }
  ~ReadSnapshot() {
    if (!done) {
      try {
        db.exec("ROLLBACK");
      } catch (const std::exception&) {  // the connection is gone: the server rolled back itself
      }
    }
  }
};

}  // namespace

PgLiveSource::PgLiveSource(std::string source, std::string table_prefix, pg_sql::Filter filter,
                           PgOptions options)
    : source_(std::move(source)),
      prefix_(std::move(table_prefix)),
      redacted_(PgConnection::redact(source_)),
      filter_(std::move(filter)),
      options_(options) {
  filter_.after_id.reset();
  filter_.up_to_id.reset();
}

void PgLiveSource::append_rows(Rows& into, const PgIncidentBatch& batch) const {
  const IncidentStore& b = batch.store;
  IncidentStore& s = into.store;
  for (size_t i = 0; i < b.size(); ++i) {
    const uint16_t cat = b.category[i] ? s.categories.intern(b.categories.name(b.category[i])) : 0;
    s.push_back(b.x[i], b.y[i], b.t[i], cat, b.flags[i], b.weight.empty() ? 1.0f : b.weight[i]);
    s.source_rows.push_back(b.source_row_of(i));
    into.ids.push_back(batch.ids[i]);
  }
}

void PgLiveSource::finish(Rows rows) {
  // Rows in id order (a reconciliation appends reloaded months at the end).
  std::vector<size_t> order(rows.ids.size());
  std::iota(order.begin(), order.end(), size_t{0});
  std::sort(order.begin(), order.end(), [&](size_t a, size_t b) { return rows.ids[a] < rows.ids[b]; });
  const IncidentStore& in = rows.store;
  IncidentStore out;
  out.work_srs = sectors_.work_srs;
  out.category_field = "category";
  out.categories = in.categories;
  // (push_back keeps the weight column empty while every weight is 1, as the loaders do.)
  std::vector<int64_t> ids;
  ids.reserve(order.size());
  for (size_t k : order) {
    out.push_back(in.x[k], in.y[k], in.t[k], in.category[k], in.flags[k], in.weight.empty() ? 1.0f : in.weight[k]);
    out.source_rows.push_back(in.source_row_of(k));
    ids.push_back(rows.ids[k]);
  }
  SectorIndex(sectors_).assign(out);
  store_ = std::move(out);
  ids_ = std::move(ids);
  max_id_ = ids_.empty() ? max_id_ : std::max(max_id_, ids_.back());
  last_refresh_ = std::chrono::system_clock::now();
}

void PgLiveSource::load() {
  PgConnection db(source_, options_);
  const pg_sql::Tables t = require_pg_tables(db, prefix_);
  ReadSnapshot tx(db);
  SectorSet sectors = load_pg_sectors(db, t);
  const PgIncidentBatch batch = load_pg_incidents(db, t, filter_);
  pg_sql::Filter held = filter_;
  held.up_to_id = batch.max_id;
  std::map<int64_t, MonthChecksum> snapshot = pg_month_checksums(db, t, held);
  tx.commit();
  // Everything read: only now replace what is held.
  sectors_ = std::move(sectors);
  snapshot_ = std::move(snapshot);
  max_id_ = batch.max_id;
  Rows rows;
  append_rows(rows, batch);
  finish(std::move(rows));
}

size_t PgLiveSource::refresh() {
  PgConnection db(source_, options_);
  const pg_sql::Tables t = require_pg_tables(db, prefix_);
  ReadSnapshot tx(db);
  pg_sql::Filter newer = filter_;
  newer.after_id = max_id_;
  const PgIncidentBatch batch = load_pg_incidents(db, t, newer);
  std::map<int64_t, MonthChecksum> added;
  if (!batch.ids.empty()) {
    newer.up_to_id = batch.max_id;
    added = pg_month_checksums(db, t, newer);
  }
  tx.commit();
  if (batch.ids.empty()) {
    last_refresh_ = std::chrono::system_clock::now();
    return 0;
  }
  for (const auto& [month, c] : added) {
    MonthChecksum& s = snapshot_[month];
    s.rows += c.rows;
    s.checksum += c.checksum;
    s.max_id = std::max(s.max_id, c.max_id);
  }
  Rows rows{std::move(store_), std::move(ids_)};
  append_rows(rows, batch);
  finish(std::move(rows));
  return batch.ids.size();
}

std::vector<int64_t> PgLiveSource::reconcile() {
  PgConnection db(source_, options_);
  const pg_sql::Tables t = require_pg_tables(db, prefix_);
  ReadSnapshot tx(db);
  pg_sql::Filter held = filter_;
  held.up_to_id = max_id_;
  std::map<int64_t, MonthChecksum> now = pg_month_checksums(db, t, held);
  const std::vector<int64_t> changed = changed_months(snapshot_, now);
  std::vector<PgIncidentBatch> reloaded;
  for (int64_t m : changed) {
    pg_sql::Filter fm = held;
    const CivilSeconds m0 = bin_start(BinKind::month, m), m1 = bin_start(BinKind::month, m + 1);
    fm.from = filter_.from ? std::max(*filter_.from, m0) : m0;
    fm.to_exclusive = filter_.to_exclusive ? std::min(*filter_.to_exclusive, m1) : m1;
    reloaded.push_back(load_pg_incidents(db, t, fm));
  }
  tx.commit();
  if (changed.empty()) {
    last_refresh_ = std::chrono::system_clock::now();
    return changed;
  }
  const std::set<int64_t> months(changed.begin(), changed.end());
  Rows rows;
  rows.store.categories = store_.categories;
  for (size_t i = 0; i < store_.size(); ++i) {
    if (months.count(bin_of(BinKind::month, store_.t[i]))) continue;  // replaced below
    rows.store.push_back(store_.x[i], store_.y[i], store_.t[i], store_.category[i], store_.flags[i],
                         store_.weight.empty() ? 1.0f : store_.weight[i]);
    rows.store.source_rows.push_back(store_.source_row_of(i));
    rows.ids.push_back(ids_[i]);
  }
  for (const PgIncidentBatch& b : reloaded) append_rows(rows, b);
  snapshot_ = std::move(now);
  finish(std::move(rows));
  return changed;
}

}  // namespace faro::io
