// Time axis of the timeline panel: time <-> pixels, readable date ticks in the UI language, and a
// nice value-axis maximum. Pure functions, tested without a frame.
#include <algorithm>
#include <cmath>

#include "core/messages.hpp"
#include "ui/i18n.hpp"
#include "ui/timeline_panel.hpp"

namespace faro::ui {
namespace {

const char* month_name(int m, Language lang) {
  const int index = m < 1 ? 0 : m > 12 ? 11 : m - 1;
  return tr(static_cast<Msg>(static_cast<int>(Msg::month_jan) + index), lang);
}

CivilSeconds month_start(int64_t y, int m) {
  return days_from_civil(y, static_cast<unsigned>(m), 1) * kSecondsPerDay;
}

}  // namespace

float TimelineAxis::x_of(CivilSeconds t) const {
  if (t1 <= t0) return x0;
  return x0 +
         (x1 - x0) * static_cast<float>(static_cast<double>(t - t0) / static_cast<double>(t1 - t0));
}

CivilSeconds TimelineAxis::t_of(float x) const {
  if (x1 <= x0) return t0;
  const double f = std::clamp((x - x0) / (x1 - x0), 0.0f, 1.0f);
  return t0 + static_cast<CivilSeconds>(std::llround(f * static_cast<double>(t1 - t0)));
}

std::vector<TimelineTick> timeline_ticks(CivilSeconds from, CivilSeconds to, float width_px,
                                         Language lang) {
  std::vector<TimelineTick> out;
  if (to <= from || width_px <= 0) return out;
  const double days = static_cast<double>(to - from) / kSecondsPerDay;
  const double px_per_day = width_px / days;
  const CivilDate a = civil_from_days(days_of(from));
  // Years when a month would get fewer than ~12 px; else months every 1, 2, 3 or 6 so that a
  // label ("sep 2024", about 60 px) fits while a week is under ~25 px; else days every 1, 2, 7
  // or 14.
  if (px_per_day * 30.4 < 12) {
    const int step = px_per_day * 365 >= 40 ? 1 : px_per_day * 365 >= 20 ? 2 : 5;
    for (int64_t y = a.y + (a.m > 1 || a.d > 1 ? 1 : 0); month_start(y, 1) < to; ++y)
      if (y % step == 0) out.push_back({month_start(y, 1), std::to_string(y), true});
    return out;
  }
  if (px_per_day < 3.5) {
    const double month_px = px_per_day * 30.4;
    const int step = month_px >= 64 ? 1 : month_px >= 32 ? 2 : month_px >= 22 ? 3 : 6;
    int64_t y = a.y;
    int m = a.m + (a.d > 1 ? 1 : 0);
    if (m > 12) m = 1, ++y;
    for (; month_start(y, m) < to; m == 12 ? (m = 1, ++y) : ++m) {
      if ((m - 1) % step != 0) continue;
      const bool january = m == 1;
      std::string label = month_name(m, lang);
      if (january || out.empty()) label += " " + std::to_string(y);
      out.push_back({month_start(y, m), label, january});
    }
    return out;
  }
  const int step = px_per_day >= 48 ? 1 : px_per_day >= 24 ? 2 : px_per_day >= 7 ? 7 : 14;
  for (int64_t d = days_of(from + kSecondsPerDay - 1); d * kSecondsPerDay < to; ++d) {
    // Weekly steps fall on Mondays, like the ISO week bins.
    if (step >= 7 ? weekday_of_days(d) != 0 || (step == 14 && (d / 7) % 2) : d % step) continue;
    const CivilDate c = civil_from_days(d);
    std::string label = lang == Language::es
                            ? std::to_string(c.d) + " " + month_name(c.m, lang)
                            : std::string(month_name(c.m, lang)) + " " + std::to_string(c.d);
    out.push_back({d * kSecondsPerDay, label, c.d == 1 && c.m == 1});
  }
  return out;
}

std::pair<double, double> nice_axis_max(double max_value, int target_steps) {
  if (!(max_value > 0)) return {1.0, 0.25};
  const double raw = max_value / std::max(target_steps, 1);
  const double mag = std::pow(10.0, std::floor(std::log10(raw)));
  double step = 10 * mag;
  for (double f : {1.0, 2.0, 2.5, 5.0, 10.0})
    if (f * mag >= raw) {
      step = f * mag;
      break;
    }
  return {std::ceil(max_value / step - 1e-9) * step, step};
}

}  // namespace faro::ui
