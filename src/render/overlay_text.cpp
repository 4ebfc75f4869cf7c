#include "render/overlay_text.hpp"

#include "core/errors.hpp"
#include <cairo-ft.h>
#include <cairo.h>
#include <ft2build.h>
#include FT_FREETYPE_H

#include <cstdint>
#include <mutex>
#include <stdexcept>

#include "render/embedded_fonts.hpp"

namespace faro::render::overlay {
namespace {

// The two faces live for the whole process: cairo caches scaled fonts keyed by face, and the
// embedded bytes they read are static. The FT_Face is released (cairo user data) only if cairo
// ever drops its last reference, which with the reference held here never happens before exit.
class FontFaces {
 public:
  FontFaces() {
    if (FT_Init_FreeType(&library_) != 0)
      throw ResourceError(Resource::font, "FreeType initialisation failed");
    faces_[0] = load("DejaVuSans.ttf", ft_faces_[0]);
    faces_[1] = load("DejaVuSans-Bold.ttf", ft_faces_[1]);
  }
  FontFaces(const FontFaces&) = delete;
  FontFaces& operator=(const FontFaces&) = delete;

  cairo_font_face_t* face(Weight w) const { return faces_[w == Weight::bold ? 1 : 0]; }
  // FreeType faces are not thread-safe; glyph queries from here are serialised.
  bool has_glyph(Weight w, uint32_t code_point) const {
    std::lock_guard lock(mutex_);
    return FT_Get_Char_Index(ft_faces_[w == Weight::bold ? 1 : 0], code_point) != 0;
  }

 private:
  cairo_font_face_t* load(const char* name, FT_Face& ft_face) {
    const auto bytes = embedded_font(name);
    if (FT_New_Memory_Face(library_, bytes.data(), static_cast<FT_Long>(bytes.size()), 0,
                           &ft_face) != 0)
      throw ResourceError(Resource::font, std::string("FreeType cannot read embedded font ") + name);
    cairo_font_face_t* face = cairo_ft_font_face_create_for_ft_face(ft_face, 0);
    static const cairo_user_data_key_t key{};
    const cairo_status_t status = cairo_font_face_set_user_data(
        face, &key, ft_face, [](void* f) { FT_Done_Face(static_cast<FT_Face>(f)); });
    if (status != CAIRO_STATUS_SUCCESS || cairo_font_face_status(face) != CAIRO_STATUS_SUCCESS) {
      cairo_font_face_destroy(face);
      FT_Done_Face(ft_face);
      throw ResourceError(Resource::cairo, std::string("cairo cannot use embedded font ") + name);
    }
    return face;
  }

