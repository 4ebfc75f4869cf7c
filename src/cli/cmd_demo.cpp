// faro demo: writes the synthetic demo city as a GeoPackage; faro (no arguments): its summary.
#include <algorithm>
#include <filesystem>
#include <iomanip>
#include <iostream>
#include <map>

#include "cli/args.hpp"
#include "cli/commands.hpp"
#include "cli/data_args.hpp"
#include "core/aggregate.hpp"
#include "core/demo_city.hpp"
#include "core/demo_scaled.hpp"
#include "core/errors.hpp"
#include "io/demo_writer.hpp"
#include "io/scaled_demo_writer.hpp"

namespace faro::cli {
namespace fs = std::filesystem;

int cmd_demo(const std::vector<std::string>& argv, std::ostream& out, std::ostream& err) {
  const CommandSpec spec{
      "demo",
      "--out DIR [--seed N] [--incidents N]",
      "Generates the synthetic demo city (datos sintéticos) deterministically from a seed and writes\n"
      "it to DIR/faro-demo.gpkg with layers sectors, incidents, programs, program_sectors (EPSG:32614).\n"
      "With --incidents, the same city at that scale (e.g. 10000000), streamed a month at a time, and\n"
      "its incidents also as DIR/faro-demo-incidents.csv.gz (WGS84 latitud/longitud).",
      {{"out", "DIR", "output folder (created if missing)"},
       {"seed", "N", "random seed (default 42); the same seed gives the same city"},
       {"incidents", "N", "about N incidents (1 to 200000000; default: the 15,000-row demo)"}}};
  const ParsedArgs args = parse_args(spec, argv);
  if (args.help) {
    out << usage_text(spec);
    return kExitOk;
  }
  if (!args.has("out")) throw UsageError("faro demo: --out DIR is required (see --help)");
  DemoOptions opts;
  if (auto s = args.get("seed")) {
    try {
      size_t used = 0;
      opts.seed = std::stoull(*s, &used);
      if (used != s->size()) throw std::invalid_argument(*s);
    } catch (const std::exception&) {
      throw UsageError("faro demo: --seed must be a non-negative integer, got '" + *s + "'");
    }
  }
  const fs::path dir = *args.get("out");
  std::error_code ec;
  fs::create_directories(dir, ec);
  if (ec) throw DataError("cannot create folder " + dir.string() + ": " + ec.message());
  if (auto n = args.get("incidents")) {
    int64_t incidents = 0;
    try {
      size_t used = 0;
      incidents = std::stoll(*n, &used);
      if (used != n->size() || incidents < 1 || incidents > ScaledDemoIncidents::kMaxIncidents)
        throw std::invalid_argument(*n);
    } catch (const std::exception&) {
      throw UsageError("faro demo: --incidents must be an integer from 1 to 200000000, got '" + *n +
                       "'");
    }
    int64_t next_report = 1'000'000;
    const io::ScaledDemoFiles files =
        io::write_scaled_demo(opts, incidents, dir.string(), [&](int64_t rows) {
          if (rows < next_report) return;
          err << "  " << rows << " incidents...\n";
          next_report = rows + 1'000'000;
        });
    out << "wrote " << files.geopackage << " and " << files.csv_gz << " (" << DemoCity::kLabel
        << ", seed " << opts.seed << "): " << files.sectors << " sectors, " << files.incidents
        << " incidents, " << files.programs << " programs, CRS EPSG:32614 (CSV in EPSG:4326)\n";
    return kExitOk;
  }
  const DemoCity city = generate_demo_city(opts);
  const std::string path = (dir / "faro-demo.gpkg").string();
  io::write_demo_geopackage(city, path);
  out << "wrote " << path << " (" << DemoCity::kLabel << ", seed " << opts.seed << "): "
      << city.sectors.size() << " sectors, " << city.incidents.size() << " incidents, "
      << city.programs.size() << " programs, CRS " << city.work_srs << "\n";
  return kExitOk;
}

int cmd_summary(const std::vector<std::string>& argv, std::ostream& out, std::ostream& err) {
  const CommandSpec spec{"summary", "[--sectors S --incidents I]",
                         "Loads the data (the demo city by default) and prints a summary.",
                         data_options()};
  const ParsedArgs args = parse_args(spec, argv);
  if (args.help) {
    out << usage_text(spec);
    return kExitOk;
  }
  LoadedData d = load_data(args, err);
  out << "\nFaro — " << (d.synthetic ? "Ciudad Demo (" + std::string(DemoCity::kLabel) + ")" : d.incidents_source)
      << "\n";
  out << "  working CRS: " << d.sectors.work_srs << "\n";
  out << "  sectors: " << d.sectors.size() << " (named by '" << d.sectors.name_field << "')\n";
  out << "  incidents: " << d.incidents.size();
  if (auto t0 = d.incidents.min_time()) out << ", " << format_date(*t0) << " to " << format_date(*d.incidents.max_time());
  out << "\n";

  const SectorPeriodCounts by_year =
      count_by_sector_and_period(d.incidents, d.sectors.size(), BinKind::year, d.filter);
  out << "  per year:";
  for (int64_t b = 0; b < by_year.bins; ++b) {
    int64_t n = 0;
    for (size_t r = 0; r <= by_year.sectors; ++r) n += by_year.at(r, b);
    out << " " << bin_label(BinKind::year, by_year.first_bin + b) << ": " << n << ";";
  }
  out << "\n  by category:\n";
  std::vector<int64_t> per_cat(d.incidents.categories.size(), 0);
  for (uint16_t c : d.incidents.category) ++per_cat[c];
  for (size_t c = 0; c < per_cat.size(); ++c)
    if (per_cat[c]) out << "    " << std::setw(8) << per_cat[c] << "  "
                        << (d.incidents.categories.name(c).empty() ? "(none)" : d.incidents.categories.name(c)) << "\n";
  std::vector<std::pair<int64_t, size_t>> top;
  for (size_t r = 0; r < by_year.sectors; ++r) top.push_back({by_year.row_total(r), r});
  std::sort(top.rbegin(), top.rend());
  out << "  sectors with most incidents:\n";
  for (size_t k = 0; k < std::min<size_t>(5, top.size()); ++k)
    out << "    " << std::setw(8) << top[k].first << "  " << d.sectors.sectors[top[k].second].name << "\n";
  out << "  outside every sector: " << by_year.row_total(by_year.outside_row()) << "\n";
  if (d.synthetic) out << "  " << DemoCity::kLabel << " — generated by Faro, not real incidents.\n";
  return kExitOk;
}

}  // namespace faro::cli
