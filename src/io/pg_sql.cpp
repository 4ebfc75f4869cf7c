#include "io/pg_sql.hpp"

#include <cstdio>

namespace faro::io::pg_sql {

namespace {

std::string num(double v) {
  char buf[40];
  std::snprintf(buf, sizeof buf, "%.17g", v);
  return buf;
}

// Text array literal for a text[] parameter: {"a","b"} with " and \ escaped.
std::string text_array(const std::vector<std::string>& values) {
  std::string out = "{";
  for (size_t i = 0; i < values.size(); ++i) {
    if (i) out += ',';
    out += '"';
    for (char c : values[i]) {
      if (c == '"' || c == '\\') out += '\\';
      out += c;
    }
    out += '"';
  }
  return out + "}";
}

// Appends the filter's WHERE terms on alias i.; parameters numbered after those already in `st`.
std::string where_clause(const Tables& t, const Filter& f, Statement& st) {
  std::string w = "TRUE";
  auto param = [&](std::string value) {
    st.params.push_back(std::move(value));
    return "$" + std::to_string(st.params.size());
  };
  if (f.from) w += " AND i.t >= " + param(format_datetime(*f.from)) + "::timestamp";
  if (f.to_exclusive) w += " AND i.t < " + param(format_datetime(*f.to_exclusive)) + "::timestamp";
  if (!f.categories.empty()) w += " AND i.category = ANY(" + param(text_array(f.categories)) + "::text[])";
  if (f.after_id) w += " AND i.id > " + param(std::to_string(*f.after_id)) + "::bigint";
  if (f.up_to_id) w += " AND i.id <= " + param(std::to_string(*f.up_to_id)) + "::bigint";
  // Hours and weekdays as bit tests on the civil timestamp (plain expressions: they push down to
  // Citus shards like the rest of the WHERE).
  if ((f.hour_mask & 0xFFFFFF) != 0xFFFFFF)
    w += " AND i.has_time AND ((1 << extract(hour FROM i.t)::int) & " +
         param(std::to_string(f.hour_mask & 0xFFFFFF)) + "::int) <> 0";
  if ((f.weekday_mask & 0x7F) != 0x7F)
    w += " AND ((1 << (extract(isodow FROM i.t)::int - 1)) & " +
         param(std::to_string(f.weekday_mask & 0x7F)) + "::int) <> 0";
  if (f.sectors) {
    std::string list = "{";
    for (size_t k = 0; k < f.sectors->size(); ++k)
      list += (k ? "," : "") + std::to_string((*f.sectors)[k]);
    w += " AND i.sector_idx = ANY(" + param(list + "}") + "::int[])";
  }
  if (f.extent) {
    // && is the bounding-box test the GiST index answers; for points it is the closed box, like
    // Box::contains on the client.
    w += " AND i.geom && ST_MakeEnvelope(" + param(num(f.extent->xmin)) + "::float8, " +
         param(num(f.extent->ymin)) + "::float8, " + param(num(f.extent->xmax)) + "::float8, " +
         param(num(f.extent->ymax)) + "::float8, " + std::to_string(t.srid) + ")";
  }
  return w;
}

// core/time_bins.hpp bin_of in SQL on the civil timestamp `col`, in exact integer/numeric
// arithmetic: days since 1970-01-01 from date subtraction (no time zone involved).
std::string bin_expression(BinKind kind, const std::string& col) {
  const std::string days = "(" + col + "::date - DATE '1970-01-01')";
  switch (kind) {
    case BinKind::none: return "0::bigint";
    case BinKind::day: return days + "::bigint";
    case BinKind::week: return "floor((" + days + " + 3)::numeric / 7)::bigint";  // Monday weeks
    case BinKind::month:
      return "(extract(year FROM " + col + ")::bigint * 12 + extract(month FROM " + col + ")::bigint - 1)";
    case BinKind::year: return "extract(year FROM " + col + ")::bigint";
  }
  return "0::bigint";
}

}  // namespace

std::string drop_tables(const Tables& t) {
  return "DROP TABLE IF EXISTS " + t.incidents + ", " + t.sectors + ", " + t.programs;
}

std::string create_tables(const Tables& t, int srid) {
  const std::string s = std::to_string(srid);
  return "CREATE TABLE " + t.incidents +
         " (id bigint PRIMARY KEY, geom geometry(Point, " + s + ") NOT NULL, t timestamp NOT NULL, "
         "has_time boolean NOT NULL, category text, weight real, source_row integer, sector_idx integer);\n"
         "CREATE TABLE " + t.sectors +
         " (idx integer PRIMARY KEY, name text NOT NULL, population double precision, "
         "geom geometry(MultiPolygon, " + s + ") NOT NULL, attributes jsonb);\n"
         "CREATE TABLE " + t.programs +
         " (program text NOT NULL, sector text NOT NULL, start_date date NOT NULL, end_date date, "
         "area geometry(MultiPolygon, " + s + "))";
}

std::string copy_incidents(const Tables& t) {
  return "COPY " + t.incidents + " (id, geom, t, has_time, category, weight, source_row, sector_idx) FROM STDIN";
}
std::string copy_sectors(const Tables& t) {
  return "COPY " + t.sectors + " (idx, name, population, geom, attributes) FROM STDIN";
}
std::string copy_programs(const Tables& t) {
  return "COPY " + t.programs + " (program, sector, start_date, end_date, area) FROM STDIN";
}

std::string create_indexes(const Tables& t) {
  // GiST on both geometry columns (the spatial join and the extent filter), btree on t (dates).
  return "CREATE INDEX ON " + t.incidents + " USING gist (geom);\n"
         "CREATE INDEX ON " + t.incidents + " (t);\n"
         "CREATE INDEX ON " + t.sectors + " USING gist (geom)";
}

std::string analyze(const Tables& t) {
  return "ANALYZE " + t.incidents + "; ANALYZE " + t.sectors + "; ANALYZE " + t.programs;
}

std::string next_incident_id(const Tables& t) {
  return "SELECT coalesce(max(id), 0) + 1 FROM " + t.incidents;
}

std::string create_half_open_function() {
  // The crossing-number test of core/polygon_index.cpp, edge by edge with the same floating-point
  // operations in the same order (edge ordered by y; x at the point's y from the lower endpoint,
  // clamped to the edge's x range; half-open in y), over every ring of the multipolygon (even-odd).
  // Used only for points ST_Intersects but not ST_Contains, i.e. on a sector's boundary, where
  // PostGIS alone would put the point in both sectors (Intersects) or in neither (Contains).
  // Two publishes at once (two units, or parallel tests) would both replace the function and one
  // fails with "tuple concurrently updated": a transaction-level advisory lock serialises them.
  return R"SQL(
SELECT pg_advisory_xact_lock(7305871);
CREATE OR REPLACE FUNCTION faro_half_open_contains(poly geometry, px float8, py float8)
RETURNS boolean LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $fn$
  SELECT coalesce(sum(CASE WHEN y0 <= py AND py < y1 AND
                                (px < xlo OR (px < xhi AND px < x0 + (py - y0) * ((x1 - x0) / (y1 - y0))))
                           THEN 1 ELSE 0 END) % 2 = 1, false)
  FROM (SELECT CASE WHEN a_y < b_y THEN a_x ELSE b_x END AS x0, least(a_y, b_y) AS y0,
               CASE WHEN a_y < b_y THEN b_x ELSE a_x END AS x1, greatest(a_y, b_y) AS y1,
               least(a_x, b_x) AS xlo, greatest(a_x, b_x) AS xhi
        FROM (SELECT ST_X(ST_StartPoint(d.geom)) AS a_x, ST_Y(ST_StartPoint(d.geom)) AS a_y,
                     ST_X(ST_EndPoint(d.geom)) AS b_x, ST_Y(ST_EndPoint(d.geom)) AS b_y
              FROM ST_DumpSegments(poly) AS d) AS seg
        WHERE a_y <> b_y) AS e
$fn$)SQL";
}

