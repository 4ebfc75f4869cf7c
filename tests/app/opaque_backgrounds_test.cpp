// Opaque ImGui rectangles drawn as clears (app/opaque_backgrounds.hpp): which rectangles move to
// the clear callback (opaque, on the white pixel, nothing earlier in the list beneath them), and
// that the dashboard's picture is the same pixels with and without it.
#include <gtest/gtest.h>
#include <imgui.h>

#include <chrono>
#include <cstdlib>

#include "app/headless_dashboard.hpp"
#include "app/map_view.hpp"
#include "app/opaque_backgrounds.hpp"
#include "app_test_util.hpp"

namespace faro::app {
namespace {

using namespace std::chrono_literals;

// An ImGui context with a built font atlas and a frame begun, so draw lists get the white pixel.
class ImGuiFrame {
 public:
  ImGuiFrame() : ctx_(ImGui::CreateContext()) {
    ImGuiIO& io = ImGui::GetIO();
    io.IniFilename = nullptr;
    io.DisplaySize = ImVec2(400, 300);
    io.DeltaTime = 1.0f / 60.0f;
    unsigned char* pixels = nullptr;
    int w = 0, h = 0;
    io.Fonts->GetTexDataAsRGBA32(&pixels, &w, &h);
    io.Fonts->SetTexID(reinterpret_cast<ImTextureID>(static_cast<intptr_t>(7)));
    ImGui::NewFrame();
  }
  ~ImGuiFrame() {
    ImGui::EndFrame();
    ImGui::DestroyContext(ctx_);
  }

 private:
  ImGuiContext* ctx_;
};

ImDrawData one_list(ImDrawList* list) {
  static ImDrawList* lists[1];
  lists[0] = list;
  ImDrawData dd;
  dd.Valid = true;
  dd.CmdLists = lists;
  dd.CmdListsCount = 1;
  dd.TotalVtxCount = list->VtxBuffer.Size;
  dd.TotalIdxCount = list->IdxBuffer.Size;
  dd.DisplayPos = ImVec2(0, 0);
  dd.DisplaySize = ImVec2(400, 300);
  dd.FramebufferScale = ImVec2(1, 1);
  return dd;
}

// Whether the six indices of the rectangle starting at index `at` draw nothing.
bool zero_area(const ImDrawList& list, int at) {
  for (int k = 1; k < 6; ++k)
    if (list.IdxBuffer[at + k] != list.IdxBuffer[at]) return false;
  return true;
}

TEST(OpaqueBackgrounds, OpaqueRectanglesWithNothingBeneathBecomeClears) {
  ImGuiFrame frame;
  ImDrawList list(ImGui::GetDrawListSharedData());
  list._ResetForNewFrame();
  list.PushClipRect(ImVec2(0, 0), ImVec2(400, 300));
  list.PushTextureID(ImGui::GetIO().Fonts->TexID);
  list.AddRectFilled(ImVec2(0, 0), ImVec2(100, 50), IM_COL32(247, 247, 245, 255));    // idx 0
  list.AddRectFilled(ImVec2(10, 60), ImVec2(40, 80), IM_COL32(200, 90, 40, 128));     // idx 6
  list.AddRectFilled(ImVec2(20, 70), ImVec2(60, 90), IM_COL32(255, 255, 255, 255));   // idx 12
  list.AddRectFilled(ImVec2(200, 0), ImVec2(300, 40), IM_COL32(250, 250, 247, 255));  // idx 18
  ImDrawData dd = one_list(&list);
  const int commands = list.CmdBuffer.Size;

  OpaqueBackgrounds backgrounds;
  backgrounds.prepare(&dd);
  // The first and last rectangles are cleared; the translucent one stays, and so does the opaque
  // one over it (a clear before the list would put the translucent one on top).
  EXPECT_EQ(backgrounds.cleared_rects(), 2);
  EXPECT_DOUBLE_EQ(backgrounds.cleared_pixels(), 100.0 * 50 + 100.0 * 40);
  EXPECT_TRUE(zero_area(list, 0));
  EXPECT_FALSE(zero_area(list, 6));
  EXPECT_FALSE(zero_area(list, 12));
  EXPECT_TRUE(zero_area(list, 18));
  ASSERT_EQ(list.CmdBuffer.Size, commands + 1);
  EXPECT_NE(list.CmdBuffer[0].UserCallback, nullptr);
  EXPECT_EQ(list.CmdBuffer[0].ElemCount, 0u);
}

TEST(OpaqueBackgrounds, ClipRectangleBoundsTheClearAndOffLeavesTheListAlone) {
  ImGuiFrame frame;
  ImDrawList list(ImGui::GetDrawListSharedData());
  list._ResetForNewFrame();
  list.PushClipRect(ImVec2(50, 0), ImVec2(80, 20));
  list.PushTextureID(ImGui::GetIO().Fonts->TexID);
  list.AddRectFilled(ImVec2(0, 0), ImVec2(100, 50), IM_COL32(10, 20, 30, 255));
  ImDrawData dd = one_list(&list);
  OpaqueBackgrounds off;
  off.set_enabled(false);
  off.prepare(&dd);
  EXPECT_EQ(off.cleared_rects(), 0);
  EXPECT_FALSE(zero_area(list, 0));
  EXPECT_EQ(list.CmdBuffer[0].UserCallback, nullptr);

  OpaqueBackgrounds on;
  on.prepare(&dd);
  ASSERT_EQ(on.cleared_rects(), 1);
  EXPECT_DOUBLE_EQ(on.cleared_pixels(), 30.0 * 20);  // the clip rectangle, not the 100 x 50
}

TEST(OpaqueBackgrounds, DashboardIsTheSamePixelsWithAndWithout) {
  if (!faro_test::have_gl()) GTEST_SKIP() << "headless OpenGL unavailable: test skipped";
  DashboardOptions o;
  o.width = 1200;
  o.height = 800;
  HeadlessDashboard d(o);  // the demo city
  d.frame();
  ASSERT_TRUE(d.app().settle(120s));
  d.frame();
  ASSERT_TRUE(d.app().map().settle_heatmap(60s));
  d.frame();
  d.frame();
  const render::RgbaImage with = d.read();
  // The panels' backgrounds were found: the side panel, timeline, menu and status bars.
  EXPECT_GT(d.backgrounds().cleared_pixels(), 0.2 * o.width * o.height);
  d.backgrounds().set_enabled(false);
  d.frame();
  const render::RgbaImage without = d.read();
  EXPECT_EQ(d.backgrounds().cleared_pixels(), 0);
  ASSERT_EQ(with.pixels.size(), without.pixels.size());
  // Everything but the status bar's last line, whose frame time changes from frame to frame.
  const size_t rows = static_cast<size_t>(o.height - 40);
  size_t differ = 0;
  for (size_t i = 0; i < rows * o.width * 4; ++i) differ += with.pixels[i] != without.pixels[i];
  EXPECT_EQ(differ, 0u);
}

}  // namespace
}  // namespace faro::app
