// Headless EGL context creation: an OpenGL >= 3.3 core context with sane limits, a second context
// alongside the first, and a clear error for a bad FARO_EGL_PLATFORM.
#include <gtest/gtest.h>

#include <cstdlib>
#include <iostream>

#include "gl_test_support.hpp"
#include "render/gl.hpp"

namespace {

using faro::render::EglContext;

TEST(EglContext, CreatesOpenGl33CoreOrNewer) {
  FARO_REQUIRE_GL(gl);
  const faro::render::GlContextInfo& info = gl->info();
  std::cout << "[ renderer ] " << info.summary() << "\n";
  EXPECT_TRUE(info.major > 3 || (info.major == 3 && info.minor >= 3)) << info.version;
  EXPECT_TRUE(info.core_profile) << info.version;
  EXPECT_FALSE(info.renderer.empty());
  EXPECT_FALSE(info.vendor.empty());
  EXPECT_FALSE(info.shading_language.empty());
  EXPECT_FALSE(info.platform.empty());
  // GL 3.3 guarantees 1024 for texture/renderbuffer sizes; every real driver gives far more.
  EXPECT_GE(info.max_texture_size, 1024);
  EXPECT_GE(info.max_renderbuffer_size, 1024);
  EXPECT_GE(info.max_viewport_width, 1024);
  EXPECT_TRUE(gl->is_current());
  EXPECT_TRUE(EglContext::any_current());
  // The strings queried from the live context agree with the info.
  EXPECT_EQ(reinterpret_cast<const char*>(glGetString(GL_RENDERER)), info.renderer);
  EXPECT_EQ(glGetError(), static_cast<GLenum>(GL_NO_ERROR));
}

TEST(EglContext, SecondContextCoexistsAndHandsBack) {
  FARO_REQUIRE_GL(gl);
  {
    EglContext second;
    EXPECT_TRUE(second.is_current());
    EXPECT_FALSE(gl->is_current());
    EglContext moved = std::move(second);
    EXPECT_TRUE(moved.is_current());
  }
  // Destroying the second context (same EGL display) must leave the first usable.
  EXPECT_FALSE(EglContext::any_current());
  gl->make_current();
  EXPECT_TRUE(gl->is_current());
  glClearColor(0, 0, 0, 0);
  EXPECT_EQ(glGetError(), static_cast<GLenum>(GL_NO_ERROR));
  gl->release_current();
  EXPECT_FALSE(gl->is_current());
  gl->make_current();
}

TEST(EglContext, BadPlatformVariableIsAClearError) {
  FARO_REQUIRE_GL(gl);
  ::setenv("FARO_EGL_PLATFORM", "wayland-please", 1);
  try {
    EglContext c;
    ADD_FAILURE() << "expected GlUnavailable";
  } catch (const faro::render::GlUnavailable& e) {
    EXPECT_NE(std::string(e.what()).find("FARO_EGL_PLATFORM=wayland-please"), std::string::npos)
        << e.what();
  }
  ::unsetenv("FARO_EGL_PLATFORM");
  gl->make_current();
}

TEST(EglContext, ForcedSurfacelessPlatformWorksOnMesa) {
  FARO_REQUIRE_GL(gl);
  if (gl->info().platform != "EGL_MESA_platform_surfaceless")
    GTEST_SKIP() << "default context came from " << gl->info().platform;
  faro::render::EglContextOptions options;
  options.platform = faro::render::EglPlatform::surfaceless;
  EglContext c(options);
  EXPECT_EQ(c.info().platform, "EGL_MESA_platform_surfaceless");
  EXPECT_EQ(c.info().renderer, gl->info().renderer);
  c.release_current();
  gl->make_current();
}

}  // namespace
