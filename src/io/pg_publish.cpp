#include "io/pg_publish.hpp"

#include <cstdio>
#include <cstring>

#include <nlohmann/json.hpp>

#include "io/pg_sql.hpp"
#include "io/pg_source.hpp"

namespace faro::io {

int srid_of_work_srs(const std::string& work_srs) {
  if (work_srs.rfind("EPSG:", 0) == 0) {
    try {
      const int srid = std::stoi(work_srs.substr(5));
      if (srid > 0) return srid;
    } catch (const std::exception&) {
    }
  }
  throw DataError("working CRS '" + work_srs + "' has no EPSG code; PostGIS needs one (--work-srs EPSG:n)");
}

namespace {

// COPY text format: backslash escapes for the characters that would end a field or a row.
void append_copy_text(std::string& out, const std::string& s) {
  for (char c : s) {
    switch (c) {
      case '\\': out += "\\\\"; break;
      case '\t': out += "\\t"; break;
      case '\n': out += "\\n"; break;
      case '\r': out += "\\r"; break;
      default: out += c;
    }
  }
}

void append_double(std::string& out, double v) {
  char buf[32];
  const int n = std::snprintf(buf, sizeof buf, "%.17g", v);
  out.append(buf, n);
}

// Point as hex EWKB (little-endian, SRID flag): exact doubles, no text parsing on the server.
void append_point_ewkb(std::string& out, double x, double y, int srid) {
  static const char* kHex = "0123456789ABCDEF";
  unsigned char bytes[25];
  bytes[0] = 1;
  const uint32_t type = 1u | 0x20000000u;
  const uint32_t s = static_cast<uint32_t>(srid);
  std::memcpy(bytes + 1, &type, 4);  // x86-64 and arm64 are little-endian, as the header says
  std::memcpy(bytes + 5, &s, 4);
  std::memcpy(bytes + 9, &x, 8);
  std::memcpy(bytes + 17, &y, 8);
  for (unsigned char b : bytes) {
    out += kHex[b >> 4];
    out += kHex[b & 15];
  }
}

void append_ring(std::string& out, const Ring& ring) {
  out += '(';
  for (const Vec2& v : ring) {
    append_double(out, v.x);
    out += ' ';
    append_double(out, v.y);
    out += ',';
  }
  append_double(out, ring.front().x);  // rings are stored open; WKT wants them closed
  out += ' ';
  append_double(out, ring.front().y);
  out += ')';
}

void append_multipolygon_ewkt(std::string& out, const MultiPolygon& shape, int srid) {
  out += "SRID=" + std::to_string(srid) + ";MULTIPOLYGON";
  bool any = false;
  for (const Polygon& p : shape) {
    if (p.outer.size() < 3) continue;
    out += any ? "," : "(";
    any = true;
    out += '(';
    append_ring(out, p.outer);
    for (const Ring& h : p.holes) {
      if (h.size() < 3) continue;
      out += ',';
      append_ring(out, h);
    }
    out += ')';
  }
  out += any ? ")" : " EMPTY";
}

void copy_sectors(PgConnection& db, const pg_sql::Tables& t, const SectorSet& sectors) {
  size_t next = 0;
  db.copy_in(pg_sql::copy_sectors(t), [&](std::string& buf) {
    if (next == sectors.size()) return false;
    const Sector& s = sectors.sectors[next];
    buf += std::to_string(next) + '\t';
    append_copy_text(buf, s.name);
    buf += '\t';
    if (s.population) append_double(buf, *s.population); else buf += "\\N";
    buf += '\t';
    append_multipolygon_ewkt(buf, s.shape, t.srid);
    buf += '\t';
    nlohmann::json attributes = nlohmann::json::array();
    for (size_t a = 0; a < sectors.attribute_names.size(); ++a)
      attributes.push_back({sectors.attribute_names[a],
                            next < sectors.attributes.size() && a < sectors.attributes[next].size()
                                ? sectors.attributes[next][a] : std::string()});
    append_copy_text(buf, attributes.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace));
    buf += '\n';
    ++next;
    return true;
  });
}

size_t copy_programs(PgConnection& db, const pg_sql::Tables& t, const std::vector<Program>& programs) {
  size_t p = 0, s = 0, rows = 0;
  db.copy_in(pg_sql::copy_programs(t), [&](std::string& buf) {
    while (p < programs.size() && s >= programs[p].sectors.size()) ++p, s = 0;
    if (p == programs.size()) return false;
    const Program& prog = programs[p];
    const ProgramSector& ps = prog.sectors[s++];
    append_copy_text(buf, prog.name);
    buf += '\t';
    append_copy_text(buf, ps.sector);
    buf += '\t' + format_date(ps.start) + '\t' + (ps.end ? format_date(*ps.end) : "\\N") + '\t';
    if (prog.area.empty()) buf += "\\N"; else append_multipolygon_ewkt(buf, prog.area, t.srid);
    buf += '\n';
    ++rows;
    return true;
  });
  return rows;
}

void copy_incidents(PgConnection& db, const pg_sql::Tables& t, const IncidentStore& store,
                    int64_t first_id, bool with_sectors) {
  size_t i = 0;
  const bool rows = store.has_source_rows();
  const bool assigned = with_sectors && store.sector.size() == store.size();
  db.copy_in(pg_sql::copy_incidents(t), [&](std::string& buf) {
    // A batch of rows per call keeps the callback overhead negligible at 10 M rows.
    for (int k = 0; k < 4096 && i < store.size(); ++k, ++i) {
      buf += std::to_string(first_id + static_cast<int64_t>(i));
      buf += '\t';
      append_point_ewkb(buf, store.x[i], store.y[i], t.srid);
      buf += '\t' + format_datetime(store.t[i]) + '\t';
      buf += (store.flags[i] & kHasTimeOfDay) ? "t\t" : "f\t";
      if (store.category[i] == 0) buf += "\\N"; else append_copy_text(buf, store.categories.name(store.category[i]));
      buf += '\t';
      if (store.weight.empty()) buf += "\\N"; else append_double(buf, store.weight[i]);
      buf += '\t';
      buf += rows ? std::to_string(store.source_row_of(i)) : std::string("\\N");
      buf += '\t';
      // The client's assignment (SectorIndex), or NULL when the store was not assigned: the
      // server assigns those rows (pg_sql::assign_missing_sectors).
      buf += assigned ? std::to_string(store.sector[i] < 0 ? -1 : store.sector[i]) : std::string("\\N");
      buf += '\n';
    }
    return i < store.size();
  });
}

}  // namespace

