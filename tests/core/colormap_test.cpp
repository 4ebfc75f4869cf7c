#include "core/colormap.hpp"

#include <gtest/gtest.h>

namespace faro {
namespace {

// Reference values read from matplotlib 3.6.3 (matplotlib.colormaps[name](i / 255) * 255, rounded).
TEST(Colormap, MatchesMatplotlibEndpointsAndMiddle) {
  const auto& v = colormap_table(ColormapName::viridis);
  EXPECT_EQ(v[0], (Rgb{68, 1, 84}));
  EXPECT_EQ(v[128], (Rgb{33, 145, 140}));
  EXPECT_EQ(v[255], (Rgb{253, 231, 37}));
  const auto& i = colormap_table(ColormapName::inferno);
  EXPECT_EQ(i[0], (Rgb{0, 0, 4}));
  EXPECT_EQ(i[255], (Rgb{252, 255, 164}));
}

TEST(Colormap, YlOrRdHitsTheNineColorBrewerClassesAtTheirPositions) {
  const auto& t = colormap_table(ColormapName::ylorrd);
  EXPECT_EQ(t[0], (Rgb{255, 255, 204}));
  EXPECT_EQ(t[255], (Rgb{128, 0, 38}));
  // Class 4 of 8 intervals sits at 255 / 2 = 127.5: entries 127 and 128 straddle {253, 141, 60}.
  EXPECT_NEAR(t[128].g, 141, 2);
  // Light to dark: green decreases monotonically.
  for (int k = 1; k < 256; ++k) EXPECT_LE(t[k].g, t[k - 1].g) << k;
}

TEST(Colormap, SampleClampsAndInterpolates) {
  EXPECT_EQ(colormap_sample(ColormapName::viridis, -1), (Rgb{68, 1, 84}));
  EXPECT_EQ(colormap_sample(ColormapName::viridis, 2), (Rgb{253, 231, 37}));
  EXPECT_EQ(colormap_sample(ColormapName::viridis, 128 / 255.0), (Rgb{33, 145, 140}));
  const Rgb a = colormap_table(ColormapName::inferno)[100],
            b = colormap_table(ColormapName::inferno)[101];
  const Rgb m = colormap_sample(ColormapName::inferno, 100.5 / 255.0);
  EXPECT_NEAR(m.r, (a.r + b.r) / 2.0, 1.0);
  EXPECT_NEAR(m.b, (a.b + b.b) / 2.0, 1.0);
}

TEST(Colormap, ParsesNames) {
  EXPECT_EQ(parse_colormap("inferno"), ColormapName::inferno);
  EXPECT_EQ(parse_colormap("viridis"), ColormapName::viridis);
  EXPECT_EQ(parse_colormap("ylorrd"), ColormapName::ylorrd);
  EXPECT_FALSE(parse_colormap("jet"));
  EXPECT_STREQ(to_string(ColormapName::ylorrd), "ylorrd");
}

}  // namespace
}  // namespace faro
