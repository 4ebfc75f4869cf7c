#include "io/pg_source.hpp"

#include <ogr_api.h>

#include <algorithm>
#include <atomic>
#include <cstdlib>
#include <limits>

#include <nlohmann/json.hpp>

#include "io/gdal_env.hpp"
#include "io/ogr_geometry.hpp"

namespace faro::io {

namespace {

std::string unquoted(const std::string& prefix, const char* suffix) { return prefix + suffix; }

double to_double(const std::optional<std::string>& v) { return std::strtod(v->c_str(), nullptr); }
int64_t to_int(const std::optional<std::string>& v) { return std::strtoll(v->c_str(), nullptr, 10); }

// 'YYYY-MM-DD HH:MM:SS' (datestyle ISO, set on connect) -> civil seconds. Years before 1000 or
// fractional seconds do not occur: publish writes whole seconds.
CivilSeconds parse_civil(const std::string& s) {
  const int64_t y = std::strtoll(s.c_str(), nullptr, 10);
  const unsigned mo = static_cast<unsigned>(std::atoi(s.c_str() + 5));
  const unsigned d = static_cast<unsigned>(std::atoi(s.c_str() + 8));
  int64_t secs = 0;
  if (s.size() >= 19)
    secs = std::atoi(s.c_str() + 11) * 3600 + std::atoi(s.c_str() + 14) * 60 + std::atoi(s.c_str() + 17);
  return days_from_civil(y, mo, d) * kSecondsPerDay + secs;
}

// Process-wide: commands are single-threaded, but the dashboard loads on a worker thread.
std::atomic<int64_t> g_rows_fetched{0};

MultiPolygon shape_from_wkt(const std::string& wkt, const std::string& source) {
  ensure_gdal();
  OGRGeometryH g = nullptr;
  char* text = const_cast<char*>(wkt.c_str());
  if (OGR_G_CreateFromWkt(&text, nullptr, &g) != OGRERR_NONE || !g)
    throw DataError("PostGIS source " + source + ": unreadable geometry from the server");
  PolygonalParts parts = polygonal_parts(g);
  OGR_G_DestroyGeometry(g);
  return std::move(parts.shape);
}

}  // namespace

int table_srid(PgConnection& db, const std::string& prefix) {
  int srid = 0;
  db.query(pg_sql::table_srid(), {unquoted(prefix, "_incidents")},
           [&](const PgRow& r) { srid = static_cast<int>(to_int(r[0])); });
  return srid;
}

pg_sql::Tables pg_tables(PgConnection& db, const std::string& prefix) {
  pg_sql::Tables t;
  t.incidents = db.quote_identifier(unquoted(prefix, "_incidents"));
  t.sectors = db.quote_identifier(unquoted(prefix, "_sectors"));
  t.programs = db.quote_identifier(unquoted(prefix, "_programs"));
  t.srid = table_srid(db, prefix);
  return t;
}

pg_sql::Tables require_pg_tables(PgConnection& db, const std::string& prefix) {
  pg_sql::Tables t = pg_tables(db, prefix);
  if (t.srid == 0)
    throw DataError("PostGIS source " + db.redacted_source() + ": no table " + prefix +
                    "_incidents with a geometry column (write it with `faro publish --table " +
                    prefix + "`)");
  return t;
}

SectorSet load_pg_sectors(PgConnection& db, const pg_sql::Tables& t) {
  SectorSet set;
  set.work_srs = "EPSG:" + std::to_string(t.srid);
  set.name_field = "name";
  db.query(pg_sql::select_sectors(t), {}, [&](const PgRow& r) {
    Sector s;
    s.name = *r[1];
    if (r[2]) s.population = to_double(r[2]);
    s.shape = shape_from_wkt(*r[3], db.redacted_source());
    s.bbox = bounds(s.shape);
    s.area_m2 = area(s.shape);
    // [[name, value], ...]: names from the first sector (publish writes the same for all).
    std::vector<std::string> values;
    if (r[4]) {
      const nlohmann::json a = nlohmann::json::parse(*r[4], nullptr, false);
      if (a.is_array()) {
        for (const auto& pair : a) {
          if (!pair.is_array() || pair.size() != 2) continue;
          if (set.sectors.empty()) set.attribute_names.push_back(pair[0].get<std::string>());
          values.push_back(pair[1].get<std::string>());
        }
      }
    }
    values.resize(set.attribute_names.size());
    set.attributes.push_back(std::move(values));
    set.sectors.push_back(std::move(s));
  });
  if (set.attribute_names.empty()) set.attributes.clear();  // as the file loaders leave it
  return set;
}

std::vector<Program> load_pg_programs(PgConnection& db, const pg_sql::Tables& t) {
  std::vector<Program> programs;
  db.query(pg_sql::select_programs(t), {}, [&](const PgRow& r) {
    if (programs.empty() || programs.back().name != *r[0]) {
      programs.push_back({});
      programs.back().name = *r[0];
      if (r[4]) programs.back().area = shape_from_wkt(*r[4], db.redacted_source());
    }
    ProgramSector ps;
    ps.sector = *r[1];
    ps.start = parse_civil(*r[2]);
    if (r[3]) ps.end = parse_civil(*r[3]);
    programs.back().sectors.push_back(std::move(ps));
  });
  return programs;
}

PgIncidentBatch load_pg_incidents(PgConnection& db, const pg_sql::Tables& t,
                                  const pg_sql::Filter& filter) {
  PgIncidentBatch b;
  IncidentStore& s = b.store;
  s.work_srs = "EPSG:" + std::to_string(t.srid);
  s.category_field = "category";
  const pg_sql::Statement st = pg_sql::select_incidents(t, filter);
  bool any_weight = false;
  std::vector<float> weights;
  db.stream(st.sql, st.params, [&](const PgRow& r) {
    const uint16_t cat = r[5] ? s.categories.intern(*r[5]) : 0;
    const uint8_t flags = (*r[4] == "t") ? kHasTimeOfDay : 0;
    s.x.push_back(to_double(r[1]));
    s.y.push_back(to_double(r[2]));
    s.t.push_back(parse_civil(*r[3]));
    s.category.push_back(cat);
    s.flags.push_back(flags);
    weights.push_back(r[6] ? static_cast<float>(to_double(r[6])) : 1.0f);
    any_weight = any_weight || r[6].has_value();
    s.source_rows.push_back(r[7] ? static_cast<uint32_t>(to_int(r[7])) : 0);
    b.ids.push_back(to_int(r[0]));
  });
  if (any_weight) s.weight = std::move(weights);
  g_rows_fetched += static_cast<int64_t>(s.size());
  b.max_id = b.ids.empty() ? 0 : b.ids.back();
  return b;
}

SectorPeriodCounts pg_sector_period_counts(PgConnection& db, const pg_sql::Tables& t,
                                           size_t sector_count, BinKind kind,
                                           const pg_sql::Filter& filter) {
  struct Cell { size_t row; int64_t bin, n; };
  std::vector<Cell> cells;
  int64_t bmin = std::numeric_limits<int64_t>::max(), bmax = std::numeric_limits<int64_t>::min();
  const pg_sql::Statement st = pg_sql::sector_period_counts(t, kind, filter);
  db.query(st.sql, st.params, [&](const PgRow& r) {
    const int64_t idx = r[0] ? to_int(r[0]) : -1;
    const size_t row = (idx < 0 || static_cast<size_t>(idx) >= sector_count) ? sector_count
                                                                             : static_cast<size_t>(idx);
    const int64_t bin = to_int(r[1]);
    cells.push_back({row, bin, to_int(r[2])});
    bmin = std::min(bmin, bin);
    bmax = std::max(bmax, bin);
  });
  // The span rule of count_by_sector_and_period: the filter's dates where given, else the data's.
  SectorPeriodCounts out;
  out.kind = kind;
  out.sectors = sector_count;
  if (filter.from) bmin = bin_of(kind, *filter.from);
  if (filter.to_exclusive) bmax = bin_of(kind, *filter.to_exclusive - 1);
  const bool empty = (filter.from && filter.to_exclusive) ? *filter.from >= *filter.to_exclusive
                                                          : cells.empty() || bmin > bmax;
  if (empty) {
    out.first_bin = 0;
    out.bins = kind == BinKind::none ? 1 : 0;
  } else {
    out.first_bin = bmin;
    out.bins = bmax - bmin + 1;
  }
  if (out.bins > 5'000'000 / static_cast<int64_t>(sector_count + 1) + 1)
    throw UsageError("too many periods (" + std::to_string(out.bins) + " " + to_string(kind) +
                     " bins x " + std::to_string(sector_count) + " sectors); use a coarser --by");
  out.counts.assign((sector_count + 1) * static_cast<size_t>(out.bins), 0);
  for (const Cell& c : cells) {
    const int64_t b = c.bin - out.first_bin;
    if (b >= 0 && b < out.bins) out.counts[c.row * out.bins + b] += c.n;
  }
  return out;
}

GridCounts pg_grid_counts(PgConnection& db, const pg_sql::Tables& t, pg_sql::Filter filter,
                          double x0, double y0, double cell_m, int nx, int ny) {
  GridCounts g;
  g.nx = nx, g.ny = ny;
  g.count.assign(static_cast<size_t>(nx) * ny, 0);
  g.weight.assign(g.count.size(), 0.0);
  // Only the grid's box travels to the index; cells outside are dropped below (edge points on the
  // far side land in cell nx or ny).
  Box box{x0, y0, x0 + cell_m * nx, y0 + cell_m * ny};
  if (filter.extent) {
    box.xmin = std::max(box.xmin, filter.extent->xmin), box.ymin = std::max(box.ymin, filter.extent->ymin);
    box.xmax = std::min(box.xmax, filter.extent->xmax), box.ymax = std::min(box.ymax, filter.extent->ymax);
  }
  filter.extent = box;
  const pg_sql::Statement st = pg_sql::grid_counts(t, filter, x0, y0, cell_m);
  db.query(st.sql, st.params, [&](const PgRow& r) {
    const int64_t ix = to_int(r[0]), iy = to_int(r[1]);
    if (ix < 0 || iy < 0 || ix >= nx || iy >= ny) return;
    const size_t k = static_cast<size_t>(iy) * nx + static_cast<size_t>(ix);
    g.count[k] += to_int(r[2]);
    g.weight[k] += to_double(r[3]);
  });
  return g;
}

PgPoints pg_points(PgConnection& db, const pg_sql::Tables& t, const pg_sql::Filter& filter,
                   int64_t limit) {
  PgPoints p;
  const pg_sql::Statement st = pg_sql::points(t, filter, limit);
  db.stream(st.sql, st.params, [&](const PgRow& r) {
    if (static_cast<int64_t>(p.x.size()) == limit) {
      p.truncated = true;
      return;
    }
    p.ids.push_back(to_int(r[0]));
    p.x.push_back(to_double(r[1]));
    p.y.push_back(to_double(r[2]));
    p.categories.push_back(r[5] ? *r[5] : std::string());
  });
  g_rows_fetched += static_cast<int64_t>(p.x.size());
  return p;
}

PgTimeRange pg_time_range(PgConnection& db, const pg_sql::Tables& t, const pg_sql::Filter& filter) {
  PgTimeRange out;
  const pg_sql::Statement st = pg_sql::time_range(t, filter);
  db.query(st.sql, st.params, [&](const PgRow& r) {
    if (r[0]) out.first = parse_civil(*r[0]);
    if (r[1]) out.last = parse_civil(*r[1]);
    out.rows = to_int(r[2]);
    out.weighted_rows = to_int(r[3]);
  });
  return out;
}

PgTimeRange pg_time_bounds(PgConnection& db, const pg_sql::Tables& t, const pg_sql::Filter& filter) {
  PgTimeRange out;
  const pg_sql::Statement st = pg_sql::time_bounds(t, filter);
  db.query(st.sql, st.params, [&](const PgRow& r) {
    if (r[0]) out.first = parse_civil(*r[0]);
    if (r[1]) out.last = parse_civil(*r[1]);
  });
  return out;
}

std::vector<std::pair<std::string, int64_t>> pg_category_counts(PgConnection& db,
                                                                const pg_sql::Tables& t,
                                                                const pg_sql::Filter& filter) {
  std::vector<std::pair<std::string, int64_t>> out;
  const pg_sql::Statement st = pg_sql::category_counts(t, filter);
  db.query(st.sql, st.params,
           [&](const PgRow& r) { out.emplace_back(r[0] ? *r[0] : std::string(), to_int(r[1])); });
  return out;
}

PgRowCount pg_row_count(PgConnection& db, const pg_sql::Tables& t, int64_t cap) {
  PgRowCount out;
  double estimate = -1;
  db.query(pg_sql::row_estimate(), {t.incidents}, [&](const PgRow& r) {
    if (r[0]) estimate = to_double(r[0]);
  });
  if (estimate > 0) {
    out.rows = static_cast<int64_t>(estimate + 0.5);
    return out;
  }
  out.estimated = false;
  db.query(pg_sql::bounded_count(t, std::max<int64_t>(cap, 1)), {},
           [&](const PgRow& r) { out.rows = to_int(r[0]); });
  return out;
}

int64_t pg_rows_fetched() { return g_rows_fetched.load(); }

std::map<int64_t, MonthChecksum> pg_month_checksums(PgConnection& db, const pg_sql::Tables& t,
                                                    const pg_sql::Filter& filter) {
  std::map<int64_t, MonthChecksum> out;
  const pg_sql::Statement st = pg_sql::month_checksums(t, filter);
  db.query(st.sql, st.params, [&](const PgRow& r) {
    out[to_int(r[0])] = {to_int(r[1]), to_int(r[2]), to_int(r[3])};
  });
  return out;
}

std::vector<int64_t> changed_months(const std::map<int64_t, MonthChecksum>& before,
                                    const std::map<int64_t, MonthChecksum>& after) {
  std::vector<int64_t> months;
  for (const auto& [m, c] : after) {
    auto it = before.find(m);
    if (it == before.end() || !(it->second == c)) months.push_back(m);
  }
  for (const auto& [m, c] : before)
    if (!after.count(m)) months.push_back(m);
  std::sort(months.begin(), months.end());
  return months;
}

}  // namespace faro::io
