#pragma once
// Offscreen render targets (framebuffer objects) and tiled rendering of images larger than the GL
// limits (GL_MAX_TEXTURE_SIZE, GL_MAX_RENDERBUFFER_SIZE, GL_MAX_VIEWPORT_DIMS).
//
// Blending convention of the map renderer: colour targets hold PREMULTIPLIED alpha (layers output
// vec4(rgb * a, a) and blend with glBlendFunc(GL_ONE, GL_ONE_MINUS_SRC_ALPHA)), so that drawing
// onto a transparent background composes correctly. read_rgba8() converts back to straight alpha,
// which is what PNG stores.
#include <array>
#include <functional>
#include <vector>

#include "render/gl_handles.hpp"
#include "render/image.hpp"

namespace faro::render {

enum class PixelFormat {
  rgba8,    // map colour
  rgba16f,  // float accumulation (e.g. weighted heatmap density with a weight sum)
  r32f,     // single-channel float accumulation (heatmap density)
};

class OffscreenTarget {
 public:
  // `samples` > 1 renders into a multisample renderbuffer resolved into the colour texture
  // (rgba8 only; clamped to GL_MAX_SAMPLES). Throws GlError when the size exceeds the GL limits
  // (use render_tiled) or the framebuffer is incomplete. Needs a current context.
  OffscreenTarget(int width, int height, PixelFormat format = PixelFormat::rgba8, int samples = 0);

  int width() const { return width_; }
  int height() const { return height_; }
  PixelFormat format() const { return format_; }
  int samples() const { return samples_; }

  // Binds the framebuffer that draws go to and sets the viewport to the whole target.
  void bind_for_drawing() const;
  // Clears the drawing framebuffer (colour is premultiplied for rgba8; raw values for float
  // targets).
  void clear(const std::array<float, 4>& color) const;
  // Copies the multisample buffer into the colour texture; no-op when single-sampled. The reads
  // below call it; call it yourself before sampling color_texture().
  void resolve() const;

  GLuint draw_framebuffer() const;
  GLuint color_texture() const { return color_texture_.id(); }

  // The lower-left `width` x `height` pixels (GL coordinates; a tile drawn with a smaller
  // viewport), rows flipped to top-down and converted to straight alpha, written into `dest` at
  // (dest_x, dest_y). rgba8 targets only.
  void read_rgba8_into(RgbaImage& dest, int dest_x, int dest_y, int width, int height) const;
  RgbaImage read_rgba8() const;
  // Float channels (1 for r32f, 4 for rgba16f) of the whole target, rows top-down.
  std::vector<float> read_float() const;

 private:
  int width_, height_;
  PixelFormat format_;
  int samples_;
  Texture color_texture_;
  Framebuffer resolved_fbo_;  // colour texture attached: what reads and sampling see
  Renderbuffer msaa_color_;   // only when samples_ > 1
  Framebuffer msaa_fbo_;
};

// Largest square tile the current context renders in one pass: the minimum of the texture,
// renderbuffer and viewport limits.
int max_tile_size();

// One tile of a tiled render, in pixels of the full image (x right, y down from the top-left).
struct TileViewport {
  int x = 0, y = 0, width = 0, height = 0;
  int full_width = 0, full_height = 0;
};

struct TiledRenderOptions {
  int max_tile_size = 0;                         // 0 = the GL limits (max_tile_size())
  int samples = 0;                               // MSAA samples per tile (0 or 1 = none)
  std::array<float, 4> clear_color{0, 0, 0, 0};  // premultiplied RGBA
};

// Renders a width x height image tile by tile: for each tile, binds an offscreen target, sets the
// viewport to the tile's size, clears it and calls draw(tile), then reads the tile back into the
// image (top-down, straight alpha). The callback must render exactly the tile's part of the scene
// (e.g. with Camera::sub_view(tile.x, tile.y, tile.width, tile.height)). Needs a current context.
// Multisampled tiles are at most 4096 pixels a side; a tile the driver refuses is retried smaller
// (down to 256), then without multisampling. Throws GlError (a ResourceError) when even that fails.
RgbaImage render_tiled(int width, int height, const std::function<void(const TileViewport&)>& draw,
                       const TiledRenderOptions& options = {});

}  // namespace faro::render
