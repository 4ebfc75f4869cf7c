#pragma once
// Whole numbers on the command line, each with a stated range: the whole text must be the number
// (no "12abc", no "-1" for a count), and a value outside [lo, hi] is a usage error naming the
// option and the range. Distances are in cli/distance_args.hpp.
#include <cstdint>
#include <string_view>

namespace faro::cli {

int64_t parse_whole_number(std::string_view text, std::string_view option, int64_t lo, int64_t hi);

}  // namespace faro::cli
