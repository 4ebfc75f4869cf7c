#include "cli/partner_safe_render.hpp"

#include <ostream>

#include "core/disclosure.hpp"
#include "render/scene_protection.hpp"

namespace faro::cli {

void apply_render_protection(bool internal, render::MapSceneOptions& opts,
                             std::optional<CivilSeconds> from,
                             std::optional<CivilSeconds> to_exclusive, std::ostream& err) {
  DisclosurePolicy policy;
  policy.partner_safe = !internal;
  for (const std::string& change : render::protect_scene_options(policy, opts, from, to_exclusive))
    err << "partner-safe: " << change << "\n";
  for (const std::string& line : opts.footer_lines) err << "footer: " << line << "\n";
  if (!opts.stamp.empty()) err << "stamp: " << opts.stamp << "\n";
}

}  // namespace faro::cli