PgPublishResult publish_to_pg(const std::string& source, const IncidentStore& incidents,
                              const SectorSet& sectors, const std::vector<Program>& programs,
                              const PgPublishOptions& options) {
  PgConnection db(source, options.connection);
  pg_sql::Tables t = pg_tables(db, options.table);
  PgPublishResult r;
  r.srid = t.srid = srid_of_work_srs(sectors.work_srs.empty() ? incidents.work_srs : sectors.work_srs);
  db.exec("BEGIN");
  if (options.append) {
    const int existing = table_srid(db, options.table);
    if (existing == 0) throw DataError("PostGIS source " + db.redacted_source() + ": no table " +
                                       options.table + "_incidents to append to (publish without --append first)");
    if (existing != r.srid)
      throw DataError("PostGIS source " + db.redacted_source() + ": table " + options.table +
                      "_incidents has SRID " + std::to_string(existing) + ", the data " +
                      std::to_string(r.srid) + " (use the same --work-srs)");
    db.query(pg_sql::next_incident_id(t), {}, [&](const PgRow& row) { r.first_id = std::stoll(*row[0]); });
  } else {
    db.exec(pg_sql::drop_tables(t));
    db.exec(pg_sql::create_tables(t, r.srid));
    db.exec(pg_sql::create_half_open_function());
    copy_sectors(db, t, sectors);
    r.sectors = sectors.size();
    r.program_rows = copy_programs(db, t, programs);
    r.first_id = 1;
  }
  // Appended rows were assigned against the caller's sectors, which need not be the table's: the
  // server assigns them against its own (the spatial join, for these rows only).
  copy_incidents(db, t, incidents, r.first_id, !options.append);
  if (options.append) db.exec(pg_sql::assign_missing_sectors(t));
  r.incidents = incidents.size();
  r.last_id = r.first_id + static_cast<int64_t>(incidents.size()) - 1;
  if (!options.append) db.exec(pg_sql::create_indexes(t));
  db.exec("COMMIT");
  db.exec(pg_sql::analyze(t));  // planner statistics, so the spatial join uses the indexes
  return r;
}

}  // namespace faro::io
