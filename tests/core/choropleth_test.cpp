#include "core/choropleth.hpp"

#include <gtest/gtest.h>

#include "core/errors.hpp"

namespace faro {
namespace {

SectorSet two_sectors(std::optional<double> pop_a, std::optional<double> pop_b) {
  SectorSet s;
  Sector a;
  a.name = "A";
  a.area_m2 = 2e6;  // 2 km²
  a.population = pop_a;
  Sector b;
  b.name = "B";
  b.area_m2 = 0.5e6;
  b.population = pop_b;
  s.sectors = {a, b};
  return s;
}

IncidentStore incidents_in(std::vector<int32_t> sectors) {
  IncidentStore st;
  for (int32_t s : sectors) {
    st.push_back(0, 0, 0, 0, 0);
    st.sector.push_back(s);
  }
  return st;
}

TEST(Choropleth, CountsRatesPerKm2AndPer10k) {
  const SectorSet s = two_sectors(20000, std::nullopt);
  const IncidentStore inc = incidents_in({0, 0, 0, 0, 1, kNoSector});
  auto count = sector_values(s, inc, ChoroplethMeasure::count);
  EXPECT_DOUBLE_EQ(*count[0], 4);
  EXPECT_DOUBLE_EQ(*count[1], 1);
  auto km2 = sector_values(s, inc, ChoroplethMeasure::per_km2);
  EXPECT_DOUBLE_EQ(*km2[0], 2.0);
  EXPECT_DOUBLE_EQ(*km2[1], 2.0);
  auto per_year = sector_values(s, inc, ChoroplethMeasure::count, 2.0);
  EXPECT_DOUBLE_EQ(*per_year[0], 2.0);
  auto pop = sector_values(s, inc, ChoroplethMeasure::per_10k);
  EXPECT_DOUBLE_EQ(*pop[0], 2.0);    // 4 / 20000 * 10000
  EXPECT_FALSE(pop[1].has_value());  // no population: no value, not zero
}

TEST(Choropleth, Per10kWithoutPopulationIsAUsageError) {
  const SectorSet s = two_sectors(std::nullopt, std::nullopt);
  EXPECT_THROW(sector_values(s, incidents_in({0}), ChoroplethMeasure::per_10k), UsageError);
}

TEST(Choropleth, QuantileClassesSplitEvenlyAndColourByClass) {
  std::vector<std::optional<double>> v;
  for (int i = 1; i <= 10; ++i) v.push_back(i);
  v.push_back(std::nullopt);
  Choropleth c = classify(v, ChoroplethScale::quantile, ColormapName::ylorrd, 5);
  ASSERT_EQ(c.classes.size(), 5u);
  EXPECT_DOUBLE_EQ(c.classes[0].upper, 2);
  EXPECT_DOUBLE_EQ(c.classes[4].upper, 10);
  EXPECT_EQ(c.colors[0], c.classes[0].color);
  EXPECT_EQ(c.colors[1], c.classes[0].color);
  EXPECT_EQ(c.colors[2], c.classes[1].color);
  EXPECT_EQ(c.colors[9], c.classes[4].color);
  EXPECT_EQ(c.colors[10], kNoDataColor);
  EXPECT_NE(c.classes[0].color, c.classes[4].color);
}

TEST(Choropleth, DuplicateBreaksMerge) {
  std::vector<std::optional<double>> v(8, 0.0);
  v.push_back(5.0);
  Choropleth c = classify(v, ChoroplethScale::quantile, ColormapName::viridis, 4);
  EXPECT_EQ(c.classes.size(), 2u);
  EXPECT_NE(c.colors[0], c.colors[8]);
}

TEST(Choropleth, ContinuousScalesByMax) {
  std::vector<std::optional<double>> v{0.0, 5.0, 10.0};
  Choropleth c = classify(v, ChoroplethScale::continuous, ColormapName::viridis);
  EXPECT_TRUE(c.classes.empty());
  EXPECT_EQ(c.colors[2], colormap_sample(ColormapName::viridis, 1.0));
  EXPECT_EQ(c.colors[1], colormap_sample(ColormapName::viridis, 0.5));
}

}  // namespace
}  // namespace faro
