#pragma once
// Headless ImGui for the ui tests: a context with no window and no renderer (DisplaySize set by
// hand, the font atlas built to RGBA32 in memory), and the demo city as a Workspace built
// directly from core/demo_city.hpp so the tests do not depend on the io loaders.
#include <imgui.h>

#include <cstdlib>
#include <filesystem>
#include <functional>
#include <optional>

#include "core/data_snapshot.hpp"
#include "core/demo_city.hpp"
#include "core/session.hpp"
#include "core/workspace.hpp"
#include "render/egl_context.hpp"
#include "ui/dashboard_ui.hpp"

// A headless EGL context for screenshot tests, or the test is skipped with the reason.
#define FARO_UI_REQUIRE_EGL(gl)                                        \
  std::optional<::faro::render::EglContext> gl;                        \
  try {                                                                \
    gl.emplace();                                                      \
  } catch (const ::faro::render::GlUnavailable& e) {                   \
    GTEST_SKIP() << "no OpenGL through EGL: " << e.what();             \
  }

namespace faro::ui::testing {

// Where screenshot tests write PNGs to look at: $FARO_UI_SCREENSHOT_DIR, else a temp folder.
inline std::filesystem::path screenshot_dir() {
  const char* env_dir = std::getenv("FARO_UI_SCREENSHOT_DIR");
  const std::filesystem::path dir =
      env_dir ? env_dir : std::filesystem::temp_directory_path() / "faro_ui_screenshots";
  std::filesystem::create_directories(dir);
  return dir;
}

// Header-only (the tests CMake compiles tests/ui/*_test.cpp only).
// Creates and destroys an ImGui context; the DashboardUi's fonts are loaded and the atlas
// texture "uploaded" (its pixels fetched, which is what a backend does).
class HeadlessImGui {
 public:
  explicit HeadlessImGui(float width = 1600, float height = 900, float scale = 1.0f)
      : ctx_(ImGui::CreateContext()) {
    ImGuiIO& io = ImGui::GetIO();
    io.IniFilename = nullptr;  // tests never write imgui.ini
    io.DisplaySize = ImVec2(width, height);
    io.DeltaTime = 1.0f / 60.0f;
    ui_.load_fonts(scale);
    unsigned char* pixels = nullptr;
    int w = 0, h = 0;
    io.Fonts->GetTexDataAsRGBA32(&pixels, &w, &h);
    io.Fonts->SetTexID(reinterpret_cast<ImTextureID>(static_cast<intptr_t>(1)));
  }
  ~HeadlessImGui() { ImGui::DestroyContext(ctx_); }
  HeadlessImGui(const HeadlessImGui&) = delete;
  HeadlessImGui& operator=(const HeadlessImGui&) = delete;

  DashboardUi& ui() { return ui_; }
  // One frame: NewFrame, `body`, Render. Returns the draw data of that frame.
  ImDrawData* frame(const std::function<void()>& body) {
    ImGui::NewFrame();
    body();
    ImGui::Render();
    return ImGui::GetDrawData();
  }
  void set_mouse(float x, float y, bool down) {
    ImGuiIO& io = ImGui::GetIO();
    io.MousePos = ImVec2(x, y);
    io.MouseDown[0] = down;
  }

 private:
  ImGuiContext* ctx_;
  DashboardUi ui_;
};

// The demo city (small: `incidents` before the program effect) as a Workspace.
inline Workspace demo_workspace(int64_t incidents = 3000) {
  DemoOptions o;
  o.incidents = incidents;
  DemoCity demo = generate_demo_city(o);
  Workspace ws;
  ws.sectors = std::move(demo.sectors);
  ws.incidents = std::move(demo.incidents);
  ws.programs = std::move(demo.programs);
  ws.synthetic = true;
  ws.title = demo.name;
  ws.data_from = days_from_civil(o.first_year, 1, 1) * kSecondsPerDay;
  ws.data_to_exclusive = days_from_civil(o.last_year + 1, 1, 1) * kSecondsPerDay;
  ws.extent = ws.sectors.extent();
  return ws;
}

// The demo city as the app's data snapshot, with `s.filter` and `s.programs` applied.
inline SnapshotPtr demo_snapshot(const Session& s, int64_t incidents = 3000) {
  auto ws = std::make_shared<Workspace>(demo_workspace(incidents));
  SnapshotPtr snap = make_snapshot(std::move(ws), s.filter, {}, 1);
  return s.programs.empty() ? snap : with_programs(*snap, s.programs);
}

// What the app does after the panels drew: a new snapshot when the session's filter or programs
// moved away from `snap`'s (core/data_snapshot.hpp), else `snap` itself.
inline SnapshotPtr follow(const SnapshotPtr& snap, const Session& s) {
  SnapshotPtr next = snap;
  if (!(s.programs == next->programs)) next = with_programs(*next, s.programs);
  if (!(s.filter == next->filter)) next = with_filter(*next, s.filter);
  return next;
}

}  // namespace faro::ui::testing
