// The whole dashboard (headless, EGL) with data opened the ways issue 17 asks for: incidents
// without sectors (heatmap drawn, sector panels replaced by a notice), the 1.28 M-row FGJ gzip
// CSV reached through the file browser's steps, recent files that survive a restart, and an
// error said in one language.
#include <gtest/gtest.h>

#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <fstream>

#include "app/headless_dashboard.hpp"
#include "app_test_util.hpp"
#include "io/csv_preview.hpp"
#include "test_support.hpp"
#include "ui/csv_mapping_dialog.hpp"
#include "ui/file_browser.hpp"
#include "ui/needs_sectors.hpp"

namespace faro::app {
namespace {

using namespace std::chrono_literals;
namespace fs = std::filesystem;

#define REQUIRE_HEADLESS_GL() \
  if (!faro_test::have_gl()) GTEST_SKIP() << "headless OpenGL unavailable: test skipped"

// Sets FARO_CONFIG_DIR (where recent.txt lives) for the test's life.
class ConfigDir {
 public:
  ConfigDir() { ::setenv("FARO_CONFIG_DIR", dir_.path().c_str(), 1); }
  ~ConfigDir() { ::unsetenv("FARO_CONFIG_DIR"); }
  std::string file(const std::string& n) const { return dir_.file(n); }

