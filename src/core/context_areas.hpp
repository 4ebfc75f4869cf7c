#pragma once
// Named polygons of a context source (colonias, alcaldías, cuadrantes) in the working CRS: what
// the map labels by zoom (render/context_labels.hpp) and what the live map names under the cursor
// ("Colonia: ROMA NORTE I"). Loaded with the context lines (io/context_loader.hpp); immutable and
// shared (the Workspace is copied on program edits, these are not).
#include <memory>
#include <string>
#include <vector>

#include "core/map_style.hpp"
#include "core/polygon_index.hpp"
#include "core/sectors.hpp"

namespace faro {

struct ContextAreas {
  // What one area is, for people: the built-in preset the source matched ("colonias",
  // "alcaldias", "cuadrantes": ui words through the message catalogue), else the source's layer
  // name.
  std::string kind;
  std::string source;  // file name (never the path: shown on screen)
  LabelStyle labels;   // field actually read, zoom range and size (from the layer or its preset)
  SectorSet areas;     // Sector::name = the field's text (names may repeat); shape, bbox, area
  // Point lookup (uniform grid, exact point-in-polygon), built once at load.
  std::shared_ptr<const SectorIndex> index;
  // Per area: where its label goes (pole of inaccessibility, core/polylabel.hpp), computed at
  // load on the loader's thread (1,814 colonias: too slow for a frame).
  std::vector<Vec2> anchors;
};

// Builds the index and the label anchors of `areas` (call once its areas are final).
void index_areas(ContextAreas& areas);

// One area under a point: the set it belongs to and the area's index in it.
struct AreaHit {
  const ContextAreas* set = nullptr;
  size_t area = 0;
  const std::string& name() const { return set->areas.sectors[area].name; }
};

// The area of each set containing `p` (working CRS), in the order of `sets`; a set contributes at
// most one (where its polygons overlap, the lowest index). Sets without an index are skipped.
std::vector<AreaHit> areas_at(const std::vector<std::shared_ptr<const ContextAreas>>& sets, Vec2 p);

}  // namespace faro
