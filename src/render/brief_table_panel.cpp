// The brief page's table: the whole-area row, then the units (sectors or groups of sectors) by flag
// and then by |z| (largest changes first), with counts, the change statistic, the flag in its
// colour and a 12-period sparkline per row.
#include <cairo.h>

#include <algorithm>
#include <cctype>
#include <cmath>

#include "core/brief_level.hpp"
#include "render/brief_page_parts.hpp"
#include "render/overlay_text.hpp"

namespace faro::render::brief {
namespace {

using overlay::draw_text;
using overlay::measure_text;
using overlay::set_font;
using overlay::Weight;

const Rgba8 kInk{33, 33, 33, 255}, kMuted{110, 110, 110, 255};

// Column widths in points (week, prev, mean 4, same week last year, ytd, ytd last year, z; then the
// flag and the sparkline); the sector column takes what is left.
constexpr double kNumberWidths[7] = {30, 33, 35, 36, 33, 38, 32};
constexpr double kFlagWidth = 42, kSparkWidth = 54;

// `hidden` (parallel to values, may be empty = none) marks suppressed weeks: they are left out of
// the scale and drawn as a gap with a light tick at the baseline, so neither their value nor the
// scale reveals them (a single visible point next to a gap shows as a dot).
void sparkline(cairo_t* cr, const std::vector<int64_t>& values, const std::vector<uint8_t>& hidden,
               double x, double y, double w, double h, Rgba8 color) {
  if (values.empty()) return;
  const auto is_hidden = [&](size_t i) { return i < hidden.size() && hidden[i] != 0; };
  int64_t top = 1;
  for (size_t i = 0; i < values.size(); ++i)
    if (!is_hidden(i)) top = std::max(top, values[i]);
  const double step = values.size() > 1 ? w / (values.size() - 1) : 0;
  const auto py = [&](int64_t v) { return y + h - h * static_cast<double>(v) / top; };
  cairo_set_source_rgb(cr, 0.85, 0.85, 0.85);
  cairo_set_line_width(cr, 0.4);
  cairo_move_to(cr, x, y + h);
  cairo_line_to(cr, x + w, y + h);
  cairo_stroke(cr);
  cairo_set_source_rgb(cr, 0.7, 0.7, 0.7);
  cairo_set_line_width(cr, 0.8);
  for (size_t i = 0; i < values.size(); ++i)
    if (is_hidden(i)) {
      cairo_move_to(cr, x + step * i, y + h);
      cairo_line_to(cr, x + step * i, y + h - 2.2);
      cairo_stroke(cr);
    }
  bool open = false;
  for (size_t i = 0; i < values.size(); ++i) {
    if (is_hidden(i)) {
      open = false;
      continue;
    }
    const bool isolated =
        (i == 0 || is_hidden(i - 1)) && (i + 1 == values.size() || is_hidden(i + 1));
    if (isolated) {
      cairo_new_sub_path(cr);
      cairo_arc(cr, x + step * i, py(values[i]), 0.6, 0, 6.2832);
    } else if (!open) {
      cairo_move_to(cr, x + step * i, py(values[i]));
    } else {
      cairo_line_to(cr, x + step * i, py(values[i]));
    }
    open = !isolated;
  }
  cairo_set_source_rgb(cr, 0.35, 0.35, 0.35);
  cairo_set_line_width(cr, 0.8);
  cairo_set_line_join(cr, CAIRO_LINE_JOIN_ROUND);
  cairo_stroke(cr);
  // The selected week (last point) as a dot in the flag's colour.
  if (is_hidden(values.size() - 1)) return;
  overlay::set_source(cr, color);
  cairo_arc(cr, x + step * (values.size() - 1), py(values.back()), 1.6, 0, 6.2832);
  cairo_fill(cr);
}

void right_text(cairo_t* cr, const std::string& text, double right, double base, Rgba8 color) {
  draw_text(cr, text, right - measure_text(cr, text).width, base, color);
}


constexpr double kNoteSize = 6.6, kNoteStep = 8.5;  // the notes under the table: font, line step

// `text` broken at spaces into lines no wider than `width` (the current font).
std::vector<std::string> wrap_words(cairo_t* cr, const std::string& text, double width) {
  std::vector<std::string> lines;
  std::string line;
  size_t pos = 0;
  while (pos < text.size()) {
    size_t next = text.find(' ', pos);
    if (next == std::string::npos) next = text.size();
    const std::string word = text.substr(pos, next - pos);
    const std::string candidate = line.empty() ? word : line + " " + word;
    if (!line.empty() && measure_text(cr, candidate).width > width) {
      lines.push_back(line);
      line = word;
    } else {
      line = candidate;
    }
    pos = next + 1;
  }
  if (!line.empty()) lines.push_back(line);
  return lines;
}

// The legend: every column header after the unit's with its one-line explanation, in the words of
// the header ("Base 4 sem.: ..."), joined by " · " and wrapped to the table's width.
std::vector<std::string> legend_lines(cairo_t* cr, const Strings& s, double width) {
  std::string text;
  for (int c = 1; c < 10; ++c) {
    std::string label = s.columns[c];
    std::replace(label.begin(), label.end(), '\n', ' ');
    text += (text.empty() ? "" : "  ·  ") + label + ": " + s.column_help[c] + ".";
  }
  return wrap_words(cr, text, width);
}

// The notes under the table, in order: incidents in no unit, the units not ranked (partner-safe),
// the column legend, and (internal briefs) the week's near-repeat zones.
std::vector<std::string> note_lines(cairo_t* cr, const BriefPageInput& in, const Strings& s,
                                    const std::vector<std::string>& unranked, double width) {
  const WeeklyBrief& b = *in.brief;
  const BriefProtection& prot = *in.protection;
  std::vector<std::string> lines;
  // Incidents in no sector are part of the whole-area row: say how many.
  if (b.outside_week > 0) {
    const BriefRowMask& all_mask = prot.mask(b.all);
    lines.push_back(std::string(s.all_area) + ": " +
                    (all_mask.week ? prot.marker : format_count(b.all.week)) + ", " +
                    (prot.outside_week_hidden ? prot.marker : format_count(b.outside_week)) +
                    " " + s.outside + ".");
  }
  if (!unranked.empty()) {
    std::string names;
    for (const std::string& u : unranked) names += (names.empty() ? "" : ", ") + u;
    lines.push_back(tr_format(in.language, Msg::brief_hidden_rows,
                              static_cast<int>(unranked.size()), names.c_str()));
  }
  for (std::string& l : legend_lines(cr, s, width)) lines.push_back(std::move(l));
  const WeekNearRepeat* nr = in.near_repeat;
  if (!nr || prot.partner_safe) return lines;
  const auto pct = [&](double v) {
    return v == 0 ? std::string("0") : format_count(100 * v, v < 0.01 ? 2 : 1);
  };
  const std::string knox =
      nr->params_from_data ? tr_format(in.language, Msg::brief_near_repeat_knox,
                                       format_count(nr->params.relative_risk, 2).c_str())
                           : std::string();
  std::string where;
  for (size_t i = 0; i < nr->zones_by_sector.size() && i < 6; ++i) {
    const auto [sec, n] = nr->zones_by_sector[i];
    if (sec < 0 || static_cast<size_t>(sec) >= in.sectors->size()) continue;
    where += std::string(where.empty() ? ": " : ", ") + in.sectors->sectors[sec].name + " (" +
             std::to_string(n) + ")";
  }
  lines.push_back(tr_format(in.language, Msg::brief_near_repeat_zones,
                            format_count(nr->params.radius_m).c_str(),
                            static_cast<long long>(nr->params.days), knox.c_str(),
                            nr->zones_at_end, where.c_str()));
  lines.push_back(tr_format(
      in.language, Msg::brief_near_repeat_rates, static_cast<long long>(nr->hits),
      static_cast<long long>(nr->incidents),
      pct(nr->incidents ? static_cast<double>(nr->hits) / static_cast<double>(nr->incidents) : 0)
          .c_str(),
      pct(nr->area_share).c_str()));
  return lines;
}
}  // namespace

void draw_table_panel(cairo_t* cr, const BriefPageInput& in, const Strings& s, PageBox box) {
  const WeeklyBrief& b = *in.brief;
  const BriefProtection& prot = *in.protection;
  // Partner-safe, the heading names the level's unit (the title states the period).
  const std::string unit_word = brief_unit_word(b, in.language);
  const std::string title =
      prot.partner_safe
          ? tr_format(in.language, Msg::brief_table_title_level,
                      tr_format(in.language, Msg::brief_level_by, unit_word.c_str()).c_str())
          : std::string(s.table_title);
  const double head = draw_heading(cr, title, box);
  double numbers = 0;
  for (double w : kNumberWidths) numbers += w;
  const double sector_w = box.w - numbers - kFlagWidth - kSparkWidth - 8;
  double col[11];
  col[0] = box.x;
  col[1] = box.x + sector_w;
  for (int c = 2; c <= 8; ++c) col[c] = col[c - 1] + kNumberWidths[c - 2];
  col[9] = col[8] + kFlagWidth;
  col[10] = col[9] + kSparkWidth + 8;

  // Header row, two lines ("\n" in the label); numbers right-aligned over their columns.
  double y = box.y + head + 17;
  set_font(cr, Weight::bold, 6.3);
  for (int c = 0; c < 10; ++c) {
    std::string label = s.columns[c];
    if (c == 0 && b.grouped()) {  // "Alcaldía" rather than "Sector"
      label = unit_word;
      if (!label.empty()) label[0] = static_cast<char>(std::toupper(label[0]));
    }
    const size_t nl = label.find('\n');
    const std::string lines[2] = {nl == std::string::npos ? "" : label.substr(0, nl),
                                  nl == std::string::npos ? label : label.substr(nl + 1)};
    for (int l = 0; l < 2; ++l) {
      const double base = y - (1 - l) * 7.5;
      if (c == 0)
        draw_text(cr, lines[l], col[0] + 2, base, kMuted);
      else if (c <= 7)
        right_text(cr, lines[l], col[c + 1] - 3, base, kMuted);
      else
        draw_text(cr, lines[l], c == 8 ? col[8] + 6 : col[9] + 8, base, kMuted);
    }
  }
  cairo_set_source_rgb(cr, 0.6, 0.6, 0.6);
  cairo_set_line_width(cr, 0.6);
  cairo_move_to(cr, box.x, y + 4);
  cairo_line_to(cr, box.right(), y + 4);
  cairo_stroke(cr);

  // Rows: "(all)"; then the units by flag (increases and new, then decreases, then none) and
  // within a flag by |z|, largest first: the heading promises change, so the order is the change.
  // Partner-safe: a unit whose z / flag is hidden cannot be ranked without revealing it; such
  // units are left out of the ranking and named in a note under the table.
  std::vector<BriefRow> rows = b.rows;
  order_brief_rows_by_change(rows, [&](const BriefRow& r) { return prot.mask(r).derived; });
  std::vector<std::string> unranked;
  while (!rows.empty() && prot.mask(rows.back()).derived) {
    unranked.push_back(rows.back().sector);
    rows.pop_back();
  }
  std::sort(unranked.begin(), unranked.end());
  // The lines under the table, known before the rows so the rows leave room for them.
  set_font(cr, Weight::regular, kNoteSize);
  const std::vector<std::string> notes = note_lines(cr, in, s, unranked, box.w);
  const double note_h = 6 + kNoteStep * static_cast<double>(notes.size());
  const double row_h = 15.5;
  const int fit = static_cast<int>((box.bottom() - note_h - (y + 4)) / row_h) - 1;
  const int n = std::clamp(std::min(in.table_rows, fit), 0, static_cast<int>(rows.size()));
  BriefRow all_row = b.all;  // its flag is not printed when hidden either
  if (prot.mask(all_row).derived) all_row.flag = BriefFlag::none;
  std::vector<const BriefRow*> shown{&all_row};
  for (int i = 0; i < n; ++i) shown.push_back(&rows[i]);

  y += 4;
  for (size_t i = 0; i < shown.size(); ++i) {
    const BriefRow& r = *shown[i];
    const bool all = i == 0;
    const double top = y, base = y + row_h - 4.5;
    if (all || r.flag != BriefFlag::none) {
      // Whole-area row shaded grey; flagged rows tinted with their flag colour.
      const Rgba8 c = all ? Rgba8{238, 238, 238, 255} : flag_color(r.flag);
      overlay::set_source(cr, c, all ? 1.0 : 0.12);
      cairo_rectangle(cr, box.x, top + 0.5, box.w, row_h - 1);
      cairo_fill(cr);
    }
    set_font(cr, all ? Weight::bold : Weight::regular, 7.5);
    const std::string name = all ? std::string(s.all_area) : r.sector;
    draw_text(cr, overlay::fit_text(cr, name, sector_w - 4), col[0] + 2, base, kInk);
    const BriefRowMask& mask = prot.mask(r);
    const auto cell = [&](bool hidden, double v, int decimals) {
      return hidden ? prot.marker : format_count(v, decimals);
    };
    const std::string cells[7] = {cell(mask.week, r.week, 0),
                                  cell(mask.prev_week, r.prev_week, 0),
                                  cell(mask.mean_prev4, r.mean_prev4, 1),
                                  cell(mask.same_week_last_year, r.same_week_last_year, 0),
                                  cell(mask.ytd, r.ytd, 0),
                                  cell(mask.ytd_last_year, r.ytd_last_year, 0),
                                  cell(mask.derived, r.z, 2)};
    for (int c = 0; c < 7; ++c) {
      set_font(cr, (c == 0 || c == 6) ? Weight::bold : Weight::regular, 7.5);
      right_text(cr, cells[c], col[c + 2] - 3, base,
                 c == 6 && r.flag != BriefFlag::none ? flag_color(r.flag) : kInk);
    }
    set_font(cr, Weight::bold, 7.2);
    draw_text(cr, flag_label(r.flag, s), col[8] + 6, base, flag_color(r.flag));
    sparkline(cr, r.sparkline, mask.sparkline, col[9] + 8, top + 3, kSparkWidth - 4, row_h - 6,
              r.flag == BriefFlag::none ? Rgba8{60, 60, 60, 255} : flag_color(r.flag));
    cairo_set_source_rgb(cr, 0.9, 0.9, 0.9);
    cairo_set_line_width(cr, 0.4);
    cairo_move_to(cr, box.x, top + row_h);
    cairo_line_to(cr, box.right(), top + row_h);
    cairo_stroke(cr);
    y += row_h;
  }
  set_font(cr, Weight::regular, kNoteSize);
  double ny = std::min(y + 10, box.bottom() - kNoteStep * static_cast<double>(notes.size()) + 4);
  for (const std::string& line : notes) {
    draw_text(cr, overlay::fit_text(cr, line, box.w), box.x, ny, kMuted);
    ny += kNoteStep;
  }
}

}  // namespace faro::render::brief
