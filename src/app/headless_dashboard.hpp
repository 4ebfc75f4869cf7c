#pragma once
// The dashboard without a window system: the same UI and live map drawn through an EGL context
// (Mesa's surfaceless platform on a server, or an NVIDIA EGL device) into an offscreen target.
// ImGui runs with its OpenGL3 renderer only; with no platform backend the display size and frame
// time are set here. Used by `faro dashboard` with no display, by tests and by the frame bench.
#include <memory>

#include "app/dashboard_app.hpp"
#include "app/dashboard_options.hpp"
#include "app/opaque_backgrounds.hpp"
#include "render/image.hpp"

struct ImGuiContext;

namespace faro::render {
class EglContext;
class OffscreenTarget;
}  // namespace faro::render

namespace faro::app {

class HeadlessDashboard {
 public:
  // Creates the EGL and ImGui contexts, the app (which starts loading) and a target of
  // options.width x options.height pixels. Throws render::GlUnavailable without EGL/GL 3.3.
  explicit HeadlessDashboard(const DashboardOptions& options);
  ~HeadlessDashboard();  // tears down in order: app (GL objects), backend, ImGui, EGL
  HeadlessDashboard(const HeadlessDashboard&) = delete;
  HeadlessDashboard& operator=(const HeadlessDashboard&) = delete;

  // One full frame: UI, map, ImGui draw into the target, actions. `finish` waits for the GL work
  // (glFinish), so a caller timing frames measures the drawing, not just its submission.
  void frame(const PlatformInput& input = {}, bool finish = false);
  // The target as a top-down RGBA image.
  render::RgbaImage read() const;
  DashboardApp& app() { return *app_; }
  // Panel backgrounds drawn as clears (app/opaque_backgrounds.hpp); benches switch it off.
  OpaqueBackgrounds& backgrounds() { return backgrounds_; }
  std::string renderer() const;

 private:
  std::unique_ptr<render::EglContext> egl_;
  ImGuiContext* imgui_ = nullptr;
  std::unique_ptr<DashboardApp> app_;
  std::unique_ptr<render::OffscreenTarget> target_;
  OpaqueBackgrounds backgrounds_;
  int width_, height_;
  bool backend_ = false;
};

}  // namespace faro::app
