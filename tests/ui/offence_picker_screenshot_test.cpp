// The offence picker on real data (FGJ firearm incidents 2019-2024, grouped by their `grupo`
// column) and the Edit menu, in Spanish and English at 100 % and 200 %, written as PNGs to look at
// (FARO_UI_SCREENSHOT_DIR keeps them). Each picker image is also checked: no widget ends right of
// the window's inner edge, so long offence names wrap, never run under the counts.
#include <backends/imgui_impl_opengl3.h>
#include <gtest/gtest.h>
#include <imgui_internal.h>

#include <filesystem>
#include <set>

#include "io/category_groups.hpp"
#include "io/png_writer.hpp"
#include "io/style_presets.hpp"
#include "io/workspace_loader.hpp"
#include "render/offscreen_target.hpp"
#include "test_support.hpp"
#include "ui/offence_picker.hpp"
#include "ui/i18n.hpp"
#include "ui/ui_fonts.hpp"
#include "panel_screenshot.hpp"
#include "ui_test_support.hpp"

namespace faro::ui {
namespace {

template <class Body>
void shoot(testing::HeadlessImGui& gui, int w, int h, const std::string& path, Body body) {
  testing::shoot_panel(gui, w, h, path, body, 8);
}

// An FGJ file as the dashboard loads it, with its `grupo` groups when it has them.
SnapshotPtr fgj_snapshot(Session& session, const std::string& file) {
  const std::string incidents = faro_test::shared_data_path("cdmx-fgj-2019-2024/" + file);
  const std::string sectors = faro_test::shared_data_path("cdmx-cuadrantes/sectores_2023.geojson");
  if (incidents.empty() || sectors.empty()) return nullptr;
  SourceSpec a;
  a.role = SourceSpec::Role::sectors;
  a.path = sectors;
  SourceSpec b;
  b.role = SourceSpec::Role::incidents;
  b.path = incidents;
  session.sources = {a, b};
  auto ws = std::make_shared<Workspace>(io::load_workspace(session));
  ws->category_groups = io::read_category_groups(session.sources, ws->incidents.category_field);
  return make_snapshot(std::move(ws), session.filter, {}, 1);
}

TEST(OffencePickerScreenshot, GroupedFirearmOffencesEsEnAtOneAndTwoTimes) {
  FARO_UI_REQUIRE_EGL(gl);
  Session base;
  const SnapshotPtr snap = fgj_snapshot(base, "fgj_homicidios_armas_cdmx_2019_2024.csv");
  if (!snap)
    GTEST_SKIP() << "shared data not found under " << FARO_SHARED_DATA
                 << " (cdmx-fgj-2019-2024, cdmx-cuadrantes): picker screenshots skipped";
  ASSERT_EQ(snap->ws().category_groups.field, "grupo");
  ASSERT_FALSE(snap->ws().category_groups.empty());
  // One saved selection and a partial one, so the tri-state and the combo show something.
  base.category_selections.push_back({"Homicidios", {}});
  for (Language lang : {Language::es, Language::en})
    for (float scale : {1.0f, 2.0f})
      for (const char* search : {"", "lesion"}) {
        const std::string tag = std::string(language_code(lang)) + (scale > 1 ? "_2x" : "") +
                                (*search ? "_search" : "");
        SCOPED_TRACE(tag);
        Session session = base;
        session.language = lang;
        // One group whole, one in part: the group boxes show ticked, mixed and empty.
        session.filter.categories = {"HOMICIDIO POR ARMA DE FUEGO",
                                     "LESIONES INTENCIONALES POR ARMA DE FUEGO"};
        // The side panel's width (ui/dashboard_ui.cpp: 22 font sizes), tall enough for the list.
        const float font = kBaseFontPx * scale;
        const int w = static_cast<int>(22 * font), h = static_cast<int>(34 * font);
        testing::HeadlessImGui gui(static_cast<float>(w), static_cast<float>(h), scale);
        ASSERT_TRUE(ImGui_ImplOpenGL3_Init("#version 330 core"));
        OffencePicker picker;
        picker.set_search(search);
        float overflow = 0;
        shoot(gui, w, h, (testing::screenshot_dir() / ("offence_picker_" + tag + ".png")).string(),
              [&] {
                ImGui::SetNextWindowPos(ImVec2(0, 0));
                ImGui::SetNextWindowSize(ImVec2(static_cast<float>(w), static_cast<float>(h)));
                ImGui::Begin("##side", nullptr, ImGuiWindowFlags_NoSavedSettings |
                                                    ImGuiWindowFlags_NoTitleBar);
                picker.draw(*snap, session);
                const ImGuiWindow* win = ImGui::GetCurrentWindow();
                overflow = win->DC.CursorMaxPos.x - win->WorkRect.Max.x;
                ImGui::End();
              });
        EXPECT_LE(overflow, 1.0f);
        ImGui_ImplOpenGL3_Shutdown();
      }
}

// Every offence of one borough (264 FGJ categories; its `grupo` column names only the firearm
// offences, so most sit in the "(no group)" group, last), searched with the words a user types:
// no accents, lower case, two words in any order.
TEST(OffencePickerScreenshot, HundredsOfOffencesSearchedEsEn) {
  FARO_UI_REQUIRE_EGL(gl);
  Session base;
  const SnapshotPtr snap = fgj_snapshot(base, "fgj_todos_alvaro_obregon_2019_2024.csv");
  if (!snap)
    GTEST_SKIP() << "shared data not found under " << FARO_SHARED_DATA
                 << " (cdmx-fgj-2019-2024, cdmx-cuadrantes): picker screenshots skipped";
  ASSERT_GT(snap->ws().incidents.categories.size(), 200u);
  EXPECT_LT(snap->ws().category_groups.group_of.size(), 40u);
  for (Language lang : {Language::es, Language::en})
    for (const char* search : {"", "violencia robo"}) {
      const std::string tag = std::string(language_code(lang)) + (*search ? "_search" : "");
      Session session = base;
      session.language = lang;
      const float font = kBaseFontPx;
      const int w = static_cast<int>(22 * font), h = static_cast<int>(34 * font);
      testing::HeadlessImGui gui(static_cast<float>(w), static_cast<float>(h), 1.0f);
      ASSERT_TRUE(ImGui_ImplOpenGL3_Init("#version 330 core"));
      OffencePicker picker;
      picker.set_search(search);
      float overflow = 0;
      shoot(gui, w, h,
            (testing::screenshot_dir() / ("offence_picker_ao_" + tag + ".png")).string(), [&] {
              ImGui::SetNextWindowPos(ImVec2(0, 0));
              ImGui::SetNextWindowSize(ImVec2(static_cast<float>(w), static_cast<float>(h)));
              ImGui::Begin("##side", nullptr,
                           ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoTitleBar);
              picker.draw(*snap, session);
              const ImGuiWindow* win = ImGui::GetCurrentWindow();
              overflow = win->DC.CursorMaxPos.x - win->WorkRect.Max.x;
              ImGui::End();
            });
      EXPECT_LE(overflow, 1.0f);
      ImGui_ImplOpenGL3_Shutdown();
    }
}

TEST(OffencePickerScreenshot, EditMenuNamesTheStepEsEn) {
  FARO_UI_REQUIRE_EGL(gl);
  for (Language lang : {Language::es, Language::en})
    for (float scale : {1.0f, 2.0f}) {
      const std::string tag = std::string(language_code(lang)) + (scale > 1 ? "_2x" : "");
      const int w = static_cast<int>(900 * scale), h = static_cast<int>(300 * scale);
      testing::HeadlessImGui gui(static_cast<float>(w), static_cast<float>(h), scale);
      ASSERT_TRUE(ImGui_ImplOpenGL3_Init("#version 330 core"));
      Session session;
      session.language = lang;
      session.style = io::default_style();
      const SnapshotPtr snap = testing::demo_snapshot(session);
      AppStatus status;
      status.undo_kind = EditKind::categories;
      status.redo_kind = EditKind::style;
      UiActions actions;
      const auto frame = [&] {
        const MapRegion region = gui.ui().draw(snap, session, status, actions);
        gui.ui().draw_map_overlay(*snap, session, status, region);
      };
      gui.frame(frame);
      // Click "Editar"/"Edit": the second menu of the bar, after "Archivo"/"File".
      const ImGuiStyle& style = ImGui::GetStyle();
      const float x = std::max(style.WindowPadding.x, style.ItemSpacing.x) +
                      ImGui::CalcTextSize(tr(Msg::menu_file, lang)).x + style.ItemSpacing.x * 2 +
                      ImGui::CalcTextSize(tr(Msg::menu_edit, lang)).x * 0.5f;
      const float y = ImGui::GetFrameHeight() * 0.5f;
      gui.set_mouse(x, y, true);
      gui.frame(frame);
      gui.set_mouse(x, y, false);
      gui.frame(frame);
      EXPECT_TRUE(ImGui::IsPopupOpen("", ImGuiPopupFlags_AnyPopup)) << "the Edit menu did not open";
      shoot(gui, w, h, (testing::screenshot_dir() / ("edit_menu_" + tag + ".png")).string(), frame);
      ImGui_ImplOpenGL3_Shutdown();
    }
}

}  // namespace
}  // namespace faro::ui