  FT_Library library_ = nullptr;
  FT_Face ft_faces_[2] = {nullptr, nullptr};
  cairo_font_face_t* faces_[2] = {nullptr, nullptr};
  mutable std::mutex mutex_;
};

const FontFaces& font_faces() {
  static const FontFaces* faces = new FontFaces();  // never destroyed: see FontFaces
  return *faces;
}

// Decodes one UTF-8 sequence at text[i]; returns its length, 0 when invalid.
size_t utf8_sequence(std::string_view text, size_t i, uint32_t& cp) {
  const auto byte = [&](size_t k) { return static_cast<unsigned char>(text[k]); };
  const unsigned char b0 = byte(i);
  size_t len = 0;
  if (b0 < 0x80) {
    cp = b0;
    return 1;
  } else if (b0 >= 0xC2 && b0 <= 0xDF) {
    len = 2;
    cp = b0 & 0x1F;
  } else if (b0 >= 0xE0 && b0 <= 0xEF) {
    len = 3;
    cp = b0 & 0x0F;
  } else if (b0 >= 0xF0 && b0 <= 0xF4) {
    len = 4;
    cp = b0 & 0x07;
  } else {
    return 0;
  }
  if (i + len > text.size()) return 0;
  for (size_t k = 1; k < len; ++k) {
    if ((byte(i + k) & 0xC0) != 0x80) return 0;
    cp = (cp << 6) | (byte(i + k) & 0x3F);
  }
  // Overlong forms, surrogates and values past U+10FFFF are invalid.
  if ((len == 3 && cp < 0x800) || (len == 4 && (cp < 0x10000 || cp > 0x10FFFF)) ||
      (cp >= 0xD800 && cp <= 0xDFFF))
    return 0;
  return len;
}

void append_utf8(std::string& out, uint32_t cp) {
  if (cp < 0x80) {
    out += static_cast<char>(cp);
  } else if (cp < 0x800) {
    out += static_cast<char>(0xC0 | (cp >> 6));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else {
    out += static_cast<char>(0xE0 | (cp >> 12));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  }
}

}  // namespace

std::string sanitize_utf8(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (size_t i = 0; i < text.size();) {
    uint32_t cp = 0;
    const size_t len = utf8_sequence(text, i, cp);
    if (len == 0) {
      const auto b = static_cast<unsigned char>(text[i]);
      // Control characters (C0 except none, C1) would draw as boxes: shown as U+FFFD.
      append_utf8(out, b >= 0xA0 ? b : 0xFFFD);
      ++i;
    } else if (cp < 0x20 || cp == 0x7F) {
      out += ' ';  // tabs and newlines in one-line texts
      i += len;
    } else {
      out.append(text.substr(i, len));
      i += len;
    }
  }
  return out;
}

bool font_has_glyphs(Weight weight, std::string_view utf8) {
  const std::string text = sanitize_utf8(utf8);
  for (size_t i = 0; i < text.size();) {
    uint32_t cp = 0;
    const size_t len = utf8_sequence(text, i, cp);
    if (!font_faces().has_glyph(weight, cp)) return false;
    i += len;
  }
  return true;
}

void set_font(cairo_t* cr, Weight weight, double size_px) {
  cairo_set_font_face(cr, font_faces().face(weight));
  cairo_set_font_size(cr, size_px);
  // Unhinted metrics: text widths scale exactly with ui_scale, so layouts do not shift.
  cairo_font_options_t* options = cairo_font_options_create();
  cairo_font_options_set_antialias(options, CAIRO_ANTIALIAS_GRAY);
  cairo_font_options_set_hint_style(options, CAIRO_HINT_STYLE_SLIGHT);
  cairo_font_options_set_hint_metrics(options, CAIRO_HINT_METRICS_OFF);
  cairo_set_font_options(cr, options);
  cairo_font_options_destroy(options);
}

TextSize measure_text(cairo_t* cr, std::string_view utf8) {
  const std::string text = sanitize_utf8(utf8);
  cairo_text_extents_t te;
  cairo_text_extents(cr, text.c_str(), &te);
  cairo_font_extents_t fe;
  cairo_font_extents(cr, &fe);
  return {te.x_advance, fe.ascent, fe.descent};
}

std::string fit_text(cairo_t* cr, std::string_view utf8, double max_width) {
  std::string text = sanitize_utf8(utf8);
  if (measure_text(cr, text).width <= max_width) return text;
  // Drop whole code points from the end until "text…" fits.
  while (!text.empty()) {
    size_t cut = text.size() - 1;
    while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) --cut;
    text.resize(cut);
    while (!text.empty() && text.back() == ' ') text.pop_back();
    if (measure_text(cr, text + "\u2026").width <= max_width) break;
  }
  return text + "\u2026";
}

void set_source(cairo_t* cr, Rgba8 c, double alpha_scale) {
  cairo_set_source_rgba(cr, c.r / 255.0, c.g / 255.0, c.b / 255.0, c.a / 255.0 * alpha_scale);
}
void set_source(cairo_t* cr, Rgba8 c) {
  set_source(cr, c, 1.0);
}

void draw_text(cairo_t* cr, std::string_view utf8, double x, double baseline, Rgba8 color,
               double halo_width, Rgba8 halo) {
  const std::string text = sanitize_utf8(utf8);
  if (text.empty()) return;
  cairo_save(cr);
  if (halo_width > 0) {
    cairo_move_to(cr, x, baseline);
    cairo_text_path(cr, text.c_str());
    cairo_set_line_join(cr, CAIRO_LINE_JOIN_ROUND);
    cairo_set_line_width(cr, 2 * halo_width);  // the stroke straddles the outline
    set_source(cr, halo);
    cairo_stroke(cr);
  }
  cairo_move_to(cr, x, baseline);
  set_source(cr, color);
  cairo_show_text(cr, text.c_str());
  cairo_new_path(cr);
  cairo_restore(cr);
}

}  // namespace faro::render::overlay