 private:
  faro_test::TempDir dir_;
};

std::unique_ptr<HeadlessDashboard> dashboard(DashboardOptions o, std::chrono::seconds wait = 180s) {
  o.width = 1280;
  o.height = 760;
  auto d = std::make_unique<HeadlessDashboard>(o);
  d->frame();
  EXPECT_TRUE(d->app().settle(wait));
  d->frame();
  d->frame();
  return d;
}

// Double-clicks `name` in the browser's listing of `dir` (ui/file_browser.hpp).
ui::BrowserStep double_click(const std::string& dir, const std::string& name) {
  for (const ui::DirEntry& e :
       ui::list_directory(dir, ui::browser_extensions(ui::BrowserMode::open_data)))
    if (e.name == name) return ui::activate_entry(dir, e, ui::BrowserMode::open_data);
  ADD_FAILURE() << name << " not listed in " << dir;
  return {};
}

TEST(OpenAnyApp, IncidentsWithoutSectorsDrawTheHeatmap) {
  REQUIRE_HEADLESS_GL();
  FARO_REQUIRE_SHARED(csv, "cdmx-fgj-2019-2024/fgj_homicidios_armas_cdmx_2019_2024.csv");
  ConfigDir config;
  DashboardOptions o;
  o.language = Language::es;
  SourceSpec s;
  s.role = SourceSpec::Role::incidents;
  s.path = csv;
  o.sources = {s};
  auto d = dashboard(o);
  EXPECT_TRUE(d->app().error_log().empty()) << d->app().error_log().front();
  const Workspace& ws = d->app().workspace();
  EXPECT_EQ(ws.sectors.size(), 0u);
  EXPECT_EQ(ws.sectors.work_srs, "EPSG:32614");  // UTM 14N from the incidents themselves
  EXPECT_GT(ws.incidents.size(), 11'800u);
  EXPECT_EQ(ws.title, "fgj_homicidios_armas_cdmx_2019_2024.csv");
  EXPECT_TRUE(ui::lacks_sectors(ws));
  EXPECT_TRUE(d->app().status().heatmap_shown);
  // The map shows heat (warm colours) in its middle, where the city is, once the density grid
  // started by the loaded data's first frames is done.
  ASSERT_TRUE(d->app().settle(120s));
  d->frame({}, true);
  const render::RgbaImage img = d->read();
  const ui::MapRegion& r = d->app().map_region();
  size_t warm = 0;
  for (int y = static_cast<int>(r.y + r.height / 4); y < static_cast<int>(r.y + r.height * 3 / 4);
       ++y)
    for (int x = static_cast<int>(r.x + r.width / 4); x < static_cast<int>(r.x + r.width * 3 / 4);
         ++x) {
      const render::Rgba8 p = img.at(x, y);
      if (p.r > 150 && p.g < 140 && p.b < 120) ++warm;
    }
  EXPECT_GT(warm, 200u) << "no heatmap colours in the map";
  // Grid hot spots and the timeline work on incidents alone: the filter counts every row.
  EXPECT_EQ(d->app().snapshot()->result().total, static_cast<int64_t>(ws.incidents.size()));
  EXPECT_EQ(d->app().snapshot()->result().per_sector.size(), 1u);  // only "outside every sector"
}

TEST(OpenAnyApp, RealFgjGzipCsvOpensFromTheBrowser) {
  REQUIRE_HEADLESS_GL();
  FARO_REQUIRE_SHARED(gz, "cdmx-fgj-2019-2024/fgj_todos_cdmx_2019_2024.csv.gz");
  ConfigDir config;
  DashboardOptions o;
  o.language = Language::en;
  auto d = dashboard(o);  // the demo city first, as a new user starts
  // File ▸ Open data in the data folder: two double-clicks reach the file, the mapping dialog
  // finds its columns, Load pushes the source (as the dialog does).
  const std::string data = fs::path(gz).parent_path().parent_path().string();
  const ui::BrowserStep folder = double_click(data, "cdmx-fgj-2019-2024");
  const ui::BrowserStep file = double_click(folder.navigate_to, "fgj_todos_cdmx_2019_2024.csv.gz");
  ASSERT_EQ(file.choose, gz);
  const io::CsvPreview p = io::read_csv_preview(file.choose);
  const ui::CsvMapping m = ui::mapping_from_detection(p);
  ASSERT_TRUE(ui::mapping_complete(m));
  ui::UiAction a;
  a.kind = ui::UiAction::Kind::open_source;
  a.source = ui::csv_source_spec(p, m);
  d->app().request(a);
  d->frame();
  ASSERT_TRUE(d->app().settle(600s));
  d->frame();
  EXPECT_TRUE(d->app().error_log().empty()) << d->app().error_log().front();
  const Workspace& ws = d->app().workspace();
  EXPECT_GT(ws.incidents.size(), 1'200'000u);
  // The header names the file, not a /vsigzip/ path.
  EXPECT_EQ(ws.title, "fgj_todos_cdmx_2019_2024.csv.gz");
  EXPECT_GT(ws.incidents.categories.size(), 100u);
}

TEST(OpenAnyApp, RecentFilesSurviveARestart) {
  REQUIRE_HEADLESS_GL();
  ConfigDir config;
  faro_test::TempDir tmp;
  const std::string csv =
      tmp.write("robos.csv", "fecha,longitud,latitud\n2024-01-02,-98.2,19.04\n");
  const std::string gone = tmp.file("borrado.csv");
  {
    std::ofstream(config.file("recent.txt")) << gone << "\n";
    DashboardOptions o;
    o.language = Language::es;
    auto d = dashboard(o);
    EXPECT_FALSE(d->app().ui().recent_available(gone));  // greyed: it is not there any more
    PlatformInput drop;
    drop.dropped = {csv};  // opens the mapping dialog and enters the recent list
    d->frame(drop);
    d->frame();
  }
  DashboardOptions o;
  o.language = Language::es;
  auto d = dashboard(o);  // "restart"
  const std::vector<std::string> want = {csv, gone};
  EXPECT_EQ(d->app().ui().recent_files(), want);
  EXPECT_TRUE(d->app().ui().recent_available(csv));
  EXPECT_FALSE(d->app().ui().recent_available(gone));
}

TEST(OpenAnyApp, AMissingProjectIsSaidInOneLanguage) {
  REQUIRE_HEADLESS_GL();
  ConfigDir config;
  for (const Language lang : {Language::es, Language::en}) {
    DashboardOptions o;
    o.language = lang;
    o.project = "/no/such/plan.faro.json";
    auto d = dashboard(o);
    ASSERT_FALSE(d->app().error_log().empty());
    const std::string& e = d->app().error_log().front();
    if (lang == Language::es) {
      EXPECT_EQ(e,
                "No se pudo abrir el proyecto: /no/such/plan.faro.json: no se encontró el "
                "archivo del proyecto");
    } else {
      EXPECT_EQ(e, "Could not open the project: /no/such/plan.faro.json: project file not found");
    }
  }
}

}  // namespace
}  // namespace faro::app
