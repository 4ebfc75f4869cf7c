// faro export: aggregated counts per sector and period that may leave the analyst's machine, as
// CSV, GeoJSON or GeoPackage, partner-safe by default (core/disclosure.hpp): counts 1..k-1 and
// their complements hidden, no points, ids or coordinates, a ledger against differencing.
// `--internal` writes raw counts stamped "USO INTERNO / INTERNAL USE".
#include <iostream>

#include "cli/pg_aggregates.hpp"
#include "cli/pg_data.hpp"
#include "io/pg_source.hpp"
#include "cli/args.hpp"
#include "cli/commands.hpp"
#include "cli/data_args.hpp"
#include "cli/lang_args.hpp"
#include "cli/partner_rules.hpp"
#include "core/publication_audit.hpp"
#include "core/aggregate.hpp"
#include "core/disclosure.hpp"
#include "core/errors.hpp"
#include "io/aggregate_export.hpp"
#include "io/disclosure_ledger.hpp"

namespace faro::cli {
namespace {

CommandSpec export_spec() {
  CommandSpec spec{
      "export",
      "[--sectors S --incidents I] [--where SQL] [--from D --to D] [--by none|week|month|year] "
      "[--k 5] [--internal] [--ledger FILE] -o out.csv|out.geojson|out.gpkg",
      "Exports incidents per sector and period, aggregated, for partners (default: partner-safe).\n"
      "Partner-safe: counts of 1..k-1 (default k = 5; it can be raised, never lowered) are\n"
      "written as \"<5\" (CSV) or null with suppressed = 1 (GeoJSON, GeoPackage), and further\n"
      "cells are hidden so no hidden count can be recovered from a row or column total. Totals\n"
      "per sector (period 'total') and per period (sector '(total)') are included. A cell that\n"
      "differs by 1..k-1 from a value published by an earlier export under the same sector and\n"
      "period is hidden too (the ledger, --ledger; default in the Faro cache folder), so two\n"
      "exports that differ by one filter do not reveal a small count. Hidden cells all look the\n"
      "same; the marker is \"s\" instead of \"<5\" when one of them is 5 or more.\n"
      "No incident ids, points, coordinates or dates finer than the period are written.\n"
      "--internal writes raw counts, stamped USO INTERNO / INTERNAL USE (CSV: first line;\n"
      "vector files: layer description and metadata). With no sources, uses the demo city.\n"
      "With --incidents PG:... (tables from `faro publish`), an --internal export is counted in\n"
      "the database (no incident row is fetched); a partner-safe export reads the rows for its\n"
      "ledger audit."};
  for (auto& o : data_options()) spec.options.push_back(o);
  for (auto& o : filter_options()) spec.options.push_back(o);
  spec.options.push_back({"by", "PERIOD", "none (default), week, month or year"});
  spec.options.push_back({"k", "N", "smallest count published (default 5; only higher allowed)"});
  spec.options.push_back({"internal", "", "raw counts for internal use (stamped)"});
  spec.options.push_back(
      {"ledger", "FILE", "ledger of published values (rule against differencing)"});
  spec.options.push_back({"o", "FILE", "output .csv, .geojson or .gpkg (written atomically)"});
  spec.options.push_back(lang_option("the file's protection notice (default: both, es / en)"));
  return spec;
}

DisclosurePolicy policy_from_args(const ParsedArgs& args) {
  DisclosurePolicy policy;
  policy.partner_safe = !args.has("internal");
  if (auto k = args.get("k")) {
    try {
      size_t used = 0;
      policy.k = std::stoi(*k, &used);
      if (used != k->size()) throw std::invalid_argument(*k);
    } catch (const std::exception&) {
      throw UsageError("--k must be a whole number, got '" + *k + "'");
    }
  }
  policy.validate();
  return policy;
}

// What each cell counts, for the ledger: the row's sector ("(outside)", every unit for the totals
// row), the period's days clipped to the window, the offences kept.
std::vector<CountScope> export_scopes(const LoadedData& data, const SectorPeriodCounts& counts,
                                      const std::vector<std::string>& row_names) {
  const auto [first, end] = window_days(data);
  const size_t rows = counts.sectors + 1, cols = static_cast<size_t>(counts.bins);
  std::vector<CountScope> scopes((rows + 1) * (cols + 1));
  for (size_t r = 0; r <= rows; ++r)
    for (size_t c = 0; c <= cols; ++c) {
      CountScope& s = scopes[r * (cols + 1) + c];
      s.filter = data.offence_filter;
      if (r == rows)
        s.units = {kEveryUnit};
      else if (r == counts.outside_row())
        s.units = {kOutsideUnit};
      else
        s.units = {row_names[r]};
      s.first_day = first;
      s.end_day = end;
      if (c < cols && counts.kind != BinKind::none) {
        const int64_t b = counts.first_bin + static_cast<int64_t>(c);
        s.first_day = std::max(first, days_of(bin_start(counts.kind, b)));
        s.end_day = std::min(end, days_of(bin_start(counts.kind, b + 1)));
      }
    }
  return scopes;
}

}  // namespace

int cmd_export(const std::vector<std::string>& argv, std::ostream& out, std::ostream& err) {
  const CommandSpec spec = export_spec();
  const ParsedArgs args = parse_args(spec, argv);
  if (args.help) {
    out << usage_text(spec);
    return kExitOk;
  }
  const std::optional<Language> notice_lang = chosen_language(args, "export");
  const auto output = args.get("o");
  if (!output) throw UsageError("faro export: -o FILE (.csv, .geojson or .gpkg) is required");
  io::aggregate_format_for(*output);  // usage errors before any loading
  const DisclosurePolicy policy = policy_from_args(args);
  const auto kind = parse_bin_kind(args.get_or("by", "none"));
  if (!kind) throw UsageError("--by must be one of none, week, month, year");
  if (*kind == BinKind::day && policy.partner_safe)
    throw UsageError("--by day is finer than a partner-safe export allows; use --internal");

  if (policy.partner_safe) check_partner_request(args, *kind, notice_lang);

  // A PostGIS source counts an internal export's table in the database, as `faro counts` does. A
  // partner-safe export audits every incident against the ledger (one by one), so it pulls them.
  std::optional<PgAggregates> pg;
  LoadedData loaded;
  if (pg_counts_in_database(args) && !policy.partner_safe)
    pg = open_pg_aggregates(args, err);
  else
    loaded = load_data(args, err);
  LoadedData& data = pg ? pg->data : loaded;
  const SectorPeriodCounts counts =
      pg ? io::pg_sector_period_counts(*pg->db, pg->tables, data.sectors.size(), *kind, pg->filter)
         : count_by_sector_and_period(data.incidents, data.sectors.size(), *kind, data.filter);
  if (pg) err << data.incidents_source << ": counted in the database\n";
  if (wants_pg_source(args)) report_pg_rows_fetched(data.incidents_source, err);

  // Rows: every sector, then "(outside)" for incidents in no sector, so the totals are complete.
  io::AggregateExport e;
  const size_t rows = counts.sectors + 1, cols = static_cast<size_t>(counts.bins);
  for (size_t r = 0; r < counts.sectors; ++r) {
    e.row_names.push_back(data.sectors.sectors[r].name);
    e.row_sector.push_back(static_cast<int>(r));
  }
  e.row_names.push_back("(outside)");
  e.row_sector.push_back(-1);
  for (int64_t b = 0; b < counts.bins; ++b)
    e.period_names.push_back(bin_label(*kind, counts.first_bin + b));
  e.internal = !policy.partner_safe;

  DisclosurePolicy shape_only = policy;
  shape_only.partner_safe = false;
  e.table = protect_table(counts.counts, rows, cols, shape_only);  // shape for the labels
  const std::vector<std::string> labels = io::aggregate_labels(e);
  e.notice =
      policy.partner_safe ? file_notice(policy, notice_lang) : std::string(internal_use_stamp());
  if (data.synthetic) e.notice += " · " + synthetic_notice(notice_lang);

  if (!policy.partner_safe) {
    e.table = protect_table(counts.counts, rows, cols, policy);
    io::write_aggregate(*output, e, data.sectors);
    err << "internal use: raw counts, stamped \"" << internal_use_stamp() << "\"\n";
  } else {
    // Read, audit and record under the ledger's lock; the ledger is written before the file is
    // renamed into place, so an output whose numbers cannot be recorded is not published.
    const std::string path = ledger_path(args);
    io::LedgerLock lock(path);
    DisclosureLedger ledger = io::load_disclosure_ledger(path);
    const AuditData audit(args, data, err);
    const std::vector<CountScope> scopes = export_scopes(data, counts, e.row_names);
    const std::vector<uint8_t> whole = whole_unit_suppression(counts.counts, rows, cols, policy.k);
    LedgerProtectionStats stats;
    e.table = protect_with_ledger(counts.counts, rows, cols, policy, labels, scopes, ledger,
                                  audit.view(), &whole, &stats);
    io::write_aggregate(*output, e, data.sectors, [&] {
      record_publication(e.table, labels, scopes, ledger);
      io::save_disclosure_ledger(path, ledger);
    });
    err << "partner-safe: k = " << policy.k << "; hidden " << e.table.hidden_count() << " of "
        << e.table.value.size() << " cells and totals (" << e.table.hidden_count(kPrimary)
        << " below k, " << e.table.hidden_count(kDifference)
        << " differing by less than k from an earlier export, " << stats.hidden_for_ledger
        << " to keep earlier exports from revealing a small count, "
        << e.table.hidden_count(kComplementary) << " complementary); marker \"" << e.table.marker
        << "\"; ledger " << path << "\n";
    if (stats.unchecked_facts)
      err << "note: " << stats.unchecked_facts
          << " earlier published numbers filter another offence field and were not audited\n";
  }
  out << "wrote " << *output << ": " << data.sectors.size() << " sectors x " << cols << " periods, "
      << counts.total() << " incidents\n";
  return kExitOk;
}

}  // namespace faro::cli