std::string table_srid() {
  return "SELECT srid FROM geometry_columns WHERE f_table_name = $1 AND f_geometry_column = 'geom' "
         "LIMIT 1";
}

std::string select_sectors(const Tables& t) {
  return "SELECT idx, name, population, ST_AsText(geom, 17), attributes::text FROM " + t.sectors +
         " ORDER BY idx";
}

std::string select_programs(const Tables& t) {
  return "SELECT program, sector, start_date::text, end_date::text, ST_AsText(area, 17) FROM " +
         t.programs + " ORDER BY program, sector";
}

Statement select_incidents(const Tables& t, const Filter& f) {
  Statement st;
  const std::string w = where_clause(t, f, st);
  st.sql = "SELECT i.id, ST_X(i.geom), ST_Y(i.geom), i.t::text, i.has_time, i.category, i.weight, "
           "i.source_row FROM " + t.incidents + " AS i WHERE " + w + " ORDER BY i.id";
  return st;
}

namespace {

// The sector of each incident i by the spatial join: the lowest idx among the sectors that hold
// it (as SectorIndex where sectors overlap); a point strictly inside (ST_Contains) is held, a point
// on a boundary (ST_Intersects only) is decided by the client's half-open rule. Grouping by the
// distribution column (id) lets Citus run it on every shard against the reference table.
std::string joined_sector_subquery(const Tables& t, const std::string& where) {
  return "SELECT i.id, i.t, coalesce(min(s.idx), -1) AS idx FROM " + t.incidents + " AS i LEFT JOIN " +
         t.sectors + " AS s ON ST_Intersects(s.geom, i.geom) AND CASE WHEN ST_Contains(s.geom, "
         "i.geom) THEN true ELSE faro_half_open_contains(s.geom, ST_X(i.geom), ST_Y(i.geom)) END "
         "WHERE " + where + " AND i.sector_idx IS NULL GROUP BY i.id, i.t";
}

}  // namespace

