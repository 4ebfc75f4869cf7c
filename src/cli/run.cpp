#include <iostream>

#include "cli/commands.hpp"
#include "core/errors.hpp"

namespace faro::cli {
namespace {

// `faro` alone opens the dashboard; builds without the app library print the demo summary.
#ifdef FARO_HAVE_APP
constexpr const char* kDefaultCommand = "dashboard";
#else
constexpr const char* kDefaultCommand = "summary";
#endif

void print_usage(std::ostream& out) {
  out << "faro — geospatial dashboard for violence-reduction programs\n\n"
         "usage: faro [COMMAND] [OPTIONS]\n\n"
         "With no command, opens the dashboard on the demo city (datos sintéticos).\n\n"
         "commands:\n"
         "  info SOURCE...     layers, geometry, CRS, extent, fields, and the load report\n"
         "  counts             incidents per sector and period as CSV\n"
         "  demo --out DIR     write the synthetic demo city as a GeoPackage\n"
         "  dashboard          the interactive dashboard (a PNG of it when there is no display)\n"
         "  summary            summary of loaded data (default: the demo city)\n"
         "  kde -o FILE.tif    kernel density (incidents per km²) as a float32 GeoTIFF\n"
         "  export -o OUT.csv  aggregated counts (CSV, GeoJSON, GeoPackage), partner-safe\n"
         "  brief -o B.pdf     weekly brief per sector (PDF, PNG or CSV), flags count-aware\n"
         "  hotspots -o FILE   Gi* hot/cold spots (sectors, grid, hex), emerging patterns\n"
         "  knox               Knox near-repeat test: distance x time bands, ratios, p\n"
         "  nearrepeat         near-repeat risk zones and their replay against history\n"
         "  evaluate           program evaluation: before/after DiD, time series, event study\n"
         "  goals              program goals (metas): indicators against targets, CSV or PDF\n"
         "  render -o MAP.png  a finished map (heatmap, sectors, programs, legend), headless\n"
         "  animate -o A.mp4   the map through time, a frame per week or month (MP4 or GIF)\n\n"
         "Run 'faro COMMAND --help' for a command's options.\n"
         "Exit codes: 0 ok, 1 data error (the message names the file), 2 usage error.\n";
}

}  // namespace

int run(int argc, char** argv) {
  std::vector<std::string> args(argv + 1, argv + argc);
  const std::string command = args.empty() ? kDefaultCommand : args.front();
  if (!args.empty()) args.erase(args.begin());
  try {
    if (command == "-h" || command == "--help" || command == "help") {
      print_usage(std::cout);
      return kExitOk;
    }
    if (command == "info") return cmd_info(args, std::cout, std::cerr);
    if (command == "counts") return cmd_counts(args, std::cout, std::cerr);
    if (command == "demo") return cmd_demo(args, std::cout, std::cerr);
    if (command == "summary") return cmd_summary(args, std::cout, std::cerr);
    if (command == "kde") return cmd_kde(args, std::cout, std::cerr);
    if (command == "render") return cmd_render(args, std::cout, std::cerr);
    if (command == "animate") return cmd_animate(args, std::cout, std::cerr);
    if (command == "dashboard") return cmd_dashboard(args, std::cout, std::cerr);
    if (command == "hotspots") return cmd_hotspots(args, std::cout, std::cerr);
    if (command == "knox") return cmd_knox(args, std::cout, std::cerr);
    if (command == "nearrepeat") return cmd_nearrepeat(args, std::cout, std::cerr);
    if (command == "evaluate") return cmd_evaluate(args, std::cout, std::cerr);
    if (command == "goals") return cmd_goals(args, std::cout, std::cerr);
    if (command == "brief") return cmd_brief(args, std::cout, std::cerr);
    if (command == "export") return cmd_export(args, std::cout, std::cerr);
    std::cerr << "faro: unknown command '" << command << "'\n\n";
    print_usage(std::cerr);
    return kExitUsage;
  } catch (const UsageError& e) {
    std::cerr << e.what() << "\n";
    return kExitUsage;
  } catch (const DataError& e) {
    std::cerr << "faro " << command << ": " << e.what() << "\n";
    return kExitData;
  } catch (const std::bad_alloc&) {
    std::cerr << "faro " << command << ": out of memory\n";
    return kExitData;
  }
}

}  // namespace faro::cli
