// The scaled demo: the demo city's model (demo_model.hpp) drawn month by month. Each month has its
// own sub-seed, so months are independent streams and the order of the work cannot change a row.
// Near-repeat follow-ups may fall up to 2 x 14 days after their first event, into the next months:
// they wait in `carry` until their month is written.
#include "core/demo_scaled.hpp"

#include <algorithm>
#include <cmath>
#include <iterator>
#include <numeric>
#include <optional>
#include <string>

#include "core/demo_geometry.hpp"
#include "core/demo_model.hpp"
#include "core/errors.hpp"
#include "core/random.hpp"

namespace faro {
namespace {

constexpr double kTwoPi = 6.283185307179586;

struct Event {
  double x, y;
  CivilSeconds t;
  uint8_t category, generation;
  int32_t sector;
};

bool earlier(const Event& a, const Event& b) {
  if (a.t != b.t) return a.t < b.t;
  if (a.x != b.x) return a.x < b.x;
  if (a.y != b.y) return a.y < b.y;
  return a.category < b.category;
}

uint64_t month_seed(uint64_t seed, size_t month) {
  uint64_t state = seed ^ 0x5CA1ED0DE3A0ull;  // a different stream from generate_demo_city's
  splitmix64(state);
  state += month;
  return splitmix64(state);
}

}  // namespace

void DemoIncidentBatch::clear() {
  x.clear();
  y.clear();
  t.clear();
  category.clear();
  sector.clear();
}

struct ScaledDemoIncidents::Impl {
  demo::CityModel model;
  uint64_t seed = 0;
  std::vector<int64_t> month_starts;  // days; the last entry is the window's end
  std::vector<double> hourly;         // relative intensity per hour of the window
  double hourly_total = 0;
  double base_expected_total = 0;     // first-generation events before thinning, whole window
  std::vector<std::optional<CivilSeconds>> rollout;  // per sector: program start, if any
  double program_effect = 1;
  DiscreteSampler where_background, which_hotspot, base_category, follow_up_category;
  std::vector<Event> carry;  // follow-ups that belong to a later month
  size_t month = 0;

