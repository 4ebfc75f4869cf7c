#include "app/headless_dashboard.hpp"

#include <backends/imgui_impl_opengl3.h>
#include <imgui.h>

#include <algorithm>
#include <chrono>
#include <iostream>

#include "io/png_writer.hpp"
#include "render/egl_context.hpp"
#include "render/gl.hpp"
#include "render/map_renderer.hpp"
#include "render/offscreen_target.hpp"

namespace faro::app {
namespace {

// Frames before the screenshot when none is asked for: the first lays out the panels and
// requests the density grid, the next ones show it.
constexpr int kDefaultFrames = 5;
// Longest wait for the load and the first density grid before a screenshot.
constexpr std::chrono::seconds kSettleTimeout{180};
// Frames in all a screenshot may take while background work still changes the map (basemap
// tiles are uploaded 16 a frame, app/basemap_view.hpp).
constexpr int kMaxScreenshotFrames = 200;
// Behind the panels (the panels and the map cover nearly all of it).
constexpr render::Rgba8 kClearColor{240, 240, 238, 255};

}  // namespace

HeadlessDashboard::HeadlessDashboard(const DashboardOptions& options)
    : width_(std::clamp(options.width, 64, 8192)), height_(std::clamp(options.height, 64, 8192)) {
  egl_ = std::make_unique<render::EglContext>();  // throws GlUnavailable with what was tried
  IMGUI_CHECKVERSION();
  imgui_ = ImGui::CreateContext();
  ImGui::GetIO().IniFilename = nullptr;  // nothing written next to the user's files
  app_ = std::make_unique<DashboardApp>(options);
  app_->init(options.ui_scale);
  ImGui_ImplOpenGL3_Init("#version 330 core");
  backend_ = true;
  target_ = std::make_unique<render::OffscreenTarget>(width_, height_);
}

HeadlessDashboard::~HeadlessDashboard() {
  target_.reset();
  app_.reset();  // GL objects die while the context is current
  if (backend_) ImGui_ImplOpenGL3_Shutdown();
  if (imgui_) ImGui::DestroyContext(imgui_);
}

void HeadlessDashboard::frame(const PlatformInput& input, bool finish) {
  ImGuiIO& io = ImGui::GetIO();
  io.DisplaySize = ImVec2(static_cast<float>(width_), static_cast<float>(height_));
  io.DisplayFramebufferScale = ImVec2(1, 1);
  io.DeltaTime = 1.0f / 60.0f;
  ImGui_ImplOpenGL3_NewFrame();
  ImGui::NewFrame();
  app_->frame(input, 1.0f);
  ImGui::Render();
  const auto t0 = std::chrono::steady_clock::now();
  const double cpu0 = finish ? process_cpu_ms() : 0;
  target_->bind_for_drawing();
  target_->clear(render::premultiplied(kClearColor));
  backgrounds_.prepare(ImGui::GetDrawData());
  ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());
  if (finish) glFinish();
  app_->profile().imgui_gl_ms =
      std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count();
  if (finish) {
    FrameProfile& p = app_->profile();
    p.imgui_gl_cpu_ms = process_cpu_ms() - cpu0;
    const ImDrawData* dd = ImGui::GetDrawData();
    p.imgui_vertices = dd->TotalVtxCount;
    p.imgui_commands = 0;
    for (int i = 0; i < dd->CmdListsCount; ++i) p.imgui_commands += dd->CmdLists[i]->CmdBuffer.Size;
  }
  app_->after_frame();
}

render::RgbaImage HeadlessDashboard::read() const {
  return target_->read_rgba8();
}

std::string HeadlessDashboard::renderer() const {
  return egl_->info().renderer;
}

int run_headless(const DashboardOptions& options, std::ostream& out, std::ostream& err) {
  const std::string path =
      options.screenshot.empty() ? kDefaultHeadlessScreenshot : options.screenshot;
  HeadlessDashboard dashboard(options);
  const int frames = options.frames > 0 ? options.frames : kDefaultFrames;
  // After each frame, let the load, the density grid and the basemap readers finish, so the next
  // frame shows them; once the frames asked for are done, go on while background work would
  // still change the map (tiles read but not yet uploaded), so the picture is the finished map.
  int drawn = 0;
  bool unshown = false;  // background work finished that no frame has drawn yet
  for (; drawn < std::max(frames, kMaxScreenshotFrames) && !dashboard.app().quit_requested();
       ++drawn) {
    if (drawn >= frames && !unshown) break;
    dashboard.frame();
    const bool working = dashboard.app().busy();  // its result shows in the next frame
    const bool settled = dashboard.app().settle(kSettleTimeout);
    if (!settled)
      err << "faro dashboard: warning: still loading after " << kSettleTimeout.count()
          << " s; the picture may be incomplete\n";
    unshown = settled && (working || dashboard.app().busy());
  }
  if (dashboard.app().busy())
    err << "faro dashboard: warning: background work unfinished after " << drawn
        << " frames; the picture may be incomplete\n";
  int status = 0;
  try {
    const render::RgbaImage image = dashboard.read();
    io::write_png_rgba(path, image.pixels, image.width, image.height);
    out << "wrote " << path << " (" << image.width << "x" << image.height << ", "
        << dashboard.renderer() << ")\n";
  } catch (const std::exception& e) {
    err << "faro dashboard: " << e.what() << "\n";
    status = 1;
  }
  // The errors were shown in the picture's error window; a scripted run also reports them.
  for (const std::string& e : dashboard.app().error_log()) err << "faro dashboard: " << e << "\n";
  if (!dashboard.app().error_log().empty()) status = 1;
  return status;
}

}  // namespace faro::app
