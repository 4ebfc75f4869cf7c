#pragma once
// The embedded demo: a synthetic city generated deterministically from a seed, so Faro shows
// something meaningful with no arguments and later features have a known answer to recover.
// Everything is labelled synthetic ("datos sintéticos") wherever it is shown.
#include <cstdint>
#include <string>
#include <vector>

#include "core/incidents.hpp"
#include "core/programs.hpp"
#include "core/sectors.hpp"

namespace faro {

struct DemoOptions {
  uint64_t seed = 42;
  int sectors = 70;
  int64_t incidents = 15000;  // approximate target before the program effect thins them
  int first_year = 2018;
  int last_year = 2025;
  double program_effect = 0.70;  // rate ratio applied after rollout inside program sectors (-30 %)
};

struct DemoCity {
  static constexpr const char* kLabel = "datos sintéticos / synthetic data";
  std::string name = "Ciudad Demo";
  uint64_t seed = 42;                     // the DemoOptions::seed it was generated from
  std::string work_srs = "EPSG:32614";    // UTM 14N: the city sits near Puebla, Mexico
  Ring outline;                           // city boundary (working CRS)
  SectorSet sectors;                      // names, shapes, population; attribute "distrito"
  std::vector<std::string> districts;     // district name per sector
  IncidentStore incidents;                // categories: homicidio, lesiones por arma de fuego, disparos...
  std::vector<int64_t> incident_ids;      // 1..N, one per incident row
  std::vector<Program> programs;          // three programs with staggered rollouts
  double program_effect = 0.70;           // the true rate ratio the generator applied
};

DemoCity generate_demo_city(const DemoOptions& options = {});

}  // namespace faro
