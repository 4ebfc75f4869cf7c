#include "cli/number_args.hpp"

#include <charconv>
#include <string>

#include "core/errors.hpp"

namespace faro::cli {

int64_t parse_whole_number(std::string_view text, std::string_view option, int64_t lo,
                           int64_t hi) {
  int64_t v = 0;
  const char* end = text.data() + text.size();
  const auto [ptr, ec] = std::from_chars(text.data(), end, v);
  if (text.empty() || ec != std::errc() || ptr != end || v < lo || v > hi)
    throw UsageError(std::string(option) + " must be a whole number from " + std::to_string(lo) +
                     " to " + std::to_string(hi) + ", got '" + std::string(text) + "'");
  return v;
}

}  // namespace faro::cli
