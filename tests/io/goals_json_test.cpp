// Program goals read from JSON programs, from a CSV programs table's sidecar and from project
// files (written and read back); bad goals are DataErrors naming the program, goal and field.
#include "io/goals_json.hpp"

#include <gtest/gtest.h>

#include "core/errors.hpp"
#include "io/program_json_loader.hpp"
#include "io/project_file.hpp"
#include "test_support.hpp"

namespace faro::io {
namespace {

const char* kGoal = R"j({"indicator": "reduction_pct",
  "where": "grupo IN ('homicidio_doloso','lesiones_arma_fuego')",
  "baseline_from": "2019-01-01", "baseline_to": "2019-12-31",
  "from": "2023-01-01", "to": "2023-12-31", "target": 30})j";

std::string programs_with_goals(const std::string& goals) {
  return R"({"programs": [{"name": "Alto al Fuego", "sectors": [{"sector": "A", "start": "2020-01-01"}],
    "goals": )" + goals + "}]}";
}

// The error text of loading `path`, or "" when it loads.
std::string load_error(const std::string& path) {
  try {
    load_programs_any(path);
  } catch (const DataError& e) {
    return e.what();
  }
  return "";
}

TEST(GoalsJson, JsonProgramsCarryTheirGoals) {
  faro_test::TempDir tmp;
  const std::string path = tmp.write("p.json", programs_with_goals(std::string("[") + kGoal + "]"));
  const ProgramLoadResult r = load_programs_any(path);
  ASSERT_EQ(r.programs.size(), 1u);
  ASSERT_EQ(r.programs[0].goals.size(), 1u);
  const ProgramGoal& g = r.programs[0].goals[0];
  EXPECT_EQ(g.indicator, GoalIndicator::reduction_pct);
  EXPECT_EQ(g.where.field, "grupo");
  EXPECT_EQ(g.where.values.size(), 2u);
  ASSERT_TRUE(g.baseline);
  EXPECT_EQ(g.baseline->from, days_from_civil(2019, 1, 1) * kSecondsPerDay);
  EXPECT_EQ(g.baseline->to_exclusive, days_from_civil(2020, 1, 1) * kSecondsPerDay);
  EXPECT_EQ(g.current.to_exclusive, days_from_civil(2024, 1, 1) * kSecondsPerDay);
  EXPECT_DOUBLE_EQ(g.target, 30);
}

TEST(GoalsJson, BadGoalsNameProgramGoalAndField) {
  faro_test::TempDir tmp;
  struct Case {
    std::string goals, field;
  };
  const Case cases[] = {
      {R"([{"indicator": "reduction_pct", "baseline_from": "2019-01-01", "baseline_to": "2019-12-31", "from": "2023-01-01", "to": "2023-12-31", "target": 30}, {"indicator": "magic", "from": "2023-01-01", "to": "2023-12-31", "target": 1}])",
       "goal 2, field 'indicator'"},
      {R"([{"indicator": "count_max", "from": "2023-12-31", "to": "2023-01-01", "target": 5}])",
       "goal 1, field 'to'"},
      {R"([{"indicator": "count_max", "where": "grupo LIKE '%x%'", "from": "2023-01-01", "to": "2023-12-31", "target": 5}])",
       "goal 1, field 'where'"},
      {R"([{"indicator": "count_max", "from": "2023-01-01", "to": "2023-12-31", "target": "5"}])",
       "goal 1, field 'target'"},
      {R"([{"indicator": "count_max", "from": "2023-01-01", "to": "2023-12-31", "target": 5, "tarjet": 1}])",
       "goal 1, field 'tarjet'"},
      {R"([{"indicator": "reduction_pct", "from": "2023-01-01", "to": "2023-12-31", "target": 5}])",
       "goal 1, field 'baseline_from'"},
  };
  for (const Case& c : cases) {
    const std::string error = load_error(tmp.write("bad.json", programs_with_goals(c.goals)));
    EXPECT_NE(error.find("program 'Alto al Fuego', " + c.field), std::string::npos)
        << c.goals << "\n-> " << error;
    EXPECT_NE(error.find("bad.json"), std::string::npos) << error;
  }
}

TEST(GoalsJson, CsvProgramsTakeTheirGoalsFromTheSidecar) {
  faro_test::TempDir tmp;
  const std::string csv =
      tmp.write("programs.csv", "program,sector,start\nAlto al Fuego,A,2020-01-01\n");
  EXPECT_EQ(goals_sidecar_path(csv), tmp.file("programs.goals.json"));
  EXPECT_TRUE(load_programs_any(csv).programs[0].goals.empty());  // no sidecar: no goals
  tmp.write("programs.goals.json",
            std::string(R"({"programs": [{"name": "Alto al Fuego", "goals": [)") + kGoal + "]}]}");
  const ProgramLoadResult r = load_programs_any(csv);
  ASSERT_EQ(r.programs.size(), 1u);
  ASSERT_EQ(r.programs[0].goals.size(), 1u);
  EXPECT_EQ(r.programs[0].goals[0].where.values[1], "lesiones_arma_fuego");
  // A sidecar naming a program the table lacks is an error, not a silent drop.
  tmp.write("programs.goals.json", R"({"programs": [{"name": "Otro", "goals": []}]})");
  EXPECT_NE(load_error(csv).find("'Otro'"), std::string::npos);
}

TEST(GoalsJson, ProjectFilesStoreAndReadBackGoals) {
  faro_test::TempDir tmp;
  const std::string path = tmp.write("p.json", programs_with_goals(std::string("[") + kGoal +
                                                                   R"(, {"indicator": "count_max",
      "from": "2024-01-01", "to": "2024-12-31", "target": 12.5}])"));
  const std::vector<ProgramGoal> goals = load_programs_any(path).programs[0].goals;
  Session s;
  s.programs.push_back({"Alto al Fuego", {{"A", 0, std::nullopt}}, goals});
  s.programs.push_back({"Sin metas", {}, std::nullopt});  // keeps the loaded program's goals
  const std::string text = project_to_json(s, tmp.path().string(), nullptr);
  const Session back = project_from_json(text, tmp.path().string(), "p.faro.json");
  ASSERT_EQ(back.programs.size(), 2u);
  ASSERT_TRUE(back.programs[0].goals);
  EXPECT_EQ(*back.programs[0].goals, goals);
  EXPECT_FALSE(back.programs[1].goals);
  // A bad goal in a project names the file, the program, the goal and the field.
  std::string bad = text;
  bad.replace(bad.find("\"count_max\""), 11, "\"count_min\"");
  try {
    project_from_json(bad, tmp.path().string(), "p.faro.json");
    FAIL() << "expected a ProjectError";
  } catch (const ProjectError& e) {
    EXPECT_NE(std::string(e.what()).find("p.faro.json: program 'Alto al Fuego', goal 2, field "
                                         "'indicator'"),
              std::string::npos)
        << e.what();
  }
}

}  // namespace
}  // namespace faro::io
