#include "cli/distance_args.hpp"

#include <cerrno>
#include <cmath>
#include <cstdlib>
#include <sstream>
#include <string>
#include <vector>

#include "core/errors.hpp"

namespace faro::cli {
namespace {

// Parses a whole number (no trailing text other than `rest`, returned). False on failure.
bool parse_number(const std::string& s, double& value, std::string& rest) {
  if (s.empty()) return false;
  const char* begin = s.c_str();
  char* end = nullptr;
  errno = 0;
  value = std::strtod(begin, &end);
  if (end == begin || errno == ERANGE || !std::isfinite(value)) return false;
  rest.assign(end);
  return true;
}

std::string trim(std::string_view s) {
  size_t a = 0, b = s.size();
  while (a < b && (s[a] == ' ' || s[a] == '\t')) ++a;
  while (b > a && (s[b - 1] == ' ' || s[b - 1] == '\t')) --b;
  return std::string(s.substr(a, b - a));
}

}  // namespace

static std::string metres_text(double m) {
  std::ostringstream s;
  s << m;
  return s.str();
}

double parse_distance_m(std::string_view text, std::string_view option, double min_m,
                        double max_m) {
  const std::string s = trim(text);
  double v = 0;
  std::string unit;
  const auto bad = [&]() {
    return UsageError(std::string(option) + " must be a distance in metres from " +
                      metres_text(min_m) + " to " + metres_text(max_m) + ", e.g. 400 or " +
                      "400m (or 0.4km); got '" + std::string(text) + "'");
  };
  if (!parse_number(s, v, unit)) throw bad();
  unit = trim(unit);
  if (unit == "km") {
    v *= 1000;
  } else if (!unit.empty() && unit != "m") {
    throw bad();
  }
  if (!(v > 0) || !std::isfinite(v) || v < min_m || v > max_m) throw bad();
  return v;
}

Box parse_extent(std::string_view text, std::string_view option) {
  std::vector<double> v;
  std::string s(text);
  size_t start = 0;
  const auto bad = [&](const std::string& why) {
    return UsageError(std::string(option) + " must be xmin,ymin,xmax,ymax in the working CRS " +
                      "(metres)" + why + "; got '" + std::string(text) + "'");
  };
  while (true) {
    const size_t comma = s.find(',', start);
    const std::string part =
        trim(s.substr(start, comma == std::string::npos ? std::string::npos : comma - start));
    double x = 0;
    std::string rest;
    if (!parse_number(part, x, rest) || !trim(rest).empty()) throw bad("");
    v.push_back(x);
    if (comma == std::string::npos) break;
    start = comma + 1;
  }
  if (v.size() != 4) throw bad("");
  if (!(v[0] < v[2]) || !(v[1] < v[3])) throw bad(", with xmin < xmax and ymin < ymax");
  return Box{v[0], v[1], v[2], v[3]};
}

}  // namespace faro::cli
