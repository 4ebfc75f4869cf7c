// Time to first map of the dashboard on a live PostGIS source (issue 19 item 5): a headless
// dashboard (app/headless_dashboard.hpp, EGL) opens `--incidents PG:... --table T` and runs frames
// at about 60 Hz (15 ms sleep between frames, as a window's vsync loop would leave the CPU to the
// load) until
//   - the first map is on screen: sectors, programs and the heatmap binned in the server
//     (app/pg_first_map.hpp), shown while the rows stream in ("first map");
//   - every row is in and drawn, the heatmap recomputed from the rows ("full data");
// and, back to back in the same process, the same with the first map switched off
// (PgDashboardSource::first_map = false): the map then waits for every row, as before.
// Each run prints wall seconds, this process's CPU seconds (all threads, the GL rasteriser's too)
// and the 1-minute load average, since the machine may be shared.
//
// Tables: those bench/pg_scale_bench creates and keeps (run it once first): bench_fgj (the
// 1.28 M FGJ rows) and bench_syn (the synthetic 10 M-row table generated in the server).
//   eval "$(scripts/pg-test-cluster.sh start)"
//   ./build/bench/pg_scale_bench                         # once: creates the tables
//   ./build/bench/dashboard_pg_first_map_bench           # FARO_BENCH_TABLES=bench_fgj,bench_syn
// Needs FARO_BENCH_PG (or FARO_TEST_PG) = "PG:...", and EGL (Mesa's llvmpipe is enough).
#include <sys/resource.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include "app/dashboard_app.hpp"
#include "app/headless_dashboard.hpp"
#include "app/pg_live_controller.hpp"

namespace {

using namespace faro;
using Clock = std::chrono::steady_clock;

std::string load_average() {
  std::ifstream in("/proc/loadavg");
  std::string one;
  in >> one;
  return one;
}

double cpu_s() { return app::process_cpu_ms() / 1000.0; }

struct Run {
  double first_s = -1, first_cpu_s = -1;  // first map on screen (-1: none shown)
  double full_s = 0, full_cpu_s = 0;      // every row in and the rows' heatmap drawn
  size_t rows = 0;
  std::string error;
};

Run run_once(const std::string& pg, const std::string& table, bool first_map) {
  app::DashboardOptions o;
  o.width = 1600;
  o.height = 900;
  o.language = Language::en;
  app::PgDashboardSource src;
  src.source = pg;
  src.table = table;
  src.first_map = first_map;
  o.pg = src;
  Run r;
  const auto t0 = Clock::now();
  const double c0 = cpu_s();
  const auto since = [&] { return std::chrono::duration<double>(Clock::now() - t0).count(); };
  app::HeadlessDashboard d(o);
  while (true) {
    d.frame({}, true);
    if (r.first_s < 0 && d.app().showing_pg_first_map()) {
      d.frame({}, true);  // the frame that draws it
      r.first_s = since(), r.first_cpu_s = cpu_s() - c0;
    }
    if (!d.app().status().loading) break;
    std::this_thread::sleep_for(std::chrono::milliseconds(15));
  }
  // The rows are in: their own heatmap, computed on the worker, then drawn.
  d.app().settle(std::chrono::minutes(10));
  d.frame({}, true);
  r.full_s = since(), r.full_cpu_s = cpu_s() - c0;
  r.rows = d.app().snapshot()->ws().incidents.size();
  if (!d.app().error_log().empty()) r.error = d.app().error_log().back();
  return r;
}

}  // namespace

int main() {
  const char* pg = std::getenv("FARO_BENCH_PG");
  if (!pg) pg = std::getenv("FARO_TEST_PG");
  if (!pg) {
    std::fprintf(stderr, "dashboard_pg_first_map_bench: set FARO_BENCH_PG (or FARO_TEST_PG)\n");
    return 2;
  }
  const char* list = std::getenv("FARO_BENCH_TABLES");
  std::stringstream tables(list ? list : "bench_fgj,bench_syn");
  for (std::string table; std::getline(tables, table, ',');) {
    for (bool first_map : {true, false}) {
      const std::string load_before = load_average();
      const Run r = run_once(pg, table, first_map);
      if (!r.error.empty()) {
        std::printf("%s: %s\n", table.c_str(), r.error.c_str());
        return 1;
      }
      if (first_map)
        std::printf("%s (%zu rows), first map from the server: first map %.1f s (CPU %.1f s), "
                    "full data %.1f s (CPU %.1f s); load %s -> %s\n",
                    table.c_str(), r.rows, r.first_s, r.first_cpu_s, r.full_s, r.full_cpu_s,
                    load_before.c_str(), load_average().c_str());
      else
        std::printf("%s (%zu rows), map waits for the rows: first map = full data %.1f s "
                    "(CPU %.1f s); load %s -> %s\n",
                    table.c_str(), r.rows, r.full_s, r.full_cpu_s, load_before.c_str(),
                    load_average().c_str());
      std::fflush(stdout);
    }
  }
  return 0;
}
