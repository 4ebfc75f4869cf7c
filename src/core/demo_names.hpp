#pragma once
// Names for the demo city: Spanish-sounding neighbourhood (colonia) names for sectors and the
// five district names. Invented or generic: no real sector of any real city is implied.
#include <string>
#include <vector>

#include "core/random.hpp"

namespace faro::demo {

// District names in the order districts are numbered by the generator (0 = Centro).
const std::vector<std::string>& district_names();

// `count` distinct sector names in a seed-dependent order. Past the built-in list, names repeat
// with a Roman-numeral suffix ("San Miguel II") so they stay unique.
std::vector<std::string> pick_sector_names(size_t count, Random& rng);

}  // namespace faro::demo
