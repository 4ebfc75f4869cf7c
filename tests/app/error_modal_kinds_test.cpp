// The dashboard side of the one error boundary: an action that throws (a broken style file, a
// number JSON cannot hold) becomes a modal headed by its kind and naming the file, and the
// dashboard keeps drawing frames with its data intact.
#include <gtest/gtest.h>

#include <chrono>
#include <memory>

#include "app/dashboard_app.hpp"
#include "app/headless_dashboard.hpp"
#include "app_test_util.hpp"
#include "test_support.hpp"

namespace faro::app {
namespace {

using namespace std::chrono_literals;

TEST(ErrorModalKinds, AFailingActionIsAHeadedModalAndTheDashboardKeepsRunning) {
  if (!faro_test::have_gl()) GTEST_SKIP() << "headless OpenGL unavailable: test skipped";
  DashboardOptions o;
  o.width = 900;
  o.height = 600;
  o.language = Language::en;
  HeadlessDashboard d(o);
  d.frame();
  ASSERT_TRUE(d.app().settle(120s));
  d.frame();
  faro_test::TempDir tmp;
  PlatformInput drop;
  // A data error: a style with a misspelt key.
  drop.dropped = {tmp.write("misspelt.json", "{\"faro_style\": 1, \"layrs\": []}")};
  d.frame(drop);
  d.frame();
  ASSERT_FALSE(d.app().error_log().empty());
  EXPECT_EQ(d.app().error_log().back().rfind("data error: ", 0), 0u) << d.app().error_log().back();
  EXPECT_NE(d.app().error_log().back().find("misspelt.json"), std::string::npos);
  // A number no double holds: whatever the reader throws, a headed modal, never a crash.
  const size_t before = d.app().error_log().size();
  drop.dropped = {tmp.write("huge.json", "{\"faro_style\": 1, \"layers\": [], \"x\": 1e400}")};
  d.frame(drop);
  d.frame();
  ASSERT_EQ(d.app().error_log().size(), before + 1);
  const std::string& huge = d.app().error_log().back();
  EXPECT_TRUE(huge.rfind("data error: ", 0) == 0 || huge.rfind("internal error", 0) == 0) << huge;
  // Still running: frames draw, the data are there.
  for (int i = 0; i < 3; ++i) d.frame();
  EXPECT_GT(d.app().workspace().sectors.size(), 0u);
}

}  // namespace
}  // namespace faro::app
