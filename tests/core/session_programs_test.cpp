// Programs edited in the dashboard applied onto loaded programs (core/session_programs.hpp).
#include "core/session_programs.hpp"

#include <gtest/gtest.h>

namespace faro {
namespace {

CivilSeconds day(int y, int m, int d) {
  return days_from_civil(y, m, d) * kSecondsPerDay;
}

std::vector<Program> loaded() {
  Program a{
      "Fase 1", {{"A", day(2020, 1, 1), std::nullopt}, {"B", day(2020, 2, 1), std::nullopt}}, {}};
  a.area.push_back({});  // a (degenerate) area that must survive the override
  return {a, Program{"Fase 2", {{"C", day(2021, 1, 1), std::nullopt}}, {}}};
}

TEST(SessionPrograms, NoSpecsLeaveLoadedProgramsAlone) {
  std::vector<Program> p = loaded();
  apply_program_specs(p, {});
  ASSERT_EQ(p.size(), 2u);
  EXPECT_EQ(p[0].sectors.size(), 2u);
}

TEST(SessionPrograms, AddingSectorsOverridesAndKeepsTheArea) {
  Session s;
  EXPECT_EQ(
      add_sectors_to_program(s, loaded(), "Fase 1", {"D", "A"}, day(2022, 3, 1), day(2023, 1, 1)),
      2u);  // D added, A re-dated
  EXPECT_EQ(s.programs.size(), 1u);  // the spec the app compares against its snapshot's
  std::vector<Program> p = loaded();
  apply_program_specs(p, s.programs);
  apply_program_specs(p, s.programs);  // idempotent
  ASSERT_EQ(p.size(), 2u);
  ASSERT_EQ(p[0].sectors.size(), 3u);
  EXPECT_EQ(p[0].area.size(), 1u);
  EXPECT_EQ(p[0].sectors[0].sector, "A");
  EXPECT_EQ(p[0].sectors[0].start, day(2022, 3, 1));
  EXPECT_EQ(p[0].sectors[0].end, day(2023, 1, 1));
  EXPECT_EQ(p[0].sectors[1].start, day(2020, 2, 1));  // B untouched
  EXPECT_EQ(p[0].sectors[2].sector, "D");
}

TEST(SessionPrograms, NewProgramAndRemoval) {
  Session s;
  add_sectors_to_program(s, loaded(), "Piloto", {"E"}, day(2024, 5, 6), std::nullopt);
  EXPECT_EQ(remove_sectors_from_program(s, loaded(), "Fase 2", {"C", "zzz"}), 1u);
  EXPECT_EQ(remove_sectors_from_program(s, loaded(), "Fase 2", {"C"}), 0u);
  std::vector<Program> p = loaded();
  apply_program_specs(p, s.programs);
  ASSERT_EQ(p.size(), 3u);
  EXPECT_TRUE(p[1].sectors.empty());
  EXPECT_EQ(p[2].name, "Piloto");
  EXPECT_EQ(p[2].sectors.at(0).start, day(2024, 5, 6));
  EXPECT_EQ(program_names(loaded(), s.programs),
            (std::vector<std::string>{"Fase 1", "Fase 2", "Piloto"}));
}

}  // namespace
}  // namespace faro
