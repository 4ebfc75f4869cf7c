#pragma once
// The printable one-page weekly brief (A4 landscape) drawn with cairo: title and week, the map of
// the week's heatmap with flagged sectors outlined, the table of the top sectors by z with flags
// and 12-week sparklines, the citywide 52-week timeline with program rollout markers, and a footer
// with the generation date, data source and method. The same drawing serves the PDF (vector,
// points) and the PNG (raster at a chosen dpi). cairo stays out of this header.
#include <string>
#include <vector>

#include "core/brief_disclosure.hpp"
#include "core/incidents.hpp"
#include "core/messages.hpp"
#include "core/near_repeat.hpp"
#include "core/program_goals.hpp"
#include "core/programs.hpp"
#include "core/sectors.hpp"
#include "core/weekly_brief.hpp"

namespace faro::render {

struct BriefPageInput {
  const WeeklyBrief* brief = nullptr;              // required
  const SectorSet* sectors = nullptr;              // required
  const IncidentStore* week_incidents = nullptr;   // the week's filtered incidents (heatmap)
  const std::vector<Program>* programs = nullptr;  // optional: hatched areas + timeline markers
  Language language = Language::es;                // of every word on the page
  std::string data_title;   // what was loaded, e.g. "fgj_homicidios.csv" or "Ciudad demo"
  std::string source_line;  // e.g. "Fuente: FGJ CDMX, datos abiertos"
  std::string filter_text;  // e.g. the --where SQL ("" = none)
  std::string generated;    // generation date, YYYY-MM-DD
  bool synthetic = false;   // stamps "datos sintéticos"
  int table_rows = 17;      // sectors listed (top by z) under the "(all)" row
  // Required. Partner-safe (core/brief_disclosure.hpp): hidden values printed as the marker,
  // hidden sparkline weeks and timeline bars drawn as gaps, hidden flags neither printed nor
  // outlined, the map through render::protect_scene_options and the protection footer printed.
  // Internal (partner_safe = false): everything shown, page and map stamped "USO INTERNO".
  const BriefProtection* protection = nullptr;
  DisclosurePolicy policy;  // the policy `protection` was computed with (map rules)
  // Internal briefs: the week's near-repeat section (core/near_repeat.hpp), two lines under the
  // table. Never on a partner brief (zones come from exact locations).
  const WeekNearRepeat* near_repeat = nullptr;
  // Programs' goals as of the end of the brief's period (core/program_goals.hpp, computed with
  // `policy`): one line per program above the footer, status and progress of each goal.
  const std::vector<GoalResult>* goals = nullptr;
};

struct BriefPageResult {
  bool map_rendered = false;  // false: no OpenGL, the map was drawn as plain outlines by cairo
  std::string renderer;       // GL_RENDERER when rendered
  int flagged = 0;            // sectors with a flag
  int page_width_px = 0, page_height_px = 0;  // PNG only
};

// A4 landscape in PostScript points (1/72 inch).
constexpr double kBriefPageWidthPt = 841.89, kBriefPageHeightPt = 595.28;

// Writes the page atomically (temporary sibling + rename). Throws faro::DataError naming the file
// when it cannot be written, faro::UsageError for missing input.
BriefPageResult write_brief_pdf(const BriefPageInput& input, const std::string& path);
BriefPageResult write_brief_png(const BriefPageInput& input, const std::string& path,
                                double dpi = 150);

}  // namespace faro::render
