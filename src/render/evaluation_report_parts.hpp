#pragma once
// Internal to the evaluation report (render/evaluation_report_*.cpp): colours, text and table
// drawing, the pager that gives every page its header (title, stamps, filters) and footer
// (protection, sources, page number), and the panels. Coordinates are PostScript points on the
// A4 portrait page.
#include <string>
#include <string_view>
#include <vector>

#include "render/brief_page_parts.hpp"
#include "render/evaluation_report.hpp"
#include "render/evaluation_report_disclosure.hpp"
#include "render/evaluation_report_text.hpp"
#include "render/image.hpp"

typedef struct _cairo cairo_t;

namespace faro::render::report {

using brief::PageBox;

constexpr double kMargin = 34;
const Rgba8 kInk{33, 33, 33, 255}, kMuted{105, 105, 105, 255}, kStamp{190, 30, 30, 255};
// The groups on the map, the legend and the charts.
const Rgba8 kTreated{0, 128, 110, 255};       // teal, as program markers on the brief
const Rgba8 kComparison{120, 160, 205, 255};  // pale blue
const Rgba8 kRing{230, 140, 30, 255};         // orange: neighbours taken out of the comparison
const Rgba8 kExcluded{150, 150, 150, 255};    // treated but left out (windows outside the data)
const Rgba8 kObserved{140, 150, 165, 255};    // observed counts (bars)
const Rgba8 kCounterfactual{60, 60, 60, 255};

// Text: `text` broken at spaces into lines at most `width` wide in the current font (a word wider
// than the width is shortened with "…").
std::vector<std::string> wrap_text(cairo_t* cr, std::string_view text, double width);
// Draws wrapped text from `top` (the first line's top); returns the height used.
double draw_wrapped(cairo_t* cr, std::string_view text, double x, double top, double width,
                    double size, bool bold, Rgba8 color, double leading = 1.25);
double wrapped_height(cairo_t* cr, std::string_view text, double width, double size, bool bold,
                      double leading = 1.25);
// A section heading (bold 10 pt) with a rule under it; returns the height used.
constexpr double kSectionHeadingHeight = 18;
double draw_section_heading(cairo_t* cr, std::string_view text, double x, double top,
                            double width);
// A table: bold header, first column left-aligned and the others right-aligned, each as wide as
// its widest cell; returns the height used (table_height: the same without drawing).
double draw_table(cairo_t* cr, const ReportTable& t, double x, double top, double width);
double table_height(const ReportTable& t);
// A section (heading, table, lines) as one block; `dry` only measures.
double draw_section(cairo_t* cr, const ReportSection& s, double x, double top, double width,
                    bool dry = false);

// A "nice" axis step: 1, 2 or 5 times a power of ten, about range / ticks.
double nice_step(double range, int ticks);

// One page after another, each with its header and footer. In a dry run (counting pages) the
// pages are drawn into a scratch surface and the map is not rendered.
class Pager {
 public:
  Pager(cairo_t* cr, const EvaluationReportInput& in, const ReportMasks& m, int total_pages,
        bool dry);
  // Starts a page: header (title, stamps, `part`, the filter lines); the cursor goes under it.
  void begin(std::string_view part);
  // Ends the page: footer, then the next page of the surface.
  void finish();
  // Starts a new page (same part) unless `height` fits under the cursor.
  void ensure(double height);
  double y = 0;  // the cursor
  double left() const { return kMargin; }
  double width() const { return kReportPageWidthPt - 2 * kMargin; }
  double bottom() const;  // the content's lowest point (above the footer)
  int pages() const { return page_; }
  bool dry() const { return dry_; }
  cairo_t* cr() const { return cr_; }

 private:
  cairo_t* cr_;
  const EvaluationReportInput& in_;
  const ReportMasks& m_;
  int total_;
  bool dry_;
  int page_ = 0;
  std::string part_;
  std::vector<std::string> filters_;
  std::string title_, sources_, protection_;
};

// Panels.
struct MapPanelResult {
  bool rendered = false;
  std::string renderer;
};
// The treated, comparison, neighbour and excluded sectors (names of the treated ones), a legend
// under it. `render_gl` false: cairo outlines only (dry runs).
MapPanelResult draw_report_map(cairo_t* cr, const EvaluationReportInput& in, PageBox box,
                               double pixels_per_point, bool render_gl);
// Page 1's timeline: observed pooled counts, the ITS counterfactual with its band, the rollout.
void draw_its_timeline(cairo_t* cr, const EvaluationReportInput& in, const ReportMasks& m,
                       PageBox box);
// The event study: ratios with intervals on a log scale, or the two rates where no ratio is there.
void draw_event_study_chart(cairo_t* cr, const EvaluationReportInput& in, const ReportMasks& m,
                            PageBox box);
// The synthetic control's treated and synthetic series.
void draw_synthetic_chart(cairo_t* cr, const EvaluationReportInput& in, const ReportMasks& m,
                          PageBox box);

// The pages (render/evaluation_report_pages.cpp): page 1, then the analyst pages.
MapPanelResult draw_command_page(Pager& pager, const EvaluationReportInput& in,
                                 const ReportMasks& m, double pixels_per_point);
void draw_analyst_pages(Pager& pager, const EvaluationReportInput& in, const ReportMasks& m);

}  // namespace faro::render::report
