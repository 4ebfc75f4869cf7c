// No clipped or overlapping text (issue 17): every panel, window, dialog and menu of the
// dashboard drawn headless in Spanish and English, at 100 % and 200 % scale, with the longest
// real offence names, and audited by TextFitAuditor (text_fit_auditor.hpp): a label cut by its
// widget or its window, a slider value under the grab, or two texts drawn over each other fails.
#include <gtest/gtest.h>

#include <algorithm>
#include <chrono>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <functional>
#include <iostream>
#include <set>

#include <backends/imgui_impl_opengl3.h>

#include "core/messages.hpp"
#include "io/png_writer.hpp"
#include "render/offscreen_target.hpp"
#include "io/style_presets.hpp"
#include "text_fit_auditor.hpp"
#include "ui/dashboard_ui.hpp"
#include "ui/fit_widgets.hpp"
#include "ui/format.hpp"
#include "ui/i18n.hpp"
#include "ui_test_support.hpp"

namespace faro::ui {
namespace {

using testing::DrawnText;
using testing::TextProblem;

// The longest offence names of the FGJ CDMX open data (fgj_homicidios_armas_cdmx_2019_2024.csv).
const char* const kLongOffences[] = {
    "LEY FEDERAL DE ARMAS DE FUEGO Y EXPLOSIVOS", "FEMINICIDIO POR DISPARO DE ARMA DE FUEGO",
    "LESIONES INTENCIONALES POR ARMA DE FUEGO",   "HOMICIDIOS INTENCIONALES (OTROS)",
    "FEMINICIDIO POR ARMA BLANCA",                "DISPAROS DE ARMA DE FUEGO",
    "HOMICIDIO POR ARMA DE FUEGO",                "HOMICIDIO POR ARMA BLANCA"};

// The demo city with its offences renamed to the long real names (same codes, same rows).
std::shared_ptr<Workspace> long_names_workspace() {
  auto ws = std::make_shared<Workspace>(testing::demo_workspace());
  CategoryDictionary renamed;
  const size_t n = std::size(kLongOffences);
  for (size_t code = 1; code < ws->incidents.categories.size(); ++code)
    renamed.intern(std::string(kLongOffences[(code - 1) % n]) +
                   (code > n ? " " + std::to_string(code) : ""));
  ws->incidents.categories = std::move(renamed);
  ws->synthetic = false;  // the title below is shown instead of "Ciudad demo"
  ws->title = "Secretaría de Seguridad Ciudadana — Ciudad de México, cuadrantes 2019–2024";
  return ws;
}

// One dashboard, headless, at a language and scale; each scene starts from a fresh one.
class Dashboard {
 public:
  // `height` in 100 % pixels: a tall one shows the whole side panel without scrolling (text
  // scrolled out of view is not audited).
  Dashboard(Language lang, float scale, float height = 900)
      : gui_(1600 * scale, height * scale, scale), lang_(lang), scale_(scale) {
    session_.style = io::default_style();
    session_.language = lang;
    auto ws = long_names_workspace();
    // A selection, so the side panel's selection part (counts, buttons) is drawn too.
    for (size_t i = 0; i < 3 && i < ws->sectors.sectors.size(); ++i)
      session_.selection.push_back(ws->sectors.sectors[i].name);
    snap_ = make_snapshot(std::move(ws), session_.filter, {}, 1);
    status_.heatmap_domain.max = 1130000.0f;  // shown as "1,130,000", never "1.13e+06"
    status_.heatmap_domain.percentile = 99;
    status_.heatmap_shown = true;
    status_.heatmap_units = "incidentes/km² por año";
    status_.metres_per_pixel = 12.3;
    status_.frame_ms = 4.2;
  }

  DashboardUi& ui() { return gui_.ui(); }
  Session& session() { return session_; }
  // The same data under another title (a file name, a project name).
  void set_title(const std::string& title) {
    auto ws = std::make_shared<Workspace>(snap_->ws());
    ws->title = title;
    snap_ = make_snapshot(std::move(ws), session_.filter, {}, snap_->generation + 1);
  }
  AppStatus& status() { return status_; }
  const SnapshotPtr& snap() const { return snap_; }

  // Called before each frame (a renderer backend's NewFrame, for screenshots).
  void before_each_frame(std::function<void()> f) { before_frame_ = std::move(f); }

