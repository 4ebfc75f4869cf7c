// The evaluation report's pages. Page 1 (command staff): the program and its rollouts, the
// verdict in a box (headline in its colour, the DiD sentence, the counts, the rule), the map and
// the timeline, sized to fill the page. Then the analyst pages, flowing from one page to the
// next: window counts, DiD, ITS, the event study chart, the verdict's checks, window
// sensitivity, the synthetic control (weights beside its chart) and randomization inference.
#include <cairo.h>

#include <algorithm>

#include "render/evaluation_report_parts.hpp"
#include "render/overlay_text.hpp"

namespace faro::render::report {
namespace {

Rgba8 verdict_color(Verdict v) {
  switch (v) {
    case Verdict::consistent_reduction: return {25, 125, 60, 255};
    case Verdict::consistent_increase: return {185, 35, 35, 255};
    case Verdict::inconclusive: return {180, 110, 0, 255};
    case Verdict::not_estimable: break;
  }
  return {100, 100, 100, 255};
}

constexpr double kSentence = 9.2, kRule = 7.2, kPad = 8;

double verdict_box(cairo_t* cr, const EvaluationReportInput& in, const ReportMasks& m, double x,
                   double top, double w) {
  const VerdictText v = report_verdict(in, m);
  const double tw = w - 2 * kPad - 4;
  double h = kPad + 9 + 20;
  for (const std::string& s : v.sentences) h += wrapped_height(cr, s, tw, kSentence, false) + 1;
  h += 3 + wrapped_height(cr, v.rule, tw, kRule, false) + kPad;
  const Rgba8 color = verdict_color(in.evaluation->verdict.value);
  overlay::set_source(cr, color, 0.07);
  cairo_rectangle(cr, x, top, w, h);
  cairo_fill(cr);
  overlay::set_source(cr, color);
  cairo_rectangle(cr, x, top, 4, h);
  cairo_fill(cr);
  const double tx = x + 4 + kPad;
  double y = top + kPad;
  overlay::set_font(cr, overlay::Weight::bold, 7.5);
  overlay::draw_text(cr, tr(Msg::eval_report_verdict, in.language), tx, y + 7, kMuted);
  y += 9;
  overlay::set_font(cr, overlay::Weight::bold, 16);
  overlay::draw_text(cr, overlay::fit_text(cr, v.headline, tw), tx, y + 15, color);
  y += 20;
  for (const std::string& s : v.sentences)
    y += draw_wrapped(cr, s, tx, y, tw, kSentence, false, kInk) + 1;
  y += 3;
  draw_wrapped(cr, v.rule, tx, y, tw, kRule, false, kMuted);
  return h;
}

}  // namespace

MapPanelResult draw_command_page(Pager& pager, const EvaluationReportInput& in,
                                 const ReportMasks& m, double pixels_per_point) {
  cairo_t* cr = pager.cr();
  pager.begin(tr(Msg::eval_report_page1, in.language));
  const double x = pager.left(), w = pager.width();
  double y = pager.y;
  y += draw_wrapped(cr, report_program_line(in), x, y, w, 10.5, true, kInk) + 1;
  y += draw_wrapped(cr, report_rollout_line(in), x, y, w, 7.8, false, kMuted, 1.2) + 6;
  y += verdict_box(cr, in, m, x, y, w) + 10;
  // The map takes what the timeline leaves.
  const double timeline_h = 175;
  const double map_h = std::max(120.0, pager.bottom() - y - timeline_h - 10);
  const MapPanelResult map =
      draw_report_map(cr, in, {x, y, w, map_h}, pixels_per_point, !pager.dry());
  y += map_h + 10;
  draw_its_timeline(cr, in, m, {x, y, w, std::min(timeline_h, pager.bottom() - y)});
  pager.finish();
  return map;
}

void draw_analyst_pages(Pager& pager, const EvaluationReportInput& in, const ReportMasks& m) {
  cairo_t* cr = pager.cr();
  const Language l = in.language;
  pager.begin(tr(Msg::eval_report_page_analysts, l));
  const double x = pager.left(), w = pager.width();
  const auto section = [&](const ReportSection& s) {
    const double h = draw_section(cr, s, x, 0, w, true);
    pager.ensure(h);
    draw_section(cr, s, x, pager.y, w);
    pager.y += h;
  };
  section(report_counts_section(in, m));
  section(report_did_section(in, m));
  section(report_its_section(in));

  // The event study: its chart, then the pre-trend test.
  const std::vector<std::string> es_lines = report_event_study_lines(in);
  double lines_h = 0;
  for (const std::string& s : es_lines) lines_h += wrapped_height(cr, s, w, 8, false);
  const bool chart = in.evaluation->event_study && !in.evaluation->event_study.value->empty();
  const double chart_h = chart ? 190 : 22;
  pager.ensure(chart_h + lines_h + 8);
  draw_event_study_chart(cr, in, m, {x, pager.y, w, chart_h});
  pager.y += chart_h + 2;
  for (const std::string& s : es_lines)
    pager.y += draw_wrapped(cr, s, x, pager.y, w, 8, false, kInk);
  pager.y += 10;

  section(report_checks_section(in));
  section(report_sensitivity_section(in));

  // The synthetic control: summary, then the weights beside the treated-vs-synthetic chart.
  ReportSection sc = report_synthetic_section(in);
  const bool sc_chart = in.evaluation->synthetic_control &&
                        !in.evaluation->synthetic_control.value->series.empty();
  if (sc.table.empty()) {
    section(sc);
  } else {
    ReportSection head{sc.title, {}, sc.lines};
    const double head_h = draw_section(cr, head, x, 0, w, true) - 4;
    const double table_w = 170;
    const double body_h = std::max(table_height(sc.table), sc_chart ? 150.0 : 0.0);
    pager.ensure(head_h + body_h + 8);
    draw_section(cr, head, x, pager.y, w);
    pager.y += head_h;
    draw_table(cr, sc.table, x, pager.y, sc_chart ? table_w : w);
    if (sc_chart)
      draw_synthetic_chart(cr, in, m, {x + table_w + 16, pager.y, w - table_w - 16, body_h});
    pager.y += body_h + 10;
  }
  section(report_randomization_section(in));
  pager.finish();
}

}  // namespace faro::render::report
