// `faro dashboard`'s data and map flags become the session it starts with, parsed as `faro render`
// parses them: sources with their field overrides (paths made absolute), --where on the incident
// source, --from/--to as the filter's period, --programs as a source, --context as context layers
// of their own (a known file takes its preset), the style flags (--basemap greyed and dimmed at the
// bottom) applied on top of a project's session; bad combinations are usage errors naming the flag.
#include "cli/dashboard_args.hpp"

#include <gtest/gtest.h>

#include <filesystem>

#include "core/errors.hpp"

namespace faro::cli {
namespace {

ParsedArgs parse(const std::vector<std::string>& args) {
  CommandSpec spec;
  spec.name = "dashboard";
  spec.options = dashboard_session_options();
  spec.options.push_back({"lang", "es|en", ""});
  return parse_args(spec, args);
}

const SourceSpec* source(const Session& s, SourceSpec::Role role) {
  for (const SourceSpec& src : s.sources)
    if (src.role == role) return &src;
  return nullptr;
}

TEST(DashboardArgs, RenderFlagsBecomeTheSession) {
  const ParsedArgs args = parse({"--sectors", "sectores.geojson", "--incidents", "/d/fgj.csv",
                                 "--category-field", "delito", "--where", "delito LIKE '%FUEGO%'",
                                 "--from", "2023-01-01", "--to", "2023-12-31", "--programs",
                                 "/d/p.csv", "--context", "/d/alcaldias.geojson", "--basemap",
                                 "calles.tif", "--layers", "heatmap,sectors,labels",
                                 "--bandwidth", "600"});
  EXPECT_FALSE(has_dashboard_session_flags(parse({"--lang", "en"})));
  ASSERT_TRUE(has_dashboard_session_flags(args));
  const Session s = dashboard_session_from_args(args, Session{});
  const SourceSpec* sectors = source(s, SourceSpec::Role::sectors);
  const SourceSpec* incidents = source(s, SourceSpec::Role::incidents);
  ASSERT_TRUE(sectors && incidents);
  EXPECT_EQ(sectors->path,
            (std::filesystem::current_path() / "sectores.geojson").lexically_normal().string());
  EXPECT_EQ(incidents->path, "/d/fgj.csv");
  EXPECT_EQ(incidents->category_field, "delito");
  EXPECT_EQ(incidents->where, "delito LIKE '%FUEGO%'");
  ASSERT_TRUE(s.filter.from && s.filter.to_exclusive);
  EXPECT_EQ(format_date(*s.filter.from), "2023-01-01");
  EXPECT_EQ(format_date(*s.filter.to_exclusive), "2024-01-01");  // --to is inclusive
  ASSERT_NE(source(s, SourceSpec::Role::programs), nullptr);
  // --context files are context layers with a source of their own (as in `faro render`), not
  // project sources: each keeps its own look, label field and zoom range.
  EXPECT_EQ(source(s, SourceSpec::Role::context), nullptr);
  // The style: the listed layers, the bandwidth, the basemap at the bottom, one context layer per
  // --context file (alcaldias.geojson takes the alcaldías preset: names by nomgeo at city scale).
  EXPECT_TRUE(s.style.shows(LayerKind::heatmap));
  EXPECT_FALSE(s.style.shows(LayerKind::programs));
  EXPECT_EQ(s.style.heatmap().bandwidth_m, 600);
  ASSERT_EQ(s.style.layers.front().kind, LayerKind::basemap);
  EXPECT_TRUE(s.style.layers.front().source.ends_with("/calles.tif"));
  EXPECT_TRUE(std::filesystem::path(s.style.layers.front().source).is_absolute());
  EXPECT_TRUE(s.style.layers.front().basemap.greyscale);
  int context_layers = 0;
  for (const StyleLayer& l : s.style.layers)
    if (l.kind == LayerKind::context && !l.source.empty()) {
      ++context_layers;
      EXPECT_EQ(l.source, "/d/alcaldias.geojson");
      EXPECT_TRUE(l.visible);
      EXPECT_EQ(l.labels.field, "nomgeo");
      EXPECT_EQ(l.labels.min_metres_per_pixel, 15);
    }
  EXPECT_EQ(context_layers, 1);
  EXPECT_TRUE(style_problems(s.style).empty());
}

TEST(DashboardArgs, FlagsApplyOnTopOfAProject) {
  Session project;
  SourceSpec sectors{SourceSpec::Role::sectors, "/p/s.geojson"};
  SourceSpec incidents{SourceSpec::Role::incidents, "/p/i.csv"};
  incidents.x_field = "lon";
  project.sources = {sectors, incidents};
  project.filter.categories = {"ROBO"};
  project.camera.metres_per_pixel = 5;
  const Session s = dashboard_session_from_args(parse({"--where", "x > 1", "--basemap", "/b.tif"}),
                                                project);
  EXPECT_EQ(s.sources.size(), 2u);
  EXPECT_EQ(source(s, SourceSpec::Role::incidents)->where, "x > 1");
  EXPECT_EQ(source(s, SourceSpec::Role::incidents)->x_field, "lon");  // kept
  EXPECT_EQ(s.filter.categories, std::vector<std::string>{"ROBO"});
  EXPECT_EQ(s.camera.metres_per_pixel, 5);
  EXPECT_EQ(s.style.find(LayerKind::basemap)->source, "/b.tif");
}

TEST(DashboardArgs, IncidentsAloneOpenWithoutSectors) {
  Session project;
  SourceSpec old;
  old.role = SourceSpec::Role::sectors;
  old.path = "/p/sectores.geojson";
  project.sources = {old};
  const Session s = dashboard_session_from_args(
      parse({"--incidents", "/d/fgj_todos.csv.gz", "--x-field", "lon"}), project);
  ASSERT_EQ(s.sources.size(), 1u);  // the new incidents replace the project's data sources
  EXPECT_EQ(s.sources[0].role, SourceSpec::Role::incidents);
  EXPECT_EQ(s.sources[0].path, "/d/fgj_todos.csv.gz");
  EXPECT_EQ(s.sources[0].x_field, "lon");
  EXPECT_EQ(source(s, SourceSpec::Role::sectors), nullptr);
}

TEST(DashboardArgs, BadCombinationsAreUsageErrors) {
  const auto message = [](const std::vector<std::string>& a) -> std::string {
    try {
      dashboard_session_from_args(parse(a), Session{});
    } catch (const UsageError& e) {
      return e.what();
    }
    ADD_FAILURE() << "expected a UsageError";
    return "";
  };
  EXPECT_NE(message({"--sectors", "s.geojson"}).find("--incidents"), std::string::npos);
  EXPECT_NE(message({"--where", "x > 1"}).find("--where"), std::string::npos);  // no incidents
  EXPECT_NE(message({"--from", "2024-13-01"}).find("--from"), std::string::npos);
  EXPECT_NE(message({"--layers", "satellite"}).find("--layers"), std::string::npos);
  EXPECT_NE(message({"--layers", "basemap"}).find("basemap needs a source"), std::string::npos);
}

}  // namespace
}  // namespace faro::cli
