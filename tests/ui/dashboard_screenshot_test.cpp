// Renders the dashboard's real ImGui draw data through the ImGui OpenGL 3 backend into an EGL
// offscreen target and writes PNGs: Spanish and English, normal and presentation mode. The map
// region shows a stand-in map (sector outlines and incident dots drawn with ImGui) because the
// real map is the app's offscreen texture. Set FARO_UI_SCREENSHOT_DIR to keep the PNGs; the test
// checks that each image is not blank and that the side panel and map differ in colour.
#include <backends/imgui_impl_opengl3.h>
#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <set>

#include "io/style_presets.hpp"
#include "io/png_writer.hpp"
#include "render/egl_context.hpp"
#include "render/offscreen_target.hpp"
#include "ui_test_support.hpp"

namespace faro::ui {
namespace {

struct View {  // working CRS -> screen, north up, fitted to the map region
  double mpp = 1, cx = 0, cy = 0;
  MapRegion r;
  ImVec2 to_screen(const Vec2& p) const {
    return ImVec2(static_cast<float>(r.x + r.width / 2 + (p.x - cx) / mpp),
                  static_cast<float>(r.y + r.height / 2 - (p.y - cy) / mpp));
  }
};

View fit(const Box& b, const MapRegion& r) {
  View v;
  v.r = r;
  v.mpp = std::max((b.xmax - b.xmin) / (r.width * 0.9), (b.ymax - b.ymin) / (r.height * 0.9));
  v.cx = (b.xmin + b.xmax) / 2;
  v.cy = (b.ymin + b.ymax) / 2;
  return v;
}

void draw_stand_in_map(const DataSnapshot& snap, const View& v) {
  const Workspace& ws = snap.ws();
  ImDrawList* dl = ImGui::GetBackgroundDrawList();
  dl->AddRectFilled(ImVec2(v.r.x, v.r.y), ImVec2(v.r.x + v.r.width, v.r.y + v.r.height),
                    IM_COL32(236, 234, 228, 255));
  for (const Sector& s : ws.sectors.sectors)
    for (const Polygon& p : s.shape) {
      std::vector<ImVec2> pts;
      for (const Vec2& q : p.outer) pts.push_back(v.to_screen(q));
      dl->AddPolyline(pts.data(), static_cast<int>(pts.size()), IM_COL32(90, 90, 110, 200),
                      ImDrawFlags_Closed, 1.0f);
    }
  for (size_t k = 0; k < snap.filtered->rows.size(); k += 3) {
    const uint32_t i = snap.filtered->rows[k];
    dl->AddCircleFilled(v.to_screen({ws.incidents.x[i], ws.incidents.y[i]}), 1.6f,
                        IM_COL32(200, 40, 20, 160), 6);
  }
}

enum class Dialog { none, browser, csv, brief };

struct Shot {
  const char* name;
  Language lang;
  bool presentation;
  bool with_report;
  float scale;
  Dialog dialog = Dialog::none;
};

// A folder with a few data files and an FGJ-like CSV for the dialog screenshots.
std::filesystem::path dialog_folder() {
  const auto d = std::filesystem::temp_directory_path() / "faro_ui_dialog_shots";
  std::filesystem::create_directories(d / "cuadrantes");
  std::ofstream csv(d / "fgj_homicidios_2019_2024.csv");
  csv << "id_carpeta,fecha_hecho,hora_hecho,delito,categoria,alcaldia_hecho,longitud,latitud\n";
  const char* delitos[] = {"HOMICIDIO POR ARMA DE FUEGO", "LESIONES POR ARMA DE FUEGO",
                           "DISPAROS DE ARMA DE FUEGO"};
  const char* alcaldias[] = {"IZTAPALAPA", "GUSTAVO A. MADERO", "ÁLVARO OBREGÓN", "TLÁHUAC"};
  for (int i = 0; i < 40; ++i)
    csv << 8100000 + i * 37 << ",2021-0" << 1 + i % 9 << "-1" << i % 10 << ",2" << i % 4 << ":1"
        << i % 6 << ":00," << delitos[i % 3] << ",DELITO DE ALTO IMPACTO," << alcaldias[i % 4]
        << ",-99.0" << 10 + i << ",19.3" << 50 + i << "\n";
  for (const char* f : {"sectores_2023.geojson", "programas_alto_al_fuego.gpkg", "alcaldias.fgb",
                        "proyecto_iztapalapa.faro.json", "relieve.tif"})
    std::ofstream(d / f) << "{}";
  return d;
}

TEST(DashboardScreenshot, RendersSpanishEnglishNormalAndPresentation) {
  FARO_UI_REQUIRE_EGL(gl);
  const std::filesystem::path dir = testing::screenshot_dir();

  const Shot shots[] = {
      {"dashboard_es", Language::es, false, false, 1.0f},
      {"dashboard_en_report", Language::en, false, true, 1.0f},
      {"presentation_es", Language::es, true, false, 1.0f},
      {"presentation_en", Language::en, true, false, 1.0f},
      {"dashboard_es_2x", Language::es, false, false, 2.0f},
      {"browser_es", Language::es, false, false, 1.0f, Dialog::browser},
      {"csv_mapping_en", Language::en, false, false, 1.0f, Dialog::csv},
      {"brief_es", Language::es, false, false, 1.0f, Dialog::brief},
  };
  const std::filesystem::path data_dir = dialog_folder();
  for (const Shot& shot : shots) {
    SCOPED_TRACE(shot.name);
    const int w = static_cast<int>(1600 * shot.scale), h = static_cast<int>(900 * shot.scale);
    testing::HeadlessImGui gui(static_cast<float>(w), static_cast<float>(h), shot.scale);
    ASSERT_TRUE(ImGui_ImplOpenGL3_Init("#version 330 core"));
    Session session;
    session.language = shot.lang;
    session.style = io::default_style();
    session.selection = {"Centro 01"};
    Workspace ws = testing::demo_workspace(15000);
    if (shot.with_report) {
      LoadReport r;
      r.source = "/datos/fgj/incidentes_2019_2024.csv";
      r.method = "csv-fast";
      r.rows_read = 1283456;
      r.rows_loaded = 1279007;
      for (int i = 0; i < 3120; ++i) r.add(RowIssue::zero_zero, 100 + i * 7, "longitud", "0");
      for (int i = 0; i < 1329; ++i)
        r.add(RowIssue::unparseable_date, 55 + i * 11, "fecha_hecho", "31/02/2021");
      for (int i = 0; i < 20417; ++i) r.add(RowIssue::missing_time, 9 + i, "hora_hecho", "");
      r.note(Msg::load_note_crs_assumed_csv);
      ws.reports.push_back(r);
    }
    const SnapshotPtr snap =
        make_snapshot(std::make_shared<Workspace>(std::move(ws)), session.filter, {}, 1);
    AppStatus status;
    status.presentation = shot.presentation;
    status.heatmap_domain.max = 12.7f;
    status.heatmap_shown = true;
    status.heatmap_units =
        shot.lang == Language::es ? "incidentes/km² por año" : "incidents/km² per year";
    status.frame_ms = 6.8;
    if (shot.with_report) {  // a quantile choropleth legend as the app would fill it
      render::LegendClasses legend;
      legend.title = "incidents per year";
      const char* labels[] = {"0 – 2.5", "2.5 – 5.1", "5.1 – 8.4", "8.4 – 13", "13 – 31.6"};
      for (int k = 0; k < 5; ++k) {
        const Rgb c = colormap_sample(ColormapName::ylorrd, (k + 0.5) / 5);
        legend.entries.push_back({labels[k], {c.r, c.g, c.b, 255}});
      }
      status.fill_legends.push_back(legend);
    }
    status.hovered_sector = 5;

    render::OffscreenTarget target(w, h);
    UiActions actions;
    if (shot.dialog == Dialog::browser) gui.ui().show_open_dialog(data_dir.string());
    if (shot.dialog == Dialog::brief) gui.ui().show_weekly_brief();
    if (shot.dialog == Dialog::csv)
      gui.ui().open_path((data_dir / "fgj_homicidios_2019_2024.csv").string(), actions);
    for (int frame = 0; frame < 3; ++frame) {
      ImGui_ImplOpenGL3_NewFrame();
      gui.frame([&] {
        const MapRegion region = gui.ui().draw(snap, session, status, actions);
        const View view = fit(snap->ws().extent, region);
        status.metres_per_pixel = view.mpp;
        // Mouse over the hovered sector's first vertex, for the tooltip.
        const auto& s5 = snap->ws().sectors.sectors[5].shape[0].outer;
        const ImVec2 m = view.to_screen(s5[0]);
        gui.set_mouse(m.x + 4, m.y + 4, false);
        draw_stand_in_map(*snap, view);
        gui.ui().draw_map_overlay(*snap, session, status, region);
      });
      target.bind_for_drawing();
      target.clear({1, 1, 1, 1});
      ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());
    }
    const render::RgbaImage img = target.read_rgba8();
    ImGui_ImplOpenGL3_Shutdown();
    const std::string path = (dir / (std::string(shot.name) + ".png")).string();
    io::write_png_rgba(path, img.pixels, img.width, img.height);
    std::set<uint32_t> colours;
    for (size_t i = 0; i < img.pixels.size(); i += 4 * 97)
      colours.insert(img.pixels[i] | img.pixels[i + 1] << 8 | img.pixels[i + 2] << 16);
    EXPECT_GT(colours.size(), 50u) << path << " looks blank";
    std::cout << "wrote " << path << "\n";
  }
}

}  // namespace
}  // namespace faro::ui
