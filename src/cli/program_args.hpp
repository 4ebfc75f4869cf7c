#pragma once
// A programs source named by the user (--programs): loaded, its report printed, and required to
// hold at least one usable program. A header-only file, or one whose every row is rejected, is a
// DataError naming the file (exit 1), never an empty evaluation or a silently ignored option.
#include <iosfwd>
#include <string>

#include "core/sectors.hpp"
#include "io/program_loader.hpp"

namespace faro::cli {

io::ProgramLoadResult load_programs_checked(const std::string& source, const SectorSet& sectors,
                                            std::ostream& err);

}  // namespace faro::cli
