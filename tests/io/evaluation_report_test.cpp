// The evaluation report names its sources by file name, never by path (issue 13): a report goes
// to partners, and a path tells them the analyst's user and folder names. Credentials in an OGR
// connection string are redacted too.
#include "io/evaluation_report.hpp"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

namespace faro::io {
namespace {

TEST(EvaluationReport, SourcesAreNamedByFileNameOnly) {
  ProgramEvaluation ev;
  ev.label = "Alto al Fuego";
  ev.data_from = days_from_civil(2024, 1, 1) * kSecondsPerDay;
  ev.data_to_exclusive = days_from_civil(2025, 1, 1) * kSecondsPerDay;
  EvaluationReportContext ctx;
  ctx.sectors_source = "/home/analista/proyectos/faro/datos/sectores_2023.geojson";
  ctx.incidents_source = "/home/analista/proyectos/faro/datos/shapes/";  // a folder source
  ctx.programs_source = "PG:dbname=faro user=ana password=secreta";
  const std::string text = evaluation_report_json(ev, SectorSet{}, ctx);
  const nlohmann::json j = nlohmann::json::parse(text);
  EXPECT_EQ(j["sources"]["sectors"], "sectores_2023.geojson");
  EXPECT_EQ(j["sources"]["incidents"], "shapes");
  EXPECT_EQ(j["sources"]["programs"], "PG:dbname=faro user=ana password=***");
  EXPECT_EQ(text.find("/home"), std::string::npos) << text;
  EXPECT_EQ(text.find("analista"), std::string::npos);
  EXPECT_EQ(text.find("secreta"), std::string::npos);
  // Nothing given: nothing named.
  EXPECT_EQ(nlohmann::json::parse(evaluation_report_json(ev, SectorSet{}, {}))["sources"]["sectors"],
            "");
}

}  // namespace
}  // namespace faro::io
