#include "core/civil_time.hpp"

#include <gtest/gtest.h>

#include "core/errors.hpp"

namespace faro {
namespace {

CivilSeconds parse_ok(std::string_view s, DateOrder o = DateOrder::dmy, bool* has_time = nullptr) {
  CivilSeconds t = 0;
  EXPECT_EQ(parse_datetime(s, o, t, has_time), DateParseStatus::ok) << s;
  return t;
}

TEST(CivilTime, DaysFromCivilRoundTrips) {
  EXPECT_EQ(days_from_civil(1970, 1, 1), 0);
  EXPECT_EQ(days_from_civil(2000, 3, 1), 11017);
  for (int64_t d = -800000; d < 800000; d += 997) {
    const CivilDate c = civil_from_days(d);
    EXPECT_EQ(days_from_civil(c.y, c.m, c.d), d);
  }
}

TEST(CivilTime, ParsesIsoDatesAndTimes) {
  EXPECT_EQ(parse_ok("2024-02-13"), days_from_civil(2024, 2, 13) * kSecondsPerDay);
  bool has_time = false;
  EXPECT_EQ(parse_ok("2024-02-13 07:05", DateOrder::dmy, &has_time),
            days_from_civil(2024, 2, 13) * kSecondsPerDay + 7 * 3600 + 5 * 60);
  EXPECT_TRUE(has_time);
  EXPECT_EQ(parse_ok("2024-02-13T23:59:59Z"), days_from_civil(2024, 2, 13) * kSecondsPerDay + 86399);
  EXPECT_EQ(parse_ok("2024-02-13T23:59:59.250-06:00"),
            days_from_civil(2024, 2, 13) * kSecondsPerDay + 86399);
  EXPECT_EQ(parse_ok("2024/02/13"), days_from_civil(2024, 2, 13) * kSecondsPerDay);
  EXPECT_EQ(parse_ok("  \"2024-02-13\" "), days_from_civil(2024, 2, 13) * kSecondsPerDay);
}

TEST(CivilTime, SlashDatesFollowTheConfiguredOrder) {
  // 03/04/2021 is 3 April in Mexico and 4 March in the US.
  EXPECT_EQ(parse_ok("03/04/2021", DateOrder::dmy), days_from_civil(2021, 4, 3) * kSecondsPerDay);
  EXPECT_EQ(parse_ok("03/04/2021", DateOrder::mdy), days_from_civil(2021, 3, 4) * kSecondsPerDay);
  EXPECT_EQ(parse_ok("3/4/2021 18:30:00", DateOrder::dmy),
            days_from_civil(2021, 4, 3) * kSecondsPerDay + 18 * 3600 + 1800);
  EXPECT_EQ(parse_ok("13-02-2024"), days_from_civil(2024, 2, 13) * kSecondsPerDay);
  CivilSeconds t;
  // Day 13 cannot be a month in US order.
  EXPECT_EQ(parse_datetime("13/02/2024", DateOrder::mdy, t), DateParseStatus::out_of_range);
}

TEST(CivilTime, RejectsBadDates) {
  CivilSeconds t;
  EXPECT_EQ(parse_datetime("", DateOrder::dmy, t), DateParseStatus::empty);
  EXPECT_EQ(parse_datetime("   ", DateOrder::dmy, t), DateParseStatus::empty);
  EXPECT_EQ(parse_datetime("yesterday", DateOrder::dmy, t), DateParseStatus::malformed);
  EXPECT_EQ(parse_datetime("2024-13-01", DateOrder::dmy, t), DateParseStatus::out_of_range);
  EXPECT_EQ(parse_datetime("2023-02-29", DateOrder::dmy, t), DateParseStatus::out_of_range);
  EXPECT_EQ(parse_datetime("2024-02-29", DateOrder::dmy, t), DateParseStatus::ok);
  EXPECT_EQ(parse_datetime("1899-12-31", DateOrder::dmy, t), DateParseStatus::out_of_range);
  EXPECT_EQ(parse_datetime("2024-02-13 25:00", DateOrder::dmy, t), DateParseStatus::out_of_range);
  EXPECT_EQ(parse_datetime("2024-02-13 ab:cd", DateOrder::dmy, t), DateParseStatus::malformed);
  EXPECT_EQ(parse_datetime("2024-02-13x", DateOrder::dmy, t), DateParseStatus::malformed);
  EXPECT_EQ(parse_datetime("20240213", DateOrder::dmy, t), DateParseStatus::malformed);
  EXPECT_EQ(parse_datetime("13/02/24", DateOrder::dmy, t), DateParseStatus::malformed);
}

TEST(CivilTime, TimeOfDayIncludingFgjQuirk) {
  int s = -1;
  EXPECT_EQ(parse_time_of_day("08:15:30", s), DateParseStatus::ok);
  EXPECT_EQ(s, 8 * 3600 + 15 * 60 + 30);
  EXPECT_EQ(parse_time_of_day("08:15:30:00", s), DateParseStatus::ok);
  EXPECT_EQ(s, 8 * 3600 + 15 * 60 + 30);
  EXPECT_EQ(parse_time_of_day("8:05", s), DateParseStatus::ok);
  EXPECT_EQ(s, 8 * 3600 + 5 * 60);
  EXPECT_EQ(parse_time_of_day("", s), DateParseStatus::empty);
  EXPECT_EQ(parse_time_of_day("noon", s), DateParseStatus::malformed);
  EXPECT_EQ(parse_time_of_day("23:61", s), DateParseStatus::out_of_range);
}

TEST(CivilTime, IsoWeeksAtYearBoundaries) {
  // 2020-12-31 (Thu) is in 2020-W53; 2021-01-03 (Sun) too; 2021-01-04 (Mon) starts 2021-W01.
  auto w = iso_week_of_days(days_from_civil(2020, 12, 31));
  EXPECT_EQ(w.year, 2020);
  EXPECT_EQ(w.week, 53);
  w = iso_week_of_days(days_from_civil(2021, 1, 3));
  EXPECT_EQ(w.year, 2020);
  EXPECT_EQ(w.week, 53);
  w = iso_week_of_days(days_from_civil(2021, 1, 4));
  EXPECT_EQ(w.year, 2021);
  EXPECT_EQ(w.week, 1);
  // 2024-12-30 (Mon) belongs to 2025-W01; 2019-12-30 to 2020-W01.
  w = iso_week_of_days(days_from_civil(2024, 12, 30));
  EXPECT_EQ(w.year, 2025);
  EXPECT_EQ(w.week, 1);
  w = iso_week_of_days(days_from_civil(2019, 12, 30));
  EXPECT_EQ(w.year, 2020);
  EXPECT_EQ(w.week, 1);
  EXPECT_EQ(days_of_iso_week(2025, 1), days_from_civil(2024, 12, 30));
  EXPECT_EQ(days_of_iso_week(2020, 53), days_from_civil(2020, 12, 28));
  EXPECT_EQ(weekday_of_days(days_from_civil(2024, 2, 12)), 0);  // a Monday
  EXPECT_EQ(weekday_of_days(days_from_civil(1969, 12, 28)), 6);  // a Sunday, before the epoch
}

TEST(CivilTime, FormatsAndParsesCliDates) {
  const CivilSeconds t = days_from_civil(2022, 12, 31) * kSecondsPerDay + 3661;
  EXPECT_EQ(format_date(t), "2022-12-31");
  EXPECT_EQ(format_datetime(t), "2022-12-31 01:01:01");
  EXPECT_EQ(parse_cli_date("2022-12-31", "--to"), days_from_civil(2022, 12, 31) * kSecondsPerDay);
  EXPECT_THROW(parse_cli_date("31/13/2022", "--to"), UsageError);
  EXPECT_THROW(parse_cli_date("2022-12-31 10:00", "--to"), UsageError);
}

}  // namespace
}  // namespace faro