  void frames(int n) {
    for (int i = 0; i < n; ++i) {
      if (before_frame_) before_frame_();
      gui_.frame([&] {
        const MapRegion r = gui_.ui().draw(snap_, session_, status_, actions_);
        gui_.ui().draw_map_overlay(*snap_, session_, status_, r);
      });
      snap_ = testing::follow(snap_, session_);
      status_.errors.clear();  // errors arrive once
    }
  }

  // Opens the side panel's closed tree nodes (Choropleth, Hotspots, Points, Basemap): their
  // open state lives in the window's storage under the ids ImGui derives from the labels.
  void open_layer_sections() {
    ImGuiWindow* side = ImGui::FindWindowByName("##side_panel");
    ASSERT_NE(side, nullptr);
    const ImGuiID layers = ImHashStr("layers", 0, side->ID);
    for (Msg m : {Msg::layer_choropleth, Msg::layer_hotspots, Msg::layer_points,
                  Msg::layer_basemap})
      side->StateStorage.SetInt(ImHashStr(tr(m, lang_), 0, layers), 1);
  }

  // Clicks on the text drawn last frame that reads `text` (a menu title, a menu item).
  bool click(const std::string& text) {
    const DrawnText* hit = nullptr;
    for (const DrawnText& d : auditor_.drawn())
      if (d.text == text) hit = &d;
    if (!hit) return false;
    const ImVec2 c((hit->rect.Min.x + hit->rect.Max.x) / 2, (hit->rect.Min.y + hit->rect.Max.y) / 2);
    gui_.set_mouse(c.x, c.y, false);
    frames(1);
    gui_.set_mouse(c.x, c.y, true);
    frames(1);
    gui_.set_mouse(c.x, c.y, false);
    audited_frame();
    return true;
  }
  // Rests the mouse on the text drawn last frame that reads `text` (opens a submenu).
  bool hover(const std::string& text) {
    for (const DrawnText& d : auditor_.drawn())
      if (d.text == text) {
        gui_.set_mouse((d.rect.Min.x + d.rect.Max.x) / 2, (d.rect.Min.y + d.rect.Max.y) / 2, false);
        frames(3);
        audited_frame();
        return true;
      }
    return false;
  }

  // One more frame, recorded; returns what does not fit in it, tagged with `scene`.
  std::vector<TextProblem> audited_frame(const std::string& scene = "") {
    auditor_.clear();
    frames(1);
    std::vector<TextProblem> found = auditor_.problems();
    for (TextProblem& p : found)
      p.window = std::string(lang_ == Language::es ? "es" : "en") + " " +
                 std::to_string(static_cast<int>(scale_ * 100)) + " % " + scene + " " + p.window;
    return found;
  }
  const testing::TextFitAuditor& auditor() const { return auditor_; }

