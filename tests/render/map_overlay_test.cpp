// Map annotation drawn with cairo (no GL needed): title, legend colours at their places, scale bar
// lengths, Spanish text, the synthetic-data stamp, label collisions and hiding, and that pixels
// the overlay does not touch stay exactly as rendered.
#include "render/map_overlay.hpp"

#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>

#include "core/colormap.hpp"
#include "core/errors.hpp"
#include "core/polylabel.hpp"
#include "io/png_writer.hpp"
#include "render/embedded_fonts.hpp"
#include "render/label_placement.hpp"
#include "render/overlay_parts.hpp"
#include "render/overlay_text.hpp"
#include "render/sector_labels.hpp"

namespace {

using faro::Box;
using faro::Vec2;
using faro::render::Camera;
using faro::render::draw_overlay;
using faro::render::MapLabel;
using faro::render::MapOverlay;
using faro::render::Rgba8;
using faro::render::RgbaImage;
namespace ov = faro::render::overlay;

constexpr Vec2 kCentre{486000.0, 2147000.0};

RgbaImage filled(int w, int h, Rgba8 c) {
  RgbaImage img(w, h);
  for (size_t i = 0; i < img.pixels.size(); i += 4) {
    img.pixels[i] = c.r;
    img.pixels[i + 1] = c.g;
    img.pixels[i + 2] = c.b;
    img.pixels[i + 3] = c.a;
  }
  return img;
}

template <class Pred>
int count_pixels(const RgbaImage& img, int x0, int y0, int x1, int y1, Pred pred) {
  int n = 0;
  for (int y = std::max(0, y0); y < std::min(img.height, y1); ++y)
    for (int x = std::max(0, x0); x < std::min(img.width, x1); ++x) n += pred(img.at(x, y));
  return n;
}

bool dark(Rgba8 p) {
  return p.r < 90 && p.g < 90 && p.b < 90 && p.a > 200;
}
bool stamp_red(Rgba8 p) {
  return p.r > 140 && p.g < 90 && p.b < 90;
}

// Mean x of the pixels within `tol` of `c` in the region, or -1 when there are none.
double mean_x_of_colour(const RgbaImage& img, faro::Rgb c, int tol, int x0, int y0) {
  double sum = 0;
  int n = 0;
  for (int y = y0; y < img.height; ++y)
    for (int x = x0; x < img.width; ++x) {
      const Rgba8 p = img.at(x, y);
      if (std::abs(p.r - c.r) <= tol && std::abs(p.g - c.g) <= tol && std::abs(p.b - c.b) <= tol) {
        sum += x;
        ++n;
      }
    }
  return n ? sum / n : -1;
}

// --- pure helpers -----------------------------------------------------------------------------

TEST(MapOverlayScale, ChoosesTheLongestNiceLengthThatFits) {
  auto bar = ov::choose_scale_bar(10, 190);  // 1900 m available
  EXPECT_EQ(bar.metres, 1000);
  EXPECT_DOUBLE_EQ(bar.pixels, 100);
  EXPECT_EQ(bar.label, "1 km");
  bar = ov::choose_scale_bar(5, 190);  // 950 m
  EXPECT_EQ(bar.metres, 500);
  EXPECT_EQ(bar.label, "500 m");
  bar = ov::choose_scale_bar(26, 190);  // 4940 m
  EXPECT_EQ(bar.label, "2 km");
  EXPECT_NEAR(bar.pixels, 2000 / 26.0, 1e-9);
  EXPECT_EQ(ov::choose_scale_bar(300, 190).label, "50 km");    // 57 km
  EXPECT_EQ(ov::choose_scale_bar(0.01, 190).label, "1 m");     // 1.9 m
  EXPECT_EQ(ov::choose_scale_bar(0.001, 190).label, "0.1 m");  // 0.19 m
  EXPECT_EQ(ov::choose_scale_bar(1, 200).label, "200 m");      // exactly 200 m fits
  EXPECT_THROW(ov::choose_scale_bar(0, 190), faro::UsageError);
  EXPECT_THROW(ov::choose_scale_bar(10, -1), faro::UsageError);
}

TEST(MapOverlayNumbers, SameConventionInBothLanguages) {
  EXPECT_EQ(ov::format_number(1234.5, 1), "1234.5");
  EXPECT_EQ(ov::format_number(12345, 0), "12\u202F345");
  EXPECT_EQ(ov::format_number(-1234567.25, 2), "-1\u202F234\u202F567.25");
  EXPECT_EQ(ov::format_number(-0.0001, 2), "0.00");
  EXPECT_EQ(ov::format_significant(137.42), "137");
  EXPECT_EQ(ov::format_significant(0.012345), "0.0123");
  EXPECT_EQ(ov::format_significant(2.5), "2.5");
  EXPECT_EQ(ov::format_distance(20000), "20 km");
  EXPECT_EQ(ov::format_distance(500), "500 m");
}

TEST(MapOverlayTicks, NiceStepsAndTheDigitsTheyNeed) {
  int decimals = -1;
  EXPECT_EQ(ov::nice_ticks(0, 100, 5, &decimals), (std::vector<double>{0, 25, 50, 75, 100}));
  EXPECT_EQ(decimals, 0);
  const auto t = ov::nice_ticks(0, 1, 5, &decimals);
  EXPECT_EQ(t.size(), 5u);
  EXPECT_EQ(decimals, 2);  // 0.25 steps
  EXPECT_EQ(ov::nice_ticks(0, 137.4, 5, &decimals), (std::vector<double>{0, 50, 100}));
  EXPECT_EQ(decimals, 0);
  EXPECT_EQ(ov::nice_ticks(3, 3, 5), (std::vector<double>{3}));
}

TEST(MapOverlayText, BadUtf8IsReadAsLatin1AndAccentsHaveGlyphs) {
  EXPECT_EQ(ov::sanitize_utf8("Obreg\xF3n"), "Obregón");
  EXPECT_EQ(ov::sanitize_utf8("Álvaro Obregón"), "Álvaro Obregón");
  EXPECT_EQ(ov::sanitize_utf8("a\tb"), "a b");
  EXPECT_EQ(ov::sanitize_utf8("\xC3"), "Ã");  // truncated sequence
  for (auto w : {ov::Weight::regular, ov::Weight::bold}) {
    EXPECT_TRUE(ov::font_has_glyphs(w, "Álvaro Obregón Cuauhtémoc Peñón ¿¡ÁÉÍÓÚÜÑáéíóúüñ"));
    EXPECT_TRUE(ov::font_has_glyphs(w, "km² ≥ … \u202F"));
  }
}

TEST(MapOverlayFonts, DejaVuIsEmbedded) {
  const auto names = faro::render::embedded_font_names();
  EXPECT_EQ(names, (std::vector<std::string_view>{"DejaVuSans-Bold.ttf", "DejaVuSans.ttf"}));
  const auto bytes = faro::render::embedded_font("DejaVuSans.ttf");
  ASSERT_GT(bytes.size(), 100000u);
  EXPECT_EQ(bytes[0], 0x00);  // TrueType magic 0x00010000
  EXPECT_EQ(bytes[1], 0x01);
  EXPECT_EQ(bytes[2], 0x00);
  EXPECT_EQ(bytes[3], 0x00);
  EXPECT_THROW(faro::render::embedded_font("Comic.ttf"), std::invalid_argument);
}

TEST(LabelPlacement, HigherPriorityWinsACollisionAndSmallFeaturesHideTheirLabel) {
  using faro::render::LabelRequest;
  const Box screen{0, 0, 1000, 1000};
  const Box big{0, 0, 1000, 1000};
  std::vector<LabelRequest> r{
      {{500, 500}, big, 1, {{100, 20}}},
      {{510, 505}, big, 5, {{100, 20}}},                   // overlaps the first, higher priority
      {{200, 200}, {190, 190, 230, 210}, 9, {{100, 20}}},  // feature narrower than its text
      {{990, 100}, big, 3, {{100, 20}}},                   // would stick out of the screen
  };
  const auto placed = faro::render::place_labels(r, screen, {}, 2);
  ASSERT_EQ(placed.size(), 1u);
  EXPECT_EQ(placed[0].request, 1u);
}

TEST(LabelPlacement, FallsBackToTwoLinesAndAvoidsObstacles) {
  using faro::render::LabelRequest;
  const Box screen{0, 0, 1000, 1000};
  std::vector<LabelRequest> r{{{500, 500}, {440, 460, 560, 540}, 0, {{200, 20}, {110, 40}}},
                              {{100, 100}, screen, 0, {{50, 20}}}};
  const auto placed = faro::render::place_labels(r, screen, {Box{60, 60, 140, 140}}, 2);
  ASSERT_EQ(placed.size(), 1u);
  EXPECT_EQ(placed[0].request, 0u);
  EXPECT_EQ(placed[0].layout, 1u);
}

// --- draw_overlay -----------------------------------------------------------------------------

MapOverlay basic_overlay() {
  MapOverlay o;
  o.title = "Incidentes de alto impacto";
  o.subtitle = "1 ene 2023 – 31 dic 2023";
  o.source_line = "FGJ CDMX, carpetas de investigación (datos abiertos)";
  return o;
}

TEST(MapOverlay, TitleIsDarkInTheTopBandAndTheMapElsewhereIsUntouched) {
  RgbaImage img = filled(1920, 1080, {200, 225, 245, 255});
  const RgbaImage before = img;
  const Camera cam(kCentre, 10, 1920, 1080);
  draw_overlay(img, cam, basic_overlay());
  EXPECT_GT(count_pixels(img, 20, 20, 700, 80, dark), 300);
  EXPECT_EQ(count_pixels(img, 0, 300, 1920, 700, dark), 0);  // the middle of the map is free
  EXPECT_TRUE(img.at(960, 540) == before.at(960, 540));
  // The source line is along the bottom edge.
  EXPECT_GT(count_pixels(img, 0, 1050, 900, 1080,
                         [](Rgba8 p) { return p.r < 160 && p.g < 160 && p.b < 160; }),
            50);
}

TEST(MapOverlay, RampLegendShowsTheColormapInOrderBottomRight) {
  RgbaImage img = filled(1920, 1080, {200, 225, 245, 255});
  MapOverlay o = basic_overlay();
  o.ramp = faro::render::LegendRamp{"Densidad de incidentes",
                                    "incidentes/km² por año",
                                    faro::ColormapName::inferno,
                                    0,
                                    137.4,
                                    0,
                                    true,
                                    "máx. = percentil 99"};
  draw_overlay(img, Camera(kCentre, 10, 1920, 1080), o);
  const auto colour = [](double t) {
    return faro::colormap_sample(faro::ColormapName::inferno, t);
  };
  const double x10 = mean_x_of_colour(img, colour(0.1), 2, 960, 540);
  const double x50 = mean_x_of_colour(img, colour(0.5), 2, 960, 540);
  const double x90 = mean_x_of_colour(img, colour(0.9), 2, 960, 540);
  ASSERT_GT(x10, 0);
  ASSERT_GT(x50, 0);
  ASSERT_GT(x90, 0);
  EXPECT_LT(x10, x50);
  EXPECT_LT(x50, x90);
  // A 250-px bar: 0.1 -> 0.5 is about 100 px.
  EXPECT_NEAR(x50 - x10, 100, 6);

  // Values under transparent_below are a gap in the bar.
  RgbaImage gap = filled(1920, 1080, {200, 225, 245, 255});
  o.ramp->transparent_below = 0.3 * 137.4;
  draw_overlay(gap, Camera(kCentre, 10, 1920, 1080), o);
  EXPECT_LT(mean_x_of_colour(gap, colour(0.1), 2, 960, 540), 0);
  EXPECT_GT(mean_x_of_colour(gap, colour(0.5), 2, 960, 540), 0);
}

TEST(MapOverlay, ClassLegendShowsEachSwatchColour) {
  RgbaImage img = filled(1920, 1080, {255, 255, 255, 255});
  MapOverlay o;
  o.classes.push_back({"Programas",
                       {{"Alto al Fuego", {40, 160, 80, 255}, {}, true, false},
                        {"Robo", {30, 90, 200, 255}, {}, false, true},
                        {"Homicidio", {230, 120, 20, 255}}}});
  draw_overlay(img, Camera(kCentre, 10, 1920, 1080), o);
  for (faro::Rgb c : {faro::Rgb{40, 160, 80}, faro::Rgb{30, 90, 200}, faro::Rgb{230, 120, 20}})
    EXPECT_GT(mean_x_of_colour(img, c, 3, 1300, 700), 0) << int(c.r) << "," << int(c.g);
}

TEST(MapOverlay, SpanishAccentsRenderAndBadBytesDoNotBlankTheOverlay) {
  for (const char* title : {"Álvaro Obregón", "Obreg\xF3n \xFF\xFE"}) {
    RgbaImage img = filled(1920, 1080, {255, 255, 255, 255});
    MapOverlay o;
    o.title = title;
    o.source_line = "Secretaría de Seguridad Ciudadana";
    ASSERT_NO_THROW(draw_overlay(img, Camera(kCentre, 10, 1920, 1080), o));
    EXPECT_GT(count_pixels(img, 20, 20, 500, 80, dark), 200) << title;
  }
}

TEST(MapOverlay, SyntheticStampOnlyWhenAsked) {
  const Camera cam(kCentre, 10, 1920, 1080);
  RgbaImage with = filled(1920, 1080, {255, 255, 255, 255});
  MapOverlay o = basic_overlay();
  o.synthetic = true;
  draw_overlay(with, cam, o);
  EXPECT_GT(count_pixels(with, 1400, 0, 1920, 150, stamp_red), 300);
  RgbaImage without = filled(1920, 1080, {255, 255, 255, 255});
  o.synthetic = false;
  draw_overlay(without, cam, o);
  EXPECT_EQ(count_pixels(without, 0, 0, 1920, 1080, stamp_red), 0);
}

TEST(MapOverlay, OverlappingLabelsKeepTheHigherPriorityAndTinyFeaturesHide) {
  const Camera cam(kCentre, 10, 1920, 1080);  // 10 m per pixel
  RgbaImage img = filled(1920, 1080, {255, 255, 255, 255});
  MapOverlay o;
  o.scale_bar = o.north_arrow = false;
  const Box big{kCentre.x - 3000, kCentre.y - 2000, kCentre.x + 3000, kCentre.y + 2000};
  o.labels.push_back({"Cuauhtémoc", kCentre, big, 1});
  o.labels.push_back({"Álvaro Obregón", {kCentre.x + 100, kCentre.y}, big, 10});
  const Box tiny{kCentre.x + 4000, kCentre.y - 10, kCentre.x + 4020, kCentre.y + 10};  // 2 px
  o.labels.push_back({"Tiny", {kCentre.x + 4010, kCentre.y}, tiny, 100});
  const auto placed = draw_overlay(img, cam, o);
  EXPECT_EQ(placed, (std::vector<std::string>{"Álvaro Obregón"}));
  EXPECT_GT(count_pixels(img, 860, 520, 1080, 560, dark), 50);  // drawn around the anchor
}

TEST(MapOverlay, TransparentMapStaysTransparentOutsideTheOverlay) {
  RgbaImage img(800, 600);  // all zero: transparent
  MapOverlay o = basic_overlay();
  o.ui_scale = 600.0 / 1080;
  draw_overlay(img, Camera(kCentre, 10, 800, 600), o);
  EXPECT_EQ(img.at(400, 300).a, 0);
  EXPECT_GT(img.at(30, 30).a, 150);  // title panel
}

TEST(MapOverlay, RejectsACameraOfAnotherSize) {
  RgbaImage img(100, 100);
  EXPECT_THROW(draw_overlay(img, Camera(kCentre, 10, 200, 100), basic_overlay()), faro::UsageError);
}

// A slide-like scene at 1080p and 4K (ui_scale 2). Set FARO_OVERLAY_PREVIEW_DIR to keep the PNGs.
TEST(MapOverlay, FullSlideAtTwoResolutions) {
  for (int scale : {1, 2}) {
    const int w = 1920 * scale, h = 1080 * scale;
    RgbaImage img = filled(w, h, {236, 233, 226, 255});
    const Camera cam(kCentre, 12.0 / scale, w, h);
    MapOverlay o = basic_overlay();
    o.synthetic = true;
    o.ui_scale = scale;
    o.ramp = faro::render::LegendRamp{"Densidad de incidentes",
                                      "incidentes/km² por año",
                                      faro::ColormapName::inferno,
                                      0,
                                      137.4,
                                      10,
                                      true,
                                      "máx. = percentil 99"};
    o.classes.push_back(
        {"Programas", {{"Alto al Fuego", {40, 160, 80, 90}, {30, 120, 60, 255}, true}}});
    o.classes.push_back({"Categorías",
                         {{"Homicidio doloso", {200, 30, 40, 255}, {}, false, true},
                          {"Lesiones por arma de fuego", {240, 140, 20, 255}, {}, false, true},
                          {"Robo con violencia", {40, 90, 200, 255}, {}, false, true}}});
    // A grid of fake sectors with names, coloured into the image so labels sit on them.
    const char* names[] = {
        "Álvaro Obregón",    "Cuauhtémoc",          "Benito Juárez", "Coyoacán",
        "Gustavo A. Madero", "Iztapalapa",          "Tláhuac",       "Xochimilco",
        "Miguel Hidalgo",    "Venustiano Carranza", "Azcapotzalco",  "Iztacalco"};
    for (int i = 0; i < 12; ++i) {
      const int col = i % 4, row = i / 4;
      const double size_m = (i == 7 ? 300 : 3000);  // Xochimilco is too small to label
      const Vec2 c{kCentre.x + (col - 1.5) * 3200, kCentre.y + (1 - row) * 3200};
      const Box b{c.x - size_m / 2, c.y - size_m / 2, c.x + size_m / 2, c.y + size_m / 2};
      const Vec2 p0 = cam.world_to_pixel({b.xmin, b.ymax}),
                 p1 = cam.world_to_pixel({b.xmax, b.ymin});
      const faro::Rgb fill = faro::colormap_sample(faro::ColormapName::ylorrd, i / 11.0);
      for (int y = std::max(0, int(p0.y)); y < std::min(h, int(p1.y)); ++y)
        for (int x = std::max(0, int(p0.x)); x < std::min(w, int(p1.x)); ++x) {
          uint8_t* px = &img.pixels[img.offset(x, y)];
          px[0] = fill.r, px[1] = fill.g, px[2] = fill.b;
        }
      o.labels.push_back({names[i], c, b, i == 4 ? 50 : 10 - i});
    }
    const auto placed = draw_overlay(img, cam, o);
    EXPECT_EQ(placed.size(), 11u);
    EXPECT_EQ(std::count(placed.begin(), placed.end(), "Xochimilco"), 0);
    EXPECT_GT(count_pixels(img, w * 3 / 4, 0, w, h / 7, stamp_red), 300 * scale * scale);
    if (const char* dir = std::getenv("FARO_OVERLAY_PREVIEW_DIR")) {
      const std::string path =
          (std::filesystem::path(dir) / ("overlay_" + std::to_string(w) + ".png")).string();
      faro::io::write_png_rgba(path, img.pixels, w, h);
    }
  }
}

}  // namespace

