#pragma once
// The map camera: which part of the working CRS (projected metres, x = easting, y = northing) a
// viewport of width x height pixels shows, at a scale in metres per pixel. No rotation.
//
// Pixel coordinates: x to the right, y DOWN, (0, 0) the top-left corner of the top-left pixel; the
// centre of pixel (i, j) is (i + 0.5, j + 0.5). So north is up and row 0 is the top of the image.
//
// Precision: UTM coordinates (~5e5, ~2e6 m) lose ~0.25 m in float, which jitters when zoomed to a
// block. Layers therefore upload float offsets from a local origin (local_origin(), fixed while
// panning and zooming) and draw with view_matrix(origin), computed in double and cast once: the
// float math then only ever sees offsets of at most the data extent.
#include <array>

#include "core/geometry.hpp"

namespace faro::render {

class Camera {
 public:
  Camera() = default;
  // Throws faro::UsageError unless width, height > 0 and metres_per_pixel > 0 (finite).
  Camera(Vec2 centre, double metres_per_pixel, int width, int height);

  // Centres `box` and scales it to fill width x height less `padding_px` on every side. The local
  // origin becomes the box centre rounded to whole metres. An empty or zero-size box keeps
  // 1 m/pixel around its centre (or the origin).
  static Camera fit(const Box& box, int width, int height, double padding_px = 0);

  Vec2 centre() const { return centre_; }
  double metres_per_pixel() const { return mpp_; }
  int width() const { return width_; }
  int height() const { return height_; }
  void set_centre(Vec2 centre) { centre_ = centre; }
  void set_metres_per_pixel(double mpp);  // throws faro::UsageError unless > 0
  void resize(int width, int height);     // keeps centre and scale

  Vec2 world_to_pixel(Vec2 world) const;
  Vec2 pixel_to_world(Vec2 pixel) const;
  Box visible_box() const;

  // Scales by `factor` (> 1 zooms in) keeping the world point under `pixel` where it is.
  void zoom_at(Vec2 pixel, double factor);
  // Moves the view so the content follows a drag of (dx, dy) pixels.
  void pan_pixels(double dx, double dy);

  // The camera that renders pixels [x, x + w) x [y, y + h) of this view into a w x h target (one
  // tile of a large export): same scale and local origin.
  Camera sub_view(int x, int y, int w, int h) const;

  Vec2 local_origin() const { return local_origin_; }
  void set_local_origin(Vec2 origin) { local_origin_ = origin; }

  // Column-major mat3 taking local coordinates (world - origin, metres) to normalized device
  // coordinates (-1..1, y up). Computed in double, cast to float once.
  std::array<float, 9> view_matrix(Vec2 origin) const;
  std::array<float, 9> view_matrix() const { return view_matrix(local_origin_); }

 private:
  Vec2 centre_{0, 0};
  double mpp_ = 1;
  int width_ = 1, height_ = 1;
  Vec2 local_origin_{0, 0};
};

}  // namespace faro::render