 private:
  testing::HeadlessImGui gui_;
  Language lang_;
  float scale_;
  Session session_;
  SnapshotPtr snap_;
  AppStatus status_;
  UiActions actions_;
  testing::TextFitAuditor auditor_;
  std::function<void()> before_frame_;
};

// A CSV with long column names, for the column-mapping dialog.
std::filesystem::path long_columns_csv() {
  const auto path = std::filesystem::temp_directory_path() / "faro_text_fit_incidentes.csv";
  std::ofstream f(path);
  f << "fecha_hecho,hora_hecho,categoria_delito_segun_carpeta_de_investigacion,"
       "latitud_del_hecho_wgs84,longitud_del_hecho_wgs84,alcaldia_hecho\n"
       "2023-01-05,22:10,LESIONES INTENCIONALES POR ARMA DE FUEGO,19.43,-99.13,CUAUHTEMOC\n"
       "2023-01-06,03:45,FEMINICIDIO POR DISPARO DE ARMA DE FUEGO,19.31,-99.05,IZTAPALAPA\n";
  return path;
}

using Scene = std::function<std::vector<TextProblem>(Dashboard&, Language)>;

// Every scene: what a user can open, one after the other, each in a fresh dashboard.
struct NamedScene {
  std::string name;
  Scene scene;
  float height = 900;
};

std::vector<NamedScene> scenes() {
  std::vector<NamedScene> out;
  // The side panel as a user scrolls it (with its scrollbar taking room), every section open.
  out.push_back({"side panel, all sections open, scrolled through", [](Dashboard& d, Language) {
    d.open_layer_sections();
    d.frames(2);
    std::vector<TextProblem> found;
    ImGuiWindow* side = ImGui::FindWindowByName("##side_panel");
    for (int step = 0; step < 20; ++step) {
      for (TextProblem& p : d.audited_frame("side panel")) found.push_back(p);
      if (side->Scroll.y >= side->ScrollMax.y) break;
      ImGui::SetScrollY(side, side->Scroll.y + side->InnerRect.GetHeight() * 0.5f);
      d.frames(1);
    }
    EXPECT_GT(side->ScrollMax.y, 0) << "the panel should need scrolling with every section open";
    return found;
  }});
  out.push_back({"File menu", [](Dashboard& d, Language lang) {
    d.audited_frame();
    EXPECT_TRUE(d.click(tr(Msg::menu_file, lang)));
    return d.audited_frame("File menu");
  }});
  out.push_back({"View menu and Language", [](Dashboard& d, Language lang) {
    d.audited_frame();
    EXPECT_TRUE(d.click(tr(Msg::menu_view, lang)));
    std::vector<TextProblem> found = d.audited_frame("View menu");
    EXPECT_TRUE(d.hover(tr(Msg::menu_language, lang)));
    for (TextProblem& p : d.audited_frame("Language menu")) found.push_back(p);
    return found;
  }});
  out.push_back({"load report", [](Dashboard& d, Language lang) {
    d.audited_frame();
    EXPECT_TRUE(d.click(tr(Msg::menu_view, lang)));
    EXPECT_TRUE(d.click(tr(Msg::menu_load_report, lang)));
    d.frames(2);
    return d.audited_frame("load report");
  }});
  out.push_back({"open data browser", [](Dashboard& d, Language) {
    d.ui().show_open_dialog(std::filesystem::temp_directory_path().string());
    d.frames(3);
    return d.audited_frame("file browser");
  }});
  out.push_back({"CSV column mapping", [](Dashboard& d, Language) {
    UiActions actions;
    d.ui().open_path(long_columns_csv().string(), actions);
    d.frames(3);
    return d.audited_frame("CSV mapping");
  }});
  out.push_back({"weekly brief and its export", [](Dashboard& d, Language) {
    d.ui().show_brief_export();
    d.frames(3);
    return d.audited_frame("weekly brief");
  }});
  out.push_back({"program evaluation and its export", [](Dashboard& d, Language) {
    d.ui().show_evaluation_export();
    d.frames(2);
    d.ui().settle(std::chrono::seconds(60));
    d.frames(3);
    return d.audited_frame("evaluation");
  }});
  out.push_back({"add to program", [](Dashboard& d, Language) {
    d.ui().show_add_to_program();
    d.frames(3);
    return d.audited_frame("add to program");
  }});
  out.push_back({"presentation mode", [](Dashboard& d, Language) {
    d.status().presentation = true;
    d.status().protection_note = "Protegido: celdas de 500 m, conteos menores a 5 suprimidos";
    d.frames(3);
    return d.audited_frame("presentation");
  }});
  out.push_back({"error and loading", [](Dashboard& d, Language) {
    d.status().loading = true;
    d.status().load_progress = 0.4f;
    d.status().load_message = "fgj_todos_cdmx_2019_2024.csv.gz: 1,280,000";
    d.status().heatmap_busy = true;
    d.status().errors = {"fgj_todos_cdmx_2019_2024.csv.gz: no existe"};
    d.frames(3);
    return d.audited_frame("error");
  }});
  return out;
}

void expect_everything_fits(Language lang, float scale) {
  std::vector<TextProblem> all;
  for (const NamedScene& s : scenes()) {
    SCOPED_TRACE(s.name);
    Dashboard d(lang, scale, s.height);
    d.frames(3);  // windows size themselves on their first frames
    std::set<std::string> seen;  // a problem seen at several scroll positions is one
    for (TextProblem& p : s.scene(d, lang))
      if (seen.insert(p.window + p.text + p.what).second)
        all.push_back(p);
    // The auditor saw the scene (the hooks are linked in): not a test that cannot fail.
    EXPECT_GT(d.auditor().drawn().size(), 10u);
  }
  EXPECT_TRUE(all.empty()) << all.size() << " texts do not fit:\n"
                           << testing::TextFitAuditor::describe(all);
}

TEST(TextFit, SpanishAt100Percent) { expect_everything_fits(Language::es, 1.0f); }
TEST(TextFit, SpanishAt200Percent) { expect_everything_fits(Language::es, 2.0f); }
TEST(TextFit, EnglishAt100Percent) { expect_everything_fits(Language::en, 1.0f); }
TEST(TextFit, EnglishAt200Percent) { expect_everything_fits(Language::en, 2.0f); }

// Pictures of the places fixed, to look at (in $FARO_UI_SCREENSHOT_DIR): the side panel with
// every section open, at its top and scrolled to the Points section (the automatic colours of
// the swatches, the long offence names wrapped), Spanish and English, 100 % and 200 %.
TEST(TextFit, ScreenshotsOfTheSidePanel) {
  FARO_UI_REQUIRE_EGL(gl);
  const std::filesystem::path dir = testing::screenshot_dir();
  for (Language lang : {Language::es, Language::en}) {
    for (float scale : {1.0f, 2.0f}) {
      Dashboard d(lang, scale);
      ASSERT_TRUE(ImGui_ImplOpenGL3_Init("#version 330 core"));
      d.before_each_frame([] { ImGui_ImplOpenGL3_NewFrame(); });
      d.frames(2);
      d.open_layer_sections();
      const int w = static_cast<int>(1600 * scale), h = static_cast<int>(900 * scale);
      render::OffscreenTarget target(w, h);
      ImGuiWindow* side = ImGui::FindWindowByName("##side_panel");
      for (const char* where : {"top", "points"}) {
        if (std::string(where) == "points") {
          // Scrolled so the Points section (after the hot spots) is in view.
          ImGui::SetScrollY(side, side->ScrollMax.y * 0.55f);
        }
        d.frames(3);
        target.bind_for_drawing();
        target.clear({1, 1, 1, 1});
        ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());
        const render::RgbaImage img = target.read_rgba8();
        const std::string path =
            (dir / ("text_fit_" + std::string(lang == Language::es ? "es" : "en") + "_" +
                    std::to_string(static_cast<int>(scale * 100)) + "_" + where + ".png"))
                .string();
        io::write_png_rgba(path, img.pixels, img.width, img.height);
        std::cout << "wrote " << path << "\n";
      }
      // The Points swatches show the map's automatic colours, not one grey.
      const auto& drawn = d.auditor().drawn();
      EXPECT_TRUE(std::any_of(drawn.begin(), drawn.end(), [](const DrawnText& t) {
        return t.text.rfind(kLongOffences[0], 0) == 0;
      }));
      ImGui_ImplOpenGL3_Shutdown();
    }
  }
}

// The weekday toggles and their labels show without scrolling in the default layout (the side
// panel as it opens: Layers with the heatmap, then Filters).
TEST(TextFit, WeekdayLabelsShowInTheDefaultLayout) {
  for (Language lang : {Language::es, Language::en}) {
    for (float scale : {1.0f, 2.0f}) {
      Dashboard d(lang, scale);
      d.frames(3);
      d.audited_frame();
      for (int day = 0; day < 7; ++day) {
        const std::string label = tr_weekday(day, lang);
        const auto& drawn = d.auditor().drawn();
        const auto it = std::find_if(drawn.begin(), drawn.end(), [&](const DrawnText& t) {
          return t.text == label && t.window == "##side_panel";
        });
        ASSERT_NE(it, drawn.end()) << label;
        EXPECT_LE(it->rect.Max.y, it->room.Max.y + 1) << label << " at " << scale * 100 << " %: y " << it->rect.Min.y
                                 << ".." << it->rect.Max.y << ", panel shows up to "
                                 << it->room.Max.y;
      }
    }
  }
}

// A long file name as the panel's title is shortened in the middle ("fgj_homicidios_…fuego.csv")
// on one line that fits, instead of being broken after its '.' ("…2024." / "csv").
TEST(TextFit, LongFileNameTitleIsShortenedInTheMiddle) {
  const std::string name = "fgj_homicidios_armas_cdmx_2019_2024_con_lesiones_por_arma_de_fuego.csv";
  for (float scale : {1.0f, 2.0f}) {
    Dashboard d(Language::es, scale);
    d.set_title(name);
    d.frames(2);
    EXPECT_TRUE(d.audited_frame("title").empty());
    const auto& drawn = d.auditor().drawn();
    const auto it = std::find_if(drawn.begin(), drawn.end(), [](const DrawnText& t) {
      return t.window == "##side_panel" && t.text.rfind("fgj_", 0) == 0;
    });
    ASSERT_NE(it, drawn.end()) << "title not drawn at " << scale * 100 << " %";
    EXPECT_NE(it->text.find("\u2026"), std::string::npos) << it->text;
    EXPECT_TRUE(it->text.ends_with("fuego.csv")) << it->text;
    EXPECT_LE(it->rect.Max.x, it->room.Max.x + 1) << it->text;
    for (const DrawnText& t : drawn) EXPECT_NE(t.text, "csv") << "the name was broken at its dot";
  }
}

}  // namespace
}  // namespace faro::ui
