// The brief page's citywide timeline: whole-area incidents per ISO week (or period of weeks) for
// the 52 weeks (at least 12 periods) ending with the selected one (bars; the selected week dark), the mean of the previous four weeks as a
// tick, and program rollouts as dashed vertical markers labelled with the program and sector count.
#include <cairo.h>

#include <algorithm>
#include <cmath>
#include <optional>

#include "core/time_bins.hpp"
#include "render/brief_page_parts.hpp"
#include "render/overlay_text.hpp"

namespace faro::render::brief {
namespace {

using overlay::draw_text;
using overlay::measure_text;
using overlay::set_font;
using overlay::Weight;

const Rgba8 kMuted{110, 110, 110, 255};
const Rgba8 kProgram{0, 128, 110, 255};

// A "nice" axis top: 1, 2 or 5 times a power of ten at or above `v`.
double nice_top(double v) {
  if (v <= 1) return 1;
  const double p = std::pow(10.0, std::floor(std::log10(v)));
  for (double m : {1.0, 2.0, 5.0, 10.0})
    if (m * p >= v) return m * p;
  return 10 * p;
}

}  // namespace

void draw_timeline_panel(cairo_t* cr, const BriefPageInput& in, const Strings& s, PageBox box) {
  const WeeklyBrief& b = *in.brief;
  const double head =
      draw_heading(cr,
                   b.span_weeks > 1
                       ? tr_format(in.language, Msg::brief_timeline_title_period, b.span_weeks)
                       : std::string(s.timeline_title),
                   box);
  const double left = box.x + 30, right = box.right() - 4;
  const double top = box.y + head + 22, bottom = box.bottom() - 14;
  const size_t n = b.timeline.size();
  if (n == 0) return;
  // Partner-safe: suppressed weeks stay out of the axis scale (a top set by a hidden bar would
  // bound it) and are drawn as a dashed outline of a fixed height with no value.
  const BriefProtection& prot = *in.protection;
  const auto hidden = [&](size_t i) {
    return i < prot.timeline_hidden.size() && prot.timeline_hidden[i] != 0;
  };
  int64_t max_v = 0;
  for (size_t i = 0; i < n; ++i)
    if (!hidden(i)) max_v = std::max(max_v, b.timeline[i]);
  if (prot.partner_safe) max_v = std::max<int64_t>(max_v, in.policy.k);
  const double ymax = nice_top(static_cast<double>(std::max<int64_t>(1, max_v)));
  const double slot = (right - left) / n;
  const auto py = [&](double v) { return bottom - (bottom - top) * v / ymax; };

  // Axis: baseline, half and top gridlines with their values.
  set_font(cr, Weight::regular, 6.5);
  for (double v : {0.0, ymax / 2, ymax}) {
    cairo_set_source_rgb(cr, v == 0 ? 0.55 : 0.88, v == 0 ? 0.55 : 0.88, v == 0 ? 0.55 : 0.88);
    cairo_set_line_width(cr, v == 0 ? 0.6 : 0.4);
    cairo_move_to(cr, left, py(v));
    cairo_line_to(cr, right, py(v));
    cairo_stroke(cr);
    const std::string t = format_count(v, v == std::floor(v) ? 0 : 1);
    draw_text(cr, t, left - 4 - measure_text(cr, t).width, py(v) + 2.3, kMuted);
  }

  // Bars; the selected week last and dark.
  for (size_t i = 0; i < n; ++i) {
    const bool selected = i + 1 == n;
    if (selected)
      cairo_set_source_rgb(cr, 0.12, 0.12, 0.12);
    else
      cairo_set_source_rgb(cr, 0.62, 0.66, 0.72);
    const double x = left + slot * i + slot * 0.15;
    if (hidden(i)) {
      const double dash[] = {1.2, 1.0};
      cairo_set_dash(cr, dash, 2, 0);
      cairo_set_line_width(cr, 0.5);
      cairo_rectangle(cr, x, bottom - 7, slot * 0.7, 7);
      cairo_stroke(cr);
      cairo_set_dash(cr, nullptr, 0, 0);
      continue;
    }
    cairo_rectangle(cr, x, py(static_cast<double>(b.timeline[i])), slot * 0.7,
                    bottom - py(static_cast<double>(b.timeline[i])));
    cairo_fill(cr);
  }
  // The baseline (mean of the previous four weeks) over those four bars.
  overlay::set_source(cr, b.all.flag == BriefFlag::none || prot.mask(b.all).derived
                              ? Rgba8{70, 70, 70, 255}
                              : flag_color(b.all.flag));
  cairo_set_line_width(cr, 1.2);
  if (n >= 5 && !prot.mask(b.all).mean_prev4) {
    cairo_move_to(cr, left + slot * (n - 5), py(b.all.mean_prev4));
    cairo_line_to(cr, left + slot * (n - 1), py(b.all.mean_prev4));
    cairo_stroke(cr);
  }

  // Week labels under the axis every 4 weeks, ending at the selected week; with periods of
  // several weeks, every period, labelled by its last week.
  set_font(cr, Weight::regular, 6.3);
  const int64_t span = std::max(1, b.span_weeks);
  const size_t every = span > 1 ? 1 : 4;
  for (size_t i = n; i-- > 0;) {
    if ((n - 1 - i) % every != 0) continue;
    const IsoWeek w =
        iso_week_of_bin(b.timeline_first_bin + static_cast<int64_t>(i + 1) * span - 1);
    char label[16];
    std::snprintf(label, sizeof label, "W%02d", w.week);
    std::string text = label;
    if (i == 0 || w.week <= span * static_cast<int64_t>(every) || i + 1 == n)
      text = format_iso_week(w);
    const double cx = left + slot * (i + 0.5);
    draw_text(cr, text, cx - measure_text(cr, text).width / 2, bottom + 9,
              i + 1 == n ? Rgba8{20, 20, 20, 255} : kMuted);
  }

  // Rollouts before the window, listed on the heading line (right-aligned) so programs already
  // running are not silently absent from the timeline.
  if (in.programs != nullptr) {
    const CivilSeconds window_start = bin_start(BinKind::week, b.timeline_first_bin);
    std::string earlier;
    for (const Program& p : *in.programs) {
      std::optional<CivilSeconds> first;
      int count = 0;
      for (const ProgramSector& ps : p.sectors)
        if (ps.start < window_start) {
          ++count;
          if (!first || ps.start < *first) first = ps.start;
        }
      if (!first) continue;
      earlier += (earlier.empty() ? " " : " · ") + p.name + " (" + format_date(*first) + ", " +
                 std::to_string(count) + " " + (count == 1 ? s.sector_word : s.sectors_word) + ")";
    }
    if (!earlier.empty()) {
      set_font(cr, Weight::regular, 6.5);
      const std::string text = overlay::fit_text(cr, s.earlier_rollouts + earlier, box.w * 0.55);
      draw_text(cr, text, box.right() - measure_text(cr, text).width, box.y + 8, kProgram);
    }
  }

  // Program rollouts: dashed line at the week, label above, alternating rows to avoid overlaps.
  const std::vector<RolloutMarker> markers =
      in.programs ? rollout_markers(*in.programs, b) : std::vector<RolloutMarker>{};
  set_font(cr, Weight::regular, 6.5);
  double last_end[2] = {-1e9, -1e9};
  for (const RolloutMarker& m : markers) {
    const double x = left + slot * (m.week_offset + 0.5);
    const double dash[] = {2.0, 1.5};
    cairo_set_dash(cr, dash, 2, 0);
    overlay::set_source(cr, kProgram);
    cairo_set_line_width(cr, 0.9);
    cairo_move_to(cr, x, bottom);
    cairo_line_to(cr, x, top - 4);
    cairo_stroke(cr);
    cairo_set_dash(cr, nullptr, 0, 0);
    const std::string label = m.program + " (" + std::to_string(m.sectors) + " " +
                              (m.sectors == 1 ? s.sector_word : s.sectors_word) + ")";
    const double w = measure_text(cr, label).width;
    // Left of the line near the right edge, else right of it.
    const double lx = x + 2 + w > box.right() ? x - 2 - w : x + 2;
    const int row = last_end[0] <= lx ? 0 : (last_end[1] <= lx ? 1 : -1);
    if (row < 0) continue;  // no room: the line alone marks the rollout
    draw_text(cr, label, lx, top - 13 + row * 8, kProgram, 1.5);
    last_end[row] = lx + w + 4;
  }
}

}  // namespace faro::render::brief
