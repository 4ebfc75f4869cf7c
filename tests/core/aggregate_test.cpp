#include "core/aggregate.hpp"

#include <gtest/gtest.h>

#include "core/load_report.hpp"

namespace faro {
namespace {

CivilSeconds at(int y, int m, int d, int hh = 0) {
  return days_from_civil(y, m, d) * kSecondsPerDay + hh * 3600;
}

IncidentStore sample() {
  IncidentStore s;
  const uint16_t a = s.categories.intern("homicidio");
  const uint16_t b = s.categories.intern("lesiones");
  s.push_back(0, 0, at(2022, 12, 31, 23), a, kHasTimeOfDay);  // Saturday night
  s.push_back(0, 0, at(2023, 1, 1, 1), b, kHasTimeOfDay);     // Sunday
  s.push_back(0, 0, at(2023, 1, 2), a, 0);                    // Monday, no time of day
  s.push_back(0, 0, at(2023, 2, 15, 12), a, kHasTimeOfDay);
  s.sector = {0, 1, kNoSector, 1};
  return s;
}

TEST(Aggregate, CountsEverySectorAndPeriodWithZerosAndOutside) {
  const IncidentStore s = sample();
  IncidentFilter f;
  f.from = at(2022, 12, 1);
  f.to_exclusive = at(2023, 3, 1);
  const auto c = count_by_sector_and_period(s, 2, BinKind::month, f);
  ASSERT_EQ(c.bins, 3);  // Dec, Jan, Feb
  EXPECT_EQ(bin_label(BinKind::month, c.first_bin), "2022-12");
  EXPECT_EQ(c.at(0, 0), 1);
  EXPECT_EQ(c.at(0, 1), 0);
  EXPECT_EQ(c.at(1, 1), 1);
  EXPECT_EQ(c.at(1, 2), 1);
  EXPECT_EQ(c.at(c.outside_row(), 1), 1);
  EXPECT_EQ(c.total(), 4);
}

TEST(Aggregate, InclusiveToDateKeepsTheWholeLastDay) {
  const IncidentStore s = sample();
  IncidentFilter f;
  f.from = at(2022, 12, 31);
  f.to_exclusive = at(2022, 12, 31) + kSecondsPerDay;  // --to 2022-12-31
  const auto c = count_by_sector_and_period(s, 2, BinKind::none, f);
  EXPECT_EQ(c.total(), 1);  // the 23:00 incident counts
}

TEST(Aggregate, FiltersByCategoryWeekdayAndHour) {
  const IncidentStore s = sample();
  IncidentFilter f;
  f.categories = {0, 1, 0};  // only "homicidio"
  EXPECT_EQ(count_by_sector_and_period(s, 2, BinKind::none, f).total(), 3);
  f.weekday_mask = 1 << 0;  // Mondays only
  EXPECT_EQ(count_by_sector_and_period(s, 2, BinKind::none, f).total(), 1);
  f.weekday_mask = 0x7F;
  f.hour_mask = 1u << 23;  // 23:00-23:59 only; the row without a time of day is excluded
  EXPECT_EQ(count_by_sector_and_period(s, 2, BinKind::none, f).total(), 1);
}

TEST(Aggregate, IsoWeekBinsAcrossNewYear) {
  const IncidentStore s = sample();
  const auto c = count_by_sector_and_period(s, 2, BinKind::week, IncidentFilter{});
  EXPECT_EQ(bin_label(BinKind::week, c.first_bin), "2022-W52");
  // Sat 2022-12-31 and Sun 2023-01-01 share 2022-W52; Mon 2023-01-02 is 2023-W01.
  EXPECT_EQ(c.at(0, 0) + c.at(1, 0), 2);
  EXPECT_EQ(c.at(c.outside_row(), 1), 1);
}

TEST(Aggregate, EmptySelectionGivesNoPeriodsButNoCrash) {
  IncidentStore s;
  s.sector = {};
  const auto c = count_by_sector_and_period(s, 3, BinKind::month, IncidentFilter{});
  EXPECT_EQ(c.bins, 0);
  EXPECT_EQ(c.total(), 0);
}

TEST(LoadReportTest, CountsByReasonAndKeepsFirstExamples) {
  LoadReport r;
  r.source = "x.csv";
  r.rows_read = 10;
  r.rows_loaded = 7;
  for (int row = 1; row <= 7; ++row) r.add(RowIssue::zero_zero, row, "longitud", "0");
  r.add(RowIssue::missing_time, 3, "hora_hecho");
  EXPECT_EQ(r.count(RowIssue::zero_zero), 7);
  EXPECT_EQ(r.tally(RowIssue::zero_zero).examples.size(), LoadReport::kMaxExamples);
  EXPECT_EQ(r.rows_rejected(), 7);
  EXPECT_EQ(r.rows_changed(), 1);
  const std::string text = r.to_text();
  EXPECT_NE(text.find("x.csv"), std::string::npos);
  EXPECT_NE(text.find("zero_zero"), std::string::npos);
  EXPECT_NE(text.find("row 1 field longitud"), std::string::npos);
  EXPECT_NE(text.find("missing_time"), std::string::npos);
}

TEST(CategoryDictionaryTest, InternsOnce) {
  CategoryDictionary d;
  EXPECT_EQ(d.intern(""), 0);
  const uint16_t a = d.intern("disparos");
  EXPECT_EQ(d.intern("disparos"), a);
  EXPECT_EQ(d.name(a), "disparos");
  EXPECT_EQ(d.find("nada"), std::nullopt);
}

}  // namespace
}  // namespace faro
