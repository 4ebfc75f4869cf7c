#include "render/near_repeat_fills.hpp"

#include <cmath>

#include "core/civil_time.hpp"
#include "core/messages.hpp"

namespace faro::render {
namespace {

Polygon disk(Vec2 c, double r) {
  constexpr int kSides = 32;
  Polygon p;
  for (int i = 0; i < kSides; ++i) {
    const double a = 2 * M_PI * i / kSides;
    p.outer.push_back({c.x + r * std::cos(a), c.y + r * std::sin(a)});
  }
  return p;
}

std::string number(double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%g", v);
  return buf;
}

}  // namespace

ZoneFills near_repeat_fills(const IncidentStore& selection, int64_t day,
                            const NearRepeatParams& params, Rgba8 color, Language language) {
  ZoneFills out;
  out.day = day;
  if (params.radius_m <= 0 || params.days <= 0) return out;
  out.zones = risk_zones(selection.x, selection.y, selection.t, day, params);
  // One disk per seed, shaded by its own remaining life (seeds carry their day through the
  // selection: find it again by location and window).
  for (size_t i = 0; i < selection.size(); ++i) {
    const int64_t d = days_of(selection.t[i]);
    if (d > day || d <= day - params.days) continue;
    const double left = static_cast<double>(d + params.days - day) / static_cast<double>(params.days);
    Rgba8 c = color;
    c.a = static_cast<uint8_t>(std::lround(color.a * (0.25 + 0.75 * left)));
    out.disks.push_back(MultiPolygon{disk({selection.x[i], selection.y[i]}, params.radius_m)});
    out.colors.push_back(c);
  }
  out.legend.title = tr_format(language, Msg::map_near_repeat_title, number(params.radius_m).c_str(),
                               static_cast<long long>(params.days));
  // Legend swatches as the disks look over the map's pale background (opaque: some legend
  // drawers ignore alpha).
  auto over_white = [&](double alpha) {
    auto mix = [&](uint8_t c) { return static_cast<uint8_t>(std::lround(c * alpha + 250 * (1 - alpha))); };
    return Rgba8{mix(color.r), mix(color.g), mix(color.b), 255};
  };
  const Rgba8 fresh = over_white(color.a / 255.0), old = over_white(0.25 * color.a / 255.0);
  out.legend.entries.push_back({tr(Msg::map_near_repeat_fresh, language), fresh});
  out.legend.entries.push_back({tr(Msg::map_near_repeat_expiring, language), old});
  return out;
}

}  // namespace faro::render
