#include "core/time_bins.hpp"

#include <gtest/gtest.h>

namespace faro {
namespace {

CivilSeconds at(int y, int m, int d, int hh = 0) {
  return days_from_civil(y, m, d) * kSecondsPerDay + hh * 3600;
}

TEST(TimeBins, LabelsForEveryKind) {
  const CivilSeconds t = at(2024, 2, 13, 22);
  EXPECT_EQ(bin_label(BinKind::day, bin_of(BinKind::day, t)), "2024-02-13");
  EXPECT_EQ(bin_label(BinKind::week, bin_of(BinKind::week, t)), "2024-W07");
  EXPECT_EQ(bin_label(BinKind::month, bin_of(BinKind::month, t)), "2024-02");
  EXPECT_EQ(bin_label(BinKind::year, bin_of(BinKind::year, t)), "2024");
  EXPECT_EQ(bin_label(BinKind::none, bin_of(BinKind::none, t)), "all");
}

TEST(TimeBins, WeeksStartOnMondayAcrossYearBoundaries) {
  // Sunday 2021-01-03 23:00 and Monday 2020-12-28 00:00 share ISO week 2020-W53.
  const int64_t w = bin_of(BinKind::week, at(2021, 1, 3, 23));
  EXPECT_EQ(w, bin_of(BinKind::week, at(2020, 12, 28)));
  EXPECT_EQ(bin_label(BinKind::week, w), "2020-W53");
  EXPECT_EQ(bin_of(BinKind::week, at(2021, 1, 4)), w + 1);
  EXPECT_EQ(bin_label(BinKind::week, w + 1), "2021-W01");
  EXPECT_EQ(bin_start(BinKind::week, w), at(2020, 12, 28));
  // Monday 2024-12-30 is 2025-W01 though its calendar year is 2024.
  EXPECT_EQ(bin_label(BinKind::week, bin_of(BinKind::week, at(2024, 12, 30))), "2025-W01");
  EXPECT_EQ(bin_label(BinKind::week, bin_of(BinKind::week, at(2024, 12, 29))), "2024-W52");
  // Before the epoch too.
  EXPECT_EQ(bin_label(BinKind::week, bin_of(BinKind::week, at(1969, 12, 29))), "1970-W01");
}

TEST(TimeBins, BinsAreDenseAndStartsRoundTrip) {
  for (BinKind k : {BinKind::day, BinKind::week, BinKind::month, BinKind::year}) {
    int64_t prev = bin_of(k, at(2018, 1, 1));
    for (int64_t d = days_from_civil(2018, 1, 1); d < days_from_civil(2026, 1, 1); ++d) {
      const int64_t b = bin_of(k, d * kSecondsPerDay + 43200);
      ASSERT_TRUE(b == prev || b == prev + 1) << to_string(k) << " day " << d;
      if (b == prev + 1) {
        ASSERT_EQ(bin_start(k, b), d * kSecondsPerDay) << to_string(k);
      }
      ASSERT_LE(bin_start(k, b), d * kSecondsPerDay + 43200);
      prev = b;
    }
  }
  EXPECT_EQ(bin_start(BinKind::month, bin_of(BinKind::month, at(2024, 3, 31))), at(2024, 3, 1));
  EXPECT_EQ(bin_start(BinKind::year, 2024), at(2024, 1, 1));
}

TEST(TimeBins, ParsesKinds) {
  EXPECT_EQ(parse_bin_kind("week"), BinKind::week);
  EXPECT_EQ(parse_bin_kind("none"), BinKind::none);
  EXPECT_FALSE(parse_bin_kind("fortnight").has_value());
}

}  // namespace
}  // namespace faro
