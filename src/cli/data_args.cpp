#include "cli/data_args.hpp"

#include "cli/pg_data.hpp"

#include <ostream>

#include "core/csv_text.hpp"
#include "core/errors.hpp"
#include "core/messages.hpp"
#include "core/publication_audit.hpp"
#include "core/demo_city.hpp"
#include "io/data_loading.hpp"
#include "io/incident_loader.hpp"
#include "io/sector_loader.hpp"

namespace faro::cli {

std::vector<OptionSpec> data_options() {
  std::vector<OptionSpec> options = {
      {"sectors", "SOURCE", "sector polygons (any OGR source; default: the demo city)"},
      {"sectors-layer", "NAME", "layer of the sectors source (default: first)"},
      {"sector-field", "FIELD", "sector name field (default: detected: sector, nombre, name, ...)"},
      {"sectors-srs", "SRS", "CRS of the sectors when the source declares none"},
      {"population-field", "FIELD", "sector population field (default: detected: poblacion, ...)"},
      {"incidents", "SOURCE", "incident points: OGR point layer or CSV with coordinates"},
      {"incidents-layer", "NAME", "layer of the incidents source (default: first)"},
      {"x-field", "FIELD", "longitude/x column (default: detected)"},
      {"y-field", "FIELD", "latitude/y column (default: detected)"},
      {"date-field", "FIELD", "date column (default: detected: fecha_hecho, fecha, date, ...)"},
      {"time-field", "FIELD", "time-of-day column (default: detected: hora_hecho, hora, time)"},
      {"category-field", "FIELD", "offence/category column (default: detected: delito, ...)"},
      {"incidents-srs", "SRS", "CRS of the incidents (default: the source's; CSV: EPSG:4326)"},
      {"date-order", "dmy|mdy", "order of slash dates: dmy (Mexican, default) or mdy (US)"},
      {"work-srs", "SRS", "working CRS (default: UTM zone of the sectors' centroid)"},
      {"no-cache", "", "do not read or write the columnar cache for CSV sources"},
  };
  for (auto& o : pg_options()) options.push_back(o);
  return options;
}

std::vector<OptionSpec> filter_options() {
  return {
      {"where", "SQL", "OGR SQL attribute filter on the incidents, e.g. \"delito LIKE '%FUEGO%'\""},
      {"offence", "NAME[,NAME]", "keep only these offences (values of the category field); "
                                 "repeatable. The filter partner outputs accept", true},
      {"from", "DATE", "first day to include, YYYY-MM-DD (inclusive)"},
      {"to", "DATE", "last day to include, YYYY-MM-DD (inclusive: the whole day)"},
  };
}

std::string csv_field(const std::string& s) { return csv_quote(s); }

io::IncidentSourceOptions incident_options_from_args(const ParsedArgs& args) {
  io::IncidentSourceOptions o;
  o.layer = args.get_or("incidents-layer", "");
  o.x_field = args.get_or("x-field", "");
  o.y_field = args.get_or("y-field", "");
  o.date_field = args.get_or("date-field", "");
  o.time_field = args.get_or("time-field", "");
  o.category_field = args.get_or("category-field", "");
  o.weight_field = args.get_or("weight-field", "");
  o.srs = args.get_or("incidents-srs", "");
  o.where = args.get_or("where", "");
  o.use_cache = !args.has("no-cache");
  const std::string order = args.get_or("date-order", "dmy");
  if (order != "dmy" && order != "mdy") throw UsageError("--date-order must be dmy or mdy");
  o.date_order = order == "mdy" ? DateOrder::mdy : DateOrder::dmy;
  if (auto f = args.get("from")) o.from = parse_cli_date(*f, "--from");
  if (auto t = args.get("to")) o.to_exclusive = parse_cli_date(*t, "--to") + kSecondsPerDay;
  if (o.from && o.to_exclusive && *o.from >= *o.to_exclusive)
    throw UsageError("--from is after --to");
  return o;
}

namespace {


// --offence: drops the rows of other offences (the store's columns compacted in place).
void keep_offences(const ParsedArgs& args, LoadedData& d, std::ostream& err) {
  const std::vector<std::string> names = offence_names(args);
  if (names.empty()) return;
  IncidentStore& s = d.incidents;
  std::vector<uint8_t> keep(s.categories.size(), 0);
  for (const std::string& name : names) {
    auto code = s.categories.find(name);
    if (!code) {
      // Rows outside the window were dropped on load, so an offence with no incident in the
      // window is unknown here: keep it (the output counts zero) and say so, listing the values
      // present in case it is a misspelling.
      std::string values;
      for (size_t c = 1; c < s.categories.size() && c <= 12; ++c)
        values += (c > 1 ? "; " : "") + s.categories.name(static_cast<uint16_t>(c));
      if (s.categories.size() > 13) values += "; ...";
      err << "note: " << tr_format(Language::en, Msg::partner_unknown_offence, name.c_str(),
                                   s.category_field.c_str(), values.c_str())
          << "\n";
      code = s.categories.intern(name);
      keep.resize(s.categories.size(), 0);
    }
    keep[*code] = 1;
  }
  size_t out = 0;
  const size_t n = s.size();
  for (size_t i = 0; i < n; ++i) {
    if (!keep[s.category[i]]) continue;
    s.x[out] = s.x[i];
    s.y[out] = s.y[i];
    s.t[out] = s.t[i];
    s.category[out] = s.category[i];
    s.flags[out] = s.flags[i];
    if (!s.weight.empty()) s.weight[out] = s.weight[i];
    if (!s.sector.empty()) s.sector[out] = s.sector[i];
    ++out;
  }
  s.x.resize(out), s.y.resize(out), s.t.resize(out), s.category.resize(out), s.flags.resize(out);
  if (!s.weight.empty()) s.weight.resize(out);
  if (!s.sector.empty()) s.sector.resize(out);
  d.offence_filter = offence_filter_key(s.category_field, names);
  d.rows_dropped = true;
  err << "--offence: kept " << out << " of " << n << " incidents (" << s.category_field << ")\n";
}

}  // namespace

LoadedData load_data(const ParsedArgs& args, std::ostream& err) {
  if (wants_pg_source(args)) return load_pg_data(args, err);  // filters run in the database
  LoadedData d;
  const bool has_s = args.has("sectors"), has_i = args.has("incidents");
  if (has_s != has_i)
    throw UsageError(std::string("give both --sectors and --incidents (or neither, for the demo city); ") +
                     "missing --" + (has_s ? "incidents" : "sectors"));
  io::IncidentSourceOptions io_opts = incident_options_from_args(args);
  io::SectorSourceOptions so;
  so.name_field = args.get_or("sector-field", "");
  so.srs = args.get_or("sectors-srs", "");
  so.population_field = args.get_or("population-field", "");
  d.filter.from = io_opts.from;
  d.filter.to_exclusive = io_opts.to_exclusive;

  // Sources last, so argument errors are reported before any demo city is generated.
  io::SectorIncidentSources src;
  if (has_s) {
    src.sectors = *args.get("sectors");
    src.incidents = *args.get("incidents");
    so.layer = args.get_or("sectors-layer", "");
  } else {
    err << "No --sectors/--incidents given: using the demo city (" << DemoCity::kLabel << ")\n";
  }
  src.sector_options = so;
  src.incident_options = io_opts;
  src.work_srs = args.get_or("work-srs", "");
  // The shared io step (also behind the dashboard): prints each report as soon as it exists.
  io::SectorIncidentData loaded = io::load_sectors_and_incidents(
      std::move(src), {}, [&](const LoadReport& r) { err << r.to_text(); });
  d.synthetic = loaded.synthetic;
  d.sectors_source = std::move(loaded.sectors_source);
  d.incidents_source = std::move(loaded.incidents_source);
  d.sectors = std::move(loaded.sectors);
  d.sectors_report = std::move(loaded.sectors_report);
  d.incidents = std::move(loaded.incidents);
  d.incidents_report = std::move(loaded.incidents_report);
  d.rows_dropped = io_opts.from || io_opts.to_exclusive || !io_opts.where.empty();
  keep_offences(args, d, err);
  return d;
}

// --offence values: repeatable and comma-separated ("A,B" --offence C), trimmed, empty dropped.
std::vector<std::string> offence_names(const ParsedArgs& args) {
  std::vector<std::string> names;
  for (const std::string& value : args.all("offence")) {
    size_t start = 0;
    for (;;) {
      const size_t comma = value.find(',', start);
      std::string name = value.substr(start, comma == std::string::npos ? std::string::npos : comma - start);
      while (!name.empty() && name.front() == ' ') name.erase(name.begin());
      while (!name.empty() && name.back() == ' ') name.pop_back();
      if (!name.empty()) names.push_back(name);
      if (comma == std::string::npos) break;
      start = comma + 1;
    }
  }
  return names;
}

}  // namespace faro::cli
