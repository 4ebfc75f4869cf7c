#include <cstdio>

#include "render/gl.hpp"

namespace faro::render {
namespace {
const char* gl_error_name(GLenum e) {
  switch (e) {
    case GL_INVALID_ENUM:
      return "GL_INVALID_ENUM";
    case GL_INVALID_VALUE:
      return "GL_INVALID_VALUE";
    case GL_INVALID_OPERATION:
      return "GL_INVALID_OPERATION";
    case GL_INVALID_FRAMEBUFFER_OPERATION:
      return "GL_INVALID_FRAMEBUFFER_OPERATION";
    case GL_OUT_OF_MEMORY:
      return "GL_OUT_OF_MEMORY";
    default:
      return "unknown GL error";
  }
}
}  // namespace

void check_gl(const char* where) {
  GLenum first = glGetError();
  if (first == GL_NO_ERROR) return;
  // Drain the queue so the next check reports only new errors.
  for (int i = 0; i < 16 && glGetError() != GL_NO_ERROR; ++i) {
  }
  char code[16];
  std::snprintf(code, sizeof code, "0x%04X", first);
  throw GlError(std::string(where) + ": " + gl_error_name(first) + " (" + code + ")");
}

}  // namespace faro::render
