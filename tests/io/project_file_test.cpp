// Project files: every Session field survives a save/load round trip, source paths travel with
// the project folder, passwords never reach the file, and bad files fail with messages that name
// the file, the problem and the place, leaving no temporary files behind.
#include "io/project_file.hpp"

#include <gtest/gtest.h>

#include "io/style_presets.hpp"

#include <filesystem>
#include <fstream>
#include <sstream>

#include "test_support.hpp"

namespace faro::io {
namespace {

namespace fs = std::filesystem;

std::string read_text(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

SourceSpec source(SourceSpec::Role role, std::string path) {
  SourceSpec s;
  s.role = role;
  s.path = std::move(path);
  return s;
}

// A Session with every field away from its default.
Session full_session(const faro_test::TempDir& dir) {
  Session s;
  s.sources.push_back(source(SourceSpec::Role::sectors, dir.file("sectores.geojson")));
  SourceSpec inc = source(SourceSpec::Role::incidents, dir.file("datos/incidentes.csv"));
  inc.layer = "fgj";
  inc.where = "delito LIKE '%FUEGO%'";
  inc.x_field = "lon";
  inc.y_field = "lat";
  inc.date_field = "fecha";
  inc.time_field = "hora";
  inc.category_field = "delito";
  inc.weight_field = "peso";
  inc.srs = "EPSG:4326";
  inc.date_order = "mdy";
  s.sources.push_back(inc);
  SourceSpec sec2 = source(SourceSpec::Role::programs, "/usr/share/faro/programas.csv");
  sec2.name_field = "sector";
  sec2.population_field = "pob";
  s.sources.push_back(sec2);
  s.sources.push_back(source(SourceSpec::Role::context, dir.file("alcaldías.gpkg")));
  s.work_srs = "EPSG:32614";
  s.filter.from = days_from_civil(2020, 3, 1) * kSecondsPerDay;
  s.filter.to_exclusive = days_from_civil(2022, 1, 1) * kSecondsPerDay + 13 * 3600 + 5;
  s.filter.categories = {"HOMICIDIO", "LESIONES POR ARMA DE FUEGO", "ñandú \"x\""};
  s.filter.hour_mask = 0xF0000F;
  s.filter.weekday_mask = 0x30;
  s.filter.sectors = {"Álvaro Obregón 1", "Centro"};
  s.style = default_style();
  std::swap(s.style.layers[1], s.style.layers[3]);
  s.style.layers[2].visible = true;
  s.style.layers[4].opacity = 0.3f;
  s.style.heatmap() = {KdeKernel::gaussian, 650.5, ColormapName::viridis, true, 123.25f};
  s.style.choropleth() = {ChoroplethMeasure::per_10k, ChoroplethScale::jenks, 7,
                          ColormapName::inferno};
  s.style.points().size_px = 6.5f;
  s.style.points().category_colors = {{"HOMICIDIO", {200, 10, 0}}, {"ROBO", {0, 0, 255}}};
  StyleLayer roads = make_layer(LayerKind::context);
  roads.id = "calles";
  roads.source = dir.file("capas/calles.gpkg");  // written relative to the project
  roads.line = {{10, 20, 30}, 2.5f};
  s.style.add(roads);
  s.style.add(layer_preset("hotspots"));
  s.style.furniture.title = "Semana 7";
  s.style.furniture.north_arrow = false;
  s.camera = {{483000.125, 2135000.5}, 12.75};
  s.selection = {"Centro", "Norte"};
  s.language = Language::en;
  s.title = "Alto al Fuego — Álvaro Obregón";
  return s;
}

void expect_same(const Session& a, const Session& b) {
  ASSERT_EQ(a.sources.size(), b.sources.size());
  for (size_t i = 0; i < a.sources.size(); ++i) {
    const SourceSpec &x = a.sources[i], &y = b.sources[i];
    SCOPED_TRACE("source " + std::to_string(i));
    EXPECT_EQ(x.role, y.role);
    EXPECT_EQ(x.path, y.path);
    EXPECT_EQ(std::tie(x.layer, x.where, x.x_field, x.y_field, x.date_field, x.time_field,
                       x.category_field, x.weight_field, x.srs, x.date_order, x.name_field,
                       x.population_field),
              std::tie(y.layer, y.where, y.x_field, y.y_field, y.date_field, y.time_field,
                       y.category_field, y.weight_field, y.srs, y.date_order, y.name_field,
                       y.population_field));
  }
  EXPECT_EQ(a.work_srs, b.work_srs);
  EXPECT_TRUE(a.filter == b.filter);
  EXPECT_TRUE(a.style == b.style);
  EXPECT_TRUE(a.camera == b.camera);
  EXPECT_EQ(a.selection, b.selection);
  EXPECT_EQ(a.language, b.language);
  EXPECT_EQ(a.title, b.title);
}

TEST(ProjectFile, RoundTripKeepsEveryField) {
  faro_test::TempDir dir;
  const Session s = full_session(dir);
  const std::string path = dir.file("proyecto.faro.json");
  EXPECT_TRUE(save_project(s, path).empty());
  const Session back = load_project(path);
  expect_same(s, back);
  // Saving what was loaded gives the same bytes (stable output, diff-friendly).
  const std::string again = dir.file("otra.faro.json");
  save_project(back, again);
  EXPECT_EQ(read_text(path), read_text(again));
}

TEST(ProjectFile, DefaultSessionRoundTrips) {
  faro_test::TempDir dir;
  const std::string path = dir.file("p.faro.json");
  save_project(Session{}, path);
  expect_same(Session{}, load_project(path));
  EXPECT_NE(read_text(path).find("\"faro_project\": 2"), std::string::npos);
}

TEST(ProjectFile, DatesAreIsoStrings) {
  faro_test::TempDir dir;
  const std::string path = dir.file("p.faro.json");
  save_project(full_session(dir), path);
  const std::string text = read_text(path);
  EXPECT_NE(text.find("\"from\": \"2020-03-01\""), std::string::npos) << text;
  EXPECT_NE(text.find("\"to_exclusive\": \"2022-01-01T13:00:05\""), std::string::npos) << text;
  EXPECT_NE(text.find("\"kind\": \"heatmap\""), std::string::npos);
  EXPECT_NE(text.find("\"source\": \"capas/calles.gpkg\""), std::string::npos) << text;
}

TEST(ProjectFile, PathsAreRelativeToTheProjectAndTravelWithIt) {
  faro_test::TempDir tmp;
  fs::create_directories(tmp.path() / "trabajo" / "proyecto");
  fs::create_directories(tmp.path() / "trabajo" / "datos");
  Session s;
  s.sources.push_back(source(SourceSpec::Role::sectors, tmp.file("trabajo/proyecto/s.geojson")));
  s.sources.push_back(source(SourceSpec::Role::incidents, tmp.file("trabajo/datos/i.csv")));
  s.sources.push_back(source(SourceSpec::Role::context, "/usr/share/faro/alcaldias.gpkg"));
  const std::string path = tmp.file("trabajo/proyecto/p.faro.json");
  save_project(s, path);
  const std::string text = read_text(path);
  EXPECT_NE(text.find("\"path\": \"s.geojson\""), std::string::npos) << text;
  EXPECT_NE(text.find("\"path\": \"../datos/i.csv\""), std::string::npos) << text;
  // Only the root in common: stays absolute, so the project still finds it after a move.
  EXPECT_NE(text.find("\"path\": \"/usr/share/faro/alcaldias.gpkg\""), std::string::npos) << text;

  fs::rename(tmp.path() / "trabajo", tmp.path() / "movido");
  const Session back = load_project(tmp.file("movido/proyecto/p.faro.json"));
  ASSERT_EQ(back.sources.size(), 3u);
  EXPECT_EQ(back.sources[0].path, tmp.file("movido/proyecto/s.geojson"));
  EXPECT_EQ(back.sources[1].path, tmp.file("movido/datos/i.csv"));
  EXPECT_EQ(back.sources[2].path, "/usr/share/faro/alcaldias.gpkg");
}

TEST(ProjectFile, PasswordsAreNeverWritten) {
  faro_test::TempDir dir;
  Session s;
  s.sources.push_back(
      source(SourceSpec::Role::sectors, "PG:dbname=crimen host=db password=s3cret user=ana"));
  s.sources.push_back(
      source(SourceSpec::Role::incidents, "PG:dbname=crimen PASSWORD = 'dos palabras' user=ana"));
  const std::string path = dir.file("p.faro.json");
  const std::vector<std::string> warnings = save_project(s, path);
  const std::string text = read_text(path);
  EXPECT_EQ(text.find("s3cret"), std::string::npos) << text;
  EXPECT_EQ(text.find("palabras"), std::string::npos) << text;
  EXPECT_EQ(text.find("assword"), std::string::npos) << text;
  ASSERT_EQ(warnings.size(), 2u);
  EXPECT_NE(warnings[0].find("password not saved"), std::string::npos) << warnings[0];
  EXPECT_EQ(warnings[0].find("s3cret"), std::string::npos);
  const Session back = load_project(path);
  EXPECT_EQ(back.sources[0].path, "PG:dbname=crimen host=db user=ana");
  EXPECT_EQ(back.sources[1].path, "PG:dbname=crimen user=ana");
}

// The ProjectError message for `text` saved as a project file.
std::string error_for(const faro_test::TempDir& dir, const std::string& text) {
  const std::string path = dir.write("malo.faro.json", text);
  try {
    load_project(path);
  } catch (const ProjectError& e) {
    const std::string msg = e.what();
    EXPECT_NE(msg.find("malo.faro.json"), std::string::npos) << msg;  // names the file
    return msg;
  }
  ADD_FAILURE() << "expected a ProjectError for: " << text;
  return "";
}

TEST(ProjectFile, BadFilesGiveClearErrors) {
  faro_test::TempDir dir;
  EXPECT_NE(error_for(dir, "{\"faro_project\": 1, \"title\": ").find("not valid JSON"),
            std::string::npos);
  EXPECT_NE(error_for(dir, "").find("not valid JSON"), std::string::npos);
  EXPECT_NE(error_for(dir, "[1, 2]").find("not a Faro project"), std::string::npos);
  EXPECT_NE(error_for(dir, "{\"title\": \"x\"}").find("not a Faro project"), std::string::npos);
  EXPECT_NE(error_for(dir, "{\"faro_project\": 3}").find("newer Faro"), std::string::npos);
  EXPECT_NE(error_for(dir, "{\"faro_project\": \"1\"}").find("faro_project"), std::string::npos);
  const std::string hours = error_for(dir, R"({"faro_project": 1, "filter": {"hours": [1, "x"]}})");
  EXPECT_NE(hours.find("filter.hours[1]"), std::string::npos) << hours;
  const std::string hour24 = error_for(dir, R"({"faro_project": 1, "filter": {"hours": [24]}})");
  EXPECT_NE(hour24.find("0..23"), std::string::npos) << hour24;
  const std::string layer =
      error_for(dir, R"({"faro_project": 1, "layers": [{"layer": "satellite"}]})");
  EXPECT_NE(layer.find("layers[0].layer"), std::string::npos) << layer;
  EXPECT_NE(layer.find("satellite"), std::string::npos) << layer;
  const std::string title = error_for(dir, R"({"faro_project": 1, "title": 5})");
  EXPECT_NE(title.find("title: expected a string, got number"), std::string::npos) << title;
  const std::string date =
      error_for(dir, R"({"faro_project": 1, "filter": {"from": "2021-02-30"}})");
  EXPECT_NE(date.find("filter.from"), std::string::npos) << date;
  const std::string opacity =
      error_for(dir, R"({"faro_project": 1, "layers": [{"layer": "heatmap", "opacity": 1.5}]})");
  EXPECT_NE(opacity.find("layers[0].opacity: expected a number in [0, 1], got 1.5"),
            std::string::npos)
      << opacity;
  const std::string role =
      error_for(dir, R"({"faro_project": 1, "sources": [{"role": "x", "path": "a"}]})");
  EXPECT_NE(role.find("sources[0].role"), std::string::npos) << role;
  const std::string colour = error_for(
      dir,
      R"({"faro_project": 1, "points": {"category_colors": [{"category": "a", "rgb": "red"}]}})");
  EXPECT_NE(colour.find("points.category_colors[0].rgb"), std::string::npos) << colour;

  // Version 2 is strict: unknown keys anywhere, the old map keys included, are named.
  const std::string top = error_for(dir, R"({"faro_project": 2, "titel": "x"})");
  EXPECT_NE(top.find("malo.faro.json: titel: unknown key"), std::string::npos) << top;
  const std::string old = error_for(dir, R"({"faro_project": 2, "heatmap": {}})");
  EXPECT_NE(old.find("heatmap: unknown key"), std::string::npos) << old;
  const std::string src = error_for(
      dir, R"({"faro_project": 2, "sources": [{"role": "sectors", "path": "a", "x": 1}]})");
  EXPECT_NE(src.find("sources[0].x: unknown key"), std::string::npos) << src;
  const std::string style =
      error_for(dir, R"({"faro_project": 2, "style": {"layers": [{"kind": "sectors"},
           {"kind": "heatmap", "heatmap": {"bandwith_m": 500}}]}})");
  EXPECT_NE(style.find("malo.faro.json: style.layers[1].heatmap.bandwith_m: unknown key"),
            std::string::npos)
      << style;
  const std::string problem = error_for(
      dir, R"({"faro_project": 2, "style": {"layers": [{"kind": "heatmap", "opacity": 2}]}})");
  EXPECT_NE(problem.find("malo.faro.json: style: layer 'heatmap': opacity must be in 0..1"),
            std::string::npos)
      << problem;
}

