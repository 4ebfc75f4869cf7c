// IncidentStore::gather / gather_points: the one way to copy the incidents of a list of rows (the
// session map, the animation frames and the density worker used to copy the columns by hand).
#include <gtest/gtest.h>

#include <vector>

#include "core/incidents.hpp"

namespace faro {
namespace {

IncidentStore five_incidents(bool weighted, bool assigned) {
  IncidentStore s;
  const uint16_t robo = s.categories.intern("robo");
  const uint16_t lesiones = s.categories.intern("lesiones");
  for (int i = 0; i < 5; ++i)
    s.push_back(480000 + 10 * i, 2150000 - 7 * i, 1'600'000'000 + 3600 * i,
                i % 2 ? robo : lesiones, static_cast<uint8_t>(i), weighted ? 1.0f + i : 1.0f);
  if (assigned) s.sector = {3, kNoSector, 0, 1, 2};
  for (uint32_t row : {2u, 3u, 4u, 5u, 6u}) s.source_rows.push_back(row);
  s.category_field = "delito";
  s.work_srs = "EPSG:32614";
  return s;
}

TEST(IncidentGather, CopiesEveryColumnOfTheRowsInTheirOrder) {
  const IncidentStore s = five_incidents(true, true);
  const std::vector<uint32_t> rows{4, 0, 2, 2};
  const IncidentStore g = s.gather(rows);
  ASSERT_EQ(g.size(), rows.size());
  for (size_t i = 0; i < rows.size(); ++i) {
    const uint32_t r = rows[i];
    EXPECT_EQ(g.x[i], s.x[r]);
    EXPECT_EQ(g.y[i], s.y[r]);
    EXPECT_EQ(g.t[i], s.t[r]);
    EXPECT_EQ(g.category[i], s.category[r]);
    EXPECT_EQ(g.flags[i], s.flags[r]);
    EXPECT_EQ(g.weight[i], s.weight[r]);
    EXPECT_EQ(g.sector[i], s.sector[r]);
  }
  EXPECT_EQ(g.categories.names(), s.categories.names());
  EXPECT_EQ(g.category_field, "delito");
  EXPECT_EQ(g.work_srs, "EPSG:32614");
  EXPECT_TRUE(g.source_rows.empty());  // a copy cannot be read back from its source by row
  EXPECT_FALSE(g.has_source_rows());
}

TEST(IncidentGather, WeightsAndSectorsOnlyWhenTheyCarryInformation) {
  // Weighted store, but the gathered rows all weigh 1 (row 0): no weight column, as push_back.
  const IncidentStore s = five_incidents(true, false);
  EXPECT_TRUE(s.gather(std::vector<uint32_t>{0, 0}).weight.empty());
  EXPECT_EQ(s.gather(std::vector<uint32_t>{0, 3}).weight, (std::vector<float>{1.0f, 4.0f}));
  EXPECT_TRUE(s.gather(std::vector<uint32_t>{1, 2}).sector.empty());  // not assigned
  // The same as building it with push_back, the way the copies did.
  IncidentStore by_hand;
  for (uint32_t r : {3u, 0u})
    by_hand.push_back(s.x[r], s.y[r], s.t[r], s.category[r], s.flags[r], s.weight[r]);
  EXPECT_EQ(s.gather(std::vector<uint32_t>{3, 0}).weight, by_hand.weight);
  const IncidentStore none = s.gather(std::vector<uint32_t>{});
  EXPECT_TRUE(none.empty());
  EXPECT_EQ(none.work_srs, s.work_srs);
}

TEST(IncidentGather, PointsOnlyCarryCoordinatesAndWeights) {
  const IncidentStore s = five_incidents(true, true);
  const IncidentStore::PointColumns p = s.gather_points(std::vector<uint32_t>{1, 3});
  EXPECT_EQ(p.x, (std::vector<double>{s.x[1], s.x[3]}));
  EXPECT_EQ(p.y, (std::vector<double>{s.y[1], s.y[3]}));
  EXPECT_EQ(p.weight, (std::vector<float>{2.0f, 4.0f}));
  EXPECT_TRUE(five_incidents(false, false).gather_points(std::vector<uint32_t>{1}).weight.empty());
}

}  // namespace
}  // namespace faro
