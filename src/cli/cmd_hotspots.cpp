// faro hotspots: Getis-Ord Gi* hot and cold spots of incident counts per sector or per square /
// hexagonal grid cell, with permutation p-values, a false-discovery-rate correction and ArcGIS's
// 90/95/99 % classes; optionally the emerging hot spot pattern of every unit over weeks or months.
// Partner-safe by default (core/disclosure.hpp, cli/hotspot_output.hpp): counts 1..k-1 and their
// complements hidden, no z/p published; `--internal` writes everything, stamped.
#include <chrono>
#include <cmath>
#include <filesystem>
#include <iostream>

#include "cli/args.hpp"
#include "cli/partner_rules.hpp"
#include "core/partner_query.hpp"
#include "core/permutation_rule.hpp"
#include "core/publication_audit.hpp"
#include "io/disclosure_ledger.hpp"
#include "cli/commands.hpp"
#include "cli/data_args.hpp"
#include "cli/distance_args.hpp"
#include "cli/hotspot_output.hpp"
#include "cli/hotspot_units.hpp"
#include "cli/lang_args.hpp"
#include "core/demo_city.hpp"
#include "core/disclosure.hpp"
#include "core/errors.hpp"
#include "io/atomic_file.hpp"
#include "io/gdal_env.hpp"

