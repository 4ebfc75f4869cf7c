// The evaluation report's drawing helpers: wrapped text, tables, sections, and the pager that
// puts the same header (title, stamps, filters) and footer (protection, sources, generation date,
// page number) on every page.
#include <cairo.h>

#include <algorithm>
#include <cmath>

#include "render/evaluation_report_parts.hpp"
#include "render/overlay_text.hpp"

namespace faro::render::report {
namespace {

using overlay::draw_text;
using overlay::fit_text;
using overlay::measure_text;
using overlay::set_font;
using overlay::Weight;

constexpr double kTableFont = 7.6, kTableRow = 11.5, kLineFont = 8, kFilterFont = 7.1;

void hline(cairo_t* cr, double x0, double x1, double y, double gray, double width) {
  cairo_set_source_rgb(cr, gray, gray, gray);
  cairo_set_line_width(cr, width);
  cairo_move_to(cr, x0, y);
  cairo_line_to(cr, x1, y);
  cairo_stroke(cr);
}

}  // namespace

std::vector<std::string> wrap_text(cairo_t* cr, std::string_view text, double width) {
  std::vector<std::string> lines;
  std::string line;
  size_t at = 0;
  while (at <= text.size()) {
    size_t end = text.find(' ', at);
    if (end == std::string_view::npos) end = text.size();
    const std::string word(text.substr(at, end - at));
    at = end + 1;
    if (word.empty()) continue;
    const std::string joined = line.empty() ? word : line + " " + word;
    if (measure_text(cr, joined).width <= width || line.empty()) {
      line = joined;
    } else {
      lines.push_back(line);
      line = word;
    }
    if (measure_text(cr, line).width > width) line = fit_text(cr, line, width);
  }
  if (!line.empty()) lines.push_back(line);
  return lines;
}

double draw_wrapped(cairo_t* cr, std::string_view text, double x, double top, double width,
                    double size, bool bold, Rgba8 color, double leading) {
  set_font(cr, bold ? Weight::bold : Weight::regular, size);
  const std::vector<std::string> lines = wrap_text(cr, text, width);
  const double step = size * leading;
  for (size_t i = 0; i < lines.size(); ++i)
    draw_text(cr, lines[i], x, top + size * 0.9 + step * static_cast<double>(i), color);
  return step * static_cast<double>(lines.size());
}

double wrapped_height(cairo_t* cr, std::string_view text, double width, double size, bool bold,
                      double leading) {
  set_font(cr, bold ? Weight::bold : Weight::regular, size);
  return size * leading * static_cast<double>(wrap_text(cr, text, width).size());
}

double draw_section_heading(cairo_t* cr, std::string_view text, double x, double top,
                            double width) {
  set_font(cr, Weight::bold, 10);
  draw_text(cr, fit_text(cr, text, width), x, top + 10, kInk);
  hline(cr, x, x + width, top + 13.5, 0.75, 0.5);
  return kSectionHeadingHeight;
}

double table_height(const ReportTable& t) {
  return t.empty() ? 0 : kTableRow * static_cast<double>(t.rows.size() + 1) + 4;
}

double draw_table(cairo_t* cr, const ReportTable& t, double x, double top, double width) {
  if (t.empty()) return 0;
  const size_t cols = t.header.size();
  // Each column as wide as its widest cell plus a gap; when they overflow, the widest gives way
  // (its cells shortened with "…").
  std::vector<double> w(cols, 0);
  for (size_t c = 0; c < cols; ++c) {
    set_font(cr, Weight::bold, kTableFont);
    w[c] = measure_text(cr, t.header[c]).width + 14;
    set_font(cr, Weight::regular, kTableFont);
    for (const auto& row : t.rows)
      if (c < row.size()) w[c] = std::max(w[c], measure_text(cr, row[c]).width + 14);
  }
  double total = 0;
  for (double v : w) total += v;
  if (total > width) {
    const size_t widest = static_cast<size_t>(std::max_element(w.begin(), w.end()) - w.begin());
    w[widest] = std::max(30.0, w[widest] - (total - width));
    total = width;
  }
  const auto left_aligned = [&](size_t c) { return c == 0 || (t.text_last && c + 1 == cols); };
  const auto draw_row = [&](const std::vector<std::string>& cells, double baseline, bool bold) {
    set_font(cr, bold ? Weight::bold : Weight::regular, kTableFont);
    double cx = x;
    for (size_t c = 0; c < cols && c < cells.size(); ++c) {
      const std::string text = fit_text(cr, cells[c], w[c] - 10);
      // Right-aligned numbers end 4 pt before the next column; text starts where its column does
      // (after the gap, for a text column that follows numbers).
      const double tx = c == 0 ? cx
                        : left_aligned(c) ? cx + 10
                                          : cx + w[c] - 4 - measure_text(cr, text).width;
      draw_text(cr, text, tx, baseline, bold ? kInk : Rgba8{45, 45, 45, 255});
      cx += w[c];
    }
  };
  draw_row(t.header, top + 8.5, true);
  hline(cr, x, x + total, top + kTableRow, 0.6, 0.5);
  for (size_t r = 0; r < t.rows.size(); ++r)
    draw_row(t.rows[r], top + 8.5 + kTableRow * static_cast<double>(r + 1) + 2, false);
  return table_height(t);
}

double draw_section(cairo_t* cr, const ReportSection& s, double x, double top, double width,
                    bool dry) {
  double y = top;
  if (!s.title.empty()) {
    if (!dry) draw_section_heading(cr, s.title, x, y, width);
    y += kSectionHeadingHeight;
  }
  if (!s.table.empty()) {
    if (!dry) draw_table(cr, s.table, x, y, width);
    y += table_height(s.table) + 3;
  }
  for (const std::string& line : s.lines)
    y += dry ? wrapped_height(cr, line, width, kLineFont, false)
             : draw_wrapped(cr, line, x, y, width, kLineFont, false, kInk);
  return y - top + 8;
}

double nice_step(double range, int ticks) {
  if (!(range > 0)) return 1;
  const double raw = range / std::max(1, ticks);
  const double p = std::pow(10.0, std::floor(std::log10(raw)));
  for (double m : {1.0, 2.0, 5.0, 10.0})
    if (m * p >= raw) return m * p;
  return 10 * p;
}

Pager::Pager(cairo_t* cr, const EvaluationReportInput& in, const ReportMasks& m, int total_pages,
             bool dry)
    : cr_(cr), in_(in), m_(m), total_(total_pages), dry_(dry) {
  filters_ = report_filter_lines(in);
  title_ = report_title(in);
  sources_ = report_source_line(in);
  protection_ = report_protection_line(in, m);
}

double Pager::bottom() const { return kReportPageHeightPt - kMargin - 30; }

void Pager::begin(std::string_view part) {
  ++page_;
  part_ = std::string(part);
  cairo_set_source_rgb(cr_, 1, 1, 1);
  cairo_paint(cr_);
  const double x = left(), w = width(), top = kMargin;
  // A long (pooled) program name shrinks the title down to 10 pt before it is shortened.
  double size = 14;
  set_font(cr_, Weight::bold, size);
  while (size > 10 && measure_text(cr_, title_).width > w)
    set_font(cr_, Weight::bold, size -= 0.5);
  draw_text(cr_, fit_text(cr_, title_, w), x, top + 12, kInk);
  // Stamps (internal use, synthetic data) at the right of the second line; the part's name takes
  // the width they leave.
  set_font(cr_, Weight::bold, 9);
  double stamp_right = x + w;
  const char* stamps[2] = {m_.partner_safe ? "" : internal_use_stamp(),
                           in_.synthetic ? tr(Msg::map_synthetic_stamp, in_.language) : ""};
  for (const char* s : stamps) {
    if (*s == 0) continue;
    const double sw = measure_text(cr_, s).width;
    draw_text(cr_, s, stamp_right - sw, top + 25, kStamp);
    stamp_right -= sw + 12;
  }
  set_font(cr_, Weight::bold, 8.5);
  draw_text(cr_, fit_text(cr_, part_, stamp_right - x - 6), x, top + 25, kMuted);
  hline(cr_, x, x + w, top + 30, 0.8, 0.6);
  double fy = top + 33;
  for (const std::string& line : filters_)
    fy += draw_wrapped(cr_, line, x, fy, w, kFilterFont, false, kMuted, 1.22);
  hline(cr_, x, x + w, fy + 2.5, 0.8, 0.6);
  y = fy + 10;
}

void Pager::finish() {
  const double x = left(), w = width(), base = kReportPageHeightPt - kMargin;
  hline(cr_, x, x + w, base - 20, 0.8, 0.6);
  set_font(cr_, Weight::bold, 7);
  draw_text(cr_, fit_text(cr_, protection_, w), x, base - 11,
            m_.partner_safe ? kInk : kStamp);
  set_font(cr_, Weight::regular, 7);
  const std::string page = tr_format(in_.language, Msg::eval_report_page_of, page_,
                                     std::max(total_, page_));
  const double pw = measure_text(cr_, page).width;
  draw_text(cr_, page, x + w - pw, base - 2, kMuted);
  draw_text(cr_, fit_text(cr_, sources_, w - pw - 12), x, base - 2, kMuted);
  cairo_show_page(cr_);
}

void Pager::ensure(double height) {
  if (y + height <= bottom()) return;
  finish();
  begin(part_);
}

}  // namespace faro::render::report
