// faro brief: the weekly brief for the Monday meeting, per sector and for the whole area, as CSV
// (the table), or as a one-page A4 landscape PDF / PNG (map of the week, table, 52-week timeline).
// The work itself (ledger, level, order, page) is render/brief_writer.hpp, shared with the
// dashboard's File > Export weekly brief.
#include <filesystem>
#include <iostream>
#include <memory>

#include "cli/args.hpp"
#include "cli/commands.hpp"
#include "cli/data_args.hpp"
#include "cli/lang_args.hpp"
#include "cli/program_args.hpp"
#include "cli/partner_rules.hpp"
#include "cli/pg_aggregates.hpp"
#include "cli/pg_data.hpp"
#include "core/brief_level.hpp"
#include "core/errors.hpp"
#include "core/weekly_brief.hpp"
#include "io/gdal_env.hpp"
#include "io/program_polygon_loader.hpp"
#include "render/brief_writer.hpp"

namespace faro::cli {
namespace {
namespace fs = std::filesystem;

CommandSpec brief_spec() {
  CommandSpec spec;
  spec.name = "brief";
  spec.synopsis =
      "[--sectors S --incidents I] [--programs P] [--week 2024-W07] [--where SQL] "
      "[--lang es|en] [--sort COLUMN[:asc]] -o brief.pdf|brief.png|brief.csv";
  spec.description =
      "The weekly brief: per sector and for the whole area ('(all)', incidents in no sector\n"
      "included), the incidents of one ISO week against the previous week, the mean of the\n"
      "previous 4 weeks, the same ISO week last year, and ISO-year-to-date (weeks 1..N)\n"
      "against the same weeks last year.\n"
      "Expected = mean of the previous 4 x the whole area's seasonal factor (its incidents in\n"
      "the same ISO weeks +-1 of the 2 years before, per week, over those years' 4 weeks before;\n"
      "1 when the data are too short or too few, as the page says).\n"
      "z = 2(sqrt(week) - sqrt(expected)) is a variance-stabilised change for counts (it orders\n"
      "the rows); flag 'up'/'down' from an exact test of the week against the previous 4 weeks\n"
      "(Binomial given their sum), Benjamini-Hochberg at 10 % over the units with incidents and\n"
      "'(all)'; 'new' = up with a zero mean. pct_change is against the expected (empty when 0).\n"
      "The output format follows the extension of -o: .csv (sector,week,prev_week,mean_prev4,\n"
      "same_week_last_year,ytd,ytd_last_year,z,flag,pct_change; one row per sector, then\n"
      "'(all)'), .pdf (one A4 landscape page) or .png (the same page at --dpi, default 150).\n"
      "Rows in the meeting's order: flagged sectors first (up and new, then down), then by |z|,\n"
      "largest first (the page's table too); a partner brief puts sectors whose change it hides\n"
      "last, by name, and never orders by a hidden value.\n"
      "--week defaults to the last complete ISO week in the data (its Sunday covered); a week\n"
      "with no day between the first and last incident is an error (exit 1).\n"
      "Partner-safe by default (see README, Partner-safe outputs): counts 1..4 and the values\n"
      "they could be recovered from are written as \"<5\", z/flag/pct_change hidden with them,\n"
      "the map drawn without points, bandwidth >= 500 m and a density floor, and a footer (the\n"
      "CSV's first line) states the protection. A partner brief that would hide most of the\n"
      "week coarsens to the finest level whose published unit counts hold at least 60 % of the\n"
      "period's incidents: 1 -> 4 -> 13 ISO weeks ending with the week, per sector, then the\n"
      "same per group of sectors (--group-by; the title and the CSV notice state the level).\n"
      "--internal (command staff) is the weekly sector brief with everything shown, and\n"
      "stamped \"USO INTERNO / INTERNAL USE\" on the page and the CSV's first line.\n"
      "With no --sectors/--incidents, uses the demo city (datos sintéticos) and its programs.\n"
      "With --incidents PG:... (tables from `faro publish`), an --internal CSV brief is counted\n"
      "in the database (no incident row is fetched); a partner brief (its ledger audit) and the\n"
      "PDF/PNG page (map, near-repeat, goals) read the rows.";
  for (const OptionSpec& o : data_options()) spec.options.push_back(o);
  for (const OptionSpec& o : filter_options())
    if (o.name == "where") spec.options.push_back(o);
  spec.options.push_back(
      {"programs", "SOURCE",
       "programs: GeoPackage with program_sectors, or CSV program,sector,start[,end]"});
  spec.options.push_back({"week", "YYYY-Www", "ISO week, e.g. 2024-W07 (default: last complete)"});
  spec.options.push_back(
      {"group-by", "FIELD|none",
       "sector field grouping sectors for the partner brief's coarser level (default: an "
       "alcaldia, municipio or distrito field when present; none: time coarsening only)"});
  spec.options.push_back(lang_option("the page, and of the CSV notice (default: both)"));
  spec.options.push_back(
      {"sort", "COLUMN[:asc]", "CSV row order by a column (default: flagged first, then by |z|)"});
  spec.options.push_back({"dpi", "N", "PNG resolution (default 150)"});
  spec.options.push_back(
      {"internal", "", "internal use: no suppression, stamped USO INTERNO / INTERNAL USE"});
  spec.options.push_back(
      {"ledger", "FILE", "ledger of partner outputs (default in the Faro cache folder)"});
  spec.options.push_back({"o", "FILE", "output .csv, .pdf or .png (written atomically; required)"});
  return spec;
}

double parse_dpi(const ParsedArgs& args) {
  const std::string v = args.get_or("dpi", "150");
  try {
    size_t used = 0;
    const double d = std::stod(v, &used);
    if (used == v.size() && d >= 36 && d <= 600) return d;
  } catch (const std::exception&) {
  }
  throw UsageError("--dpi must be a number between 36 and 600, got '" + v + "'");
}

// The grouping of sectors for the partner brief's spatial coarsening: --group-by FIELD (a sector
// attribute, case-insensitive), "none", or the default alcaldía-like field.
std::optional<BriefUnits> sector_groups(const ParsedArgs& args, const LoadedData& data) {
  const SectorSet& sectors = data.sectors;
  if (const auto field = args.get("group-by")) {
    if (*field == "none") return std::nullopt;
    for (size_t a = 0; a < sectors.attribute_names.size(); ++a) {
      std::string name = sectors.attribute_names[a], want = *field;
      for (std::string* t : {&name, &want})
        for (char& c : *t) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
      if (name == want) return group_units(sectors, a);
    }
    std::string known;
    for (const std::string& n : sectors.attribute_names) known += (known.empty() ? "" : ", ") + n;
    throw DataError(fs::path(data.sectors_source).filename().string() + ": --group-by: no field '" +
                    *field + "' (fields: " + (known.empty() ? "none" : known) + ")");
  }
  if (const auto a = default_group_attribute(sectors)) return group_units(sectors, *a);
  return std::nullopt;
}

}  // namespace

int cmd_brief(const std::vector<std::string>& args_in, std::ostream& out, std::ostream& err) {
  const CommandSpec spec = brief_spec();
  const ParsedArgs args = parse_args(spec, args_in);
  if (args.help) {
    out << usage_text(spec);
    return kExitOk;
  }
  // Every usage error before any loading.
  const auto output = args.get("o");
  if (!output) throw UsageError("faro brief: -o FILE (.csv, .pdf or .png) is required");
  if (!render::brief_format_of(*output))
    throw UsageError("faro brief: -o must end in .csv, .pdf or .png, got '" + *output + "'");
  std::optional<IsoWeek> week;
  if (auto w = args.get("week")) {
    week = parse_iso_week(*w);
    if (!week) throw UsageError("--week must be an ISO week such as 2024-W07, got '" + *w + "'");
  }
  const std::optional<Language> chosen = chosen_language(args, "brief");
  const Language lang = chosen.value_or(language_from_environment());
  std::optional<BriefColumn> sort;
  bool ascending = false;
  if (auto s = args.get("sort")) {
    std::string name = *s;
    if (name.size() > 4 && name.substr(name.size() - 4) == ":asc") {
      ascending = true;
      name.resize(name.size() - 4);
    }
    sort = parse_brief_column(name);
    if (!sort) throw UsageError("--sort: unknown column '" + name + "'");
  }
  const double dpi = parse_dpi(args);

  const bool partner = !args.has("internal");
  if (partner) check_partner_request(args, BinKind::week, chosen);

  // A PostGIS source counts the brief's table in the database when nothing needs the rows
  // themselves: an internal CSV brief. A partner brief's ledger audit and the page (map of the
  // week, near-repeat, goals) read individual incidents, so those pull them (cli/pg_aggregates.hpp).
  const bool csv = render::brief_format_of(*output) == render::BriefFormat::csv;
  std::optional<PgAggregates> pg;
  std::optional<BriefCountSource> counts;
  LoadedData loaded;
  if (pg_counts_in_database(args) && !partner && csv) {
    pg = open_pg_aggregates(args, err);
    counts = pg_brief_count_source(*pg);
    err << pg->data.incidents_source << ": the brief's table is counted in the database\n";
  } else {
    loaded = load_data(args, err);
  }
  LoadedData& data = pg ? pg->data : loaded;
  if (data.sectors.size() == 0) throw DataError(data.sectors_source + ": no sectors loaded");
  if (!week && !(counts ? last_complete_week(*counts) : last_complete_week(data.incidents)))
    throw DataError(data.incidents_source + ": no incidents, so no week to brief");
  render::BriefWriteInput in;
  in.sectors = &data.sectors;
  in.incidents = &data.incidents;
  in.counts = counts ? &*counts : nullptr;
  in.filter = data.filter;
  in.offence_filter = data.offence_filter;
  in.groups = sector_groups(args, data);
  in.week = week;
  in.partner = partner;
  in.chosen_language = chosen;
  in.language = lang;
  in.sort = sort;
  in.ascending = ascending;
  in.dpi = dpi;
  in.output = *output;
  std::vector<Program> programs;
  if (auto given = args.get("programs")) {
    // Checked even for a CSV (which does not show programs): a broken file is never ignored.
    io::ProgramLoadResult pl = load_programs_checked(*given, data.sectors, err);
    if (render::brief_format_of(*output) != render::BriefFormat::csv) programs = std::move(pl.programs);
  } else if (data.synthetic && render::brief_format_of(*output) != render::BriefFormat::csv) {
    io::ProgramLoadResult pl = io::load_programs_for_sectors(data.sectors_source, data.sectors);
    err << pl.report.to_text();
    programs = std::move(pl.programs);
  }
  in.programs = &programs;
  // Sources by file name, never by path (a partner learns nothing of the analyst's disk), and
  // a connection string with its password redacted.
  const std::string incidents_name =
      fs::path(io::redact_source(data.incidents_source)).filename().string();
  in.data_title = data.synthetic ? tr(Msg::map_demo_city, lang) : incidents_name;
  in.source_line = data.synthetic ? std::string(tr(Msg::map_source_synthetic, lang))
                                  : tr(Msg::map_source_prefix, lang) + incidents_name + " · Faro";
  in.filter_text = args.get_or("where", "");
  in.generated = render::brief_generation_date();
  in.synthetic = data.synthetic;
  std::unique_ptr<AuditData> audit;
  if (partner) {
    in.ledger_path = ledger_path(args);
    in.audit_incidents = [&] {
      audit = std::make_unique<AuditData>(args, data, err);
      return audit->view();
    };
  }
  const render::BriefWriteResult r = render::write_weekly_brief(in, err);
  if (wants_pg_source(args)) report_pg_rows_fetched(data.incidents_source, err);
  out << "wrote " << *output << " (" << format_iso_week(r.week) << ", " << r.level_text
      << "): " << r.units << " units, whole area " << r.all_week
      << " incidents (previous 4 weeks mean " << r.all_mean_prev4 << "); flags: " << r.up
      << " up, " << r.fresh << " new, " << r.down << " down\n";
  return kExitOk;
}

}  // namespace faro::cli