  // First-generation events of month m, their near-repeat cascade, the program effect, sectors.
  std::vector<Event> simulate_month(size_t m) {
    Random rng(month_seed(seed, m));
    const int64_t d0 = month_starts[m], d1 = month_starts[m + 1];
    const size_t h0 = static_cast<size_t>(d0 - model.window.first_day) * 24;
    const size_t h1 = static_cast<size_t>(d1 - model.window.first_day) * 24;
    const std::vector<double> slice(hourly.begin() + static_cast<std::ptrdiff_t>(h0),
                                    hourly.begin() + static_cast<std::ptrdiff_t>(h1));
    const DiscreteSampler when(slice);
    const int64_t base = rng.poisson(base_expected_total * when.total() / hourly_total);
    const demo::SpaceModel& space = model.space;
    std::vector<Event> events;
    events.reserve(static_cast<size_t>(static_cast<double>(base) * 1.2) + 16);
    for (int64_t i = 0; i < base; ++i) {
      const bool from_hotspot = !model.hotspots.empty() && rng.uniform() < demo::kHotspotShare;
      const Vec2 p =
          from_hotspot
              ? demo::around_hotspot(model.hotspots[which_hotspot.draw(rng)], space.outline, rng)
              : demo::uniform_in_cell(space.cells[where_background.draw(rng)], rng);
      const auto slot = static_cast<int64_t>(when.draw(rng));
      const CivilSeconds t =
          (d0 + slot / 24) * kSecondsPerDay + (slot % 24) * 3600 + rng.below(60) * 60;
      events.push_back({p.x, p.y, t, static_cast<uint8_t>(base_category.draw(rng)), 0, 0});
    }
    // Near-repeat, as in simulate_incidents: the list is a queue, follow-ups spawn their own.
    for (size_t i = 0; i < events.size(); ++i) {
      const Event parent = events[i];
      if (parent.category >= demo::kFirearmCategories || parent.generation >= demo::kMaxGeneration)
        continue;
      if (!rng.bernoulli(demo::kNearRepeatProb)) continue;
      const int64_t day =
          days_of(parent.t) + 1 + static_cast<int64_t>(rng.below(demo::kNearRepeatMaxDays));
      const double r = demo::kNearRepeatRadiusM * std::sqrt(rng.uniform());
      const double angle = kTwoPi * rng.uniform();
      const Vec2 p =
          demo::rounded({parent.x + r * std::cos(angle), parent.y + r * std::sin(angle)});
      const auto category = static_cast<uint8_t>(follow_up_category.draw(rng));
      std::vector<double> day_weights(24);
      for (int h = 0; h < 24; ++h) day_weights[h] = demo::hour_weight(day, h, 0.0);
      const auto hour = static_cast<int64_t>(DiscreteSampler(day_weights).draw(rng));
      const CivilSeconds t = day * kSecondsPerDay + hour * 3600 + rng.below(60) * 60;
      if (day >= model.window.end_day || !demo::convex_contains(space.outline, p)) continue;
      events.push_back({p.x, p.y, t, category, static_cast<uint8_t>(parent.generation + 1), 0});
    }
    // Program effect by thinning, then the sector each survivor lies in.
    std::vector<Event> kept;
    kept.reserve(events.size());
    for (Event& e : events) {
      e.sector = demo::locate_sector(space, {e.x, e.y});
      const auto& start = rollout[static_cast<size_t>(e.sector)];
      if (start && e.t >= *start && !(rng.uniform() < program_effect)) continue;
      kept.push_back(e);
    }
    return kept;
  }
};

ScaledDemoIncidents::ScaledDemoIncidents(const DemoOptions& city_options, int64_t incidents)
    : impl_(std::make_unique<Impl>()) {
  if (incidents < 1 || incidents > kMaxIncidents)
    throw UsageError("scaled demo: incidents must be between 1 and " +
                     std::to_string(kMaxIncidents) + ", got " + std::to_string(incidents));
  Impl& m = *impl_;
  city_ = generate_demo_city(city_options, &m.model);
  m.seed = city_options.seed;
  m.program_effect = city_.program_effect;
  // The pilot city's kept/expected ratio (program thinning, follow-ups lost past the window or the
  // outline) calibrates the expected count so about `incidents` rows come out (within ~1 %).
  const double kept_share =
      static_cast<double>(std::max<size_t>(city_.incidents.size(), 1)) /
      std::max(1.0, m.model.expected_incidents);
  city_.incidents = IncidentStore{};
  city_.incidents.category_field = "categoria";
  city_.incidents.work_srs = city_.work_srs;
  for (std::string_view name : demo::kCategoryNames) city_.incidents.categories.intern(name);
  city_.incident_ids.clear();

  double firearm_share = 0;
  for (int c = 0; c < demo::kFirearmCategories; ++c) firearm_share += demo::kBaseMix[c];
  const double q = demo::kNearRepeatProb;
  m.base_expected_total =
      static_cast<double>(incidents) / kept_share / (1 + firearm_share * (q + q * q));

  const demo::TimeWindow& w = m.model.window;
  const int64_t days = w.end_day - w.first_day;
  m.hourly.resize(static_cast<size_t>(days) * 24);
  for (int64_t d = 0; d < days; ++d)
    for (int h = 0; h < 24; ++h)
      m.hourly[static_cast<size_t>(d * 24 + h)] =
          demo::hour_weight(w.first_day + d, h, static_cast<double>(d) / 365.25);
  m.hourly_total = std::accumulate(m.hourly.begin(), m.hourly.end(), 0.0);
  for (CivilDate c = civil_from_days(w.first_day); days_from_civil(c.y, c.m, 1) < w.end_day;
       c = c.m == 12 ? CivilDate{c.y + 1, 1, 1} : CivilDate{c.y, c.m + 1, 1})
    m.month_starts.push_back(std::max(w.first_day, days_from_civil(c.y, c.m, 1)));
  m.month_starts.push_back(w.end_day);

  m.rollout.resize(city_.sectors.size());
  for (const Program& p : city_.programs)
    for (const ProgramSector& ps : p.sectors) m.rollout[*city_.sectors.find(ps.sector)] = ps.start;
  m.where_background = DiscreteSampler(m.model.space.background);
  std::vector<double> hotspot_weights;
  for (const demo::Hotspot& h : m.model.hotspots) hotspot_weights.push_back(h.weight);
  m.which_hotspot = DiscreteSampler(hotspot_weights);
  m.base_category =
      DiscreteSampler({std::begin(demo::kBaseMix), std::end(demo::kBaseMix)});
  m.follow_up_category =
      DiscreteSampler({std::begin(demo::kFollowUpMix), std::end(demo::kFollowUpMix)});
}

ScaledDemoIncidents::~ScaledDemoIncidents() = default;

bool ScaledDemoIncidents::next(DemoIncidentBatch& batch) {
  Impl& m = *impl_;
  batch.clear();
  batch.first_id = next_id_;
  if (m.month + 1 >= m.month_starts.size()) return false;
  const size_t month = m.month++;
  const CivilSeconds month_end = m.month_starts[month + 1] * kSecondsPerDay;
  std::vector<Event> rows = m.simulate_month(month);
  // This month's rows are its own events before month_end plus what earlier months carried here.
  std::vector<Event> later;
  for (std::vector<Event>* from : {&m.carry, &rows})
    for (const Event& e : *from)
      if (e.t >= month_end) later.push_back(e);
  std::erase_if(rows, [&](const Event& e) { return e.t >= month_end; });
  for (const Event& e : m.carry)
    if (e.t < month_end) rows.push_back(e);
  m.carry = std::move(later);
  std::sort(rows.begin(), rows.end(), earlier);
  for (auto* v : {&batch.x, &batch.y}) v->reserve(rows.size());
  for (const Event& e : rows) {
    batch.x.push_back(e.x);
    batch.y.push_back(e.y);
    batch.t.push_back(e.t);
    batch.category.push_back(e.category);
    batch.sector.push_back(e.sector);
  }
  next_id_ += static_cast<int64_t>(rows.size());
  return true;
}

}  // namespace faro