TEST(ProjectFile, TruncatedFileIsAnErrorNotAHalfSession) {
  faro_test::TempDir dir;
  const std::string good = dir.file("bueno.faro.json");
  save_project(full_session(dir), good);
  const std::string text = read_text(good);
  for (size_t cut : {text.size() / 4, text.size() / 2, text.size() - 3}) {
    const std::string path = dir.write("malo.faro.json", text.substr(0, cut));
    EXPECT_THROW(load_project(path), ProjectError) << cut;
  }
  EXPECT_THROW(load_project(dir.file("no-existe.faro.json")), DataError);
}

TEST(ProjectFile, AtomicWriteLeavesOnlyTheProject) {
  faro_test::TempDir dir;
  const std::string path = dir.file("p.faro.json");
  save_project(Session{}, path);
  save_project(full_session(dir), path);  // replaces the first
  size_t files = 0;
  for (const auto& e : fs::directory_iterator(dir.path())) {
    ++files;
    EXPECT_EQ(e.path().filename(), "p.faro.json");
  }
  EXPECT_EQ(files, 1u);
  EXPECT_EQ(load_project(path).title, full_session(dir).title);
  EXPECT_THROW(save_project(Session{}, dir.file("no-such-dir/p.faro.json")), DataError);
  EXPECT_FALSE(fs::exists(dir.path() / "no-such-dir"));
}

