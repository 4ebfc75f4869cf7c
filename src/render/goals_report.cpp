// The goals PDF: one page per program with goals (render/goals_report.hpp). Header: the program,
// the date the data run to and the protection (or the internal stamp); then each goal as a block
// of text and its timeline (render/goals_report_chart.cpp), sized to share the page; footer: the
// sources and the page number.
#include "render/goals_report.hpp"

#include <cairo-pdf.h>
#include <cairo.h>

#include <algorithm>
#include <map>
#include <memory>

#include "core/errors.hpp"
#include "core/goals_text.hpp"
#include "core/messages.hpp"
#include "io/atomic_file.hpp"
#include "render/evaluation_report.hpp"
#include "render/evaluation_report_parts.hpp"
#include "render/overlay_text.hpp"

namespace faro::render {
namespace {

using report::kInk;
using report::kMuted;
using report::kStamp;
constexpr double kW = kReportPageWidthPt, kH = kReportPageHeightPt, kM = 40;
constexpr size_t kGoalsPerPage = 3;

Rgba8 status_color(GoalStatus s) {
  switch (s) {
    case GoalStatus::met: return {25, 125, 60, 255};
    case GoalStatus::on_track: return {30, 110, 170, 255};
    case GoalStatus::off_track: return {185, 35, 35, 255};
    case GoalStatus::not_estimable: break;
  }
  return {100, 100, 100, 255};
}

// A window value as printed: the marker when hidden, a count or a rate otherwise.
std::string value_text(const std::optional<double>& v, bool rate, const std::string& marker,
                       bool computed) {
  if (v) return goal_number(*v, rate ? 2 : 0);
  return computed ? marker : "-";
}

struct Page {
  const std::string* program;
  std::vector<const GoalResult*> goals;
};

std::vector<Page> pages_of(const std::vector<GoalResult>& results) {
  std::vector<Page> pages;
  for (const GoalResult& r : results) {
    if (pages.empty() || *pages.back().program != r.program ||
        pages.back().goals.size() == kGoalsPerPage)
      pages.push_back({&r.program, {}});
    pages.back().goals.push_back(&r);
  }
  return pages;
}

double draw_goal_text(cairo_t* cr, const GoalResult& r, const GoalsReportInput& in, double top) {
  const Language lang = in.language;
  const double w = kW - 2 * kM;
  double y = top;
  const std::string head = goal_indicator_text(r.goal.indicator, lang) + " — " +
                           goal_target_text(r.goal, lang) + " · " +
                           goal_where_words(r.goal.where, lang);
  y += report::draw_wrapped(cr, head, kM, y, w, 10, true, kInk);
  y += report::draw_wrapped(cr, goal_windows_text(r.goal, lang), kM, y, w, 8, false, kMuted);
  // Baseline and current (the marker when hidden), change and the status in its colour.
  const bool rate = r.goal.indicator == GoalIndicator::rate_per_10k_max;
  const bool hidden = r.reason == GoalReason::hidden_small_count;
  const std::string marker = in.policy.partner_safe ? "<" + std::to_string(in.policy.k) : "";
  std::string numbers =
      tr_format(lang, Msg::goals_baseline_current,
                value_text(r.baseline, rate, marker, hidden && r.goal.baseline).c_str(),
                value_text(r.current, rate, marker, hidden).c_str());
  if (r.change_pct)
    numbers += " · " + tr_format(lang, Msg::goals_change, goal_number(*r.change_pct, 0, true).c_str());
  if (r.did)
    numbers += " (" + tr_format(lang, Msg::goals_interval,
                                goal_number((r.did->ci_low - 1) * 100, 0, true).c_str(),
                                goal_number((r.did->ci_high - 1) * 100, 0, true).c_str()) + ")";
  if (r.open)
    numbers += " · " + tr_format(lang, Msg::goals_window_open,
                                 format_date(r.goal.current.to_exclusive - kSecondsPerDay).c_str());
  y += report::draw_wrapped(cr, numbers, kM, y, w, 8.5, false, kInk);
  y += report::draw_wrapped(cr, goal_status_short(r, in.policy, lang), kM, y, w, 11, true,
                            status_color(r.status));
  return y - top;
}

void draw_page(cairo_t* cr, const Page& page, const GoalsReportInput& in, int number, int total) {
  const Language lang = in.language;
  overlay::set_source(cr, {255, 255, 255, 255});
  cairo_paint(cr);
  double y = kM;
  y += report::draw_wrapped(cr, tr_format(lang, Msg::goals_report_title, page.program->c_str()),
                            kM, y, kW - 2 * kM, 16, true, kInk);
  const std::string as_of = tr_format(lang, Msg::goals_panel_as_of,
                                      format_date(in.as_of - kSecondsPerDay).c_str());
  y += report::draw_wrapped(cr, tr_format(lang, Msg::goals_report_subtitle, as_of.c_str()), kM, y,
                            kW - 2 * kM, 8.5, false, kMuted);
  const std::string protection = in.policy.partner_safe
                                     ? protection_footer(in.policy, lang, false)
                                     : std::string(internal_use_stamp());
  y += report::draw_wrapped(cr, protection, kM, y, kW - 2 * kM, 8, !in.policy.partner_safe,
                            in.policy.partner_safe ? kMuted : kStamp);
  if (in.synthetic)
    y += report::draw_wrapped(cr, tr(Msg::map_synthetic_stamp, lang), kM, y, kW - 2 * kM, 8, true,
                              kStamp);
  y += 10;
  // The goals share what is left above the footer equally.
  const double bottom = kH - kM - 20;
  const double block = (bottom - y) / static_cast<double>(std::max<size_t>(page.goals.size(), 1));
  for (const GoalResult* r : page.goals) {
    const double used = draw_goal_text(cr, *r, in, y) + 4;
    const double chart = std::min(block - used - 14, 230.0);
    if (chart > 40)
      goals_page::draw_goal_timeline(cr, *r, in, kM, y + used, kW - 2 * kM, chart);
    y += block;
  }
  overlay::set_font(cr, overlay::Weight::regular, 7);
  const std::string footer = in.sources + (in.sources.empty() ? "" : " · ") + in.generated;
  overlay::draw_text(cr, overlay::fit_text(cr, footer, kW - 2 * kM - 60), kM, kH - kM + 10, kMuted);
  const std::string pages = std::to_string(number) + " / " + std::to_string(total);
  overlay::draw_text(cr, pages, kW - kM - overlay::measure_text(cr, pages).width, kH - kM + 10,
                     kMuted);
}

}  // namespace

GoalsReportResult write_goals_report_pdf(const GoalsReportInput& input, const std::string& path) {
  if (!input.results) throw UsageError("goals report: no results");
  const std::vector<Page> pages = pages_of(*input.results);
  GoalsReportResult result;
  result.pages = static_cast<int>(pages.size());
  if (pages.empty()) throw DataError(path + ": no program has goals, so there is nothing to print");
  for (const GoalResult& r : *input.results) {
    for (uint8_t h : r.timeline.hidden) result.hidden_values += h;
    if (r.reason == GoalReason::hidden_small_count) result.hidden_values += r.goal.baseline ? 2 : 1;
  }
  io::AtomicOutput out(path);
  {
    cairo_surface_t* surface = cairo_pdf_surface_create(out.temp_path().c_str(), kW, kH);
    if (cairo_surface_status(surface) != CAIRO_STATUS_SUCCESS) {
      cairo_surface_destroy(surface);
      throw DataError(path + ": cannot create the PDF");
    }
    cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_CREATOR, "Faro");
    cairo_t* cr = cairo_create(surface);
    for (size_t i = 0; i < pages.size(); ++i) {
      draw_page(cr, pages[i], input, static_cast<int>(i + 1), result.pages);
      cairo_show_page(cr);
    }
    const cairo_status_t status = cairo_status(cr);
    cairo_destroy(cr);
    cairo_surface_finish(surface);
    const cairo_status_t surface_status = cairo_surface_status(surface);
    cairo_surface_destroy(surface);
    if (status != CAIRO_STATUS_SUCCESS || surface_status != CAIRO_STATUS_SUCCESS)
      throw DataError(path + ": cannot write the PDF");
  }
  out.commit();
  return result;
}

}  // namespace faro::render
