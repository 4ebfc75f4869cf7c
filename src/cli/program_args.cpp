#include "cli/program_args.hpp"

#include <ostream>

#include "core/errors.hpp"
#include "io/gdal_env.hpp"
#include "io/program_polygon_loader.hpp"

namespace faro::cli {

io::ProgramLoadResult load_programs_checked(const std::string& source, const SectorSet& sectors,
                                            std::ostream& err) {
  io::ProgramLoadResult pl = io::load_programs_for_sectors(source, sectors);
  err << pl.report.to_text();
  if (pl.programs.empty())
    throw DataError(io::redact_source(source) + ": no usable program rows (" +
                    std::to_string(pl.report.rows_read) + " read, " +
                    std::to_string(pl.report.rows_rejected()) +
                    " rejected; see the load report above)");
  return pl;
}

}  // namespace faro::cli
