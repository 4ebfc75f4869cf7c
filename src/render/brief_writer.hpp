#pragma once
// The weekly brief from data to file, the one code path of `faro brief` and of the dashboard's
// File ▸ Export weekly brief (app/brief_export_job.hpp): the week checked against the data, the
// brief computed at its level, a partner brief audited against the disclosure ledger and recorded
// under its lock before the file is written, the rows in the meeting's order (or --sort), then the
// CSV or the one-page PDF / PNG (render/brief_page.hpp), written atomically.
#include <functional>
#include <iosfwd>
#include <optional>
#include <string>
#include <vector>

#include "core/brief_level.hpp"
#include "core/incidents.hpp"
#include "core/programs.hpp"
#include "core/publication_audit.hpp"
#include "core/sectors.hpp"
#include "core/weekly_brief.hpp"

namespace faro::render {

enum class BriefFormat { csv, pdf, png };
// By the file's extension (.csv, .pdf, .png, any case); nullopt for any other.
std::optional<BriefFormat> brief_format_of(const std::string& path);

struct BriefWriteInput {
  const SectorSet* sectors = nullptr;      // required
  const IncidentStore* incidents = nullptr;  // required; incidents.sector assigned
  // Optional: the brief's table counted elsewhere (a PostGIS source counts in the database,
  // cli/pg_brief.cpp). Then `incidents` holds only the rows the page needs (none for a CSV).
  const BriefCountSource* counts = nullptr;
  IncidentFilter filter;                   // categories, hours, weekdays (dates are the brief's)
  std::string offence_filter;              // the ledger's offence key ("" = every offence)
  std::optional<BriefUnits> groups;        // partner coarsening by groups of sectors (alcaldías)
  std::optional<IsoWeek> week;             // nullopt = the last complete week in the data
  bool partner = true;                     // false: internal (command staff), nothing hidden
  // The language asked for: the page in it and the CSV notice in it; nullopt = the page in
  // `language` and the notice in both ("es / en"), as `faro brief` without --lang.
  std::optional<Language> chosen_language;
  Language language = Language::es;
  std::optional<BriefColumn> sort;  // nullopt = the meeting's order (order_brief_rows_by_change)
  bool ascending = false;
  double dpi = 150;                 // PNG
  std::string output;               // .csv, .pdf or .png
  const std::vector<Program>* programs = nullptr;  // page: hatched areas and rollout markers
  std::string data_title, source_line, filter_text, generated;  // the page's words
  bool synthetic = false;
  // Partner briefs: the ledger file ("" = io::default_ledger_path()) and every incident of the
  // sources for its audit (called once, under the lock; may load data).
  std::string ledger_path;
  std::function<AuditIncidents()> audit_incidents;
  // Optional: called with 0..1 as the work advances (from the calling thread).
  std::function<void(double)> progress;
};

struct BriefWriteResult {
  IsoWeek week;
  std::string level_text;  // brief_level_text in English, for logs
  size_t units = 0;
  int64_t all_week = 0;
  double all_mean_prev4 = 0;
  int up = 0, down = 0, fresh = 0;
  bool map_rendered = false;  // PDF / PNG: false = sector outlines only (no OpenGL)
  std::string renderer;
};

// Today's local date (YYYY-MM-DD), or the date of SOURCE_DATE_EPOCH (the reproducible-builds
// convention) when set: the page's "generated" date.
std::string brief_generation_date();

// Writes the brief. Notes for the person running it (the week chosen, the protection and the
// level, timings) go to `log`. Throws faro::DataError for a week outside the data (before anything
// is recorded) or a brief the ledger refuses, faro::UsageError for bad input.
BriefWriteResult write_weekly_brief(const BriefWriteInput& in, std::ostream& log);

}  // namespace faro::render
