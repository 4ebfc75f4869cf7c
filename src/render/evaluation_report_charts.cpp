// The analyst pages' charts. The event study: per period since rollout, the treated/comparison
// rate ratio relative to period −1 with its 95 % interval (log scale; EventStudyPoint::ratio), or,
// where no period has a ratio (intervals not computed), the treated and the comparison rate per
// sector per period. The synthetic control: the treated sectors' mean count per period against
// its synthetic twin. Partner-safe: periods whose treated (or comparison) count is hidden are
// left out (gaps in the lines).
#include <cairo.h>

#include <algorithm>
#include <cmath>

#include "render/evaluation_report_plot.hpp"
#include "render/overlay_text.hpp"

namespace faro::render::report {
namespace {

using Segment = std::vector<std::pair<double, double>>;

// Lines broken where a value is hidden: each run of shown periods is one segment.
void stroke_segments(cairo_t* cr, const std::vector<Segment>& segs, Rgba8 color, double width,
                     double dash = 0) {
  for (const Segment& s : segs) {
    if (s.size() == 1) {
      overlay::set_source(cr, color);
      cairo_arc(cr, s[0].first, s[0].second, width, 0, 6.2832);
      cairo_fill(cr);
    } else {
      stroke_line(cr, s, color, width, dash);
    }
  }
}

void add_point(std::vector<Segment>& segs, bool hidden, double x, double y, bool& open) {
  if (hidden) {
    open = false;
    return;
  }
  if (!open) segs.emplace_back();
  segs.back().push_back({x, y});
  open = true;
}

void line_swatch(cairo_t* cr, Rgba8 c, double dash, double x, double b) {
  stroke_line(cr, {{x, b - 3}, {x + 11, b - 3}}, c, 1.2, dash);
}

// Ratios on a log scale with their intervals; the reference period (−1) as an open circle at 1.
void draw_ratios(cairo_t* cr, const EvaluationReportInput& in, const ReportMasks& m, Plot& p,
                 const std::vector<EventStudyPoint>& pts) {
  double lo = 1 / 1.5, hi = 1.5;
  for (const EventStudyPoint& q : pts)
    if (q.ratio && !m.treated_bin(q.relative_bin)) {
      lo = std::min(lo, std::max(q.ratio->ci_low, 0.02));
      hi = std::max(hi, std::min(q.ratio->ci_high, 50.0));
    }
  p.log = true;
  p.y0 = std::log10(lo) - 0.05;
  p.y1 = std::log10(hi) + 0.05;
  // 1-2-5 ticks, or finer ones when the range holds fewer than three of those.
  std::vector<double> ticks;
  const auto inside = [&](double v) { return std::log10(v) >= p.y0 && std::log10(v) <= p.y1; };
  for (double decade = 0.01; decade <= 100; decade *= 10)
    for (double mult : {1.0, 2.0, 5.0})
      if (inside(decade * mult)) ticks.push_back(decade * mult);
  if (ticks.size() < 3) {
    ticks.clear();
    for (double v : {0.05, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7,  0.8,  1.0, 1.25,
                     1.5,  2.0, 2.5, 3.0, 4.0, 5.0, 7.5, 10.0, 15.0, 20.0})
      if (inside(v)) ticks.push_back(v);
  }
  y_grid(cr, p, ticks, in.language, 2);
  const double r = std::clamp(p.slot() * 0.3, 0.7, 2.2);
  for (const EventStudyPoint& q : pts) {
    if (m.treated_bin(q.relative_bin)) continue;
    const double x = p.x(q.relative_bin);
    if (q.relative_bin == -1 && !q.ratio) {
      overlay::set_source(cr, kMuted);
      cairo_set_line_width(cr, 0.6);
      cairo_arc(cr, x, p.y(1), r, 0, 6.2832);
      cairo_stroke(cr);
      continue;
    }
    if (!q.ratio) continue;
    const Rgba8 c = q.relative_bin < 0 ? kMuted : kTreated;
    overlay::set_source(cr, c, 0.7);
    cairo_set_line_width(cr, std::clamp(p.slot() * 0.25, 0.35, 1.0));
    cairo_move_to(cr, x, p.clamp_y(q.ratio->ci_low));
    cairo_line_to(cr, x, p.clamp_y(q.ratio->ci_high));
    cairo_stroke(cr);
    overlay::set_source(cr, c);
    cairo_arc(cr, x, p.clamp_y(q.ratio->rate_ratio), r, 0, 6.2832);
    cairo_fill(cr);
  }
}

// The two rates per sector per period, where no ratio exists.
void draw_rates(cairo_t* cr, const EvaluationReportInput& in, const ReportMasks& m, Plot& p,
                const std::vector<EventStudyPoint>& pts) {
  std::vector<std::pair<int64_t, double>> rates;
  for (const EventStudyPoint& q : pts) rates.push_back({q.relative_bin, q.treated_rate});
  const std::vector<BlockValue> blocks = block_means(rates, m);
  double top = 0;
  for (const BlockValue& b : blocks)
    if (!b.hidden) top = std::max(top, b.mean);
  for (const EventStudyPoint& q : pts)
    if (!m.comparison_bin(q.relative_bin)) top = std::max(top, q.comparison_rate);
  int digits = 0;
  const std::vector<double> ticks = linear_ticks(std::max(top, 1e-3), digits);
  p.y0 = 0;
  p.y1 = ticks.back();
  y_grid(cr, p, ticks, in.language, std::max(digits, 1));
  std::vector<Segment> treated, comparison;
  bool t_open = false, c_open = false;
  for (const EventStudyPoint& q : pts)
    add_point(comparison, m.comparison_bin(q.relative_bin), p.x(q.relative_bin),
              p.y(q.comparison_rate), c_open);
  for (const BlockValue& b : blocks)
    add_point(treated, b.hidden, (p.x(b.first) + p.x(b.last)) / 2, p.y(b.mean), t_open);
  stroke_segments(cr, comparison, kComparison, 0.9);
  stroke_segments(cr, treated, kTreated, 0.9);
}

}  // namespace

void draw_event_study_chart(cairo_t* cr, const EvaluationReportInput& in, const ReportMasks& m,
                            PageBox box) {
  const ProgramEvaluation& ev = *in.evaluation;
  const Language l = in.language;
  const double head = brief::draw_heading(cr, tr(Msg::eval_report_es_title, l), box);
  if (!ev.event_study || ev.event_study.value->empty()) {
    draw_wrapped(cr, not_available(ev.event_study.why, l), box.x, box.y + head + 2, box.w, 8, false,
                 kInk);
    return;
  }
  const std::vector<EventStudyPoint>& pts = *ev.event_study.value;
  Plot p;
  p.area = plot_area(box, head);
  p.first = pts.front().relative_bin;
  p.last = pts.back().relative_bin;
  const bool ratios = std::any_of(pts.begin(), pts.end(),
                                  [](const EventStudyPoint& q) { return q.ratio.has_value(); });
  if (ratios)
    draw_ratios(cr, in, m, p, pts);
  else
    draw_rates(cr, in, m, p, pts);
  rollout_line(cr, p, "");
  x_ticks(cr, p, ev.by, nullptr);
  axis_title(cr, p.area, since_text(in));
  const double kb = box.y + head + 8;
  overlay::set_font(cr, overlay::Weight::regular, 6.8);
  if (ratios) {
    overlay::draw_text(cr, tr_format(l, Msg::eval_report_es_ratio_axis), box.x, kb, kMuted);
    return;
  }
  const std::string unit =
      tr(ev.by == EvalBin::week ? Msg::eval_report_week : Msg::eval_report_month, l);
  double kx = key_entry(cr, box.x, kb, treated_label(in, m, Msg::eval_report_es_treated),
                        [&](double x, double b) { line_swatch(cr, kTreated, 0, x, b); });
  kx = key_entry(cr, kx, kb, tr(Msg::eval_report_es_comparison, l),
                 [&](double x, double b) { line_swatch(cr, kComparison, 0, x, b); });
  overlay::set_font(cr, overlay::Weight::regular, 6.8);
  const std::string axis = tr_format(l, Msg::eval_report_es_rates_axis, unit.c_str());
  overlay::draw_text(cr, overlay::fit_text(cr, axis, box.right() - kx), kx, kb, kMuted);
}

void draw_synthetic_chart(cairo_t* cr, const EvaluationReportInput& in, const ReportMasks& m,
                          PageBox box) {
  const ProgramEvaluation& ev = *in.evaluation;
  if (!ev.synthetic_control || ev.synthetic_control.value->series.empty()) return;
  const Language l = in.language;
  const std::vector<SyntheticControlPoint>& pts = ev.synthetic_control.value->series;
  Plot p;
  p.area = plot_area(box, 0);
  p.first = pts.front().relative_bin;
  p.last = pts.back().relative_bin;
  std::vector<std::pair<int64_t, double>> means;
  for (const SyntheticControlPoint& q : pts) means.push_back({q.relative_bin, q.treated});
  const std::vector<BlockValue> blocks = block_means(means, m);
  double top = 0;
  for (const BlockValue& b : blocks)
    if (!b.hidden) top = std::max(top, b.mean);
  // The synthetic twin in the same blocks as the treated line, so the two are read alike (it is
  // a weighted mean of comparison sectors: nothing of it is hidden).
  std::vector<std::pair<int64_t, double>> twin;
  for (const SyntheticControlPoint& q : pts) twin.push_back({q.relative_bin, q.synthetic});
  ReportMasks open_masks = m;
  open_masks.treated_blocks.clear();
  const std::vector<BlockValue> twin_blocks = block_means(twin, open_masks);
  for (const BlockValue& b : twin_blocks) top = std::max(top, b.mean);
  int digits = 0;
  const std::vector<double> ticks = linear_ticks(std::max(top, 1e-3), digits);
  p.y0 = 0;
  p.y1 = ticks.back();
  y_grid(cr, p, ticks, l, std::max(digits, 1));
  std::vector<Segment> treated, synthetic;
  bool t_open = false, s_open = false;
  for (const BlockValue& b : twin_blocks)
    add_point(synthetic, false, (p.x(b.first) + p.x(b.last)) / 2, p.y(b.mean), s_open);
  for (const BlockValue& b : blocks)
    add_point(treated, b.hidden, (p.x(b.first) + p.x(b.last)) / 2, p.y(b.mean), t_open);
  stroke_segments(cr, synthetic, kCounterfactual, 0.9, 3.0);
  stroke_segments(cr, treated, kTreated, 1.0);
  rollout_line(cr, p, "");
  x_ticks(cr, p, ev.by, nullptr);
  axis_title(cr, p.area, since_text(in));
  const double kb = box.y + 8;
  const double kx = key_entry(cr, box.x, kb, treated_label(in, m, Msg::eval_report_sc_treated),
                              [&](double x, double b) { line_swatch(cr, kTreated, 0, x, b); });
  key_entry(cr, kx, kb, tr(Msg::eval_report_sc_synthetic, l),
            [&](double x, double b) { line_swatch(cr, kCounterfactual, 3.0, x, b); });
}

}  // namespace faro::render::report
