// The CDMX example project (layers/projects/cdmx-fgj.faro.json; skipped without ../shared/data):
// its colonias and alcaldías context layers load with the workspace (by their presets' label
// fields), and the dashboard's export of a street-scale view names colonias but no alcaldía, of
// the whole city alcaldías but no colonia, in Spanish and English. FARO_APP_TEST_KEEP=DIR keeps
// the PNGs.
#include <gtest/gtest.h>

#include <algorithm>
#include <cstdio>

#include "app/session_map.hpp"
#include "app_test_util.hpp"
#include "io/png_writer.hpp"
#include "io/project_file.hpp"
#include "io/workspace_loader.hpp"
#include "test_support.hpp"

namespace faro::app {
namespace {

TEST(ContextLabelsApp, CdmxProjectExportsNamesByZoom) {
  FARO_REQUIRE_SHARED(colonias, "cdmx-cuadrantes/colonias_iecm.gpkg");
  FARO_REQUIRE_SHARED(incidents, "cdmx-fgj-2019-2024/fgj_homicidios_armas_cdmx_2019_2024.csv");
  if (!faro_test::have_gl()) GTEST_SKIP() << "headless OpenGL unavailable: test skipped";
  Session session =
      io::load_project(std::string(FARO_TEST_DATA) + "/../../layers/projects/cdmx-fgj.faro.json");
  const Workspace ws = io::load_workspace(session);
  ASSERT_EQ(ws.context_layers.size(), 2u);
  std::vector<std::string> colonia_names, alcaldia_names;
  for (const auto& [source, layer] : ws.context_layers) {
    ASSERT_TRUE(layer && layer->areas) << source;
    auto& names = layer->areas->kind == "colonias" ? colonia_names : alcaldia_names;
    for (const Sector& a : layer->areas->areas.sectors)
      if (!ws.sectors.find(a.name)) names.push_back(a.name);
  }
  EXPECT_EQ(colonia_names.size() > 1700, true);
  EXPECT_EQ(alcaldia_names.size(), 16u);
  const auto count_in = [](const std::vector<std::string>& placed,
                           const std::vector<std::string>& names) {
    return std::count_if(placed.begin(), placed.end(), [&](const std::string& p) {
      return std::find(names.begin(), names.end(), p) != names.end();
    });
  };
  std::vector<uint32_t> rows(ws.incidents.size());
  for (size_t i = 0; i < rows.size(); ++i) rows[i] = static_cast<uint32_t>(i);
  for (const Language lang : {Language::es, Language::en}) {
    session.language = lang;
    SessionMapRequest city;
    city.width = 1600;
    city.height = 900;
    city.samples = 0;
    SessionMapRequest street = city;
    street.view = Box{483'300, 2'144'900, 485'700, 2'146'250};  // Roma / Condesa, ~1.5 m/px
    const char* tag = lang == Language::es ? "es" : "en";
    for (const auto& [name, request] : {std::pair{"city", city}, std::pair{"street", street}}) {
      const render::MapSceneResult r = render_session_map(ws, rows, session, request);
      const auto cols = count_in(r.placed_labels, colonia_names);
      const auto alcs = count_in(r.placed_labels, alcaldia_names);
      std::printf("%s %s: %zu names placed (%ld colonias, %ld alcaldías)\n", name, tag,
                  r.placed_labels.size(), cols, alcs);
      if (std::string(name) == "city") {
        EXPECT_GE(alcs, 10);
        EXPECT_EQ(cols, 0);
      } else {
        EXPECT_GE(cols, 5);
        EXPECT_EQ(alcs, 0);
      }
      if (const char* dir = std::getenv("FARO_APP_TEST_KEEP"))
        io::write_png_rgba(std::string(dir) + "/export_" + name + "_" + tag + ".png",
                           r.image.pixels, r.image.width, r.image.height);
    }
  }
}

}  // namespace
}  // namespace faro::app
