#pragma once
// The demo city at scale (millions of incidents), streamed a month at a time so memory stays flat:
// the same sectors, hotspots and programs as generate_demo_city for the seed, and the same
// space-time process (trend x season x weekday x hour, hotspots, near-repeat shootings, the
// program effect by thinning), drawn month by month from sub-seeds of the seed. Deterministic:
// the same seed and count give the same rows, in time order, ids 1..N.
#include <cstdint>
#include <memory>
#include <vector>

#include "core/civil_time.hpp"
#include "core/demo_city.hpp"

namespace faro {

struct DemoIncidentBatch {
  int64_t first_id = 1;          // id of row 0; ids run on consecutively
  std::vector<double> x, y;      // working CRS (EPSG:32614), rounded to 1 cm
  std::vector<CivilSeconds> t;   // whole minutes, with time of day
  std::vector<uint8_t> category; // index into demo::kCategoryNames
  std::vector<int32_t> sector;   // index into the city's sectors
  size_t size() const { return x.size(); }
  void clear();
};

class ScaledDemoIncidents {
 public:
  static constexpr int64_t kMaxIncidents = 200'000'000;  // ids and source rows stay 32-bit
  // `incidents`: the expected number of rows written (after the program effect), 1..kMaxIncidents.
  ScaledDemoIncidents(const DemoOptions& city_options, int64_t incidents);
  ~ScaledDemoIncidents();
  ScaledDemoIncidents(const ScaledDemoIncidents&) = delete;
  ScaledDemoIncidents& operator=(const ScaledDemoIncidents&) = delete;

  // Sectors, districts, programs and labels; `incidents` empty (they come from next()).
  const DemoCity& city() const { return city_; }
  // The next month's incidents, in time order (a total order: t, x, y, category); false at the end.
  bool next(DemoIncidentBatch& batch);
  int64_t rows_emitted() const { return next_id_ - 1; }

 private:
  struct Impl;
  DemoCity city_;
  std::unique_ptr<Impl> impl_;
  int64_t next_id_ = 1;
};

}  // namespace faro
