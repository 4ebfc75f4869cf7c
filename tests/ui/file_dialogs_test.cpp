// File browser and CSV mapping logic: folder listing and filters, role guess, password
// redaction, what choosing a path pushes, and the CSV mapping -> SourceSpec.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "io/csv_preview.hpp"
#include "ui/csv_mapping_dialog.hpp"
#include "ui/file_browser.hpp"
#include "ui_test_support.hpp"

namespace faro::ui {
namespace {
namespace fs = std::filesystem;

fs::path make_tree() {
  const fs::path d = fs::temp_directory_path() / "faro_ui_browser_test";
  fs::remove_all(d);
  fs::create_directories(d / "Zeta");
  fs::create_directories(d / "alfa");
  fs::create_directories(d / ".oculta");
  for (const char* f : {"b.CSV", "a.gpkg", "notas.txt", "p.faro.json", "x.json", ".h.csv",
                        "sectores.geojson", "mapa.png"})
    std::ofstream(d / f) << "fecha,lon,lat\n2024-01-01,-99.1,19.4\n";
  return d;
}

TEST(FileBrowser, ListsFoldersFirstThenMatchingFiles) {
  const fs::path d = make_tree();
  std::string err;
  const auto all = list_directory(d, browser_extensions(BrowserMode::open_data), &err);
  EXPECT_EQ(err, "");
  std::vector<std::string> names;
  for (const DirEntry& e : all) names.push_back(e.name);
  EXPECT_EQ(names, (std::vector<std::string>{"alfa", "Zeta", "a.gpkg", "b.CSV", "p.faro.json",
                                             "sectores.geojson"}));
  EXPECT_TRUE(all[0].is_dir);
  EXPECT_FALSE(all[2].is_dir);
  EXPECT_GT(all[2].size, 0u);
  const auto projects = list_directory(d, browser_extensions(BrowserMode::open_project));
  ASSERT_EQ(projects.size(), 3u);  // two folders + p.faro.json (not x.json)
  EXPECT_EQ(projects[2].name, "p.faro.json");
  const auto missing = list_directory(d / "nope", {}, &err);
  EXPECT_TRUE(missing.empty());
  EXPECT_NE(err, "");
}

TEST(FileBrowser, ExtensionsRolesPasswords) {
  EXPECT_TRUE(has_extension("datos.CSV", ".csv"));
  EXPECT_TRUE(has_extension("p.faro.json", ".faro.json"));
  EXPECT_FALSE(has_extension("x.json", ".faro.json"));
  EXPECT_FALSE(has_extension(".csv", ".csv"));
  EXPECT_EQ(guess_role("sectores_2023.geojson"), SourceSpec::Role::sectors);
  EXPECT_EQ(guess_role("Cuadrantes.shp"), SourceSpec::Role::sectors);
  EXPECT_EQ(guess_role("programas.gpkg"), SourceSpec::Role::programs);
  EXPECT_EQ(guess_role("alcaldias.fgb"), SourceSpec::Role::context);
  EXPECT_EQ(guess_role("fgj_2019_2024.csv"), SourceSpec::Role::incidents);
  EXPECT_EQ(redact_password("PG:dbname=faro password=s3cret host=db"),
            "PG:dbname=faro password=*** host=db");
  EXPECT_EQ(redact_password("PG:password='a b' user=x PASSWORD=y"),
            "PG:password=*** user=x PASSWORD=***");
  EXPECT_EQ(redact_password("PG:service=faro"), "PG:service=faro");
}

TEST(FileBrowser, ChoosingAPathPushesTheRightAction) {
  UiState ui;
  UiActions actions;
  using K = UiAction::Kind;
  EXPECT_FALSE(choose_path(BrowserMode::open_data, "", SourceSpec::Role::incidents, ui, actions));
  // A CSV goes to the mapping dialog, not straight to loading.
  EXPECT_TRUE(
      choose_path(BrowserMode::open_data, "/d/inc.csv", SourceSpec::Role::incidents, ui, actions));
  EXPECT_TRUE(actions.empty());
  EXPECT_TRUE(ui.request_csv_dialog);
  EXPECT_EQ(ui.csv_path, "/d/inc.csv");
  choose_path(BrowserMode::open_data, "/d/s.gpkg", SourceSpec::Role::sectors, ui, actions);
  ASSERT_EQ(actions.size(), 1u);
  EXPECT_EQ(actions[0].kind, K::open_source);
  EXPECT_EQ(actions[0].source.role, SourceSpec::Role::sectors);
  EXPECT_EQ(actions[0].source.path, "/d/s.gpkg");
  choose_path(BrowserMode::open_data, "/d/base.tif", SourceSpec::Role::incidents, ui, actions);
  EXPECT_EQ(actions.back().kind, K::open_basemap);
  choose_path(BrowserMode::open_data, "/d/calles.mbtiles", SourceSpec::Role::incidents, ui,
              actions);
  EXPECT_EQ(actions.back().kind, K::open_basemap);
  EXPECT_EQ(actions.back().path, "/d/calles.mbtiles");
  choose_path(BrowserMode::open_data, "/d/p.faro.json", SourceSpec::Role::incidents, ui, actions);
  EXPECT_EQ(actions.back().kind, K::open_project);
  choose_path(BrowserMode::save_project, "/d/nuevo", SourceSpec::Role::incidents, ui, actions);
  EXPECT_EQ(actions.back().kind, K::save_project);
  EXPECT_EQ(actions.back().path, "/d/nuevo.faro.json");
  choose_path(BrowserMode::export_png_4k, "/d/mapa", SourceSpec::Role::incidents, ui, actions);
  EXPECT_EQ(actions.back().kind, K::export_png);
  EXPECT_EQ(actions.back().path, "/d/mapa.png");
  EXPECT_EQ(actions.back().width, 3840);
  EXPECT_EQ(actions.back().height, 2160);
  choose_path(BrowserMode::export_png_screen, "/d/m.png", SourceSpec::Role::incidents, ui, actions);
  EXPECT_EQ(actions.back().width, 0);  // 0 = the map's size on screen
  // An animation: .mp4 unless the name says .gif; 1080p like `faro animate`.
  choose_path(BrowserMode::export_animation, "/d/anim", SourceSpec::Role::incidents, ui, actions);
  EXPECT_EQ(actions.back().kind, K::export_animation);
  EXPECT_EQ(actions.back().path, "/d/anim.mp4");
  EXPECT_EQ(actions.back().width, 1920);
  EXPECT_EQ(actions.back().height, 1080);
  choose_path(BrowserMode::export_animation, "/d/a.GIF", SourceSpec::Role::incidents, ui, actions);
  EXPECT_EQ(actions.back().path, "/d/a.GIF");
  EXPECT_EQ(browser_extensions(BrowserMode::export_animation),
            (std::vector<std::string>{".mp4", ".gif"}));
  EXPECT_EQ(ui.recent_files.front(), "/d/p.faro.json");
  EXPECT_EQ(ui.recent_files.size(), 5u);  // opened files only, not saved/exported ones
}

TEST(CsvMapping, DetectedColumnsBecomeTheSourceSpec) {
  io::CsvPreview p;
  p.path = "/d/fgj.csv";
  p.header = {"id", "fecha_hecho", "hora_hecho", "delito", "longitud", "latitud"};
  p.detected = io::detect_columns_tolerant(p.header);
  CsvMapping m = mapping_from_detection(p);
  EXPECT_EQ(m.x, 4);
  EXPECT_EQ(m.y, 5);
  EXPECT_EQ(m.date, 1);
  EXPECT_EQ(m.time, 2);
  EXPECT_EQ(m.category, 3);
  EXPECT_TRUE(mapping_complete(m));
  SourceSpec s = csv_source_spec(p, m);
  EXPECT_EQ(s.role, SourceSpec::Role::incidents);
  EXPECT_EQ(s.path, "/d/fgj.csv");
  EXPECT_EQ(s.x_field, "longitud");
  EXPECT_EQ(s.y_field, "latitud");
  EXPECT_EQ(s.date_field, "fecha_hecho");
  EXPECT_EQ(s.time_field, "hora_hecho");
  EXPECT_EQ(s.category_field, "delito");
  EXPECT_EQ(s.date_order, "dmy");
  // The user swaps to month-first and drops the time column.
  m.month_first = true;
  m.time = -1;
  s = csv_source_spec(p, m);
  EXPECT_EQ(s.date_order, "mdy");
  EXPECT_EQ(s.time_field, "");
  // Incomplete or clashing mappings cannot be loaded as incidents.
  m.date = -1;
  EXPECT_FALSE(mapping_complete(m));
  m.date = 4;  // same column as x
  EXPECT_FALSE(mapping_complete(m));
  m.role = SourceSpec::Role::sectors;
  EXPECT_TRUE(mapping_complete(m));
  EXPECT_EQ(csv_source_spec(p, m).x_field, "");
}

TEST(FileDialogs, BrowserAndCsvDialogDrawHeadless) {
  const fs::path d = make_tree();
  testing::HeadlessImGui gui(1400, 800);
  Session session;
  const SnapshotPtr snap = testing::demo_snapshot(session);
  AppStatus status;
  UiActions actions;
  auto frames = [&](int n) {
    for (int frame = 0; frame < n; ++frame)
      gui.frame([&] {
        const MapRegion r = gui.ui().draw(snap, session, status, actions);
        gui.ui().draw_map_overlay(*snap, session, status, r);
      });
  };
  gui.ui().show_open_dialog(d.string());
  frames(3);
  EXPECT_TRUE(actions.empty());
  // A dropped CSV opens the mapping dialog (and pushes nothing yet) ...
  gui.ui().open_path((d / "b.CSV").string(), actions);
  frames(3);
  EXPECT_TRUE(actions.empty());
  // ... a dropped GeoPackage named like sectors is loaded as sectors right away.
  gui.ui().open_path((d / "sectores.geojson").string(), actions);
  ASSERT_EQ(actions.size(), 1u);
  EXPECT_EQ(actions[0].kind, UiAction::Kind::open_source);
  EXPECT_EQ(actions[0].source.role, SourceSpec::Role::sectors);
  // A CSV that cannot be read shows its error inside the dialog.
  gui.ui().open_path((d / "missing.csv").string(), actions);
  frames(2);
  EXPECT_EQ(actions.size(), 1u);
}

}  // namespace
}  // namespace faro::ui
