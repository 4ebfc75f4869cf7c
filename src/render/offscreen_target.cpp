#include "render/offscreen_target.hpp"

#include <algorithm>
#include <cstdio>
#include <memory>
#include <string>

#include "render/gl_state.hpp"

namespace faro::render {
namespace {

struct FormatInfo {
  GLenum internal_format, format, type;
  const char* name;
};

FormatInfo format_info(PixelFormat f) {
  switch (f) {
    case PixelFormat::rgba16f:
      return {GL_RGBA16F, GL_RGBA, GL_FLOAT, "RGBA16F"};
    case PixelFormat::r32f:
      return {GL_R32F, GL_RED, GL_FLOAT, "R32F"};
    case PixelFormat::rgba8:
    default:
      return {GL_RGBA8, GL_RGBA, GL_UNSIGNED_BYTE, "RGBA8"};
  }
}

void check_complete(const char* what) {
  const GLenum status = glCheckFramebufferStatus(GL_FRAMEBUFFER);
  if (status != GL_FRAMEBUFFER_COMPLETE)
    throw GlError(std::string(what) + " framebuffer incomplete (status 0x" + [&] {
      char b[8];
      std::snprintf(b, sizeof b, "%04X", status);
      return std::string(b);
    }() + ")");
}

GLint get_int(GLenum name) {
  GLint v = 0;
  glGetIntegerv(name, &v);
  return v;
}

// Straight alpha from premultiplied, rounding to nearest.
inline void unpremultiply(uint8_t* p) {
  const unsigned a = p[3];
  if (a == 255) return;
  if (a == 0) {
    p[0] = p[1] = p[2] = 0;
    return;
  }
  for (int c = 0; c < 3; ++c)
    p[c] = static_cast<uint8_t>(std::min(255u, (p[c] * 255u + a / 2) / a));
}

}  // namespace

int max_tile_size() {
  GLint viewport[2] = {0, 0};
  glGetIntegerv(GL_MAX_VIEWPORT_DIMS, viewport);
  return std::min(
      {get_int(GL_MAX_TEXTURE_SIZE), get_int(GL_MAX_RENDERBUFFER_SIZE), viewport[0], viewport[1]});
}

OffscreenTarget::OffscreenTarget(int width, int height, PixelFormat format, int samples)
    : width_(width), height_(height), format_(format), samples_(samples > 1 ? samples : 0) {
  const int limit = max_tile_size();
  if (width <= 0 || height <= 0 || width > limit || height > limit)
    throw GlError("offscreen target " + std::to_string(width) + "x" + std::to_string(height) +
                  " is outside the GL limit of " + std::to_string(limit) +
                  " pixels per side (render large images with render_tiled)");
  if (samples_ > 0 && format != PixelFormat::rgba8)
    throw GlError("multisampling is only supported for RGBA8 targets");
  samples_ = std::min(samples_, static_cast<int>(get_int(GL_MAX_SAMPLES)));
  if (samples_ <= 1) samples_ = 0;

  // Bindings changed here are put back, so creating a target mid-frame is harmless.
  ScopedGlState saved;
  glGetError();  // start clean so check_gl reports only this constructor's errors
  const FormatInfo fi = format_info(format);
  color_texture_ = Texture::create();
  glActiveTexture(GL_TEXTURE0);
  glBindTexture(GL_TEXTURE_2D, color_texture_.id());
  glTexImage2D(GL_TEXTURE_2D, 0, static_cast<GLint>(fi.internal_format), width, height, 0,
               fi.format, fi.type, nullptr);
  glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MIN_FILTER, GL_NEAREST);
  glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MAG_FILTER, GL_NEAREST);
  glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_S, GL_CLAMP_TO_EDGE);
  glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_T, GL_CLAMP_TO_EDGE);
  check_gl((std::string("allocating ") + fi.name + " texture").c_str());

  resolved_fbo_ = Framebuffer::create();
  glBindFramebuffer(GL_FRAMEBUFFER, resolved_fbo_.id());
  glFramebufferTexture2D(GL_FRAMEBUFFER, GL_COLOR_ATTACHMENT0, GL_TEXTURE_2D, color_texture_.id(),
                         0);
  check_complete(fi.name);

  if (samples_ > 0) {
    msaa_color_ = Renderbuffer::create();
    glBindRenderbuffer(GL_RENDERBUFFER, msaa_color_.id());
    glRenderbufferStorageMultisample(GL_RENDERBUFFER, samples_, fi.internal_format, width, height);
    glBindRenderbuffer(GL_RENDERBUFFER, 0);
    msaa_fbo_ = Framebuffer::create();
    glBindFramebuffer(GL_FRAMEBUFFER, msaa_fbo_.id());
    glFramebufferRenderbuffer(GL_FRAMEBUFFER, GL_COLOR_ATTACHMENT0, GL_RENDERBUFFER,
                              msaa_color_.id());
    check_complete("multisample");
  }
  check_gl("creating offscreen target");
}