TEST(ProjectFile, StripPassword) {
  EXPECT_EQ(strip_password("PG:dbname=x password=y"), "PG:dbname=x");
  EXPECT_EQ(strip_password("PG:password=y dbname=x"), "PG:dbname=x");
  EXPECT_EQ(strip_password("PG:dbname=x"), "PG:dbname=x");
  EXPECT_EQ(strip_password("PG:dbname=passwords"), "PG:dbname=passwords");
}

}  // namespace
}  // namespace faro::io

// Programs edited in the dashboard (Session::programs) survive a save/load; files without the
// key (older projects) load with none.
TEST(ProjectFile, EditedProgramsRoundTrip) {
  faro::Session s;
  const faro::CivilSeconds d1 = faro::days_from_civil(2020, 1, 1) * faro::kSecondsPerDay;
  const faro::CivilSeconds d2 = faro::days_from_civil(2021, 6, 30) * faro::kSecondsPerDay;
  s.programs.push_back({"Alto al Fuego", {{"PLATEROS", d1, std::nullopt}, {"ÁLVARO", d1, d2}}});
  s.programs.push_back({"Vacío", {}});
  const std::string text = faro::io::project_to_json(s, "/tmp", nullptr);
  EXPECT_NE(text.find("\"start\": \"2020-01-01\""), std::string::npos) << text;
  const faro::Session back = faro::io::project_from_json(text, "/tmp", "p.faro.json");
  ASSERT_EQ(back.programs.size(), 2u);
  EXPECT_EQ(back.programs[0].name, "Alto al Fuego");
  ASSERT_EQ(back.programs[0].sectors.size(), 2u);
  EXPECT_EQ(back.programs[0].sectors[1].sector, "ÁLVARO");
  EXPECT_EQ(back.programs[0].sectors[1].start, d1);
  EXPECT_EQ(back.programs[0].sectors[1].end, d2);
  EXPECT_FALSE(back.programs[0].sectors[0].end);
  EXPECT_TRUE(back.programs[1].sectors.empty());

  const faro::Session old =
      faro::io::project_from_json(R"({"faro_project": 1})", "/tmp", "o.faro.json");
  EXPECT_TRUE(old.programs.empty());
  EXPECT_THROW(
      faro::io::project_from_json(
          R"({"faro_project": 1, "programs": [{"name": "X", "sectors": [{"sector": "A"}]}]})",
          "/tmp", "b.faro.json"),
      faro::io::ProjectError);
}

namespace faro::io {
namespace {

TEST(ProjectFile, SavedOffenceSelectionsRoundTrip) {
  faro::Session s;
  s.category_selections.push_back({"Robos con violencia", {"ROBO A NEGOCIO CON VIOLENCIA",
                                                           "ROBO A TRANSEÚNTE CON VIOLENCIA"}});
  s.category_selections.push_back({"Todo", {}});
  const std::string text = project_to_json(s, "/tmp", nullptr);
  const faro::Session back = project_from_json(text, "/tmp", "p.faro.json");
  EXPECT_EQ(back.category_selections, s.category_selections);
  // Older files have none; a nameless selection is refused with the place named.
  EXPECT_TRUE(project_from_json(R"({"faro_project": 2})", "/tmp", "o.faro.json")
                  .category_selections.empty());
  try {
    project_from_json(R"({"faro_project": 2, "category_selections": [{"categories": ["X"]}]})",
                      "/tmp", "b.faro.json");
    ADD_FAILURE() << "a selection without a name was accepted";
  } catch (const ProjectError& e) {
    EXPECT_NE(std::string(e.what()).find("category_selections[0].name"), std::string::npos)
        << e.what();
  }
}

}  // namespace
}  // namespace faro::io
