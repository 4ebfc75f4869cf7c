#pragma once
// A session's map as an image: the session's style through the one protection function and the one
// renderer, over the given rows of a loaded Workspace. The dashboard's PNG export (on its thread)
// and `faro render --project P` both draw through this function, so a project rendered headless
// equals the dashboard's export of it.
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "core/session.hpp"
#include "core/workspace.hpp"
#include "render/map_scene.hpp"

namespace faro::app {

struct SessionMapRequest {
  int width = 1920, height = 1080;
  bool internal = false;    // partner-safe unless set (then stamped "USO INTERNO")
  std::optional<Box> view;  // working CRS; nullopt = the whole city
  double ui_scale = 0;      // line widths and sizes; 0 = height / 1080
  int samples = 4;          // MSAA of the map layers
  bool overlay = true;      // title, legend, scale bar, footer
};

// The given rows of `ws` as a store of their own (render_map_scene draws whole stores).
IncidentStore rows_store(const Workspace& ws, const std::vector<uint32_t>& rows);

// The context layers of `style` with a source of their own, from what the workspace loaded for
// them (Workspace::context_layers), as render_map_scene takes them: lines and areas by layer id.
struct SessionContextLayers {
  std::map<std::string, std::vector<render::LineStrip>> lines;
  std::map<std::string, std::shared_ptr<const ContextAreas>> areas;
};
SessionContextLayers session_context_layers(const Workspace& ws, const MapStyle& style);

// The render_map_scene options of `session`: title, period and source line in its language.
render::MapSceneOptions session_scene_options(const Workspace& ws, const Session& session,
                                              const SessionMapRequest& request);

// The style an export draws: the session's style through protect_style() with the dashboard's
// policy, partner-safe unless `internal`.
MapStyle session_export_style(const Session& session, bool internal);

// Renders `rows` of `ws` (the filter result the request was made with) as `session` styles them.
// Needs a current GL context (an EglContext on this thread) or makes one.
render::MapSceneResult render_session_map(const Workspace& ws, const std::vector<uint32_t>& rows,
                                          const Session& session,
                                          const SessionMapRequest& request);

}  // namespace faro::app