GLuint OffscreenTarget::draw_framebuffer() const {
  return samples_ > 0 ? msaa_fbo_.id() : resolved_fbo_.id();
}

void OffscreenTarget::bind_for_drawing() const {
  glBindFramebuffer(GL_FRAMEBUFFER, draw_framebuffer());
  glViewport(0, 0, width_, height_);
}

void OffscreenTarget::clear(const std::array<float, 4>& c) const {
  glBindFramebuffer(GL_DRAW_FRAMEBUFFER, draw_framebuffer());
  glClearColor(c[0], c[1], c[2], c[3]);
  glClear(GL_COLOR_BUFFER_BIT);
}

void OffscreenTarget::resolve() const {
  if (samples_ == 0) return;
  GLint draw = 0, read = 0;
  glGetIntegerv(GL_DRAW_FRAMEBUFFER_BINDING, &draw);
  glGetIntegerv(GL_READ_FRAMEBUFFER_BINDING, &read);
  glBindFramebuffer(GL_READ_FRAMEBUFFER, msaa_fbo_.id());
  glBindFramebuffer(GL_DRAW_FRAMEBUFFER, resolved_fbo_.id());
  glBlitFramebuffer(0, 0, width_, height_, 0, 0, width_, height_, GL_COLOR_BUFFER_BIT, GL_NEAREST);
  glBindFramebuffer(GL_DRAW_FRAMEBUFFER, draw);
  glBindFramebuffer(GL_READ_FRAMEBUFFER, read);
}

void OffscreenTarget::read_rgba8_into(RgbaImage& dest, int dest_x, int dest_y, int width,
                                      int height) const {
  if (format_ != PixelFormat::rgba8) throw GlError("read_rgba8 on a float target");
  if (width > width_ || height > height_ || dest_x < 0 || dest_y < 0 ||
      dest_x + width > dest.width || dest_y + height > dest.height)
    throw GlError("read_rgba8_into: region outside the target or the image");
  resolve();
  GLint read = 0, pack_alignment = 4;
  glGetIntegerv(GL_READ_FRAMEBUFFER_BINDING, &read);
  glGetIntegerv(GL_PACK_ALIGNMENT, &pack_alignment);
  glBindFramebuffer(GL_READ_FRAMEBUFFER, resolved_fbo_.id());
  glPixelStorei(GL_PACK_ALIGNMENT, 1);
  std::vector<uint8_t> rows(static_cast<size_t>(width) * height * 4);
  glReadPixels(0, 0, width, height, GL_RGBA, GL_UNSIGNED_BYTE, rows.data());
  glPixelStorei(GL_PACK_ALIGNMENT, pack_alignment);
  glBindFramebuffer(GL_READ_FRAMEBUFFER, read);
  check_gl("glReadPixels");
  // GL row 0 is the bottom: flip while copying, and un-premultiply.
  const size_t row_bytes = static_cast<size_t>(width) * 4;
  for (int r = 0; r < height; ++r) {
    const uint8_t* src = rows.data() + static_cast<size_t>(height - 1 - r) * row_bytes;
    uint8_t* dst = &dest.pixels[dest.offset(dest_x, dest_y + r)];
    std::copy(src, src + row_bytes, dst);
    for (size_t i = 0; i < row_bytes; i += 4) unpremultiply(dst + i);
  }
}