std::string assign_missing_sectors(const Tables& t) {
  return "UPDATE " + t.incidents + " AS u SET sector_idx = a.idx FROM (" +
         joined_sector_subquery(t, "TRUE") + ") AS a WHERE u.id = a.id";
}

Statement sector_period_counts(const Tables& t, BinKind kind, const Filter& f) {
  Statement st;
  const std::string w = where_clause(t, f, st);
  // Rows with a materialised sector are counted directly; the others go through the join. The
  // outer count by (sector, bin) is a plain distributed aggregate on Citus.
  st.sql = "SELECT a.idx, " + bin_expression(kind, "a.t") + " AS bin, count(*) FROM (" +
           "SELECT i.id, i.t, i.sector_idx AS idx FROM " + t.incidents + " AS i WHERE " + w +
           " AND i.sector_idx IS NOT NULL UNION ALL " + joined_sector_subquery(t, w) +
           ") AS a GROUP BY 1, 2";
  return st;
}

Statement time_range(const Tables& t, const Filter& f) {
  Statement st;
  const std::string w = where_clause(t, f, st);
  st.sql = "SELECT min(i.t)::text, max(i.t)::text, count(*), count(i.weight) FROM " + t.incidents +
           " AS i WHERE " + w;
  return st;
}

Statement time_bounds(const Tables& t, const Filter& f) {
  Statement st;
  const std::string w = where_clause(t, f, st);
  st.sql = "SELECT min(i.t)::text, max(i.t)::text FROM " + t.incidents + " AS i WHERE " + w;
  return st;
}

std::string row_estimate() {
  return "SELECT reltuples::float8 FROM pg_class WHERE oid = $1::regclass";
}

std::string bounded_count(const Tables& t, int64_t limit) {
  return "SELECT count(*) FROM (SELECT 1 FROM " + t.incidents + " LIMIT " +
         std::to_string(limit) + ") AS s";
}

Statement grid_counts(const Tables& t, const Filter& f, double x0, double y0, double cell_m) {
  Statement st;
  st.params = {num(x0), num(y0), num(cell_m)};
  const std::string w = where_clause(t, f, st);
  st.sql = "SELECT floor((ST_X(i.geom) - $1::float8) / $3::float8)::bigint AS ix, "
           "floor((ST_Y(i.geom) - $2::float8) / $3::float8)::bigint AS iy, count(*), "
           "sum(coalesce(i.weight, 1)::float8) FROM " + t.incidents + " AS i WHERE " + w +
           " GROUP BY 1, 2";
  return st;
}

Statement category_counts(const Tables& t, const Filter& f) {
  Statement st;
  const std::string w = where_clause(t, f, st);
  st.sql = "SELECT coalesce(i.category, ''), count(*) FROM " + t.incidents + " AS i WHERE " + w +
           " GROUP BY 1 ORDER BY 1";
  return st;
}

Statement points(const Tables& t, const Filter& f, int64_t limit) {
  Statement st;
  const std::string w = where_clause(t, f, st);
  st.sql = "SELECT i.id, ST_X(i.geom), ST_Y(i.geom), i.t::text, i.has_time, i.category FROM " +
           t.incidents + " AS i WHERE " + w + " ORDER BY i.id LIMIT " + std::to_string(limit + 1);
  return st;
}

Statement month_checksums(const Tables& t, const Filter& f) {
  Statement st;
  const std::string w = where_clause(t, f, st);
  // 32 bits of md5 over the row's text, summed: independent of row order and of how Citus splits
  // the table, and it changes when a row is deleted, added or corrected.
  st.sql = "SELECT " + bin_expression(BinKind::month, "i.t") +
           " AS month, count(*), sum(('x' || substr(md5(i.id::text || '|' || i.t::text || '|' || "
           "coalesce(i.category, '') || '|' || ST_AsText(i.geom, 17)), 1, 8))::bit(32)::int::bigint), "
           "max(i.id) FROM " + t.incidents + " AS i WHERE " + w + " GROUP BY 1 ORDER BY 1";
  return st;
}

}  // namespace faro::io::pg_sql
