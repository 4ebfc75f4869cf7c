#pragma once
// Sector polygons (police sectors, cuadrantes, districts) in the working CRS.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/geometry.hpp"

namespace faro {

struct Sector {
  std::string name;                   // unique within the set (the loader disambiguates repeats)
  MultiPolygon shape;                 // holes and multiple parts kept
  Box bbox;
  double area_m2 = 0;
  std::optional<double> population;   // when the source has a population field
};

struct SectorSet {
  std::vector<Sector> sectors;
  std::string name_field;                     // source field used for names
  std::string work_srs;                       // e.g. "EPSG:32614"
  std::vector<std::string> attribute_names;   // other source fields, kept as text
  std::vector<std::vector<std::string>> attributes;  // [sector][attribute]

  size_t size() const { return sectors.size(); }
  Box extent() const;
  std::optional<size_t> find(std::string_view name) const;
};

}  // namespace faro
