#pragma once
// The goals PDF (`faro goals -o goals.pdf`): one A4 page per program with goals, each goal as its
// summary line (indicator, target, change, progress, status), its windows and counts, and the
// indicator's timeline (monthly incidents in the program's sectors) against the target line.
// Partner-safe unless `internal`: the values core/program_goals.hpp hid are printed as the
// marker and hidden months are drawn as empty outlined slots; internal pages are stamped
// USO INTERNO / INTERNAL USE. Written atomically.
#include <string>
#include <vector>

#include "core/disclosure.hpp"
#include "core/language.hpp"
#include "core/program_goals.hpp"

typedef struct _cairo cairo_t;

namespace faro::render {

struct GoalsReportInput {
  const std::vector<GoalResult>* results = nullptr;  // program then goal order
  DisclosurePolicy policy;  // partner_safe false = internal
  Language language = Language::es;
  std::string sources;      // "Fuentes: a.csv, b.geojson" (file names only)
  std::string generated;    // "2024-05-01"
  CivilSeconds as_of = 0;   // the first day not counted
  bool synthetic = false;
};

struct GoalsReportResult {
  int pages = 0;
  size_t hidden_values = 0;  // window counts and months printed as the marker
};

GoalsReportResult write_goals_report_pdf(const GoalsReportInput& input, const std::string& path);

namespace goals_page {
// Internal to render/goals_report*.cpp: the timeline chart of one goal in the box (points).
void draw_goal_timeline(cairo_t* cr, const GoalResult& r, const GoalsReportInput& in, double x,
                        double top, double width, double height);
}  // namespace goals_page

}  // namespace faro::render
