// The dashboard in a GLFW window: OpenGL 3.3 core context, ImGui's GLFW and OpenGL3 backends,
// HiDPI fonts from the window's content scale, drag-and-drop, and presentation mode as a
// full-screen window on the current monitor. With --screenshot the window's back buffer is read
// after the last frame and written to a PNG (what the Xvfb smoke test does).
#define GLFW_INCLUDE_NONE
#include <GLFW/glfw3.h>
#include <imgui.h>
#include <backends/imgui_impl_glfw.h>
#include <backends/imgui_impl_opengl3.h>

#include <cstdlib>
#include <iostream>

#include "app/dashboard_app.hpp"
#include "app/dashboard_options.hpp"
#include "app/opaque_backgrounds.hpp"
#include "io/png_writer.hpp"
#include "render/gl.hpp"
#include "render/image.hpp"

namespace faro::app {
namespace {

// Files dropped since the last frame. GLFW's drop callback has no user data slot free (ImGui's
// backend owns the window's callbacks), and there is one window.
std::vector<std::string> g_dropped;

void on_drop(GLFWwindow*, int count, const char** paths) {
  for (int i = 0; i < count; ++i) g_dropped.emplace_back(paths[i]);
}

std::string g_glfw_error;
void on_glfw_error(int code, const char* description) {
  g_glfw_error = std::string(description) + " (GLFW error " + std::to_string(code) + ")";
}

// Window placement to restore when presentation mode ends.
struct WindowedPlacement {
  int x = 100, y = 100, width = 1600, height = 900;
};

void set_fullscreen(GLFWwindow* window, bool on, WindowedPlacement& saved) {
  if (on) {
    glfwGetWindowPos(window, &saved.x, &saved.y);
    glfwGetWindowSize(window, &saved.width, &saved.height);
    GLFWmonitor* monitor = glfwGetPrimaryMonitor();
    if (!monitor) return;
    const GLFWvidmode* mode = glfwGetVideoMode(monitor);
    glfwSetWindowMonitor(window, monitor, 0, 0, mode->width, mode->height, mode->refreshRate);
  } else {
    glfwSetWindowMonitor(window, nullptr, saved.x, saved.y, saved.width, saved.height, 0);
  }
}

// The back buffer as a top-down RGBA image (read before the swap).
render::RgbaImage read_back_buffer(int width, int height) {
  render::RgbaImage image(width, height);
  std::vector<uint8_t> rows(image.pixels.size());
  glPixelStorei(GL_PACK_ALIGNMENT, 1);
  glReadBuffer(GL_BACK);
  glReadPixels(0, 0, width, height, GL_RGBA, GL_UNSIGNED_BYTE, rows.data());
  const size_t stride = static_cast<size_t>(width) * 4;
  for (int y = 0; y < height; ++y)
    std::copy_n(&rows[(height - 1 - y) * stride], stride, &image.pixels[y * stride]);
  for (size_t i = 3; i < image.pixels.size(); i += 4) image.pixels[i] = 255;  // opaque window
  return image;
}

}  // namespace

bool display_available() {
  const char* x11 = std::getenv("DISPLAY");
  const char* wayland = std::getenv("WAYLAND_DISPLAY");
  return (x11 && *x11) || (wayland && *wayland);
}

int run_windowed(const DashboardOptions& options, std::ostream& out, std::ostream& err) {
  glfwSetErrorCallback(on_glfw_error);
  if (!glfwInit()) {
    err << "faro dashboard: cannot start the window system: " << g_glfw_error << "\n";
    return kNoWindow;
  }
  glfwWindowHint(GLFW_CONTEXT_VERSION_MAJOR, 3);
  glfwWindowHint(GLFW_CONTEXT_VERSION_MINOR, 3);
  glfwWindowHint(GLFW_OPENGL_PROFILE, GLFW_OPENGL_CORE_PROFILE);
  glfwWindowHint(GLFW_OPENGL_FORWARD_COMPAT, GLFW_TRUE);
  glfwWindowHint(GLFW_SCALE_TO_MONITOR, GLFW_TRUE);  // window size in logical units on HiDPI
  GLFWwindow* window = glfwCreateWindow(std::max(320, options.width), std::max(240, options.height),
                                        "Faro", nullptr, nullptr);
  if (!window) {
    err << "faro dashboard: cannot open an OpenGL 3.3 window: " << g_glfw_error << "\n";
    glfwTerminate();
    return kNoWindow;
  }
  glfwMakeContextCurrent(window);
  const bool scripted = !options.screenshot.empty() || options.frames > 0;
  glfwSwapInterval(scripted ? 0 : 1);
  glfwSetDropCallback(window, on_drop);
  float scale_x = 1, scale_y = 1;
  glfwGetWindowContentScale(window, &scale_x, &scale_y);

  IMGUI_CHECKVERSION();
  ImGuiContext* imgui = ImGui::CreateContext();
  ImGui::GetIO().IniFilename = nullptr;
  int status = 0;
  {
    DashboardApp app(options);
    app.init(scale_x * options.ui_scale);
    ImGui_ImplGlfw_InitForOpenGL(window, true);
    ImGui_ImplOpenGL3_Init("#version 330 core");
    WindowedPlacement placement;
    OpaqueBackgrounds backgrounds;
    bool fullscreen = false, f11_was_down = false, f5_was_down = false;
    float font_scale = scale_x * options.ui_scale;
    const int frames = options.frames > 0 ? options.frames : (scripted ? 5 : 0);
    for (int i = 0; (frames == 0 || i < frames) && !glfwWindowShouldClose(window); ++i) {
      glfwPollEvents();
      PlatformInput input;
      const bool f11 = glfwGetKey(window, GLFW_KEY_F11) == GLFW_PRESS;
      input.toggle_presentation = f11 && !f11_was_down;
      f11_was_down = f11;
      const bool f5 = glfwGetKey(window, GLFW_KEY_F5) == GLFW_PRESS;
      input.refresh = f5 && !f5_was_down;  // Refresh a live PostGIS source
      f5_was_down = f5;
      input.dropped.swap(g_dropped);
      glfwGetWindowContentScale(window, &scale_x, &scale_y);
      if (scale_x * options.ui_scale != font_scale) {  // moved to a monitor with another scale: crisp fonts again
        font_scale = scale_x * options.ui_scale;
        app.load_fonts(font_scale);
        ImGui_ImplOpenGL3_DestroyFontsTexture();
        ImGui_ImplOpenGL3_CreateFontsTexture();
      }
      ImGui_ImplOpenGL3_NewFrame();
      ImGui_ImplGlfw_NewFrame();
      ImGui::NewFrame();
      app.frame(input, ImGui::GetIO().DisplayFramebufferScale.x);
      ImGui::Render();
      int fb_w = 0, fb_h = 0;
      glfwGetFramebufferSize(window, &fb_w, &fb_h);
      glViewport(0, 0, fb_w, fb_h);
      glClearColor(0.94f, 0.94f, 0.93f, 1.0f);
      glClear(GL_COLOR_BUFFER_BIT);
      backgrounds.prepare(ImGui::GetDrawData());  // panel backgrounds as clears (software GL)
      ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());
      app.after_frame();
      if (app.presentation() != fullscreen && !scripted) {
        fullscreen = app.presentation();
        set_fullscreen(window, fullscreen, placement);
      }
      if (!options.screenshot.empty() && i + 1 == frames) {
        try {
          const render::RgbaImage image = read_back_buffer(fb_w, fb_h);
          io::write_png_rgba(options.screenshot, image.pixels, image.width, image.height);
          out << "wrote " << options.screenshot << " (" << fb_w << "x" << fb_h << ", "
              << reinterpret_cast<const char*>(glGetString(GL_RENDERER)) << ")\n";
        } catch (const std::exception& e) {
          err << "faro dashboard: " << e.what() << "\n";
          status = 1;
        }
      }
      glfwSwapBuffers(window);
      if (app.quit_requested()) break;
      // Scripted: each frame shows what the previous one started (load, density, basemap tiles).
      if (scripted) app.settle(std::chrono::seconds(180));
    }
    for (const std::string& e : app.error_log()) err << "faro dashboard: " << e << "\n";
    if (scripted && !app.error_log().empty()) status = 1;
    ImGui_ImplOpenGL3_Shutdown();
    ImGui_ImplGlfw_Shutdown();
  }  // the app's GL objects go while the context is current
  ImGui::DestroyContext(imgui);
  glfwDestroyWindow(window);
  glfwTerminate();
  return status;
}

int run_dashboard(const DashboardOptions& options, std::ostream& out, std::ostream& err) {
  if (display_available()) {
    const int status = run_windowed(options, out, err);
    if (status != kNoWindow) return status;
    // The display gave no OpenGL window (e.g. no GLX): the headless picture still works.
  }
  const std::string path =
      options.screenshot.empty() ? kDefaultHeadlessScreenshot : options.screenshot;
  out << "no display: writing the dashboard to " << path << "\n";
  return run_headless(options, out, err);
}

}  // namespace faro::app
