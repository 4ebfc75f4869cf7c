#pragma once
// A headless screenshot of ImGui drawing (panels, dialogs) for the ui tests that write PNGs to look
// at: `body` is drawn for a few frames (so windows settle their sizes) into a w x h offscreen
// target through ImGui's OpenGL 3 backend (the caller has called ImGui_ImplOpenGL3_Init), written
// to `path`, and checked not to be blank (more than `min_colours` colours among sampled pixels).
#include <gtest/gtest.h>

#include <backends/imgui_impl_opengl3.h>
#include <imgui.h>

#include <cstdint>
#include <iostream>
#include <set>
#include <string>

#include "io/png_writer.hpp"
#include "render/offscreen_target.hpp"
#include "ui_test_support.hpp"

namespace faro::ui::testing {

template <class Body>
void shoot_panel(HeadlessImGui& gui, int w, int h, const std::string& path, Body body,
                 size_t min_colours = 20) {
  render::OffscreenTarget target(w, h);
  for (int frame = 0; frame < 3; ++frame) {
    ImGui_ImplOpenGL3_NewFrame();
    gui.frame(body);
    target.bind_for_drawing();
    target.clear({1, 1, 1, 1});
    ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());
  }
  const render::RgbaImage img = target.read_rgba8();
  io::write_png_rgba(path, img.pixels, img.width, img.height);
  std::set<uint32_t> colours;
  for (size_t i = 0; i < img.pixels.size(); i += 4 * 97)
    colours.insert(img.pixels[i] | img.pixels[i + 1] << 8 | img.pixels[i + 2] << 16);
  EXPECT_GT(colours.size(), min_colours) << path << " looks blank";
  std::cout << "wrote " << path << "\n";
}

}  // namespace faro::ui::testing
