// Panel logic without drawing: date fields, filter toggles (and whether they changed the filter),
// layer order, menu commands, layout, number formatting, scale bar and legend ticks.
#include <gtest/gtest.h>

#include "core/civil_time.hpp"
#include "ui/filter_edit.hpp"
#include "ui/format.hpp"
#include "ui/layers_panel.hpp"
#include "ui/layout.hpp"
#include "ui/menu_bar.hpp"
#include "ui/scale_bar.hpp"

namespace faro::ui {
namespace {

CivilSeconds day(int y, unsigned m, unsigned d) {
  return days_from_civil(y, m, d) * kSecondsPerDay;
}

TEST(DateField, StrictIsoDatesOnly) {
  EXPECT_EQ(parse_date_field("").status, DateFieldStatus::empty);
  EXPECT_EQ(parse_date_field("   ").status, DateFieldStatus::empty);
  const DateField ok = parse_date_field(" 2024-02-29 ");
  EXPECT_EQ(ok.status, DateFieldStatus::ok);
  EXPECT_EQ(ok.day_start, day(2024, 2, 29));
  EXPECT_EQ(ok.day_start, 1709164800);  // date -u -d 2024-02-29 +%s
  for (const char* bad : {"2023-02-29", "2024-13-01", "2024-00-10", "2024-1-05", "05/01/2024",
                          "2024/01/05", "2024-01-05x", "1899-12-31", "2101-01-01", "abcd-ef-gh"})
    EXPECT_EQ(parse_date_field(bad).status, DateFieldStatus::invalid) << bad;
}

TEST(DateField, RangeIsInclusiveInTheUiAndExclusiveInTheFilter) {
  FilterState f;
  EXPECT_EQ(apply_date_range("2020-01-01", "2020-12-31", f), DateRangeError::none);
  EXPECT_EQ(f.from, day(2020, 1, 1));
  EXPECT_EQ(f.to_exclusive, day(2021, 1, 1));
  EXPECT_EQ(from_field_text(f), "2020-01-01");
  EXPECT_EQ(to_field_text(f), "2020-12-31");
  // Same day on both ends is one whole day.
  EXPECT_EQ(apply_date_range("2020-05-05", "2020-05-05", f), DateRangeError::none);
  EXPECT_EQ(*f.to_exclusive - *f.from, kSecondsPerDay);

  const FilterState before = f;
  EXPECT_EQ(apply_date_range("2020-05-06", "2020-05-05", f), DateRangeError::from_after_to);
  EXPECT_EQ(apply_date_range("2020-02-30", "", f), DateRangeError::from_invalid);
  EXPECT_EQ(apply_date_range("", "31/12/2020", f), DateRangeError::to_invalid);
  EXPECT_EQ(f, before);  // errors leave the filter alone

  EXPECT_EQ(apply_date_range("", "", f), DateRangeError::none);
  EXPECT_FALSE(f.from);
  EXPECT_FALSE(f.to_exclusive);
  EXPECT_EQ(from_field_text(f), "");
}

TEST(FilterEdit, TogglingACategoryChangesTheFilter) {
  const std::vector<std::string> all = {"homicidio", "lesiones", "disparos"};
  Session s;
  EXPECT_TRUE(edit_filter(s, [&](FilterState& f) { toggle_category(f, all, "lesiones"); }));
  EXPECT_EQ(s.filter.categories, (std::vector<std::string>{"homicidio", "disparos"}));
  EXPECT_FALSE(category_enabled(s.filter, "lesiones"));
  EXPECT_TRUE(category_enabled(s.filter, "homicidio"));

  EXPECT_TRUE(edit_filter(s, [&](FilterState& f) { toggle_category(f, all, "homicidio"); }));
  EXPECT_EQ(s.filter.categories, (std::vector<std::string>{"disparos"}));
  // The last enabled category cannot be switched off (empty would mean "all").
  EXPECT_FALSE(edit_filter(s, [&](FilterState& f) { toggle_category(f, all, "disparos"); }));
  // Re-enabling everything collapses to "no category filter".
  edit_filter(s, [&](FilterState& f) { toggle_category(f, all, "homicidio"); });
  edit_filter(s, [&](FilterState& f) { toggle_category(f, all, "lesiones"); });
  EXPECT_TRUE(s.filter.categories.empty());
  // Unknown names are ignored.
  EXPECT_FALSE(edit_filter(s, [&](FilterState& f) { toggle_category(f, all, "robo"); }));
}

TEST(FilterEdit, HoursAndWeekdays) {
  Session s;
  edit_filter(s, [](FilterState& f) { toggle_hour(f, 23); });
  EXPECT_EQ(s.filter.hour_mask, 0x7FFFFFu);
  EXPECT_FALSE(hour_enabled(s.filter, 23));
  EXPECT_TRUE(hour_enabled(s.filter, 0));
  edit_filter(s, [](FilterState& f) { toggle_weekday(f, 6); });  // Sunday off
  EXPECT_EQ(s.filter.weekday_mask, 0x3F);
  EXPECT_FALSE(weekday_enabled(s.filter, 6));
  // Out-of-range indexes change nothing.
  EXPECT_FALSE(edit_filter(s, [](FilterState& f) {
    toggle_hour(f, 24);
    toggle_weekday(f, -1);
  }));
}

TEST(LayersPanel, CategoryColoursAreSetReplacedAndRemoved) {
  Session s;
  EXPECT_TRUE(set_category_color(s, "homicidio", Rgb{200, 0, 0}));
  EXPECT_FALSE(set_category_color(s, "homicidio", Rgb{200, 0, 0}));  // same colour: no change
  EXPECT_TRUE(set_category_color(s, "homicidio", Rgb{0, 0, 200}));
  ASSERT_EQ(s.style.points().category_colors.size(), 1u);
  EXPECT_EQ(s.style.points().category_colors[0].second, (Rgb{0, 0, 200}));
  EXPECT_TRUE(set_category_color(s, "homicidio", std::nullopt));
  EXPECT_TRUE(s.style.points().category_colors.empty());
  EXPECT_FALSE(set_category_color(s, "robo", std::nullopt));
}

TEST(MenuCommands, EachItemDoesItsJob) {
  Session s;
  AppStatus status;
  UiActions actions;
  UiState ui;
  using K = UiAction::Kind;
  auto last = [&] { return actions.back().kind; };

  run_menu_command(MenuCommand::fit_all, s, status, actions, ui);
  EXPECT_EQ(last(), K::fit_all);
  run_menu_command(MenuCommand::presentation, s, status, actions, ui);
  EXPECT_EQ(last(), K::toggle_presentation);
  run_menu_command(MenuCommand::demo_city, s, status, actions, ui);
  EXPECT_EQ(last(), K::new_demo);
  run_menu_command(MenuCommand::quit, s, status, actions, ui);
  EXPECT_EQ(last(), K::quit);
  run_menu_command(MenuCommand::zoom_to_selection, s, status, actions, ui);
  EXPECT_EQ(last(), K::zoom_to_selection);
  EXPECT_EQ(actions.size(), 5u);

  // Save without a project path asks for one; with a path it saves there.
  run_menu_command(MenuCommand::save_project, s, status, actions, ui);
  EXPECT_EQ(ui.browser_request, BrowserMode::save_project);
  EXPECT_EQ(actions.size(), 5u);
  status.project_path = "/tmp/p.faro.json";
  run_menu_command(MenuCommand::save_project, s, status, actions, ui);
  EXPECT_EQ(last(), K::save_project);
  EXPECT_EQ(actions.back().path, "/tmp/p.faro.json");
  run_menu_command(MenuCommand::undo, s, status, actions, ui);
  EXPECT_EQ(last(), K::undo);
  run_menu_command(MenuCommand::redo, s, status, actions, ui);
  EXPECT_EQ(last(), K::redo);

  run_menu_command(MenuCommand::open_data, s, status, actions, ui);
  EXPECT_EQ(ui.browser_request, BrowserMode::open_data);
  run_menu_command(MenuCommand::export_png_4k, s, status, actions, ui);
  EXPECT_EQ(ui.browser_request, BrowserMode::export_png_4k);
  run_menu_command(MenuCommand::export_animation, s, status, actions, ui);
  EXPECT_EQ(ui.browser_request, BrowserMode::export_animation);
  run_menu_command(MenuCommand::load_report, s, status, actions, ui);
  EXPECT_TRUE(ui.show_load_report);
  run_menu_command(MenuCommand::weekly_brief, s, status, actions, ui);
  EXPECT_TRUE(ui.show_brief);

  // Language: changes; choosing the current language again keeps it.
  EXPECT_EQ(s.language, Language::es);
  run_menu_command(MenuCommand::language_en, s, status, actions, ui);
  EXPECT_EQ(s.language, Language::en);
  run_menu_command(MenuCommand::language_en, s, status, actions, ui);
}

TEST(UiState, RecentFilesAreUniqueMostRecentFirstAndBounded) {
  UiState ui;
  for (int i = 0; i < 15; ++i) ui.add_recent("/data/f" + std::to_string(i) + ".csv");
  EXPECT_EQ(ui.recent_files.size(), UiState::kMaxRecent);
  EXPECT_EQ(ui.recent_files.front(), "/data/f14.csv");
  ui.add_recent("/data/f10.csv");
  EXPECT_EQ(ui.recent_files.front(), "/data/f10.csv");
  EXPECT_EQ(std::count(ui.recent_files.begin(), ui.recent_files.end(), "/data/f10.csv"), 1);
  ui.add_recent("");
  EXPECT_EQ(ui.recent_files.front(), "/data/f10.csv");
}

TEST(Layout, StripsAroundTheMap) {
  LayoutMetrics m{20, 24, 330, 105};
  const DashboardLayout l = compute_layout(1600, 900, m, false);
  EXPECT_FLOAT_EQ(l.map.x, 330);
  EXPECT_FLOAT_EQ(l.map.y, 20);
  EXPECT_FLOAT_EQ(l.map.w, 1270);
  EXPECT_FLOAT_EQ(l.map.h, 900 - 20 - 24 - 105);
  EXPECT_FLOAT_EQ(l.timeline.y, l.map.bottom());
  EXPECT_FLOAT_EQ(l.timeline.bottom(), l.status.y);
  EXPECT_FLOAT_EQ(l.status.bottom(), 900);
  // Presentation: no menu, side panel or status bar; the caption column on the left, the map
  // beside it at full height, the (hover-only) timeline over the map's bottom.
  m.font = 22;
  const DashboardLayout p = compute_layout(1600, 900, m, true);
  EXPECT_FLOAT_EQ(p.caption.x, 0);
  EXPECT_FLOAT_EQ(p.caption.w, 16 * 22);
  EXPECT_FLOAT_EQ(p.map.x, p.caption.right());
  EXPECT_FLOAT_EQ(p.map.y, 0);
  EXPECT_FLOAT_EQ(p.map.right(), 1600);
  EXPECT_FLOAT_EQ(p.map.h, 900);
  EXPECT_FLOAT_EQ(p.timeline.bottom(), 900);
  EXPECT_FLOAT_EQ(p.timeline.x, p.map.x);
  // The column never takes more than 28 % of the width, however large the font.
  for (float w : {1024.0f, 1366.0f, 1920.0f, 3840.0f})
    EXPECT_LE(caption_width(w, 30), 0.28f * w + 0.01f) << w;
  // A tiny window never produces negative sizes.
  const DashboardLayout t = compute_layout(100, 30, m, false);
  for (const Rect& r : {t.menu, t.side, t.map, t.timeline, t.status}) {
    EXPECT_GE(r.w, 0);
    EXPECT_GE(r.h, 0);
  }
  EXPECT_LE(t.side.w, 60.01f);
}

TEST(Format, CountsValuesDistancesDates) {
  EXPECT_EQ(format_count(0), "0");
  EXPECT_EQ(format_count(999), "999");
  EXPECT_EQ(format_count(1000), "1,000");
  EXPECT_EQ(format_count(1283456), "1,283,456");
  EXPECT_EQ(format_count(-12345), "-12,345");
  EXPECT_EQ(format_value(0), "0");
  EXPECT_EQ(format_value(0.04213), "0.0421");
  EXPECT_EQ(format_value(1.254), "1.25");
  EXPECT_EQ(format_value(12.54), "12.5");
  EXPECT_EQ(format_value(125.4), "125");
  EXPECT_EQ(format_value(12540), "12,540");
  EXPECT_EQ(format_value(5.0), "5");
  EXPECT_EQ(format_value(2.5), "2.5");
  EXPECT_EQ(format_distance(500), "500 m");
  EXPECT_EQ(format_distance(2000), "2 km");
  EXPECT_EQ(format_distance(1500), "1.5 km");
  EXPECT_EQ(format_date_range(day(2019, 1, 1), day(2025, 1, 1)), "2019-01-01 – 2024-12-31");
}

TEST(ScaleBar, LongestRoundLengthThatFits) {
  // 12.3 m/px, 150 px available: 1845 m fit, so 1 km (81.3 px); 2 km would need 162.6 px.
  auto c = choose_scale_bar(12.3, 150);
  ASSERT_TRUE(c);
  EXPECT_DOUBLE_EQ(c->metres, 1000);
  EXPECT_NEAR(c->pixels, 1000 / 12.3, 1e-3);
  EXPECT_EQ(c->label, "1 km");
  c = choose_scale_bar(10, 150);  // 1500 m fit -> 1 km
  EXPECT_DOUBLE_EQ(c->metres, 1000);
  c = choose_scale_bar(10, 200);  // exactly 2000 m fit -> 2 km, 200 px
  EXPECT_DOUBLE_EQ(c->metres, 2000);
  EXPECT_FLOAT_EQ(c->pixels, 200);
  c = choose_scale_bar(2.1, 150);  // 315 m -> 200 m
  EXPECT_DOUBLE_EQ(c->metres, 200);
  EXPECT_EQ(c->label, "200 m");
  c = choose_scale_bar(40, 150);  // 6000 m -> 5 km
  EXPECT_EQ(c->label, "5 km");
  EXPECT_FALSE(choose_scale_bar(0, 150));
  EXPECT_FALSE(choose_scale_bar(-1, 150));
  EXPECT_FALSE(choose_scale_bar(0.001, 150));  // not even 1 m fits
}

TEST(ScaleBar, LegendTicksAreRoundAndEndWithTheSaturatedMaximum) {
  ColorDomain d;
  d.min = 0;
  d.max = 12.7f;
  const auto ticks = legend_ticks(d, 4);
  // Step: 12.7 / 4 = 3.175 -> 5; ticks 0, 5, 10 (10 < 12.7 - 1.75) and "≥ 12.7".
  ASSERT_EQ(ticks.size(), 4u);
  EXPECT_EQ(ticks[0].label, "0");
  EXPECT_EQ(ticks[1].label, "5");
  EXPECT_FLOAT_EQ(ticks[1].position, 5.0f / 12.7f);
  EXPECT_EQ(ticks[2].label, "10");
  EXPECT_EQ(ticks[3].label, "≥ 12.7");
  EXPECT_FLOAT_EQ(ticks[3].position, 1.0f);
  d.max = 0;  // empty domain
  EXPECT_TRUE(legend_ticks(d).empty());
}

}  // namespace
}  // namespace faro::ui

namespace faro::ui {
namespace {

TEST(MenuCommands, UndoItemsNameTheStepInEitherLanguage) {
  EXPECT_EQ(undo_menu_label(false, EditKind::categories, Language::es),
            "Deshacer: delitos del filtro");
  EXPECT_EQ(undo_menu_label(true, EditKind::style, Language::en), "Redo: map style");
  EXPECT_EQ(undo_menu_label(false, std::nullopt, Language::en), "Undo");  // greyed: nothing to undo
}

}  // namespace
}  // namespace faro::ui
