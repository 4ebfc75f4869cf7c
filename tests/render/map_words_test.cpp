// Every word drawn on a map comes from the one catalogue in the map's language (issue 12): with
// English, the strings of the overlay (title, legends, notes, footer) carry no Spanish-only word,
// and the reverse. Sector, program and category names are data, not words of the map: left out.
#include <gtest/gtest.h>

#include <algorithm>
#include <cctype>
#include <set>

#include "core/demo_city.hpp"
#include "core/style_protection.hpp"
#include "gl_test_support.hpp"
#include "render/map_scene.hpp"
#include "render_test_scenes.hpp"

namespace faro::render {
namespace {

std::string lower(std::string s) {
  for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

// The overlay's strings, with the data's own names removed.
std::vector<std::string> map_words(const MapSceneResult& r, const DemoCity& city) {
  std::vector<std::string> out{r.overlay.title, r.overlay.subtitle, r.overlay.source_line,
                               r.overlay.stamp};
  for (const std::string& f : r.overlay.footer_lines) out.push_back(f);
  if (r.overlay.ramp) {
    out.push_back(r.overlay.ramp->title);
    out.push_back(r.overlay.ramp->units);
    out.push_back(r.overlay.ramp->domain_note);
  }
  for (const LegendClasses& c : r.overlay.classes) {
    out.push_back(c.title);
    for (const LegendClass& e : c.entries) out.push_back(e.label);
  }
  std::vector<std::string> names;
  for (const faro::Program& p : city.programs) names.push_back(p.name);
  for (const std::string& n : city.incidents.categories.names()) names.push_back(n);
  for (std::string& s : out)
    for (const std::string& n : names)
      if (!n.empty())
        for (size_t at = s.find(n); at != std::string::npos; at = s.find(n)) s.erase(at, n.size());
  return out;
}

// Words of one language that the other never uses on a map.
const std::vector<std::string> kSpanishOnly = {
    "densidad", "incidentes", "programas", "desde", "periodo", "fuente", "ciudad", "máx",
    "percentil ", "suprimid", "por año", "protección", "conteos", "ancho de banda", "cambio",
    "sintétic", "unidad"};
const std::vector<std::string> kEnglishOnly = {
    "density", "incidents", "programs", "since", "period", "source", "city", "max.",
    "percentile", "suppressed", "per year", "protection", "counts", "bandwidth", "change",
    "synthetic", "unit:"};

MapSceneResult render_demo(const DemoCity& city, Language lang, LayerKind fill) {
  MapSceneData data;
  data.sectors = &city.sectors;
  data.incidents = &city.incidents;
  data.programs = &city.programs;
  data.from = *city.incidents.min_time();
  data.to_exclusive = *city.incidents.max_time() + 1;
  MapStyle style = faro_test::style_of({LayerKind::sectors, fill, LayerKind::heatmap,
                                        LayerKind::programs, LayerKind::points, LayerKind::labels});
  MapSceneOptions o;
  o.width = 640;
  o.height = 360;
  o.language = lang;
  o.kde_backend = KdeBackend::cpu;
  o.synthetic = true;
  // As the CLI and the dashboard title and source the demo (catalogue words).
  o.title = std::string(tr(Msg::map_incidents, lang)) + " — " + tr(Msg::map_demo_city, lang);
  o.source_line = tr(Msg::map_source_synthetic, lang);
  // Partner-safe (the footer) but with points back for their legend: one internal map as well.
  const MapStyle safe = protect_style(style, DisclosurePolicy{}).style;
  return render_map_scene(data, fill == LayerKind::choropleth ? safe : style, o);
}

void expect_no_words(const std::vector<std::string>& strings, const std::vector<std::string>& bad,
                     const char* what) {
  for (const std::string& s : strings)
    for (const std::string& w : bad)
      EXPECT_EQ(lower(s).find(w), std::string::npos) << what << ": '" << s << "' has '" << w << "'";
}

TEST(MapWords, EnglishMapsCarryNoSpanishAndSpanishMapsNoEnglish) {
  FARO_REQUIRE_GL(gl);
  DemoOptions demo;
  demo.seed = 42;
  const DemoCity city = generate_demo_city(demo);
  for (LayerKind fill : {LayerKind::choropleth, LayerKind::hotspots}) {
    const MapSceneResult en = render_demo(city, Language::en, fill);
    const MapSceneResult es = render_demo(city, Language::es, fill);
    const auto en_words = map_words(en, city), es_words = map_words(es, city);
    expect_no_words(en_words, kSpanishOnly, "en");
    expect_no_words(es_words, kEnglishOnly, "es");
    // And the legends are really there: heatmap ramp, fill classes, programs.
    ASSERT_TRUE(en.overlay.ramp.has_value());
    EXPECT_GE(en.overlay.classes.size(), 2u);
    EXPECT_EQ(en.overlay.ramp->title, "Incident density");
    EXPECT_EQ(es.overlay.ramp->title, "Densidad de incidentes");
  }
}

}  // namespace
}  // namespace faro::render
