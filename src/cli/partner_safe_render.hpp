#pragma once
// `faro render`'s partner-safe switch: the rules live in render/scene_protection.hpp (shared with
// the brief and the dashboard); this applies them with the default policy and logs the changes.
#include <iosfwd>
#include <optional>

#include "core/civil_time.hpp"
#include "render/map_scene.hpp"

namespace faro::cli {

// Partner-safe unless `internal` (then the map is stamped "USO INTERNO / INTERNAL USE"). Each
// change, the footer and the stamp are printed to `err`. Throws faro::UsageError.
void apply_render_protection(bool internal, render::MapSceneOptions& opts,
                             std::optional<CivilSeconds> from,
                             std::optional<CivilSeconds> to_exclusive, std::ostream& err);

}  // namespace faro::cli
