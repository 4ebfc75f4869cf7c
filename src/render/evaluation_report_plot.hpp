#pragma once
// Internal to the evaluation report's charts (render/evaluation_report_timeline.cpp,
// render/evaluation_report_charts.cpp): a plot area over periods since rollout, with its grid,
// ticks, rollout line and key entries. The evaluation aligns every treated sector at its own
// rollout, so every chart's x is "periods since rollout" (0 = the first period after).
#include <cstdint>
#include <functional>
#include <map>
#include <string>
#include <utility>
#include <vector>

#include "render/evaluation_report_parts.hpp"

namespace faro::render::report {

// Relative periods [first, last] as slots (a period's x is its slot's centre) and values
// [y0, y1] (log10 of the values on a log scale).
struct Plot {
  PageBox area;
  int64_t first = 0, last = 0;
  double y0 = 0, y1 = 1;
  bool log = false;
  double slot() const;
  double x(int64_t bin) const;
  double y(double v) const;
  double clamp_y(double v) const;  // y kept inside the area
};

// The plot area inside `box` under a heading of height `head` and a key row, above the tick
// labels and the axis title.
PageBox plot_area(PageBox box, double head);
// Ticks from 0 up to at least `top`, and the decimals their labels need.
std::vector<double> linear_ticks(double top, int& digits);
// Horizontal gridlines at `values` with their labels on the left (the 0 line, or 1 on a log
// scale, darker).
void y_grid(cairo_t* cr, const Plot& p, const std::vector<double>& values, Language lang,
            int digits);
// Period ticks under the axis: 0 and every few periods either side, labelled with the period
// number (−26, 0, 26) or, when `dates` is given, the date of that period.
void x_ticks(cairo_t* cr, const Plot& p, EvalBin by, const std::map<int64_t, CivilSeconds>* dates);
// The axis title at the right under the ticks.
void axis_title(cairo_t* cr, const PageBox& area, const std::string& text);
// The rollout: a dashed line between period −1 and period 0, `label` at its top.
void rollout_line(cairo_t* cr, const Plot& p, const std::string& label);
// "Inicio 2022-01-01" or "Inicios 2021-03-01 a 2021-09-01 (…)".
std::string rollout_text(const EvaluationReportInput& in);
// "semanas desde el inicio" / "months since rollout".
std::string since_text(const EvaluationReportInput& in);
// A key entry: `swatch(x, baseline)` draws its mark, then the label; returns the next x.
double key_entry(cairo_t* cr, double x, double baseline, const std::string& label,
                 const std::function<void(double, double)>& swatch);
// The treated values per block of the masks (ReportMasks::block periods, partner-safe): the mean
// per period over the block's periods, and whether the block is hidden. Blocks of one period are
// the values themselves.
struct BlockValue {
  int64_t first = 0, last = 0;  // the block's periods present
  double mean = 0;
  bool hidden = false;
};
std::vector<BlockValue> block_means(const std::vector<std::pair<int64_t, double>>& values,
                                    const ReportMasks& m);
// The key's words for treated values: `what` ("Observed"), then "(mean per week, 4-week blocks)"
// when the masks pool periods.
std::string treated_label(const EvaluationReportInput& in, const ReportMasks& m, Msg what);

// Polyline through `pts` (page points), as the current path; `dash` > 0 draws it dashed.
void stroke_line(cairo_t* cr, const std::vector<std::pair<double, double>>& pts, Rgba8 color,
                 double width, double dash = 0);

}  // namespace faro::render::report
