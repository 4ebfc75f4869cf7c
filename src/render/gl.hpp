#pragma once
// The one place that includes the OpenGL headers. No loader: with glvnd, libOpenGL exports every
// core entry point and dispatches to the vendor behind the current EGL context, so the prototypes
// link directly. Target API: OpenGL 3.3 core (nothing newer is called without a version check).
#ifndef GL_GLEXT_PROTOTYPES
#define GL_GLEXT_PROTOTYPES 1
#endif
#include <GL/glcorearb.h>

#include <stdexcept>
#include <string>

#include "core/errors.hpp"

namespace faro::render {

// A GL call failed (glGetError) or a GL resource could not be made (framebuffer incomplete, ...).
// A resource error (exit code 3 in the CLI, a modal in the dashboard): core/error_kind.hpp.
struct GlError : ResourceError {
  explicit GlError(const std::string& message) : ResourceError(Resource::gl, message) {}
};

// Throws GlError naming `where` and the GL error code when glGetError reports one; clears the
// error queue. Cheap enough for once-per-resource checks, not for every draw call.
void check_gl(const char* where);

}  // namespace faro::render
