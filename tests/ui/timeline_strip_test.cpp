// The bottom strip's comparison modes: which sectors go in which series.
#include <gtest/gtest.h>

#include <set>

#include "ui/timeline_strip.hpp"
#include "ui_test_support.hpp"

namespace faro::ui {
namespace {

std::set<size_t> as_set(const std::vector<size_t>& v) { return {v.begin(), v.end()}; }

TEST(TimelineStrip, AllModeIsOneSeriesOfEveryIncident) {
  Session s;
  const Workspace ws = testing::demo_workspace();
  const auto groups = timeline_groups(ws, s, TimelineMode::all);
  ASSERT_EQ(groups.size(), 1u);
  EXPECT_TRUE(groups[0].all);
  EXPECT_EQ(groups[0].label, "Todos los incidentes");
}

TEST(TimelineStrip, SelectionModeComparesTheSelectedSectorsWithTheRest) {
  Session s;
  s.language = Language::en;
  const Workspace ws = testing::demo_workspace();
  s.selection = {ws.sectors.sectors[3].name, ws.sectors.sectors[7].name};
  const auto groups = timeline_groups(ws, s, TimelineMode::selection);
  ASSERT_EQ(groups.size(), 2u);
  EXPECT_EQ(groups[0].label, "Selected sectors");
  EXPECT_EQ(as_set(groups[0].sectors), (std::set<size_t>{3, 7}));
  EXPECT_EQ(groups[1].sectors.size(), ws.sectors.size() - 2);
  EXPECT_FALSE(as_set(groups[1].sectors).count(3));

  s.selection.clear();  // nothing selected: back to one series rather than an empty one
  const auto fallback = timeline_groups(ws, s, TimelineMode::selection);
  ASSERT_EQ(fallback.size(), 1u);
  EXPECT_TRUE(fallback[0].all);
}

TEST(TimelineStrip, ProgramModeComparesTreatedWithComparisonSectors) {
  Session s;
  const Workspace ws = testing::demo_workspace();
  std::set<size_t> treated;
  for (const Program& p : ws.programs)
    for (const ProgramSector& ps : p.sectors) treated.insert(*ws.sectors.find(ps.sector));
  ASSERT_FALSE(treated.empty());
  const auto groups = timeline_groups(ws, s, TimelineMode::programs);
  ASSERT_EQ(groups.size(), 2u);
  EXPECT_EQ(groups[0].label, "Sectores con programa");
  EXPECT_EQ(as_set(groups[0].sectors), treated);
  EXPECT_EQ(groups[0].sectors.size() + groups[1].sectors.size(), ws.sectors.size());
}

}  // namespace
}  // namespace faro::ui
