#pragma once
// Move-only RAII owners of GL object names. Each owns one name and deletes it on destruction, so
// the context that created it must be current then (destroy GL objects before the EglContext).
// A default-constructed handle is empty (name 0) and deletes nothing.
//
//   Buffer vbo = Buffer::create();
//   glBindBuffer(GL_ARRAY_BUFFER, vbo.id());
#include <utility>

#include "render/gl.hpp"

namespace faro::render {

template <class Traits>
class GlHandle {
 public:
  GlHandle() = default;
  ~GlHandle() { reset(); }
  GlHandle(GlHandle&& other) noexcept : id_(std::exchange(other.id_, 0)) {}
  GlHandle& operator=(GlHandle&& other) noexcept {
    if (this != &other) {
      reset();
      id_ = std::exchange(other.id_, 0);
    }
    return *this;
  }
  GlHandle(const GlHandle&) = delete;
  GlHandle& operator=(const GlHandle&) = delete;

  // Creates a new GL object; throws GlError when the driver returns no name.
  template <class... Args>
  static GlHandle create(Args... args) {
    GlHandle h;
    h.id_ = Traits::create(args...);
    if (h.id_ == 0) throw GlError(std::string("cannot create GL ") + Traits::kind);
    return h;
  }
  // Takes ownership of an existing name.
  static GlHandle adopt(GLuint id) {
    GlHandle h;
    h.id_ = id;
    return h;
  }

  GLuint id() const { return id_; }
  explicit operator bool() const { return id_ != 0; }
  void reset() {
    if (id_ != 0) Traits::destroy(id_);
    id_ = 0;
  }
  GLuint release() { return std::exchange(id_, 0); }

 private:
  GLuint id_ = 0;
};

namespace gl_traits {

struct Buffer {
  static constexpr const char* kind = "buffer";
  static GLuint create() {
    GLuint id = 0;
    glGenBuffers(1, &id);
    return id;
  }
  static void destroy(GLuint id) { glDeleteBuffers(1, &id); }
};
struct VertexArray {
  static constexpr const char* kind = "vertex array";
  static GLuint create() {
    GLuint id = 0;
    glGenVertexArrays(1, &id);
    return id;
  }
  static void destroy(GLuint id) { glDeleteVertexArrays(1, &id); }
};
struct Texture {
  static constexpr const char* kind = "texture";
  static GLuint create() {
    GLuint id = 0;
    glGenTextures(1, &id);
    return id;
  }
  static void destroy(GLuint id) { glDeleteTextures(1, &id); }
};
struct Framebuffer {
  static constexpr const char* kind = "framebuffer";
  static GLuint create() {
    GLuint id = 0;
    glGenFramebuffers(1, &id);
    return id;
  }
  static void destroy(GLuint id) { glDeleteFramebuffers(1, &id); }
};
struct Renderbuffer {
  static constexpr const char* kind = "renderbuffer";
  static GLuint create() {
    GLuint id = 0;
    glGenRenderbuffers(1, &id);
    return id;
  }
  static void destroy(GLuint id) { glDeleteRenderbuffers(1, &id); }
};
struct Shader {
  static constexpr const char* kind = "shader";
  static GLuint create(GLenum type) { return glCreateShader(type); }
  static void destroy(GLuint id) { glDeleteShader(id); }
};
struct Program {
  static constexpr const char* kind = "program";
  static GLuint create() { return glCreateProgram(); }
  static void destroy(GLuint id) { glDeleteProgram(id); }
};

}  // namespace gl_traits

using Buffer = GlHandle<gl_traits::Buffer>;
using VertexArray = GlHandle<gl_traits::VertexArray>;
using Texture = GlHandle<gl_traits::Texture>;
using Framebuffer = GlHandle<gl_traits::Framebuffer>;
using Renderbuffer = GlHandle<gl_traits::Renderbuffer>;
using Shader = GlHandle<gl_traits::Shader>;  // Shader::create(GL_VERTEX_SHADER)
using Program = GlHandle<gl_traits::Program>;

}  // namespace faro::render
