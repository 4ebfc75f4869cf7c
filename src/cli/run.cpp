#include <iostream>

#include "cli/commands.hpp"
#include "core/errors.hpp"

namespace faro::cli {
namespace {

void print_usage(std::ostream& out) {
  out << "faro — geospatial dashboard for violence-reduction programs\n\n"
         "usage: faro [COMMAND] [OPTIONS]\n\n"
         "With no command, loads the demo city (datos sintéticos) and prints its summary.\n\n"
         "commands:\n"
         "  info SOURCE...     layers, geometry, CRS, extent, fields, and the load report\n"
         "  counts             incidents per sector and period as CSV\n"
         "  demo --out DIR     write the synthetic demo city as a GeoPackage\n"
         "  summary            summary of loaded data (default: the demo city)\n"
         "  kde -o FILE.tif    kernel density (incidents per km²) as a float32 GeoTIFF\n"
         "  render -o MAP.png  a finished map (heatmap, sectors, programs, legend), headless\n\n"
         "Run 'faro COMMAND --help' for a command's options.\n"
         "Exit codes: 0 ok, 1 data error (the message names the file), 2 usage error.\n";
}

}  // namespace

int run(int argc, char** argv) {
  std::vector<std::string> args(argv + 1, argv + argc);
  const std::string command = args.empty() ? "summary" : args.front();
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
