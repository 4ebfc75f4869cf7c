#pragma once
// One headless GL context per render-test process, created on first use. Without EGL/GL the GL
// tests skip with the reason (set FARO_REQUIRE_GL=1 to make them fail instead, e.g. in a CI job
// that is meant to have Mesa). GL objects made by a test must die inside the test (before exit).
#include <gtest/gtest.h>

#include <cstdlib>
#include <memory>
#include <string>

#include "render/egl_context.hpp"

namespace faro_test {

inline faro::render::EglContext* shared_gl_context(std::string* why) {
  static std::string error;
  static std::unique_ptr<faro::render::EglContext> context = []() {
    try {
      return std::make_unique<faro::render::EglContext>();
    } catch (const faro::render::GlUnavailable& e) {
      error = e.what();
      return std::unique_ptr<faro::render::EglContext>();
    }
  }();
  if (context) context->make_current();
  *why = error;
  return context.get();
}

inline bool gl_required() {
  const char* v = std::getenv("FARO_REQUIRE_GL");
  return v != nullptr && *v != '\0' && std::string(v) != "0";
}

}  // namespace faro_test

// Declares `gl` (EglContext*) current on this thread, or skips the test when no context exists.
#define FARO_REQUIRE_GL(gl)                                                            \
  std::string gl##_why;                                                                \
  faro::render::EglContext* gl = faro_test::shared_gl_context(&gl##_why);              \
  if (gl == nullptr) {                                                                 \
    if (faro_test::gl_required()) FAIL() << "FARO_REQUIRE_GL is set but " << gl##_why; \
    GTEST_SKIP() << "headless OpenGL unavailable, GL test skipped: " << gl##_why;      \
  }
