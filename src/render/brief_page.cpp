#include "render/brief_page.hpp"

#include <cairo-pdf.h>
#include <cairo.h>

#include <cmath>
#include <memory>
#include <stdexcept>

#include "core/brief_level.hpp"
#include "core/errors.hpp"
#include "core/goals_text.hpp"
#include "core/messages.hpp"
#include "core/weekly_brief_flags.hpp"
#include "io/atomic_file.hpp"
#include "io/png_writer.hpp"
#include "render/brief_page_parts.hpp"
#include "render/overlay_text.hpp"

namespace faro::render {
namespace brief {
namespace {

// The page's words from the catalogue, gathered once per language so the panels can pass one
// struct around.
Strings make_strings(Language l, bool period) {
  Strings s{};
  s.title = tr(Msg::brief_title, l);
  s.all_area = tr(Msg::brief_all_area, l);
  const Msg columns[10] = {Msg::brief_col_sector,
                           Msg::brief_col_week,
                           Msg::brief_page_col_prev,
                           Msg::brief_page_col_mean4,
                           Msg::brief_page_col_last_year,
                           Msg::brief_page_col_ytd,
                           Msg::brief_page_col_ytd_last_year,
                           Msg::brief_page_col_z,
                           Msg::brief_col_flag,
                           Msg::brief_page_col_spark};
  const Msg period_columns[10] = {Msg::brief_col_sector,
                                  Msg::brief_page_col_period,
                                  Msg::brief_page_col_prev_period,
                                  Msg::brief_page_col_mean4_period,
                                  Msg::brief_page_col_last_year_period,
                                  Msg::brief_page_col_ytd,
                                  Msg::brief_page_col_ytd_last_year,
                                  Msg::brief_page_col_z,
                                  Msg::brief_col_flag,
                                  Msg::brief_page_col_spark_period};
  for (int i = 0; i < 10; ++i) s.columns[i] = tr(period ? period_columns[i] : columns[i], l);
  const Msg help[10] = {Msg::brief_help_sector, Msg::brief_help_week,   Msg::brief_help_prev,
                        Msg::brief_help_mean4,  Msg::brief_help_last_year, Msg::brief_help_ytd,
                        Msg::brief_help_ytd_last_year, Msg::brief_help_z, Msg::brief_help_flag,
                        Msg::brief_help_spark};
  const Msg period_help[10] = {
      Msg::brief_help_sector,     Msg::brief_help_week_period,      Msg::brief_help_prev_period,
      Msg::brief_help_mean4_period, Msg::brief_help_last_year_period, Msg::brief_help_ytd,
      Msg::brief_help_ytd_last_year, Msg::brief_help_z,             Msg::brief_help_flag,
      Msg::brief_help_spark_period};
  for (int i = 0; i < 10; ++i) s.column_help[i] = tr(period ? period_help[i] : help[i], l);
  s.flag_up = tr(Msg::brief_flag_up, l);
  s.flag_down = tr(Msg::brief_flag_down, l);
  s.flag_new = tr(Msg::brief_flag_new, l);
  s.map_title = tr(period ? Msg::brief_map_title_period : Msg::brief_map_title, l);
  s.map_no_gl = tr(Msg::brief_map_no_gl, l);
  s.table_title = tr(Msg::brief_table_title, l);
  s.timeline_title = tr(Msg::brief_timeline_title, l);
  s.timeline_week = tr(Msg::brief_timeline_week, l);
  s.sectors_word = tr(Msg::brief_sectors_word, l);
  s.sector_word = tr(Msg::brief_sector_word, l);
  s.synthetic = tr(Msg::map_synthetic_stamp, l);
  s.generated = tr(Msg::brief_generated, l);
  s.filter = tr(Msg::brief_filter, l);
  s.outside = tr(Msg::brief_outside, l);
  s.baseline = tr(period ? Msg::brief_baseline_period : Msg::brief_baseline, l);
  s.expected = tr(Msg::brief_expected, l);
  s.earlier_rollouts = tr(Msg::brief_earlier_rollouts, l);
  for (int m = 0; m < 12; ++m)
    s.months[m] = tr(static_cast<Msg>(static_cast<int>(Msg::month_jan) + m), l);
  return s;
}

const Strings kSpanish = make_strings(Language::es, false),
              kEnglish = make_strings(Language::en, false),
              kSpanishPeriod = make_strings(Language::es, true),
              kEnglishPeriod = make_strings(Language::en, true);

const Rgba8 kInk{33, 33, 33, 255}, kMuted{105, 105, 105, 255}, kStamp{190, 30, 30, 255};

struct SurfaceDeleter {
  void operator()(cairo_surface_t* s) const { cairo_surface_destroy(s); }
};
struct ContextDeleter {
  void operator()(cairo_t* c) const { cairo_destroy(c); }
};

// Lays out and draws the whole page in points.
BriefPageResult draw_page(cairo_t* cr, const BriefPageInput& in, double pixels_per_point) {
  using namespace overlay;
  const WeeklyBrief& b = *in.brief;
  const Strings& s = strings(in.language, b.span_weeks > 1);
  const double m = 26;  // page margin
  const double W = kBriefPageWidthPt, H = kBriefPageHeightPt;
  cairo_set_source_rgb(cr, 1, 1, 1);
  cairo_paint(cr);

  // Header: title with the week (partner-safe: the level, which may be coarser than a week per
  // sector; core/brief_level.hpp), then the dates, data and filter.
  const BriefProtection& prot = *in.protection;
  set_font(cr, Weight::bold, 19);
  const std::string title =
      std::string(s.title) + " — " +
      (prot.partner_safe ? brief_level_text(b, in.language) : format_iso_week(b.week));
  // Stamps at the top right: internal use (outputs not for partners), then synthetic data; the
  // title takes the width they leave.
  double stamp_right = W - m;
  set_font(cr, Weight::bold, 13);
  double stamps_w = 0;
  for (const char* stamp :
       {prot.partner_safe ? "" : internal_use_stamp(), in.synthetic ? s.synthetic : ""})
    if (*stamp) stamps_w += measure_text(cr, stamp).width + 14;
  set_font(cr, Weight::bold, 19);
  draw_text(cr, fit_text(cr, title, W - 2 * m - stamps_w - 6), m, m + 16, kInk);
  set_font(cr, Weight::bold, 13);
  for (const char* stamp :
       {prot.partner_safe ? "" : internal_use_stamp(), in.synthetic ? s.synthetic : ""}) {
    if (*stamp == 0) continue;
    const double w = measure_text(cr, stamp).width;
    draw_text(cr, stamp, stamp_right - w, m + 16, kStamp);
    stamp_right -= w + 14;
  }
  // Whole-area headline on the right; dates, data and filter on the left in what remains.
  set_font(cr, Weight::regular, 9.5);
  const BriefRowMask& all_mask = prot.mask(b.all);
  // The expected count (what z and the flag test against) first, the 4-period mean as context.
  const std::string head =
      std::string(s.all_area) + ": " + (all_mask.week ? prot.marker : format_count(b.all.week)) +
      " (" + s.expected + " " +
      (all_mask.derived ? prot.marker : format_count(b.all.expected, 1)) + " · " + s.baseline +
      " " + (all_mask.mean_prev4 ? prot.marker : format_count(b.all.mean_prev4, 1)) + ") · z " +
      (all_mask.derived ? prot.marker : format_count(b.all.z, 2));
  const double head_w = measure_text(cr, head).width;
  draw_text(cr, head, W - m - head_w, m + 31, kMuted);
  std::string sub = week_range_text(b, s);
  if (!in.data_title.empty()) sub += " · " + in.data_title;
  if (!in.filter_text.empty()) sub += " · " + std::string(s.filter) + ": " + in.filter_text;
  draw_text(cr, fit_text(cr, sub, W - 2 * m - head_w - 16), m, m + 31, kMuted);
  cairo_set_source_rgb(cr, 0.8, 0.8, 0.8);
  cairo_set_line_width(cr, 0.6);
  cairo_move_to(cr, m, m + 38);
  cairo_line_to(cr, W - m, m + 38);
  cairo_stroke(cr);

  const std::vector<std::string> goal_lines =
      in.goals ? brief_goal_lines(*in.goals, in.policy, in.language) : std::vector<std::string>{};
  const double goals_h = 10.5 * static_cast<double>(goal_lines.size());
  const double top = m + 46, timeline_h = 118, footer_h = 49 + goals_h;
  const double body_h = H - m - footer_h - timeline_h - 8 - top;
  const double map_w = 360;
  const PageBox map{m, top, map_w, body_h};
  const PageBox table{m + map_w + 14, top, W - 2 * m - map_w - 14, body_h};
  const PageBox timeline{m, top + body_h + 8, W - 2 * m, timeline_h};

  BriefPageResult result;
  const MapPanel mp = draw_map_panel(cr, in, s, map, pixels_per_point);
  result.map_rendered = mp.rendered;
  result.renderer = mp.renderer;
  draw_table_panel(cr, in, s, table);
  draw_timeline_panel(cr, in, s, timeline);
  for (const BriefRow& r : b.rows)
    result.flagged += r.flag != BriefFlag::none && !prot.mask(r).derived;

  // The programs' goals, one line each, between the timeline and the footer.
  for (size_t i = 0; i < goal_lines.size(); ++i) {
    set_font(cr, Weight::regular, 8);
    draw_text(cr, fit_text(cr, goal_lines[i], W - 2 * m), m,
              H - m - 49 - goals_h + 10.5 * static_cast<double>(i) + 9, kInk);
  }
  // Footer: the protection applied (or the internal stamp), generation date and source, then the
  // method: the expected count (seasonal factor or why none) and the test with its multiplicity
  // control (core/weekly_brief_flags.hpp), one line each.
  set_font(cr, Weight::bold, 7.5);
  const std::string protection_line =
      prot.partner_safe ? protection_footer(in.policy, in.language, true) + " · " +
                              tr_format(in.language, Msg::marker_suppressed, prot.marker.c_str())
                        : std::string(internal_use_stamp());
  draw_text(cr, fit_text(cr, protection_line, W - 2 * m), m, H - m - 31,
            prot.partner_safe ? kInk : kStamp);
  set_font(cr, Weight::regular, 7.5);
  std::string foot = std::string(s.generated) + " " + in.generated;
  if (!in.source_line.empty()) foot += " · " + in.source_line;
  draw_text(cr, fit_text(cr, foot, W - 2 * m), m, H - m - 21, kMuted);
  draw_text(cr, fit_text(cr, brief_baseline_text(b, in.language), W - 2 * m), m, H - m - 11.5,
            kMuted);
  draw_text(cr, fit_text(cr, brief_flags_text(b, in.language, prot.partner_safe), W - 2 * m), m,
            H - m - 2, kMuted);
  if (cairo_status(cr) != CAIRO_STATUS_SUCCESS)
    throw ResourceError(Resource::cairo, std::string("brief page: cairo error: ") +
                             cairo_status_to_string(cairo_status(cr)));
  return result;
}

void check_input(const BriefPageInput& in) {
  if (in.brief == nullptr || in.sectors == nullptr || in.protection == nullptr)
    throw UsageError("brief page: a brief, its sectors and its protection are required");
  if (in.policy.partner_safe != in.protection->partner_safe)
    throw UsageError("brief page: the protection was computed under another policy");
}

}  // namespace

const Strings& strings(Language language, bool period) {
  if (period) return language == Language::en ? kEnglishPeriod : kSpanishPeriod;
  return language == Language::en ? kEnglish : kSpanish;
}

Rgba8 flag_color(BriefFlag f) {
  switch (f) {
    case BriefFlag::up:
      return {200, 35, 35, 255};
    case BriefFlag::new_:
      return {226, 120, 0, 255};
    case BriefFlag::down:
      return {35, 95, 185, 255};
    case BriefFlag::none:
      return {150, 150, 150, 255};
  }
  return {150, 150, 150, 255};
}

std::string flag_label(BriefFlag f, const Strings& s) {
  switch (f) {
    case BriefFlag::up:
      return std::string("▲ ") + s.flag_up;
    case BriefFlag::down:
      return std::string("▼ ") + s.flag_down;
    case BriefFlag::new_:
      return std::string("● ") + s.flag_new;
    case BriefFlag::none:
      return "";
  }
  return "";
}

std::string week_range_text(const WeeklyBrief& b, const Strings& s) {
  const CivilDate a = civil_from_days(days_of(b.week_start));
  const CivilDate z = civil_from_days(days_of(b.week_end_exclusive) - 1);
  std::string out = std::to_string(a.d);
  if (a.m != z.m || a.y != z.y) out += std::string(" ") + s.months[a.m - 1];
  if (a.y != z.y) out += " " + std::to_string(a.y);
  return out + "–" + std::to_string(z.d) + " " + s.months[z.m - 1] + " " + std::to_string(z.y);
}

std::string format_count(double v, int decimals) {
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.*f", decimals, v);
  std::string s = buf;
  if (s == "-0" || s == "-0.0" || s == "-0.00") s.erase(0, 1);
  // Thin-space thousands separator (neutral between Spanish and English conventions).
  const size_t dot = s.find('.');
  size_t end = dot == std::string::npos ? s.size() : dot;
  const size_t start = (s[0] == '-') ? 1 : 0;
  while (end > start + 3) {
    end -= 3;
    s.insert(end, "\u2009");
  }
  return s;
}

double draw_heading(cairo_t* cr, std::string_view text, PageBox box) {
  overlay::set_font(cr, overlay::Weight::bold, 9);
  overlay::draw_text(cr, overlay::fit_text(cr, text, box.w), box.x, box.y + 8, kInk);
  return 13;
}

}  // namespace brief

BriefPageResult write_brief_pdf(const BriefPageInput& input, const std::string& path) {
  brief::check_input(input);
  io::AtomicOutput out(path);
  BriefPageResult result;
  {
    std::unique_ptr<cairo_surface_t, brief::SurfaceDeleter> surface(
        cairo_pdf_surface_create(out.temp_path().c_str(), kBriefPageWidthPt, kBriefPageHeightPt));
    if (cairo_surface_status(surface.get()) != CAIRO_STATUS_SUCCESS)
      throw DataError(path + ": cannot create the PDF: " +
                      cairo_status_to_string(cairo_surface_status(surface.get())));
    cairo_pdf_surface_set_metadata(surface.get(), CAIRO_PDF_METADATA_TITLE,
                                   (std::string(brief::strings(input.language).title) + " " +
                                    format_iso_week(input.brief->week))
                                       .c_str());
    cairo_pdf_surface_set_metadata(surface.get(), CAIRO_PDF_METADATA_CREATOR, "Faro");
    std::unique_ptr<cairo_t, brief::ContextDeleter> cr(cairo_create(surface.get()));
    // The map image is rendered at 2.5 pixels per point (180 dpi): sharp in print, a few MB.
    result = brief::draw_page(cr.get(), input, 2.5);
    cairo_show_page(cr.get());
    cr.reset();
    cairo_surface_finish(surface.get());
    if (cairo_surface_status(surface.get()) != CAIRO_STATUS_SUCCESS)
      throw DataError(path + ": cannot write the PDF: " +
                      cairo_status_to_string(cairo_surface_status(surface.get())));
  }
  out.commit();
  return result;
}

BriefPageResult write_brief_png(const BriefPageInput& input, const std::string& path, double dpi) {
  brief::check_input(input);
  if (!(dpi >= 36 && dpi <= 600)) throw UsageError("brief page: dpi must be 36..600");
  const double scale = dpi / 72.0;
  const int w = static_cast<int>(std::lround(kBriefPageWidthPt * scale));
  const int h = static_cast<int>(std::lround(kBriefPageHeightPt * scale));
  std::unique_ptr<cairo_surface_t, brief::SurfaceDeleter> surface(
      cairo_image_surface_create(CAIRO_FORMAT_ARGB32, w, h));
  if (cairo_surface_status(surface.get()) != CAIRO_STATUS_SUCCESS)
    throw ResourceError(Resource::memory, "brief page: cannot allocate a " + std::to_string(w) + "x" +
                             std::to_string(h) + " surface");
  BriefPageResult result;
  {
    std::unique_ptr<cairo_t, brief::ContextDeleter> cr(cairo_create(surface.get()));
    cairo_scale(cr.get(), scale, scale);
    result = brief::draw_page(cr.get(), input, std::max(2.0, scale));
  }
  cairo_surface_flush(surface.get());
  // The page is opaque (white background), so premultiplied BGRA is plain BGRA: swap to RGBA.
  const unsigned char* data = cairo_image_surface_get_data(surface.get());
  const int stride = cairo_image_surface_get_stride(surface.get());
  std::vector<uint8_t> rgba(static_cast<size_t>(w) * h * 4);
  for (int y = 0; y < h; ++y)
    for (int x = 0; x < w; ++x) {
      const uint32_t px = *reinterpret_cast<const uint32_t*>(data + y * stride + x * 4);
      uint8_t* o = &rgba[(static_cast<size_t>(y) * w + x) * 4];
      o[0] = (px >> 16) & 0xFF, o[1] = (px >> 8) & 0xFF, o[2] = px & 0xFF, o[3] = 255;
    }
  io::write_png_rgba(path, rgba, w, h);
  result.page_width_px = w;
  result.page_height_px = h;
  return result;
}

}  // namespace faro::render
