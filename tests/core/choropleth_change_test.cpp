// Change against a previous period: the previous period's bounds, per-sector differences and
// percentages counted by hand, the "new" class for a zero baseline (never an infinite value), and
// the diverging colours centred at zero (increases red, decreases blue on RdBu reversed).
#include "core/choropleth_change.hpp"

#include <gtest/gtest.h>

#include "core/errors.hpp"

namespace faro {
namespace {

CivilSeconds day(int y, unsigned m, unsigned d) {
  return days_from_civil(y, m, d) * kSecondsPerDay;
}

SectorSet sectors(size_t n) {
  SectorSet s;
  for (size_t i = 0; i < n; ++i) {
    Sector sec;
    sec.name = "S" + std::to_string(i);
    sec.area_m2 = 1e6;
    s.sectors.push_back(sec);
  }
  return s;
}

// counts[i] incidents in sector i.
IncidentStore store(const std::vector<int>& counts) {
  IncidentStore st;
  for (size_t s = 0; s < counts.size(); ++s)
    for (int k = 0; k < counts[s]; ++k) {
      st.push_back(0, 0, 0, 0, 0);
      st.sector.push_back(static_cast<int32_t>(s));
    }
  st.push_back(0, 0, 0, 0, 0);  // one outside every sector: ignored
  st.sector.push_back(kNoSector);
  return st;
}

TEST(PreviousPeriod, CalendarYearsAndMonthsCompareWithTheirPredecessor) {
  // 2024 (366 days) -> 2023, not the 366 days ending 2023-12-31.
  Period p = previous_period({day(2024, 1, 1), day(2025, 1, 1)});
  EXPECT_EQ(p.from, day(2023, 1, 1));
  EXPECT_EQ(p.to_exclusive, day(2024, 1, 1));
  p = previous_period({day(2024, 3, 1), day(2024, 4, 1)});  // March -> February (29 days)
  EXPECT_EQ(p.from, day(2024, 2, 1));
  EXPECT_EQ(p.to_exclusive, day(2024, 3, 1));
  p = previous_period({day(2024, 1, 1), day(2024, 7, 1)});  // a half year across a year end
  EXPECT_EQ(p.from, day(2023, 7, 1));
  // Not month aligned: the same number of seconds just before.
  p = previous_period({day(2024, 1, 10), day(2024, 1, 17)});
  EXPECT_EQ(p.from, day(2024, 1, 3));
  EXPECT_EQ(p.to_exclusive, day(2024, 1, 10));
  EXPECT_THROW(previous_period({day(2024, 1, 10), day(2024, 1, 10)}), UsageError);
}

TEST(SectorChange, DifferencesPercentagesAndNewSectors) {
  const SectorSet s = sectors(5);
  //                      S0  S1  S2  S3  S4
  const IncidentStore now = store({12, 3, 4, 0, 0});
  const IncidentStore before = store({8, 6, 0, 0, 2});
  const SectorChange d = sector_change(s, now, before, ChoroplethMeasure::change);
  EXPECT_EQ(d.current, (std::vector<double>{12, 3, 4, 0, 0}));
  EXPECT_EQ(d.previous, (std::vector<double>{8, 6, 0, 0, 2}));
  EXPECT_DOUBLE_EQ(*d.values[0], 4);
  EXPECT_DOUBLE_EQ(*d.values[1], -3);
  EXPECT_FALSE(d.values[2].has_value());  // 0 -> 4: new, not +4 or +inf
  EXPECT_EQ(d.is_new[2], 1);
  EXPECT_DOUBLE_EQ(*d.values[3], 0);  // 0 -> 0: no change
  EXPECT_DOUBLE_EQ(*d.values[4], -2);

  const SectorChange pct = sector_change(s, now, before, ChoroplethMeasure::change_pct);
  EXPECT_DOUBLE_EQ(*pct.values[0], 50);     // 8 -> 12
  EXPECT_DOUBLE_EQ(*pct.values[1], -50);    // 6 -> 3
  EXPECT_FALSE(pct.values[2].has_value());  // new
  EXPECT_EQ(pct.is_new[2], 1);
  EXPECT_FALSE(pct.values[3].has_value());  // 0 -> 0: undefined
  EXPECT_EQ(pct.is_new[3], 0);
  EXPECT_DOUBLE_EQ(*pct.values[4], -100);
  EXPECT_THROW(sector_change(s, now, before, ChoroplethMeasure::count), UsageError);
  EXPECT_THROW(sector_values(s, now, ChoroplethMeasure::change), UsageError);
}

bool reddish(Rgb c) {
  return c.r > c.b + 40;
}
bool bluish(Rgb c) {
  return c.b > c.r + 40;
}

TEST(ClassifyChange, DivergingClassesCentredAtZeroWithANewClass) {
  const SectorSet s = sectors(8);
  //                      S0  S1  S2  S3 S4  S5  S6 S7
  const IncidentStore now = store({30, 12, 10, 5, 5, 0, 3, 1});
  const IncidentStore before = store({10, 10, 10, 9, 20, 0, 0, 2});
  // change: +20, +2, 0, -4, -15, 0, new, -1
  const SectorChange ch = sector_change(s, now, before, ChoroplethMeasure::change);
  const Choropleth c = classify_change(ch, ChoroplethScale::quantile, ColormapName::rdbu_r, 5);
  EXPECT_TRUE(c.diverging);
  EXPECT_DOUBLE_EQ(c.max_abs, 20);
  EXPECT_EQ(c.new_sectors, 1u);
  // 2 decrease classes, no change, 2 increase classes, new.
  ASSERT_EQ(c.classes.size(), 6u);
  EXPECT_EQ(c.classes[2].kind, ChoroplethClassKind::no_change);
  EXPECT_EQ(c.classes[5].kind, ChoroplethClassKind::new_sectors);
  // Decreases |v| = {1, 4, 15}: nearest-rank halves -> {1, 4} and {15}.
  EXPECT_DOUBLE_EQ(c.classes[0].lower, -15);
  EXPECT_DOUBLE_EQ(c.classes[0].upper, -15);
  EXPECT_DOUBLE_EQ(c.classes[1].lower, -4);
  EXPECT_DOUBLE_EQ(c.classes[1].upper, -1);
  EXPECT_DOUBLE_EQ(c.classes[3].lower, 2);
  EXPECT_DOUBLE_EQ(c.classes[4].upper, 20);
  EXPECT_TRUE(reddish(c.colors[0]));
  EXPECT_TRUE(reddish(c.colors[1]));
  EXPECT_TRUE(bluish(c.colors[3]));
  EXPECT_TRUE(bluish(c.colors[4]));
  EXPECT_EQ(c.colors[2], colormap_sample(ColormapName::rdbu_r, 0.5));  // no change: neutral
  EXPECT_EQ(c.colors[6], new_sector_color(ColormapName::rdbu_r));
  // Same intensity steps on both sides: the outermost classes are the ramp ends.
  EXPECT_EQ(c.classes[0].color, colormap_sample(ColormapName::rdbu_r, 0.0));
  EXPECT_EQ(c.classes[4].color, colormap_sample(ColormapName::rdbu_r, 1.0));
  for (size_t k = 0; k < c.classes.size(); ++k) {
    if (c.classes[k].kind != ChoroplethClassKind::new_sectors) {
      EXPECT_NE(c.classes[k].color, new_sector_color(ColormapName::rdbu_r)) << k;
    }
  }
}

TEST(ClassifyChange, ContinuousIsSymmetricAroundZero) {
  const SectorSet s = sectors(3);
  const SectorChange ch = sector_change(s, store({2, 6, 0}), store({6, 2, 1}),
                                        ChoroplethMeasure::change);  // -4, +4, -1
  const Choropleth c = classify_change(ch, ChoroplethScale::continuous, ColormapName::rdbu_r);
  EXPECT_EQ(c.colors[0], colormap_sample(ColormapName::rdbu_r, 0.0));
  EXPECT_EQ(c.colors[1], colormap_sample(ColormapName::rdbu_r, 1.0));
  EXPECT_EQ(c.colors[2], colormap_sample(ColormapName::rdbu_r, 0.375));  // 0.5 - 0.5 * 1 / 4
  EXPECT_TRUE(c.classes.empty());  // no new sectors: nothing beside the ramp
}

TEST(ClassifyChange, PercentagesNameTheSectorsWithNoIncidentsInEitherPeriod) {
  const SectorSet s = sectors(3);
  // +100 %, none in either, new.
  const SectorChange ch =
      sector_change(s, store({4, 0, 2}), store({2, 0, 0}), ChoroplethMeasure::change_pct);
  const Choropleth c = classify_change(ch, ChoroplethScale::quantile, ColormapName::rdbu_r, 5);
  ASSERT_EQ(c.classes.size(), 3u);
  EXPECT_EQ(c.classes[1].kind, ChoroplethClassKind::new_sectors);
  EXPECT_EQ(c.classes[2].kind, ChoroplethClassKind::none_in_either);
  EXPECT_EQ(c.colors[1], kNoDataColor);
  EXPECT_EQ(c.classes[2].color, kNoDataColor);
}

TEST(ClassifyChange, EqualIntervalsHaveTheSameWidthOnBothSides) {
  const SectorSet s = sectors(4);
  // -10, -1, +3, +9: widths of 5 from 0 (|max| = 10): [-10], [-1], [3], [9].
  const SectorChange ch =
      sector_change(s, store({0, 4, 3, 10}), store({10, 5, 0, 1}), ChoroplethMeasure::change);
  // S2 is new (0 -> 3), so values: -10, -1, new, +9.
  const Choropleth c =
      classify_change(ch, ChoroplethScale::equal_interval, ColormapName::rdbu_r, 4);
  ASSERT_EQ(c.classes.size(), 4u);  // [-10,-5], [-5,0), (5,10], new; (0,5] is empty and dropped
  EXPECT_DOUBLE_EQ(c.classes[0].lower, -10);
  EXPECT_DOUBLE_EQ(c.classes[1].upper, -1);
  EXPECT_DOUBLE_EQ(c.classes[2].lower, 9);
  EXPECT_EQ(c.classes[3].kind, ChoroplethClassKind::new_sectors);
  // +9 is in the outer increase class: the ramp's end, as -10 is on the other side.
  EXPECT_EQ(c.colors[3], colormap_sample(ColormapName::rdbu_r, 1.0));
  EXPECT_EQ(c.colors[0], colormap_sample(ColormapName::rdbu_r, 0.0));
}

TEST(DivergingColormaps, RdBuReversedRunsBlueToWhiteToRed) {
  const Rgb lo = colormap_sample(ColormapName::rdbu_r, 0.0);
  const Rgb mid = colormap_sample(ColormapName::rdbu_r, 0.5);
  const Rgb hi = colormap_sample(ColormapName::rdbu_r, 1.0);
  EXPECT_EQ(lo, (Rgb{5, 48, 97}));       // ColorBrewer RdBu #053061
  EXPECT_EQ(mid, (Rgb{247, 247, 247}));  // #f7f7f7
  EXPECT_EQ(hi, (Rgb{103, 0, 31}));      // #67001f
  EXPECT_EQ(colormap_sample(ColormapName::puor_r, 1.0), (Rgb{127, 59, 8}));  // PuOr #7f3b08
  EXPECT_EQ(parse_colormap("rdbu-r"), ColormapName::rdbu_r);
  EXPECT_STREQ(to_string(ColormapName::puor_r), "puor-r");
}

}  // namespace
}  // namespace faro