namespace {

TEST(SectorLabels, AnchoredInsideConcaveSectorsWithLargerSectorsFirst) {
  faro::SectorSet set;
  // A "C" 3 km tall whose centroid falls in its mouth, and a small square.
  faro::Sector c;
  c.name = "Magdalena Contreras";
  c.shape = {faro::Polygon{{{0, 0},
                            {3000, 0},
                            {3000, 1000},
                            {1000, 1000},
                            {1000, 2000},
                            {3000, 2000},
                            {3000, 3000},
                            {0, 3000}},
                           {}}};
  faro::Sector sq;
  sq.name = "Centro";
  sq.shape = {faro::Polygon{{{5000, 0}, {5500, 0}, {5500, 500}, {5000, 500}}, {}}};
  faro::Sector unnamed;
  unnamed.shape = sq.shape;
  set.sectors = {sq, c, unnamed};
  const auto labels = faro::render::sector_labels(set);
  ASSERT_EQ(labels.size(), 2u);
  EXPECT_EQ(labels[0].text, "Centro");
  EXPECT_EQ(labels[1].text, "Magdalena Contreras");
  EXPECT_GT(labels[1].priority, labels[0].priority);
  EXPECT_GT(faro::signed_distance_to_polygon(labels[1].anchor, c.shape[0]), 500);
  EXPECT_NEAR(labels[0].anchor.x, 5250, 5);
  EXPECT_NEAR(labels[0].anchor.y, 250, 5);
  EXPECT_EQ(labels[1].feature_bbox.xmax, 3000);
}

}  // namespace
