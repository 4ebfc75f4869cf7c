// Shader compilation from the embedded sources: every shader in shaders/ compiles, errors carry
// the shader name and the driver's info log, #include resolves embedded files.
#include <gtest/gtest.h>

#include <algorithm>

#include "gl_test_support.hpp"
#include "render/shader_program.hpp"
#include "render/shader_sources.hpp"

namespace {

using faro::render::ShaderError;
using faro::render::ShaderProgram;

constexpr const char* kPassVertex = R"(#version 330 core
layout(location = 0) in vec2 a_position;
void main() { gl_Position = vec4(a_position, 0.0, 1.0); }
)";

TEST(ShaderSources, EmbedsEveryShaderFileByName) {
  const auto names = faro::render::shader_names();
  for (const char* n : {"solid_fill.vert", "solid_fill.frag", "outline.vert", "premultiply.glsl"})
    EXPECT_NE(std::find(names.begin(), names.end(), n), names.end()) << n;
  EXPECT_TRUE(std::is_sorted(names.begin(), names.end()));
  EXPECT_TRUE(faro::render::shader_source("solid_fill.vert").starts_with("#version 330 core"));
  EXPECT_THROW(faro::render::shader_source("missing.frag"), std::invalid_argument);
}

TEST(ShaderSources, IncludeIsExpandedFromEmbeddedFiles) {
  const std::string text = faro::render::expand_includes(
      "solid_fill.frag", faro::render::shader_source("solid_fill.frag"));
  EXPECT_EQ(text.find("#include"), std::string::npos);
  EXPECT_NE(text.find("vec4 premultiply(vec4 c)"), std::string::npos);
  EXPECT_THROW(faro::render::expand_includes("x.frag", "#include \"nope.glsl\"\n"), ShaderError);
}

TEST(ShaderProgram, EmbeddedProgramsCompileAndLink) {
  FARO_REQUIRE_GL(gl);
  const ShaderProgram fill = ShaderProgram::from_embedded("solid_fill.vert", "solid_fill.frag");
  EXPECT_NE(fill.id(), 0u);
  EXPECT_GE(fill.uniform_location("u_view"), 0);
  EXPECT_GE(fill.uniform_location("u_feature_colors"), 0);
  EXPECT_EQ(fill.uniform_location("u_not_declared"), -1);
  // Cached: the same answer without asking GL again (and still -1 for unknown names).
  EXPECT_EQ(fill.uniform_location("u_view"), fill.uniform_location("u_view"));
  const ShaderProgram outline = ShaderProgram::from_embedded("outline.vert", "solid_fill.frag");
  EXPECT_GE(outline.uniform_location("u_half_width_m"), 0);
}

TEST(ShaderProgram, SyntaxErrorThrowsWithInfoLogAndName) {
  FARO_REQUIRE_GL(gl);
  const char* broken = R"(#version 330 core
out vec4 color;
void main() { color = vec4(1.0) +* 2.0; }
)";
  try {
    ShaderProgram::from_sources("pass.vert", kPassVertex, "broken.frag", broken);
    FAIL() << "expected ShaderError";
  } catch (const ShaderError& e) {
    EXPECT_EQ(e.name, "broken.frag");
    EXPECT_FALSE(e.info_log.empty());
    const std::string what = e.what();
    EXPECT_NE(what.find("broken.frag"), std::string::npos) << what;
    EXPECT_NE(what.find(e.info_log), std::string::npos) << what;
    // Mesa and NVIDIA both name line 3 of the source ("0:3(...)" or "0(3)").
    EXPECT_NE(e.info_log.find("3"), std::string::npos) << e.info_log;
  }
}

TEST(ShaderProgram, LinkErrorThrowsWithProgramLog) {
  FARO_REQUIRE_GL(gl);
  // Compiles alone, but the function it calls is defined in no shader: a link error everywhere.
  const char* needs_input = R"(#version 330 core
vec4 defined_nowhere();
out vec4 color;
void main() { color = defined_nowhere(); }
)";
  try {
    ShaderProgram::from_sources("pass.vert", kPassVertex, "needs_input.frag", needs_input);
    FAIL() << "expected ShaderError";
  } catch (const ShaderError& e) {
    EXPECT_EQ(e.name, "pass.vert + needs_input.frag");
    EXPECT_NE(std::string(e.what()).find("failed to link"), std::string::npos) << e.what();
    EXPECT_FALSE(e.info_log.empty());
  }
}

}  // namespace
