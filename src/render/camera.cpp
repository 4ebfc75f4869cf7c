#include "render/camera.hpp"

#include <algorithm>
#include <cmath>
#include <string>

#include "core/errors.hpp"

namespace faro::render {
namespace {
void check_size(int width, int height) {
  if (width <= 0 || height <= 0)
    throw UsageError("map size must be positive, got " + std::to_string(width) + "x" +
                     std::to_string(height) + " pixels");
}
void check_scale(double mpp) {
  if (!(mpp > 0) || !std::isfinite(mpp))
    throw UsageError("map scale must be a positive number of metres per pixel, got " +
                     std::to_string(mpp));
}
}  // namespace

Camera::Camera(Vec2 centre, double metres_per_pixel, int width, int height)
    : centre_(centre),
      mpp_(metres_per_pixel),
      width_(width),
      height_(height),
      local_origin_{std::round(centre.x), std::round(centre.y)} {
  check_size(width, height);
  check_scale(metres_per_pixel);
}

Camera Camera::fit(const Box& box, int width, int height, double padding_px) {
  check_size(width, height);
  Vec2 centre{0, 0};
  double mpp = 1;
  if (!box.empty()) {
    centre = {(box.xmin + box.xmax) / 2, (box.ymin + box.ymax) / 2};
    const double usable_w = std::max(1.0, width - 2 * padding_px);
    const double usable_h = std::max(1.0, height - 2 * padding_px);
    const double fitted = std::max(box.width() / usable_w, box.height() / usable_h);
    if (fitted > 0 && std::isfinite(fitted)) mpp = fitted;
  }
  return Camera(centre, mpp, width, height);
}

void Camera::set_metres_per_pixel(double mpp) {
  check_scale(mpp);
  mpp_ = mpp;
}

void Camera::resize(int width, int height) {
  check_size(width, height);
  width_ = width;
  height_ = height;
}

Vec2 Camera::world_to_pixel(Vec2 w) const {
  return {width_ * 0.5 + (w.x - centre_.x) / mpp_, height_ * 0.5 - (w.y - centre_.y) / mpp_};
}

Vec2 Camera::pixel_to_world(Vec2 p) const {
  return {centre_.x + (p.x - width_ * 0.5) * mpp_, centre_.y - (p.y - height_ * 0.5) * mpp_};
}

Box Camera::visible_box() const {
  const double hw = width_ * 0.5 * mpp_, hh = height_ * 0.5 * mpp_;
  return {centre_.x - hw, centre_.y - hh, centre_.x + hw, centre_.y + hh};
}

void Camera::zoom_at(Vec2 pixel, double factor) {
  check_scale(factor);
  const Vec2 anchor = pixel_to_world(pixel);
  set_metres_per_pixel(mpp_ / factor);
  // Move the centre so `anchor` maps back to `pixel`.
  const Vec2 now = world_to_pixel(anchor);
  pan_pixels(pixel.x - now.x, pixel.y - now.y);
}

void Camera::pan_pixels(double dx, double dy) {
  centre_.x -= dx * mpp_;
  centre_.y += dy * mpp_;
}

Camera Camera::sub_view(int x, int y, int w, int h) const {
  Camera c = *this;
  c.resize(w, h);
  c.centre_ = pixel_to_world({x + w * 0.5, y + h * 0.5});
  return c;
}

std::array<float, 9> Camera::view_matrix(Vec2 origin) const {
  const double sx = 2.0 / (width_ * mpp_);
  const double sy = 2.0 / (height_ * mpp_);
  const double tx = (origin.x - centre_.x) * sx;
  const double ty = (origin.y - centre_.y) * sy;
  return {
      static_cast<float>(sx), 0.f, 0.f, 0.f, static_cast<float>(sy), 0.f, static_cast<float>(tx),
      static_cast<float>(ty), 1.f};
}

}  // namespace faro::render
