#pragma once
// Choropleth classes locked over the frames of an animation (render/animation.hpp): the classes
// are made once from every frame's published values pooled, and each frame is coloured on them,
// so a colour means the same count in every frame and the legend does not change. Pairs are
// (lower, upper) per class, ascending, as ChoroplethStyle::locked_classes and
// GridStyle::locked_classes hold them (core/map_style.hpp).
#include <span>
#include <utility>
#include <vector>

#include "core/choropleth.hpp"

namespace faro {

using LockedClasses = std::vector<std::pair<double, double>>;

// The classes classify() would make of `pooled` (every frame's published values) with `scale`
// and `classes`; continuous: one class (0 or the minimum, the maximum). Empty when no value.
LockedClasses lock_classes(std::span<const double> pooled, ChoroplethScale scale, int classes);

// Colours `values` on `locked`: a value falls in the first class whose upper bound it does not
// exceed (above the last: the last); class colours as classify() samples them; continuous (one
// locked class): value / upper on the ramp. Classes and vmin/vmax are the locked ones, so the
// legend is the same whatever the values.
Choropleth classify_locked(std::vector<std::optional<double>> values, const LockedClasses& locked,
                           ChoroplethScale scale, ColormapName colormap);

}  // namespace faro
