#include "core/sectors.hpp"

namespace faro {

Box SectorSet::extent() const {
  Box b;
  for (const Sector& s : sectors) b.expand(s.bbox);
  return b;
}

std::optional<size_t> SectorSet::find(std::string_view name) const {
  for (size_t i = 0; i < sectors.size(); ++i)
    if (sectors[i].name == name) return i;
  return std::nullopt;
}

}  // namespace faro
