#include "render/evaluation_report_plot.hpp"

#include <cairo.h>

#include <algorithm>
#include <cmath>
#include <set>

#include "render/overlay_text.hpp"

namespace faro::render::report {

using overlay::draw_text;
using overlay::measure_text;
using overlay::set_font;
using overlay::Weight;

double Plot::slot() const {
  return area.w / static_cast<double>(last - first + 1);
}

double Plot::x(int64_t bin) const {
  return area.x + slot() * (static_cast<double>(bin - first) + 0.5);
}

double Plot::y(double v) const {
  const double t = log ? std::log10(std::max(v, 1e-9)) : v;
  return area.bottom() - area.h * (t - y0) / (y1 - y0);
}

double Plot::clamp_y(double v) const {
  return std::clamp(y(v), area.y, area.bottom());
}

PageBox plot_area(PageBox box, double head) {
  return {box.x + 30, box.y + head + 16, box.w - 36, box.h - head - 16 - 22};
}

std::vector<double> linear_ticks(double top, int& digits) {
  const double step = nice_step(top, 4);
  std::vector<double> v;
  for (int i = 0; i <= 10; ++i) {
    v.push_back(step * i);
    if (step * i >= top - step * 1e-9) break;
  }
  digits = step >= 1 ? 0 : (step >= 0.1 ? 1 : 2);
  return v;
}

void y_grid(cairo_t* cr, const Plot& p, const std::vector<double>& values, Language lang,
            int digits) {
  set_font(cr, Weight::regular, 6.3);
  for (double v : values) {
    const double py = p.y(v);
    if (py < p.area.y - 0.5 || py > p.area.bottom() + 0.5) continue;
    const bool base = p.log ? std::abs(v - 1) < 1e-9 : v == 0;
    const double gray = base ? 0.45 : 0.88;
    cairo_set_source_rgb(cr, gray, gray, gray);
    cairo_set_line_width(cr, base ? 0.7 : 0.4);
    cairo_move_to(cr, p.area.x, py);
    cairo_line_to(cr, p.area.right(), py);
    cairo_stroke(cr);
    const std::string t = decimal_text(v, lang, digits);
    draw_text(cr, t, p.area.x - 3 - measure_text(cr, t).width, py + 2.2, kMuted);
  }
}

void x_ticks(cairo_t* cr, const Plot& p, EvalBin by, const std::map<int64_t, CivilSeconds>* dates) {
  // The smallest calendar-like step whose labels do not touch: dates need about 40 pt.
  const double label_w = dates ? (by == EvalBin::week ? 40 : 30) : 22;
  int64_t step = by == EvalBin::week ? 52 : 12;
  for (int64_t s : by == EvalBin::week ? std::vector<int64_t>{1, 2, 4, 13, 26, 52}
                                       : std::vector<int64_t>{1, 3, 6, 12})
    if (p.slot() * static_cast<double>(s) >= label_w) {
      step = s;
      break;
    }
  std::vector<int64_t> bins;
  for (int64_t b = 0; b <= p.last; b += step) bins.push_back(b);
  for (int64_t b = -step; b >= p.first; b -= step) bins.push_back(b);
  set_font(cr, Weight::regular, 6.2);
  for (int64_t bin : bins) {
    if (bin < p.first) continue;
    std::string label = bin < 0 ? "−" + std::to_string(-bin) : std::to_string(bin);
    if (dates) {
      const auto it = dates->find(bin);
      if (it == dates->end()) continue;
      label = format_date(it->second).substr(0, by == EvalBin::week ? 10 : 7);
    }
    const double cx = p.x(bin);
    cairo_set_source_rgb(cr, 0.6, 0.6, 0.6);
    cairo_set_line_width(cr, 0.4);
    cairo_move_to(cr, cx, p.area.bottom());
    cairo_line_to(cr, cx, p.area.bottom() + 2.5);
    cairo_stroke(cr);
    draw_text(cr, label, cx - measure_text(cr, label).width / 2, p.area.bottom() + 9, kMuted);
  }
}

void axis_title(cairo_t* cr, const PageBox& area, const std::string& text) {
  set_font(cr, Weight::regular, 6.5);
  draw_text(cr, text, area.right() - measure_text(cr, text).width, area.bottom() + 18, kMuted);
}

void rollout_line(cairo_t* cr, const Plot& p, const std::string& label) {
  const double x = p.x(0) - p.slot() / 2;
  const double dash[] = {2.0, 1.5};
  cairo_set_dash(cr, dash, 2, 0);
  overlay::set_source(cr, kTreated);
  cairo_set_line_width(cr, 0.9);
  cairo_move_to(cr, x, p.area.bottom());
  cairo_line_to(cr, x, p.area.y - 2);
  cairo_stroke(cr);
  cairo_set_dash(cr, nullptr, 0, 0);
  if (label.empty()) return;
  set_font(cr, Weight::regular, 6.5);
  const double w = measure_text(cr, label).width;
  const double lx = x + 3 + w > p.area.right() ? x - 3 - w : x + 3;
  draw_text(cr, label, lx, p.area.y + 6, kTreated, 1.5);
}

std::string rollout_text(const EvaluationReportInput& in) {
  std::set<CivilSeconds> dates;
  for (const TreatedSector& t : in.evaluation->eligible) dates.insert(t.rollout);
  if (dates.empty()) return "";
  if (dates.size() == 1)
    return tr_format(in.language, Msg::eval_report_rollout_at, format_date(*dates.begin()).c_str());
  return tr_format(in.language, Msg::eval_report_rollout_staggered,
                   format_date(*dates.begin()).c_str(), format_date(*dates.rbegin()).c_str());
}

std::string since_text(const EvaluationReportInput& in) {
  return tr(in.evaluation->by == EvalBin::week ? Msg::eval_report_weeks_since
                                               : Msg::eval_report_months_since,
            in.language);
}

std::vector<BlockValue> block_means(const std::vector<std::pair<int64_t, double>>& values,
                                    const ReportMasks& m) {
  std::vector<BlockValue> out;
  int64_t current = 0;
  size_t n = 0;
  for (const auto& [bin, v] : values) {
    const int64_t block = m.block_of(bin);
    if (out.empty() || block != current) {
      if (!out.empty()) out.back().mean /= static_cast<double>(n);
      out.push_back({bin, bin, 0, m.treated_bin(bin)});
      current = block;
      n = 0;
    }
    out.back().last = bin;
    out.back().mean += v;
    ++n;
  }
  if (!out.empty()) out.back().mean /= static_cast<double>(n);
  return out;
}

std::string treated_label(const EvaluationReportInput& in, const ReportMasks& m, Msg what) {
  const std::string label = tr(what, in.language);
  if (m.block <= 1) return label;
  return label + " " +
         tr_format(in.language,
                   in.evaluation->by == EvalBin::week ? Msg::eval_report_blocks_weeks
                                                      : Msg::eval_report_blocks_months,
                   m.block);
}

double key_entry(cairo_t* cr, double x, double baseline, const std::string& label,
                 const std::function<void(double, double)>& swatch) {
  swatch(x, baseline);
  set_font(cr, Weight::regular, 6.8);
  draw_text(cr, label, x + 15, baseline, {60, 60, 60, 255});
  return x + 15 + measure_text(cr, label).width + 12;
}

void stroke_line(cairo_t* cr, const std::vector<std::pair<double, double>>& pts, Rgba8 color,
                 double width, double dash) {
  if (pts.empty()) return;
  for (size_t i = 0; i < pts.size(); ++i)
    (i == 0 ? cairo_move_to : cairo_line_to)(cr, pts[i].first, pts[i].second);
  if (dash > 0) {
    const double d[] = {dash, dash * 0.6};
    cairo_set_dash(cr, d, 2, 0);
  }
  overlay::set_source(cr, color);
  cairo_set_line_width(cr, width);
  cairo_set_line_join(cr, CAIRO_LINE_JOIN_ROUND);
  cairo_stroke(cr);
  cairo_set_dash(cr, nullptr, 0, 0);
}

}  // namespace faro::render::report
