#include "render/shader_program.hpp"

#include <algorithm>
#include <stdexcept>
#include <vector>

#include "render/shader_sources.hpp"

namespace faro::render {
namespace {

std::string shader_log(GLuint shader) {
  GLint length = 0;
  glGetShaderiv(shader, GL_INFO_LOG_LENGTH, &length);
  std::string log(static_cast<size_t>(std::max(length, 1)), '\0');
  glGetShaderInfoLog(shader, length, nullptr, log.data());
  log.resize(log.find('\0') == std::string::npos ? log.size() : log.find('\0'));
  return log;
}

std::string program_log(GLuint program) {
  GLint length = 0;
  glGetProgramiv(program, GL_INFO_LOG_LENGTH, &length);
  std::string log(static_cast<size_t>(std::max(length, 1)), '\0');
  glGetProgramInfoLog(program, length, nullptr, log.data());
  log.resize(log.find('\0') == std::string::npos ? log.size() : log.find('\0'));
  return log;
}

void expand_into(std::string_view name, std::string_view source, int depth, std::string& out) {
  if (depth > 8)
    throw ShaderError(std::string(name), "", std::string(name) + ": #include nested too deeply");
  size_t pos = 0;
  while (pos < source.size()) {
    size_t end = source.find('\n', pos);
    if (end == std::string_view::npos) end = source.size();
    const std::string_view line = source.substr(pos, end - pos);
    const size_t first = line.find_first_not_of(" \t");
    if (first != std::string_view::npos && line.substr(first).starts_with("#include")) {
      const size_t open = line.find('"');
      const size_t close = open == std::string_view::npos ? open : line.find('"', open + 1);
      if (close == std::string_view::npos)
        throw ShaderError(std::string(name), "",
                          std::string(name) + ": malformed #include: " + std::string(line));
      const std::string_view included = line.substr(open + 1, close - open - 1);
      std::string_view text;
      try {
        text = shader_source(included);
      } catch (const std::invalid_argument& e) {
        throw ShaderError(std::string(name), "", std::string(name) + ": " + e.what());
      }
      expand_into(included, text, depth + 1, out);
      out += '\n';
    } else {
      out.append(line);
      out += '\n';
    }
    pos = end + 1;
  }
}

Shader compile(GLenum type, std::string_view name, std::string_view source) {
  const std::string text = expand_includes(name, source);
  Shader shader = Shader::create(type);
  const char* ptr = text.c_str();
  const GLint length = static_cast<GLint>(text.size());
  glShaderSource(shader.id(), 1, &ptr, &length);
  glCompileShader(shader.id());
  GLint ok = GL_FALSE;
  glGetShaderiv(shader.id(), GL_COMPILE_STATUS, &ok);
  if (ok != GL_TRUE) {
    std::string log = shader_log(shader.id());
    throw ShaderError(std::string(name), log,
                      "shader " + std::string(name) + " failed to compile:\n" + log);
  }
  return shader;
}

}  // namespace

std::string expand_includes(std::string_view name, std::string_view source) {
  std::string out;
  out.reserve(source.size());
  expand_into(name, source, 0, out);
  return out;
}

ShaderProgram ShaderProgram::from_embedded(std::string_view vertex_name,
                                           std::string_view fragment_name) {
  return from_sources(vertex_name, shader_source(vertex_name), fragment_name,
                      shader_source(fragment_name));
}

ShaderProgram ShaderProgram::from_sources(std::string_view vertex_name,
                                          std::string_view vertex_source,
                                          std::string_view fragment_name,
                                          std::string_view fragment_source) {
  ShaderProgram p;
  p.label_ = std::string(vertex_name) + " + " + std::string(fragment_name);
  Shader vs = compile(GL_VERTEX_SHADER, vertex_name, vertex_source);
  Shader fs = compile(GL_FRAGMENT_SHADER, fragment_name, fragment_source);
  p.program_ = Program::create();
  glAttachShader(p.program_.id(), vs.id());
  glAttachShader(p.program_.id(), fs.id());
  glLinkProgram(p.program_.id());
  GLint ok = GL_FALSE;
  glGetProgramiv(p.program_.id(), GL_LINK_STATUS, &ok);
  // The program keeps the compiled code; the shader objects can go.
  glDetachShader(p.program_.id(), vs.id());
  glDetachShader(p.program_.id(), fs.id());
  if (ok != GL_TRUE) {
    std::string log = program_log(p.program_.id());
    throw ShaderError(p.label_, log, "program " + p.label_ + " failed to link:\n" + log);
  }
  return p;
}

GLint ShaderProgram::uniform_location(std::string_view name) const {
  if (auto it = uniforms_.find(name); it != uniforms_.end()) return it->second;
  const GLint location = glGetUniformLocation(program_.id(), std::string(name).c_str());
  uniforms_.emplace(std::string(name), location);
  return location;
}

void ShaderProgram::set(std::string_view name, int value) const {
  glUniform1i(uniform_location(name), value);
}
void ShaderProgram::set(std::string_view name, float value) const {
  glUniform1f(uniform_location(name), value);
}
void ShaderProgram::set(std::string_view name, const std::array<float, 2>& v) const {
  glUniform2fv(uniform_location(name), 1, v.data());
}
void ShaderProgram::set(std::string_view name, const std::array<float, 4>& v) const {
  glUniform4fv(uniform_location(name), 1, v.data());
}
void ShaderProgram::set(std::string_view name, const std::array<float, 9>& m) const {
  glUniformMatrix3fv(uniform_location(name), 1, GL_FALSE, m.data());
}
void ShaderProgram::set(std::string_view name, const std::array<float, 16>& m) const {
  glUniformMatrix4fv(uniform_location(name), 1, GL_FALSE, m.data());
}

}  // namespace faro::render
