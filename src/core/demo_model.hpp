#pragma once
// What the demo city was simulated from (internal to the demo generators): the sector cells and
// background rates, the hotspots and the time window. The scaled generator (demo_scaled.hpp) draws
// millions more incidents from the same model, so a 10 M city has the sectors, hotspots and
// programs of the ordinary demo of the same seed.
#include <cstdint>
#include <vector>

#include "core/demo_city.hpp"
#include "core/demo_incidents.hpp"

namespace faro::demo {

struct CityModel {
  SpaceModel space;
  std::vector<Hotspot> hotspots;
  TimeWindow window;
  double expected_incidents = 0;  // DemoOptions::incidents the city was simulated with
};

}  // namespace faro::demo

namespace faro {

// generate_demo_city(options), also handing back its model (`model` may be null).
DemoCity generate_demo_city(const DemoOptions& options, demo::CityModel* model);

}  // namespace faro
