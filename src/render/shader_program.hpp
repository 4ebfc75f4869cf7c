#pragma once
// A linked GLSL program built from the embedded shaders (render/shader_sources.hpp), with uniform
// locations cached by name. Shaders start with their own `#version 330 core`; a line
// `#include "name.glsl"` is replaced by that embedded file (for code shared between shaders).
#include <array>
#include <string>
#include <string_view>
#include <unordered_map>

#include "render/gl_handles.hpp"

namespace faro::render {

// Compiling or linking failed. what() names the shader (or program) and carries the driver's
// info log, which names the line of the error.
struct ShaderError : GlError {
  ShaderError(std::string name_, std::string log_, const std::string& message)
      : GlError(message), name(std::move(name_)), info_log(std::move(log_)) {}
  std::string name;      // "solid_fill.frag", or "a.vert + b.frag" for link errors
  std::string info_log;  // the driver's compile or link log
};

class ShaderProgram {
 public:
  ShaderProgram() = default;

  // Compiles and links two embedded shaders, e.g. ("solid_fill.vert", "solid_fill.frag").
  static ShaderProgram from_embedded(std::string_view vertex_name, std::string_view fragment_name);
  // Same from source text; the names only label errors. #include still resolves embedded files.
  static ShaderProgram from_sources(std::string_view vertex_name, std::string_view vertex_source,
                                    std::string_view fragment_name,
                                    std::string_view fragment_source);

  GLuint id() const { return program_.id(); }
  const std::string& label() const { return label_; }
  void use() const { glUseProgram(program_.id()); }

  // -1 when the program has no active uniform of that name (GL ignores sets to -1).
  GLint uniform_location(std::string_view name) const;

  // Setters act on the program in use (GL 3.3 has no glProgramUniform*): call use() first.
  void set(std::string_view name, int value) const;
  void set(std::string_view name, float value) const;
  void set(std::string_view name, const std::array<float, 2>& value) const;
  void set(std::string_view name, const std::array<float, 4>& value) const;
  void set(std::string_view name, const std::array<float, 9>& column_major_mat3) const;
  void set(std::string_view name, const std::array<float, 16>& column_major_mat4) const;

 private:
  struct NameHash {
    using is_transparent = void;
    size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
  };

  Program program_;
  std::string label_;
  mutable std::unordered_map<std::string, GLint, NameHash, std::equal_to<>> uniforms_;
};

// The shader text with `#include "x.glsl"` lines expanded from the embedded shaders (nested up to
// 8 levels). Throws ShaderError naming `name` for an unknown include.
std::string expand_includes(std::string_view name, std::string_view source);

}  // namespace faro::render
