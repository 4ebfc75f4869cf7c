#pragma once
// A headless OpenGL 3.3 core context through EGL: no window system, no X display. Used by the
// offscreen renderer (PNG export, tests, CI on Mesa llvmpipe) and by any GPU driver with EGL
// (NVIDIA through EGL_EXT_platform_device). EGL types stay out of this header.
//
// Display order (EglPlatform::automatic): Mesa's surfaceless platform, then every EGL device
// (EGL_EXT_platform_device), then the default display. When the surfaceless platform gives only a
// software rasterizer, hardware devices are tried next and preferred. The environment variable
// FARO_EGL_PLATFORM=surfaceless|device|default forces one platform.
//
// Threading: a context is current on one thread at a time. The constructor makes it current on the
// calling thread. GL objects (render/gl_handles.hpp) must be destroyed while their context is
// current, so destroy them before the context.
#include "core/errors.hpp"
#include <memory>
#include <stdexcept>
#include <string>

namespace faro::render {

// No EGL display or no OpenGL >= 3.3 core context could be created on any platform; the message
// lists what was tried and why each attempt failed.
// A resource error (exit 3) when nothing falls back to software: core/error_kind.hpp.
struct GlUnavailable : ResourceError {
  explicit GlUnavailable(const std::string& message) : ResourceError(Resource::gl, message) {}
};

enum class EglPlatform { automatic, surfaceless, device, default_display };

struct EglContextOptions {
  EglPlatform platform = EglPlatform::automatic;
  int major = 3, minor = 3;  // minimum core-profile version requested
};

struct GlContextInfo {
  std::string platform;          // e.g. "EGL_MESA_platform_surfaceless", "EGL device 0 (...)"
  std::string egl_version;       // e.g. "1.5"
  std::string egl_vendor;        // e.g. "Mesa Project", "NVIDIA"
  std::string renderer;          // GL_RENDERER, e.g. "llvmpipe (LLVM 15.0.6, 256 bits)"
  std::string vendor;            // GL_VENDOR
  std::string version;           // GL_VERSION, e.g. "4.5 (Core Profile) Mesa 22.3.6"
  std::string shading_language;  // GL_SHADING_LANGUAGE_VERSION
  int major = 0, minor = 0;
  bool core_profile = false;
  bool software = false;  // llvmpipe, softpipe, swrast: correct but CPU-bound
  // Limits the offscreen renderer tiles around (pixels).
  int max_texture_size = 0;
  int max_renderbuffer_size = 0;
  int max_viewport_width = 0, max_viewport_height = 0;
  int max_samples = 0;  // MSAA samples for renderbuffers

  // One line for logs and `faro --version`-style reports.
  std::string summary() const;
};

class EglContext {
 public:
  // Creates the context and makes it current on this thread. Throws GlUnavailable.
  explicit EglContext(const EglContextOptions& options = {});
  ~EglContext();
  EglContext(EglContext&& other) noexcept;
  EglContext& operator=(EglContext&& other) noexcept;
  EglContext(const EglContext&) = delete;
  EglContext& operator=(const EglContext&) = delete;

  void make_current() const;     // throws GlError when EGL refuses
  void release_current() const;  // detaches it from this thread (no-op when not current)
  bool is_current() const;
  const GlContextInfo& info() const;

  // Whether any EGL OpenGL context is current on this thread (ours or someone else's).
  static bool any_current();

  struct State;  // EGL handles; opaque outside egl_context.cpp

 private:
  std::unique_ptr<State> state_;
};

}  // namespace faro::render
