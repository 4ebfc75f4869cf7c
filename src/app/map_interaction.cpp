#include "app/map_interaction.hpp"

#include <algorithm>
#include <cmath>

namespace faro::app {

MapInputRoute route_map_input(const UiFocus& f) {
  MapInputRoute r;
  r.pointer = !f.wants_mouse && !f.popup_open;
  r.wheel = r.pointer && !f.text_input;
  r.keys = !f.wants_keyboard && !f.text_input && !f.popup_open && !f.dialog_focused;
  return r;
}

render::Camera fit_camera(const Box& extent, int width, int height) {
  const double padding = kFitPaddingFraction * std::min(width, height);
  return render::Camera::fit(extent, std::max(1, width), std::max(1, height), padding);
}

void clamp_scale(render::Camera& camera, const Box& extent) {
  double max_mpp = 1e6;  // no data: anything up to 1000 km per pixel
  if (!extent.empty() && (extent.width() > 0 || extent.height() > 0))
    max_mpp = kMaxZoomOutFactor *
              fit_camera(extent, camera.width(), camera.height()).metres_per_pixel();
  const double mpp = std::clamp(camera.metres_per_pixel(), kMinMetresPerPixel,
                                std::max(kMinMetresPerPixel, max_mpp));
  if (mpp != camera.metres_per_pixel()) camera.set_metres_per_pixel(mpp);
}

bool apply_map_input(render::Camera& camera, const MapInput& in, const Box& extent) {
  const Vec2 centre_before = camera.centre();
  const double mpp_before = camera.metres_per_pixel();
  const Vec2 view_centre{camera.width() / 2.0, camera.height() / 2.0};

  if (in.home && !extent.empty()) {
    render::Camera fitted = fit_camera(extent, camera.width(), camera.height());
    camera.set_centre(fitted.centre());
    camera.set_metres_per_pixel(fitted.metres_per_pixel());
  }
  if (in.drag_delta.x != 0 || in.drag_delta.y != 0)
    camera.pan_pixels(in.drag_delta.x, in.drag_delta.y);
  if (in.mouse_in_map && in.wheel != 0) {
    // Zoom around the cursor, clamped so the point under it stays put even at the limits.
    const double wanted = std::pow(kWheelZoomStep, in.wheel);
    const Vec2 world = camera.pixel_to_world(in.mouse);
    camera.zoom_at(in.mouse, wanted);
    clamp_scale(camera, extent);
    const Vec2 now = camera.world_to_pixel(world);
    camera.pan_pixels(in.mouse.x - now.x, in.mouse.y - now.y);
  }
  if (in.mouse_in_map && in.double_click) {
    camera.zoom_at(in.mouse, kDoubleClickZoom);
  }
  if (in.zoom_steps != 0) camera.zoom_at(view_centre, std::pow(kWheelZoomStep, in.zoom_steps));
  if (in.pan_x != 0 || in.pan_y != 0)
    // The content moves opposite to the arrow: "right" shows what lies east.
    camera.pan_pixels(-in.pan_x * kKeyPanFraction * camera.width(),
                      -in.pan_y * kKeyPanFraction * camera.height());
  clamp_scale(camera, extent);
  return camera.centre() != centre_before || camera.metres_per_pixel() != mpp_before;
}

bool apply_click_selection(std::vector<std::string>& selection,
                           const std::optional<std::string>& clicked, bool ctrl) {
  if (ctrl) {
    if (!clicked) return false;
    const auto it = std::find(selection.begin(), selection.end(), *clicked);
    if (it != selection.end())
      selection.erase(it);
    else
      selection.push_back(*clicked);
    return true;
  }
  if (!clicked) {
    if (selection.empty()) return false;
    selection.clear();
    return true;
  }
  if (selection.size() == 1 && selection.front() == *clicked) {
    selection.clear();
    return true;
  }
  selection.assign(1, *clicked);
  return true;
}

void zoom_to_box(render::Camera& camera, const Box& box) {
  if (box.empty()) return;
  if (box.width() <= 0 && box.height() <= 0) {
    camera.set_centre({(box.xmin + box.xmax) / 2, (box.ymin + box.ymax) / 2});
    return;
  }
  const render::Camera fitted = fit_camera(box, camera.width(), camera.height());
  camera.set_centre(fitted.centre());
  camera.set_metres_per_pixel(std::max(kMinMetresPerPixel, fitted.metres_per_pixel()));
}

}  // namespace faro::app
