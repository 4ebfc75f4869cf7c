// One goal's timeline on the goals PDF: monthly incidents in the program's sectors as bars, the
// baseline and current windows shaded, the baseline's monthly mean (grey dashes) and the level
// that meets the target (red dashes) over the current window. Hidden months (partner-safe) are
// outlined slots with no height, so the chart shows no count that the table would hide.
#include <cairo.h>

#include <algorithm>
#include <cmath>

#include "core/goals_text.hpp"
#include "core/messages.hpp"
#include "core/time_bins.hpp"
#include "render/evaluation_report_parts.hpp"
#include "render/goals_report.hpp"
#include "render/overlay_text.hpp"

namespace faro::render::goals_page {
namespace {

using report::kInk;
using report::kMuted;
const Rgba8 kBar{140, 150, 165, 255}, kTarget{200, 40, 40, 255}, kBaseline{90, 90, 90, 255};
const Rgba8 kCurrentShade{0, 128, 110, 255}, kBaselineShade{120, 120, 120, 255};

struct Axis {
  double x0, width, y_bottom, height;
  size_t slots;
  double top_value;
  double slot() const { return width / static_cast<double>(std::max<size_t>(slots, 1)); }
  double x(size_t i) const { return x0 + slot() * static_cast<double>(i); }
  double y(double v) const { return y_bottom - height * std::min(v / top_value, 1.05); }
};

// The slot range [first, last) of the months a window covers.
std::pair<size_t, size_t> slots_of(const GoalTimeline& tl, const GoalWindow& w) {
  const int64_t m0 = bin_of(BinKind::month, w.from);
  const int64_t m1 = bin_of(BinKind::month, w.to_exclusive - 1);
  size_t a = tl.months.size(), b = 0;
  for (size_t i = 0; i < tl.months.size(); ++i)
    if (tl.months[i] >= m0 && tl.months[i] <= m1) {
      a = std::min(a, i);
      b = std::max(b, i + 1);
    }
  return {a, std::max(a, b)};
}

void shade(cairo_t* cr, const Axis& ax, std::pair<size_t, size_t> s, Rgba8 c) {
  if (s.first >= s.second) return;
  overlay::set_source(cr, c, 0.08);
  cairo_rectangle(cr, ax.x(s.first), ax.y_bottom - ax.height, ax.x(s.second) - ax.x(s.first),
                  ax.height);
  cairo_fill(cr);
}

void dashed(cairo_t* cr, double x0, double x1, double y, Rgba8 c) {
  const double dash[] = {4, 2.5};
  cairo_set_dash(cr, dash, 2, 0);
  overlay::set_source(cr, c);
  cairo_set_line_width(cr, 1.3);
  cairo_move_to(cr, x0, y);
  cairo_line_to(cr, x1, y);
  cairo_stroke(cr);
  cairo_set_dash(cr, nullptr, 0, 0);
}

double key(cairo_t* cr, double x, double y, Rgba8 c, bool line, const std::string& label) {
  if (line) {
    dashed(cr, x, x + 16, y - 3, c);
  } else {
    overlay::set_source(cr, c);
    cairo_rectangle(cr, x + 4, y - 7, 8, 7);
    cairo_fill(cr);
  }
  overlay::set_font(cr, overlay::Weight::regular, 7);
  overlay::draw_text(cr, label, x + 20, y, kMuted);
  return x + 28 + overlay::measure_text(cr, label).width;
}

}  // namespace

void draw_goal_timeline(cairo_t* cr, const GoalResult& r, const GoalsReportInput& in, double x,
                        double top, double width, double height) {
  const GoalTimeline& tl = r.timeline;
  const Language lang = in.language;
  // The key row first.
  double kx = x;
  kx = key(cr, kx, top + 8, kBar, false, tr(Msg::goals_report_monthly, lang));
  if (tl.baseline_per_month)
    kx = key(cr, kx, top + 8, kBaseline, true, tr(Msg::goals_report_baseline_line, lang));
  if (tl.target_per_month)
    kx = key(cr, kx, top + 8, kTarget, true, tr(Msg::goals_report_target_line, lang));
  if (std::find(tl.hidden.begin(), tl.hidden.end(), 1) != tl.hidden.end()) {
    overlay::set_source(cr, kMuted);
    cairo_set_line_width(cr, 0.6);
    cairo_rectangle(cr, kx + 4.5, top + 1.5, 7, 6);
    cairo_stroke(cr);
    overlay::draw_text(cr, tr(Msg::goals_report_hidden_month, lang), kx + 20, top + 8, kMuted);
  }
  if (tl.months.empty()) return;

  double top_value = 1;
  for (size_t i = 0; i < tl.counts.size(); ++i)
    if (!tl.hidden[i]) top_value = std::max(top_value, static_cast<double>(tl.counts[i]));
  if (tl.baseline_per_month) top_value = std::max(top_value, *tl.baseline_per_month);
  if (tl.target_per_month) top_value = std::max(top_value, *tl.target_per_month);
  const double step = report::nice_step(top_value, 4);
  top_value = std::ceil(top_value / step) * step;
  const Axis ax{x + 28, width - 28, top + height - 14, height - 14 - 16, tl.months.size(),
                top_value};

  // Windows shaded, then gridlines with labels.
  if (r.goal.baseline) shade(cr, ax, slots_of(tl, *r.goal.baseline), kBaselineShade);
  shade(cr, ax, slots_of(tl, r.goal.current), kCurrentShade);
  overlay::set_font(cr, overlay::Weight::regular, 6.5);
  for (double v = 0; v <= top_value + 1e-9; v += step) {
    overlay::set_source(cr, v == 0 ? kMuted : Rgba8{215, 215, 215, 255});
    cairo_set_line_width(cr, v == 0 ? 0.8 : 0.4);
    cairo_move_to(cr, ax.x0, ax.y(v));
    cairo_line_to(cr, ax.x0 + ax.width, ax.y(v));
    cairo_stroke(cr);
    const std::string label = goal_number(v, step < 1 ? 1 : 0);
    overlay::draw_text(cr, label, ax.x0 - 4 - overlay::measure_text(cr, label).width, ax.y(v) + 2,
                       kMuted);
  }
  // Bars; hidden months as empty outlines.
  const double gap = std::min(1.0, ax.slot() * 0.2);
  for (size_t i = 0; i < tl.months.size(); ++i) {
    const double bx = ax.x(i) + gap / 2, bw = ax.slot() - gap;
    if (tl.hidden[i]) {
      overlay::set_source(cr, kMuted);
      cairo_set_line_width(cr, 0.5);
      cairo_rectangle(cr, bx, ax.y_bottom - 6, bw, 6);
      cairo_stroke(cr);
      continue;
    }
    overlay::set_source(cr, kBar);
    cairo_rectangle(cr, bx, ax.y(static_cast<double>(tl.counts[i])), bw,
                    ax.y_bottom - ax.y(static_cast<double>(tl.counts[i])));
    cairo_fill(cr);
  }
  // Baseline mean over the baseline window, the target level over the current one.
  if (r.goal.baseline && tl.baseline_per_month) {
    const auto s = slots_of(tl, *r.goal.baseline);
    if (s.first < s.second) dashed(cr, ax.x(s.first), ax.x(s.second), ax.y(*tl.baseline_per_month), kBaseline);
  }
  if (tl.target_per_month) {
    const auto s = slots_of(tl, r.goal.current);
    const size_t last = std::max(s.second, s.first + 1);
    dashed(cr, ax.x(s.first), ax.x(std::min(last, tl.months.size())), ax.y(*tl.target_per_month),
           kTarget);
  }
  // Year labels at each January (and the first month).
  overlay::set_font(cr, overlay::Weight::regular, 6.5);
  for (size_t i = 0; i < tl.months.size(); ++i) {
    const bool january = tl.months[i] % 12 == 0;
    if (!january && i != 0) continue;
    const std::string label = bin_label(BinKind::month, tl.months[i]).substr(0, january ? 4 : 7);
    overlay::set_source(cr, kMuted);
    cairo_set_line_width(cr, 0.5);
    cairo_move_to(cr, ax.x(i), ax.y_bottom);
    cairo_line_to(cr, ax.x(i), ax.y_bottom + 3);
    cairo_stroke(cr);
    overlay::draw_text(cr, label, ax.x(i) + 1, ax.y_bottom + 10, kInk);
  }
}

}  // namespace faro::render::goals_page
