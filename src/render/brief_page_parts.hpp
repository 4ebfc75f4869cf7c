#pragma once
// Internal to the brief page (render/brief_page*.cpp): the page's words (from the catalogue,
// core/messages.hpp), colours, and the panels each source file draws. Coordinates are PostScript
// points on the A4 landscape page.
#include <string>
#include <string_view>

#include "core/weekly_brief.hpp"
#include "render/brief_page.hpp"
#include "render/image.hpp"

typedef struct _cairo cairo_t;

namespace faro::render::brief {

struct Strings {
  const char* title;        // "Informe semanal"
  const char* all_area;     // "(all)" shown as "Toda el área"
  const char* columns[10];  // sector .. sparkline; "\n" splits a header in two lines
  const char* column_help[10];  // one line explaining each column (the legend under the table)
  const char* flag_up;
  const char* flag_down;
  const char* flag_new;
  const char* map_title;
  const char* map_no_gl;
  const char* table_title;
  const char* timeline_title;
  const char* timeline_week;  // "semana seleccionada"
  const char* sectors_word;   // "sectores"
  const char* sector_word;    // "sector"
  const char* synthetic;
  const char* generated;
  const char* filter;
  const char* outside;   // incidents in no sector
  const char* baseline;  // "media 4 sem." (context; the flags test against the expected)
  const char* expected;  // "esperado": mean 4 x the seasonal factor (core/weekly_brief_flags.hpp)
  const char* earlier_rollouts;
  const char* months[12];
};
// Built from the catalogue once per language; `period`: the words for a brief whose periods are
// several weeks (WeeklyBrief::span_weeks > 1).
const Strings& strings(Language language, bool period = false);

struct PageBox {
  double x = 0, y = 0, w = 0, h = 0;
  double right() const { return x + w; }
  double bottom() const { return y + h; }
};

// Flag colours: up red, new orange, down blue; none mid grey.
Rgba8 flag_color(BriefFlag f);
std::string flag_label(BriefFlag f, const Strings& s);
// "12–18 feb 2024" (the Monday .. Sunday of the brief's week).
std::string week_range_text(const WeeklyBrief& b, const Strings& s);
std::string format_count(double v, int decimals = 0);  // thousands separated by a thin space

// Panels. The map returns whether OpenGL rendered it (else cairo outlines only) and the renderer.
struct MapPanel {
  bool rendered = false;
  std::string renderer;
};
MapPanel draw_map_panel(cairo_t* cr, const BriefPageInput& in, const Strings& s, PageBox box,
                        double pixels_per_point);
void draw_table_panel(cairo_t* cr, const BriefPageInput& in, const Strings& s, PageBox box);
void draw_timeline_panel(cairo_t* cr, const BriefPageInput& in, const Strings& s, PageBox box);
// A small panel heading: bold text at the top-left of `box`; returns the height it used.
double draw_heading(cairo_t* cr, std::string_view text, PageBox box);

}  // namespace faro::render::brief