RgbaImage OffscreenTarget::read_rgba8() const {
  RgbaImage image(width_, height_);
  read_rgba8_into(image, 0, 0, width_, height_);
  return image;
}

std::vector<float> OffscreenTarget::read_float() const {
  if (format_ == PixelFormat::rgba8) throw GlError("read_float on an RGBA8 target");
  const FormatInfo fi = format_info(format_);
  const int channels = format_ == PixelFormat::r32f ? 1 : 4;
  GLint read = 0;
  glGetIntegerv(GL_READ_FRAMEBUFFER_BINDING, &read);
  glBindFramebuffer(GL_READ_FRAMEBUFFER, resolved_fbo_.id());
  std::vector<float> rows(static_cast<size_t>(width_) * height_ * channels);
  glReadPixels(0, 0, width_, height_, fi.format, GL_FLOAT, rows.data());
  glBindFramebuffer(GL_READ_FRAMEBUFFER, read);
  check_gl("glReadPixels (float)");
  std::vector<float> out(rows.size());
  const size_t row = static_cast<size_t>(width_) * channels;
  for (int r = 0; r < height_; ++r)
    std::copy_n(rows.data() + static_cast<size_t>(height_ - 1 - r) * row, row,
                out.data() + static_cast<size_t>(r) * row);
  return out;
}

namespace {

// The GL limits promise nothing about memory: llvmpipe reports GL_MAX_RENDERBUFFER_SIZE 16384 yet
// calls a 12000 x 12000 x 4-sample renderbuffer "incomplete" (status 0x8CD6). So a multisampled
// tile is kept to kMaxMultisampleTile (4096² x 4 samples = 256 MiB), and a target the driver still
// refuses is retried at half the size, then without multisampling, before giving up.
constexpr int kMaxMultisampleTile = 4096;
constexpr int kMinFallbackTile = 256;

std::unique_ptr<OffscreenTarget> tile_target(int width, int height, int& tile, int samples) {
  if (samples > 1) tile = std::min(tile, kMaxMultisampleTile);
  for (;;) {
    try {
      return std::make_unique<OffscreenTarget>(std::min(width, tile), std::min(height, tile),
                                                PixelFormat::rgba8, samples);
    } catch (const GlError&) {
      glGetError();  // the failed attempt's errors are not the next one's
      if (tile > kMinFallbackTile) {
        tile = std::max(kMinFallbackTile, tile / 2);
      } else if (samples > 1) {
        samples = 0;
      } else {
        throw;
      }
    }
  }
}

}  // namespace

RgbaImage render_tiled(int width, int height, const std::function<void(const TileViewport&)>& draw,
                       const TiledRenderOptions& options) {
  if (width <= 0 || height <= 0)
    throw GlError("render_tiled: size must be positive, got " + std::to_string(width) + "x" +
                  std::to_string(height));
  int tile = max_tile_size();
  if (options.max_tile_size > 0) tile = std::min(tile, options.max_tile_size);
  RgbaImage image(width, height);
  ScopedGlState saved;
  // A defined starting state whatever the caller had (e.g. a UI frame with scissoring on).
  glDisable(GL_SCISSOR_TEST);
  glDisable(GL_DEPTH_TEST);
  glDisable(GL_STENCIL_TEST);
  glDisable(GL_CULL_FACE);
  // One target reused for every tile; edge tiles use its lower-left part. `tile` may shrink.
  const std::unique_ptr<OffscreenTarget> target_ptr =
      tile_target(width, height, tile, options.samples);
  OffscreenTarget& target = *target_ptr;
  for (int y = 0; y < height; y += tile) {
    for (int x = 0; x < width; x += tile) {
      const TileViewport t{x,     y,     std::min(tile, width - x), std::min(tile, height - y),
                           width, height};
      glBindFramebuffer(GL_FRAMEBUFFER, target.draw_framebuffer());
      target.clear(options.clear_color);
      glViewport(0, 0, t.width, t.height);
      draw(t);
      target.read_rgba8_into(image, t.x, t.y, t.width, t.height);
    }
  }
  return image;
}

}  // namespace faro::render
