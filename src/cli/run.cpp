#include <iostream>

#include "cli/commands.hpp"
#include "cli/error_boundary.hpp"
#include "core/errors.hpp"

namespace faro::cli {
namespace {

// `faro` alone opens the dashboard; builds without the app library print the demo summary.
#ifdef FARO_HAVE_APP
constexpr const char* kDefaultCommand = "dashboard";
#else
constexpr const char* kDefaultCommand = "summary";
#endif

}  // namespace

// The one list of subcommands: dispatch and the usage text both come from it.
const std::vector<CommandEntry>& command_table() {
  static const std::vector<CommandEntry> kTable = {
      {"info", cmd_info, "SOURCE...", "layers, geometry, CRS, extent, fields, and the load report"},
      {"counts", cmd_counts, "", "incidents per sector and period as CSV"},
      {"publish", cmd_publish, "--to PG:...",
       "incidents, sectors and programs into PostGIS (COPY, one transaction)"},
      {"demo", cmd_demo, "--out DIR", "write the synthetic demo city as a GeoPackage"},
      {"dashboard", cmd_dashboard, "",
       "the interactive dashboard (a PNG of it when there is no display)"},
      {"summary", cmd_summary, "", "summary of loaded data (default: the demo city)"},
      {"kde", cmd_kde, "-o FILE.tif", "kernel density (incidents per km²) as a float32 GeoTIFF"},
      {"export", cmd_export, "-o OUT.csv",
       "aggregated counts (CSV, GeoJSON, GeoPackage), partner-safe"},
      {"brief", cmd_brief, "-o B.pdf", "weekly brief per sector (PDF, PNG or CSV), flags count-aware"},
      {"hotspots", cmd_hotspots, "-o FILE", "Gi* hot/cold spots (sectors, grid, hex), emerging patterns"},
      {"knox", cmd_knox, "", "Knox near-repeat test: distance x time bands, ratios, p"},
      {"nearrepeat", cmd_nearrepeat, "", "near-repeat risk zones and their replay against history"},
      {"goals", cmd_goals, "--programs P",
       "program goals (metas): indicators against targets, CSV or PDF"},
      {"evaluate", cmd_evaluate, "",
       "program evaluation: before/after DiD, time series, event study"},
      {"render", cmd_render, "-o MAP.png",
       "a finished map (heatmap, sectors, programs, legend), headless"},
      {"animate", cmd_animate, "-o A.mp4",
       "the map through time, a frame per week or month (MP4 or GIF)"},
  };
  return kTable;
}

void print_usage(std::ostream& out) {
  out << "faro — geospatial dashboard for violence-reduction programs\n\n"
         "usage: faro [COMMAND] [OPTIONS]\n\n"
         "With no command, opens the dashboard on the demo city (datos sintéticos).\n\n"
         "commands:\n";
  for (const CommandEntry& c : command_table()) {
    std::string left = "  " + std::string(c.name) + (*c.synopsis ? " " : "") + c.synopsis;
    if (left.size() < 21) left.resize(21, ' ');
    else left += " ";
    out << left << c.summary << "\n";
  }
  out << "\nRun 'faro COMMAND --help' for a command's options.\n"
         "Exit codes: 0 ok, 1 data error (the message names the file), 2 usage error,\n"
         "3 resource error (GL, cairo, FreeType, memory, database, file), 4 internal error.\n";
}

int run_command(const std::string& command, const std::vector<std::string>& args,
                std::ostream& out, std::ostream& err) {
  return run_guarded(command, args, [&]() -> int {
    if (command == "-h" || command == "--help" || command == "help") {
      print_usage(out);
      return kExitOk;
    }
    for (const CommandEntry& c : command_table())
      if (command == c.name) return c.function(args, out, err);
    err << "faro: unknown command '" << command << "'\n\n";
    print_usage(err);
    return kExitUsage;
  }, err);
}

int run(int argc, char** argv) {
  std::vector<std::string> args(argv + 1, argv + argc);
  const std::string command = args.empty() ? kDefaultCommand : args.front();
  if (!args.empty()) args.erase(args.begin());
  return run_command(command, args, std::cout, std::cerr);
}

}  // namespace faro::cli
