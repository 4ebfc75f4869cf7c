// `faro render --choropleth change` end to end on the demo city: the previous period is loaded
// (default: the year before; or --compare-from/--compare-to), the PNG is written, and the option
// errors (no period, half a comparison period, unknown scale) are usage errors (exit 2).
#include <gtest/gtest.h>

#include <filesystem>

#include "test_support.hpp"

namespace {

struct Result {
  int code;
  std::string out;
};

Result faro_render(const std::string& args) {
  Result r;
  r.code = faro_test::run_command(std::string(FARO_BINARY) + " render " + args, &r.out);
  return r;
}

const std::string kCommon = "--internal --layers choropleth,labels --width 480 --height 270 ";
const std::string kChange = kCommon + "--choropleth change ";

TEST(RenderChangeCli, DefaultPreviousPeriodIsTheYearBefore) {
  faro_test::TempDir tmp;
  const std::string png = tmp.file("change.png");
  Result r = faro_render(kChange + "--scale jenks --from 2024-01-01 --to 2024-12-31 -o " + png);
  ASSERT_EQ(r.code, 0) << r.out;
  EXPECT_NE(r.out.find("Previous period 2023-01-01 \u2013 2023-12-31"), std::string::npos) << r.out;
  EXPECT_TRUE(std::filesystem::exists(png));
}

TEST(RenderChangeCli, ExplicitComparisonPeriodAndPercentages) {
  faro_test::TempDir tmp;
  const std::string png = tmp.file("pct.png");
  Result r = faro_render(kCommon +
                         "--choropleth change-pct --scale equal --classes 4 --from 2024-01-01 "
                         "--to 2024-06-30 --compare-from 2019-01-01 --compare-to 2019-06-30 -o " +
                         png);
  ASSERT_EQ(r.code, 0) << r.out;
  EXPECT_NE(r.out.find("Previous period 2019-01-01 \u2013 2019-06-30"), std::string::npos) << r.out;
  EXPECT_TRUE(std::filesystem::exists(png));
}

TEST(RenderChangeCli, OptionErrorsAreUsageErrors) {
  faro_test::TempDir tmp;
  const std::string png = tmp.file("x.png");
  EXPECT_EQ(faro_render(kChange + "-o " + png).code, 2);  // no --from/--to
  EXPECT_EQ(
      faro_render(kChange + "--from 2024-01-01 --to 2024-12-31 --compare-from 2023-01-01 -o " + png)
          .code,
      2);
  EXPECT_EQ(faro_render("--layers choropleth --scale fisher -o " + png).code, 2);
  EXPECT_EQ(faro_render("--layers choropleth --choropleth delta -o " + png).code, 2);
  EXPECT_FALSE(std::filesystem::exists(png));
}

}  // namespace
