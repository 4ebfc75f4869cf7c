// Page 1's timeline: the treated sectors' pooled incidents per period as bars (the ITS series'
// observed counts, else the event study's), the ITS counterfactual (the pre-trend with its
// season: fitted before rollout, projected after, dashed) with its 95 % band after rollout, and
// the rollout. With one rollout date the axis shows the dates; with staggered rollouts, periods
// since rollout. Partner-safe: a hidden period is a dashed stub and stays out of the scale.
#include <cairo.h>

#include <algorithm>
#include <set>

#include "core/evaluation_text.hpp"
#include "render/evaluation_report_plot.hpp"
#include "render/overlay_text.hpp"

namespace faro::render::report {
namespace {

struct Point {
  int64_t bin = 0;
  double observed = 0;
  bool model = false;  // counterfactual known (ITS)
  double cf = 0, lo = 0, hi = 0;
};

std::vector<Point> timeline_points(const ProgramEvaluation& ev) {
  std::vector<Point> pts;
  if (ev.its)
    for (const ItsPoint& p : ev.its.value->series)
      pts.push_back({p.relative_bin, p.observed, true, p.counterfactual, p.cf_low, p.cf_high});
  else if (ev.event_study)
    for (const EventStudyPoint& p : *ev.event_study.value)
      pts.push_back({p.relative_bin, p.treated_count, false, 0, 0, 0});
  return pts;
}

void band_swatch(cairo_t* cr, double x, double b) {
  overlay::set_source(cr, kCounterfactual, 0.16);
  cairo_rectangle(cr, x, b - 7, 11, 8);
  cairo_fill(cr);
  stroke_line(cr, {{x, b - 3}, {x + 11, b - 3}}, kCounterfactual, 1.0, 3.0);
}

}  // namespace

void draw_its_timeline(cairo_t* cr, const EvaluationReportInput& in, const ReportMasks& m,
                       PageBox box) {
  const ProgramEvaluation& ev = *in.evaluation;
  const Language l = in.language;
  const double head = brief::draw_heading(
      cr,
      tr_format(l, Msg::eval_report_timeline_title,
                tr(ev.by == EvalBin::week ? Msg::eval_report_week : Msg::eval_report_month, l)),
      box);
  const std::vector<Point> pts = timeline_points(ev);
  if (pts.empty()) {
    draw_wrapped(cr, not_available(ev.its.why, l), box.x, box.y + head + 4, box.w, 8, false, kInk);
    return;
  }
  Plot p;
  p.area = plot_area(box, head);
  p.first = pts.front().bin;
  p.last = pts.back().bin;
  std::vector<std::pair<int64_t, double>> observed;
  for (const Point& q : pts) observed.push_back({q.bin, q.observed});
  const std::vector<BlockValue> bars = block_means(observed, m);
  // The scale follows the bars and the counterfactual; a band far wider than both (few incidents
  // a period) is cut at 1.8 times their top rather than flattening the bars.
  double top = 1, band = 0;
  for (const BlockValue& b : bars)
    if (!b.hidden) top = std::max(top, b.mean);
  for (const Point& q : pts)
    if (q.model) {
      top = std::max(top, q.cf);
      if (q.bin >= 0) band = std::max(band, q.hi);
    }
  top = std::max(top, std::min(band, 1.8 * top));
  if (m.partner_safe) top = std::max(top, static_cast<double>(m.k));
  int digits = 0;
  const std::vector<double> ticks = linear_ticks(top, digits);
  p.y0 = 0;
  p.y1 = ticks.back();
  y_grid(cr, p, ticks, l, digits);

  // The band after rollout, under the bars.
  std::vector<std::pair<double, double>> upper, lower, cf;
  for (const Point& q : pts)
    if (q.model && q.bin >= 0) {
      upper.push_back({p.x(q.bin), p.clamp_y(q.hi)});
      lower.push_back({p.x(q.bin), p.clamp_y(q.lo)});
    }
  if (!upper.empty()) {
    for (size_t i = 0; i < upper.size(); ++i)
      (i == 0 ? cairo_move_to : cairo_line_to)(cr, upper[i].first, upper[i].second);
    for (size_t i = lower.size(); i-- > 0;) cairo_line_to(cr, lower[i].first, lower[i].second);
    cairo_close_path(cr);
    overlay::set_source(cr, kCounterfactual, 0.16);
    cairo_fill(cr);
  }
  // One bar per block (a period, or the mean per period of a block); a hidden one a dashed stub.
  const double gap = std::min(p.slot() * 0.28, 1.5);
  for (const BlockValue& b : bars) {
    const double x = p.x(b.first) - p.slot() / 2 + gap / 2;
    const double bw = std::max(0.4, p.x(b.last) - p.x(b.first) + p.slot() - gap);
    overlay::set_source(cr, kObserved);
    if (b.hidden) {
      const double dash[] = {1.0, 0.8};
      cairo_set_dash(cr, dash, 2, 0);
      cairo_set_line_width(cr, 0.4);
      cairo_rectangle(cr, x, p.area.bottom() - 5, bw, 5);
      cairo_stroke(cr);
      cairo_set_dash(cr, nullptr, 0, 0);
      continue;
    }
    cairo_rectangle(cr, x, p.y(b.mean), bw, p.area.bottom() - p.y(b.mean));
    cairo_fill(cr);
  }
  for (const Point& q : pts)
    if (q.model) cf.push_back({p.x(q.bin), p.clamp_y(q.cf)});
  stroke_line(cr, cf, kCounterfactual, 1.0, 3.0);
  rollout_line(cr, p, rollout_text(in));

  std::set<CivilSeconds> rollouts;
  for (const TreatedSector& t : ev.eligible) rollouts.insert(t.rollout);
  std::map<int64_t, CivilSeconds> dates;
  if (ev.its && rollouts.size() == 1)
    for (const ItsPoint& q : ev.its.value->series) dates[q.relative_bin] = q.start;
  x_ticks(cr, p, ev.by, dates.empty() ? nullptr : &dates);
  if (dates.empty()) axis_title(cr, p.area, since_text(in));

  // The key under the heading.
  const double kb = box.y + head + 8;
  double kx = key_entry(cr, box.x, kb, treated_label(in, m, Msg::eval_report_observed), [&](double x, double b) {
    overlay::set_source(cr, kObserved);
    cairo_rectangle(cr, x, b - 6, 11, 6);
    cairo_fill(cr);
  });
  if (ev.its) {
    key_entry(cr, kx, kb, tr_format(l, Msg::eval_report_counterfactual),
              [&](double x, double b) { band_swatch(cr, x, b); });
  } else {
    overlay::set_font(cr, overlay::Weight::regular, 6.8);
    overlay::draw_text(cr,
                       overlay::fit_text(cr, tr(Msg::eval_its_missing, l) +
                                                 eval_reason_text(ev.its.why, l),
                                         box.right() - kx),
                       kx, kb, kStamp);
  }
}

}  // namespace faro::render::report
