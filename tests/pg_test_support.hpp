#pragma once
// The PostGIS test server (scripts/pg-test-cluster.sh, started by scripts/test.sh): its connection
// string is in FARO_TEST_PG. Without it the PostGIS tests skip with a message, except where the
// server is required (CI sets FARO_REQUIRE_PG, or CI=true): there they fail.
#include <gtest/gtest.h>

#include <cctype>
#include <cstdlib>
#include <string>

#include "core/demo_city.hpp"

namespace faro_test {

// The small city the PostGIS tests publish: `sectors` sectors and `incidents` incidents over
// 2022-2023 (deterministic), small enough that a publish and a full pull take well under a second.
inline faro::DemoCity small_pg_city(int incidents = 3000, int sectors = 25) {
  faro::DemoOptions o;
  o.sectors = sectors;
  o.incidents = incidents;
  o.first_year = 2022;
  o.last_year = 2023;
  return faro::generate_demo_city(o);
}

inline bool pg_required() {
  const char* req = std::getenv("FARO_REQUIRE_PG");
  const char* ci = std::getenv("CI");
  return (req && *req) || (ci && std::string(ci) == "true");
}

// A table prefix unique to the running test, so tests running in parallel never share tables.
inline std::string pg_test_prefix() {
  const auto* info = ::testing::UnitTest::GetInstance()->current_test_info();
  std::string p = std::string("t_") + info->test_suite_name() + "_" + info->name();
  for (char& c : p) c = (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : (std::isalnum(static_cast<unsigned char>(c)) ? c : '_');
  return p.substr(0, 50);
}

}  // namespace faro_test

#define FARO_REQUIRE_PG(var)                                                                    \
  const char* var##_env = std::getenv("FARO_TEST_PG");                                          \
  if (!var##_env || !*var##_env) {                                                              \
    if (faro_test::pg_required()) {                                                             \
      FAIL() << "FARO_TEST_PG is not set but a PostGIS server is required here (CI): "           \
                "scripts/test.sh starts one with scripts/pg-test-cluster.sh";                    \
    }                                                                                           \
    GTEST_SKIP() << "FARO_TEST_PG not set (no PostgreSQL/PostGIS test server): PostGIS test "   \
                    "skipped; run scripts/test.sh or eval \"$(scripts/pg-test-cluster.sh start)\""; \
  }                                                                                             \
  const std::string var = var##_env