namespace faro::cli {
namespace {
namespace fs = std::filesystem;

CommandSpec hotspots_spec() {
  CommandSpec spec{
      "hotspots",
      "[--sectors S --incidents I] [--where SQL] [--from D --to D] [--unit sectors|grid|hex] "
      "[--cell 500] [--neighbours contiguity|distance:1500] [--permutations N] [--seed N] "
      "[--emerging --by week|month [--no-detrend]] [--internal] -o hotspots.csv|.geojson|.png",
      "Getis-Ord Gi* hot and cold spots of incident counts (binary weights including each unit\n"
      "itself, as ArcGIS's Hot Spot Analysis). Units are the sectors, or square (grid) or "
      "hexagonal\n"
      "(hex) cells of --cell metres over the sectors' extent (cells whose centre lies in a "
      "sector,\n"
      "plus any cell with an incident). p is a conditional-permutation p (two-sided, seeded); "
      "p_fdr\n"
      "its Benjamini-Hochberg correction; classes hot/cold at 90/95/99 % use p_fdr (ArcGIS Gi_Bin\n"
      "-3..3) unless --no-fdr. Without --permutations their number is chosen so that the FDR\n"
      "correction can reach 99 % (200 per unit, at least 999; above 99999 the analytic p, each\n"
      "class checked with 9999 permutations); the CSV's p_method and the map's legend say which. --emerging adds ArcGIS Pro's Emerging Hot Spot pattern of each "
      "unit\n"
      "(space-time Gi* per --by bin, Mann-Kendall trend of its z-scores; the trend is against\n"
      "the city's: z-scores of the counts with every bin rescaled to the mean whole-area total,\n"
      "unless --no-detrend). Output by extension: "
      "CSV\n"
      "(unit,count,gi_z,p,p_fdr,class,gi_bin,p_norm[,emerging,trend_z,trend_p]), GeoJSON (WGS 84)\n"
      "or PNG (class map with legend, headless OpenGL). With no sources, uses the demo city.\n"
      "Partner-safe by default: counts 1..4 (and complements) written \"<5\", no z/p/trend\n"
      "values (only classes); --internal writes them all, stamped USO INTERNO / INTERNAL USE."};
  for (auto& o : data_options()) spec.options.push_back(o);
  for (auto& o : filter_options()) spec.options.push_back(o);
  spec.options.insert(
      spec.options.end(),
      {
          {"unit", "KIND", "sectors (default), grid (squares) or hex (hexagons)"},
          {"cell", "DIST", "grid/hex cell size in metres (default 500; hex: centre spacing)"},
          {"neighbours", "SPEC", "contiguity (default; queen) or distance:METRES between centres"},
          {"tolerance", "DIST", "contiguity snapping tolerance in metres (default 1)"},
          {"permutations", "N",
           "conditional permutations for p (default: chosen from the units; 0 = analytic p)"},
          {"seed", "N", "random seed of the permutations (default 12345)"},
          {"no-fdr", "", "classes from the raw p instead of the FDR-corrected p"},
          {"emerging", "", "add the emerging hot spot pattern over time bins"},
          {"by", "PERIOD", "time bins for --emerging: week or month (default month)"},
          {"time-step", "N", "--emerging neighbourhood time step in bins (default 1)"},
          {"no-detrend", "",
           "--emerging: Mann-Kendall trend of the raw z-scores (ArcGIS); by default each bin is "
           "first rescaled to the mean whole-area total, so trends are against the city's"},
          {"width", "PX", "PNG width (default 1600)"},
          {"height", "PX", "PNG height (default 1200)"},
          {"title", "TEXT", "PNG title"},
          lang_option("the PNG's words and the notice (default: both, es / en)"),
          {"internal", "", "raw counts and statistics for internal use (stamped)"},
          {"ledger", "FILE", "ledger of partner outputs (default in the Faro cache folder)"},
          {"o", "FILE", "output .csv, .geojson or .png (required; written atomically)"},
      });
  return spec;
}

int parse_int(const ParsedArgs& args, const std::string& name, int fallback, int lo, int hi) {
  const auto v = args.get(name);
  if (!v) return fallback;
  try {
    size_t used = 0;
    const long long n = std::stoll(*v, &used);
    if (used == v->size() && n >= lo && n <= hi) return static_cast<int>(n);
  } catch (const std::exception&) {
  }
  throw UsageError("--" + name + " must be a whole number from " + std::to_string(lo) + " to " +
                   std::to_string(hi) + ", got '" + *v + "'");
}

std::string lower_extension(const std::string& path) {
  std::string ext = fs::path(path).extension().string();
  for (char& c : ext) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return ext;
}

}  // namespace

int cmd_hotspots(const std::vector<std::string>& argv, std::ostream& out, std::ostream& err) {
  const CommandSpec spec = hotspots_spec();
  const ParsedArgs args = parse_args(spec, argv);
  if (args.help) {
    out << usage_text(spec);
    return kExitOk;
  }
  // Every argument is checked before any data is read.
  const std::optional<Language> notice_lang = chosen_language(args, "hotspots");
  const auto unit = parse_unit_kind(args.get_or("unit", "sectors"));
  if (!unit) throw UsageError("--unit must be sectors, grid or hex");
  const double cell = parse_distance_m(args.get_or("cell", "500"), "--cell");
  NeighbourSpec neighbours = parse_neighbours(args.get_or("neighbours", "contiguity"));
  if (auto t = args.get("tolerance")) neighbours.tolerance_m = parse_distance_m(*t, "--tolerance", 0.001, 1000);
  GiStarOptions gi_options;
  // Without --permutations the number is chosen from the units (core/permutation_rule.hpp).
  std::optional<int> user_permutations;
  if (args.has("permutations"))
    user_permutations = parse_int(args, "permutations", 0, 0, kMaxPermutations);
  gi_options.seed = static_cast<uint64_t>(parse_int(args, "seed", 12345, 0, 2147483647));
  gi_options.fdr = !args.has("no-fdr");
  const bool emerging = args.has("emerging");
  const std::string by = args.get_or("by", "month");
  if (by != "week" && by != "month") throw UsageError("--by must be week or month");
  const BinKind bin_kind = by == "week" ? BinKind::week : BinKind::month;
  const int time_step = parse_int(args, "time-step", 1, 0, 52);
  const int width = parse_int(args, "width", 1600, 200, 8000);
  const int height = parse_int(args, "height", 1200, 200, 8000);
  if (!args.has("o"))
    throw UsageError("faro hotspots: -o FILE (.csv, .geojson or .png) is required");
  const std::string path = *args.get("o");
  const std::string ext = lower_extension(path);
  if (ext != ".csv" && ext != ".geojson" && ext != ".json" && ext != ".png")
    throw UsageError("-o must end in .csv, .geojson or .png, got '" + path + "'");
  const fs::path parent = fs::path(path).parent_path();
  if (!parent.empty() && !fs::is_directory(parent))
    throw DataError("cannot write " + path + ": folder " + parent.string() + " does not exist");

  const bool partner = !args.has("internal");
  if (partner) {
    const Language l = notice_lang.value_or(Language::en);
    check_partner_request(args, emerging ? bin_kind : BinKind::none, notice_lang);
    if (*unit != UnitKind::sectors && cell < kMinPartnerCellM) {
      const std::string asked = std::to_string(static_cast<long long>(std::llround(cell)));
      throw UsageError(tr_format(l, Msg::partner_cell_too_small, static_cast<int>(kMinPartnerCellM),
                                 asked.c_str()));
    }
    if (user_permutations && *user_permutations < kMinPartnerPermutations)
      throw UsageError(tr(Msg::partner_raw_cells_refused, l));
  }

  LoadedData data = load_data(args, err);
  const auto t0 = std::chrono::steady_clock::now();
  const HotspotUnits units = build_units(data.sectors, data.incidents, *unit, cell, neighbours);
  if (units.size() < 3)
    throw DataError("hot spot analysis needs at least 3 units, got " +
                    std::to_string(units.size()));
  HotspotReport report;
  report.units = &units;
  report.counts = units.counts();
  report.work_srs = data.sectors.work_srs.empty() ? data.incidents.work_srs : data.sectors.work_srs;
  report.synthetic = data.synthetic;
  // Disclosure control: units + "outside every unit" as rows, one period column, with the total
  // (the PNG subtitle prints it), so a hidden count cannot be recovered by subtraction.
  DisclosurePolicy policy;
  policy.partner_safe = !args.has("internal");
  if (*unit == UnitKind::grid) policy.unit = DisclosureUnit::grid_cell;
  if (*unit == UnitKind::hex) policy.unit = DisclosureUnit::hexagon;
  std::vector<int64_t> cells;
  for (double c : report.counts) cells.push_back(static_cast<int64_t>(std::llround(c)));
  cells.push_back(static_cast<int64_t>(units.outside));
  // A total of 1..k-1 hides every unit, zeros included (zeros around one count say where it is).
  const std::vector<uint8_t> whole = whole_unit_suppression(cells, 1, cells.size(), policy.k);
  std::vector<uint8_t> pre((cells.size() + 1) * 2, 0);
  if (whole[0]) std::fill(pre.begin(), pre.end(), 1);
  const ProtectedTable table = protect_table(cells, cells.size(), 1, policy, nullptr, nullptr,
                                             policy.partner_safe ? &pre : nullptr);
  report.partner_safe = policy.partner_safe;
  report.marker = table.marker;
  size_t units_hidden = 0;
  for (size_t u = 0; u < units.size(); ++u) {
    report.count_hidden.push_back(table.is_hidden(u, 0));
    units_hidden += report.count_hidden.back();
  }
  const bool total_hidden = table.is_hidden(cells.size(), 0);
  report.notice =
      policy.partner_safe ? file_notice(policy, notice_lang) : std::string(internal_use_stamp());
  if (data.synthetic) report.notice += " · " + synthetic_notice(notice_lang);
  report.p_choice = choose_permutations(units.size(), gi_options.fdr, user_permutations);
  gi_options.permutations = report.p_choice.permutations;
  gi_options.analytic_checked = report.p_choice.method == PValueMethod::analytic_checked;
  if (const std::string warning = p_method_warning(report.p_choice, units.size(),
                                                   notice_lang.value_or(Language::en));
      !warning.empty())
    err << "warning: " << warning << "\n";
  const auto t1 = std::chrono::steady_clock::now();
  report.gi = gi_star(report.counts, units.weights, gi_options);
  const auto t2 = std::chrono::steady_clock::now();

  if (emerging) {
    const auto first = data.filter.from ? data.filter.from : data.incidents.min_time();
    const auto last = data.filter.to_exclusive ? std::optional(*data.filter.to_exclusive - 1)
                                               : data.incidents.max_time();
    if (!first || !last) throw DataError("--emerging: no incidents selected, so no time range");
    const int64_t b0 = bin_of(bin_kind, *first), b1 = bin_of(bin_kind, *last);
    const int64_t bins = b1 - b0 + 1;
    if (bins < 2 || bins > 5000)
      throw DataError("--emerging needs 2 to 5000 " + by + " bins, the period has " +
                      std::to_string(bins));
    if (bins < 10)
      err << "note: only " << bins << " " << by << " bins; ArcGIS needs at least 10 for a trend\n";
    EmergingOptions eo;
    eo.time_step = time_step;
    eo.detrend = !args.has("no-detrend");
    const std::vector<double> cube = units.counts_by_bin(data.incidents, bin_kind, b0, bins);
    report.emerging =
        emerging_hotspots(cube, units.size(), static_cast<size_t>(bins), units.weights, eo);
    report.emerging_months = static_cast<int>(bins);
    report.emerging_weeks = bin_kind == BinKind::week;
    err << "emerging: " << bins << " " << by << " bins " << bin_label(bin_kind, b0) << ".."
        << bin_label(bin_kind, b1) << ", neighbourhood time step " << time_step
        << (eo.detrend ? ", trend against the whole area's" : ", raw trend (--no-detrend)")
        << "\n";
  }
  const auto t3 = std::chrono::steady_clock::now();
  auto ms = [](auto a, auto b) { return std::chrono::duration<double, std::milli>(b - a).count(); };

  int per_bin[7] = {0};
  for (int8_t b : report.gi.bin) ++per_bin[b + 3];
  const char* unit_name = *unit == UnitKind::sectors ? "sectors"
                          : *unit == UnitKind::grid  ? "square cells"
                                                     : "hexagons";
  err << "hotspots: " << units.size() << " " << unit_name;
  if (*unit != UnitKind::sectors) err << " of " << cell << " m";
  err << ", " << neighbours.text() << ", " << units.weights.mean_neighbours()
      << " neighbours on average, " << units.weights.islands() << " without neighbours; "
      << data.incidents.size() << " incidents, " << units.outside << " outside every unit\n"
      << "classes (" << (gi_options.fdr ? "FDR-corrected p" : "raw p") << ", "
      << "p: " << p_method_field(report.p_choice)
      << (report.p_choice.user_given ? "" : ", chosen for " + std::to_string(units.size()) + " units")
      << "): hot 99/95/90 % " << per_bin[6] << "/" << per_bin[5] << "/" << per_bin[4]
      << ", cold 99/95/90 % " << per_bin[0] << "/" << per_bin[1] << "/" << per_bin[2]
      << ", not significant " << per_bin[3] << "\n"
      << "timing: units+weights " << ms(t0, t1) << " ms, Gi* " << ms(t1, t2) << " ms";
  if (emerging) err << ", emerging " << ms(t2, t3) << " ms";
  err << "\n";
  if (report.gi.analytic_checked)
    err << "permutation check: " << report.gi.lowered_by_check
        << " analytic classes lowered to what the unit's permutation p allows\n";

  // A partner hot-spot map or table is a picture of the incidents: recorded in the ledger (under
  // its lock, before the file is written) and refused when it differs from one given out before
  // by fewer than k incidents.
  std::unique_ptr<io::LedgerLock> lock;
  if (partner) {
    const std::string lpath = ledger_path(args);
    lock = std::make_unique<io::LedgerLock>(lpath);
    DisclosureLedger ledger = io::load_disclosure_ledger(lpath);
    const AuditData audit(args, data, err);
    ledger.maps.push_back(check_partner_map(ledger, data, audit, policy.k, notice_lang));
    io::save_disclosure_ledger(lpath, ledger);
  }

  if (ext == ".png") {
    const Language words = notice_lang.value_or(Language::es);
    report.language = notice_lang;
    report.title = args.get_or(
        "title", tr_either(notice_lang, emerging ? Msg::emerging_map_title : Msg::hotspot_map_title));
    report.subtitle = (args.has("from") || args.has("to")
                           ? args.get_or("from", tr(Msg::hotspot_start, words)) + " – " +
                                 args.get_or("to", tr(Msg::hotspot_end, words)) + ", "
                           : std::string()) +
                      (total_hidden ? std::string()
                                    : tr_format(words, Msg::hotspot_incidents,
                                                std::to_string(table.at(cells.size(), 0)).c_str()) +
                                          ", ") +
                      neighbours.text(words);
    // "Fuente / Source: " without --lang; the overlay adds no prefix of its own then.
    std::string prefix = tr_either(notice_lang, Msg::map_source_prefix);
    if (!notice_lang) prefix = "Fuente / Source: ";
    // Named by file name, never by path (a partner output must not carry the analyst's folders);
    // the demo city by what it is.
    report.source_line =
        data.synthetic
            ? (notice_lang ? std::string(tr(Msg::map_source_synthetic, *notice_lang))
                           : std::string("Faro — ciudad sintética / synthetic city"))
            : prefix + fs::path(io::redact_source(data.incidents_source)).filename().string();
    write_hotspots_png(report, path, width, height);
  } else {
    io::write_file_atomically(path,
                              ext == ".csv" ? hotspots_csv(report) : hotspots_geojson(report));
  }
  if (policy.partner_safe)
    err << "partner-safe: " << units_hidden << " of " << units.size() << " unit counts hidden ("
        << report.marker << (total_hidden ? ", total too" : "")
        << "), z/p/trend values not written; --internal for all of them\n";
  err << "wrote " << path << "\n";
  return kExitOk;
}

}  // namespace faro::cli
