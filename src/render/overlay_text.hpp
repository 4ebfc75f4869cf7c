#pragma once
// Text for the map overlay: cairo drawing with the DejaVu fonts embedded from fonts/, loaded once
// per process through FreeType (FT_New_Memory_Face over the embedded bytes). cairo stays out of
// this header (cairo_t is only forward-declared) so tests need no cairo include path.
#include <string>
#include <string_view>

#include "render/image.hpp"

typedef struct _cairo cairo_t;

namespace faro::render::overlay {

enum class Weight { regular, bold };

// Valid UTF-8 is returned unchanged; a byte that does not start a valid sequence is read as
// Latin-1 (what Mexican open-data files often really are), so "Obreg\xF3n" shows "Obregón"
// instead of putting the cairo context into an error state that would blank the whole overlay.
std::string sanitize_utf8(std::string_view text);

// True when the embedded font has a glyph for every code point of `utf8` (after sanitising).
bool font_has_glyphs(Weight weight, std::string_view utf8);

// Selects the embedded font into `cr` at `size_px` (em size in pixels).
void set_font(cairo_t* cr, Weight weight, double size_px);

// Line metrics of the current font: width = advance of the text, ascent/descent of the font (not
// of the ink), so boxes of one style line up whatever the letters.
struct TextSize {
  double width = 0, ascent = 0, descent = 0;
  double height() const { return ascent + descent; }
};
TextSize measure_text(cairo_t* cr, std::string_view utf8);

// `utf8` shortened with "…" so it is at most `max_width` wide in the current font.
std::string fit_text(cairo_t* cr, std::string_view utf8, double max_width);

// Draws `utf8` with its left end at x and its baseline at y. A halo (outline of `halo_width` px in
// `halo`, drawn first) keeps labels legible over any map colour.
void draw_text(cairo_t* cr, std::string_view utf8, double x, double baseline, Rgba8 color,
               double halo_width = 0, Rgba8 halo = {255, 255, 255, 255});

void set_source(cairo_t* cr, Rgba8 color);                      // straight alpha in
void set_source(cairo_t* cr, Rgba8 color, double alpha_scale);  // alpha multiplied by alpha_scale

}  // namespace faro::render::overlay
