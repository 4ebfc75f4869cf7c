#pragma once
// The weekly brief for the Monday command-staff meeting: per sector and for the whole area, the
// incidents of one ISO week against the previous week, the mean of the previous four weeks, the
// same ISO week last year and ISO-year-to-date, with a change flag that accounts for the season
// and for testing every unit each week (core/weekly_brief_flags.hpp: the expected count is the
// 4-week mean times a whole-area seasonal factor; exact two-count Poisson test; Benjamini-Hochberg
// at 10 % over the week's units and the whole area). Pure computation over the columnar store;
// the CSV text is built here too, and written atomically by the caller (io/atomic_file.hpp).
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/aggregate.hpp"
#include "core/civil_time.hpp"
#include "core/incidents.hpp"
#include "core/language.hpp"
#include "core/programs.hpp"
#include "core/sectors.hpp"

namespace faro {

// "2024-W07" (also "2024W07", "2024-w7"). nullopt when malformed or the year has no such week.
std::optional<IsoWeek> parse_iso_week(std::string_view text);
std::string format_iso_week(IsoWeek w);  // "2024-W07"
int iso_weeks_in_year(int iso_year);     // 52 or 53
// Index of `w` among Monday-start week bins (time_bins.hpp BinKind::week) and back.
int64_t week_bin_of(IsoWeek w);
IsoWeek iso_week_of_bin(int64_t bin);

// The last ISO week whose Sunday is covered by the data: the week of the latest incident when it
// falls on a Sunday, else the week before. nullopt for an empty store.
std::optional<IsoWeek> last_complete_week(const IncidentStore& store);

// Where a brief's counts come from when its rows are not in memory (a database counts them,
// cli/pg_brief.cpp): sector x week counts (BinKind::week, SectorPeriodCounts layout, outside row
// included) of the incidents passing the brief's filter in [from, to_exclusive) (Monday 00:00
// bounds, so whole weeks), and the first and last incident times of those incidents (any date).
// The store overloads below build one from the store, so both paths share every other line.
struct BriefCountSource {
  std::function<SectorPeriodCounts(CivilSeconds from, CivilSeconds to_exclusive)> week_counts;
  std::optional<CivilSeconds> first_incident, last_incident;
};
// The source counting `store` (its rows passing `filter`, whose time bounds are replaced).
BriefCountSource brief_count_source(const IncidentStore& store, size_t sector_count,
                                    const IncidentFilter& filter);
std::optional<IsoWeek> last_complete_week(const BriefCountSource& source);
void check_week_in_data(const BriefCountSource& source, IsoWeek week, Language language);

// Throws faro::DataError, worded in `language`, naming the data's first and last incident dates
// when `week` (Monday..Sunday) holds no day between them (or the store is empty): a brief of such
// a week would be all zeros, which reads as "nothing happened" rather than "no data".
void check_week_in_data(const IncidentStore& store, IsoWeek week, Language language);

enum class BriefFlag { none, up, down, new_ };

// Why a brief's flags test against the 4-period mean alone (no seasonal factor).
enum class BaselineFallback {
  none,           // seasonal: the factor comes from earlier years
  short_history,  // the data do not cover the windows of the previous year
  few_incidents   // the earlier years' windows hold too few whole-area incidents
};

// Benjamini-Hochberg level of the brief's flags (core/weekly_brief_flags.hpp).
constexpr double kBriefFdr = 0.10;

// The flags' baseline and their multiplicity control (core/weekly_brief_flags.hpp).
struct BriefBaseline {
  BaselineFallback fallback = BaselineFallback::short_history;
  int years = 0;        // earlier years the seasonal factor is made of (0, 1 or 2)
  double factor = 1.0;  // expected = factor x mean_prev4; 1 without a seasonal factor
  int64_t season_incidents = 0;     // whole-area incidents in the earlier years' season windows
  int64_t reference_incidents = 0;  // ... and in the 4 periods before them
  double fdr = kBriefFdr;           // Benjamini-Hochberg level
  int tests = 0;                    // rows tested (incidents in the 5 periods) incl. "(all)"
  int flagged = 0;                  // rows flagged incl. "(all)"
  bool seasonal() const { return fallback == BaselineFallback::none; }
  // Benjamini-Hochberg bounds the expected share of chance flags among the flags by fdr.
  double expected_chance_flags() const { return fdr * flagged; }
};
const char* to_string(BriefFlag f);  // "", "up", "down", "new"

struct BriefRow {
  std::string sector;         // sector name; "(all)" for the whole area
  int32_t sector_index = -1;  // index into the SectorSet; -1 for "(all)"
  int64_t week = 0;           // incidents in the selected ISO week
  int64_t prev_week = 0;      // the ISO week before
  double mean_prev4 = 0;      // mean of the four weeks before the selected one
  int64_t same_week_last_year =
      0;                      // same ISO week number, previous ISO year (W53 -> W52 if absent)
  int64_t ytd = 0;            // ISO weeks 1..W of this ISO year (through the selected Sunday)
  int64_t ytd_last_year = 0;  // ISO weeks 1..W of the previous ISO year (same span in days)
  // What the flag tests the week against: mean_prev4 x the whole area's seasonal factor
  // (WeeklyBrief::baseline; = mean_prev4 when the history is too short for one).
  double expected = 0;
  double z = 0;        // 2(sqrt(week) - sqrt(expected)); see change_z()
  double p_value = 1;  // two-sided, exact two-count Poisson test (weekly_brief_flags.hpp)
  BriefFlag flag = BriefFlag::none;  // BH at 10 % over the brief's rows and "(all)"
  std::optional<double> pct_change;  // 100 (week - expected) / expected; nullopt when 0
  std::vector<int64_t> sparkline;    // last kSparklineWeeks weeks, oldest first, selected last
};

// The units a brief counts in: sectors, or groups of sectors (alcaldías). of_sector[s] is the unit
// of sector s, -1 for none (its incidents then count as "in no unit", like incidents outside
// every sector).
struct BriefUnits {
  std::vector<std::string> names;
  std::vector<int32_t> of_sector;
  std::string group_field;  // the grouping's name (e.g. "alcaldia"); "" = the sectors themselves
};
BriefUnits sector_units(const SectorSet& sectors);
// Sectors grouped by the text of attribute `attribute` (SectorSet::attributes), groups named by
// that text in alphabetical order; sectors with an empty value belong to no group.
BriefUnits group_units(const SectorSet& sectors, size_t attribute);

// The brief's "week" may be a period of span_weeks ISO weeks ending with the selected week (the
// partner brief coarsens until enough is publishable, core/brief_level.hpp). Every column then
// reads per period: week = the period, prev_week = the period before, mean_prev4 = the mean of
// the four periods before, same_week_last_year = the span_weeks weeks ending with the same ISO
// week last year, sparkline and timeline = periods. ytd and ytd_last_year stay ISO weeks 1..W.
// The seasonal factor and the flags' test work in periods the same way.
struct WeeklyBrief {
  static constexpr int kSparklineWeeks = 12;  // sparkline length in periods
  static constexpr int kTimelineWeeks = 52;   // timeline length in weeks (at least 12 periods)
  IsoWeek week;                               // the selected (last) week of the period
  int span_weeks = 1;                         // weeks per period: 1, 4 or 13
  std::string group_field;                    // rows are groups of sectors by it; "" = sectors
  CivilSeconds week_start = 0, week_end_exclusive = 0;  // period: Monday 00:00 .. Monday 00:00
  std::vector<BriefRow> rows;  // one per unit, unit order (sortable: sort_brief_rows)
  BriefRow all;                // "(all)": every incident passing the filter, in a unit or not
  int64_t outside_week = 0;    // of all.week, incidents in no unit
  // Whole-area counts per period, oldest first, ending with the selected one.
  std::vector<int64_t> timeline;
  int64_t timeline_first_bin = 0;  // week bin of the first week of timeline[0]
  std::vector<int32_t> unit_of_sector;  // sector index -> row's sector_index (unit), -1 none
  // Week bins of the windows (for the protection's identities between columns).
  int64_t sel_bin = 0, ly_sel_bin = 0, ytd_first_bin = 0, ly_ytd_first_bin = 0;
  // The flags' baseline (seasonal factor or the 4-period mean alone, and why) and their
  // multiplicity control (tests, flags, the expected number of chance flags).
  BriefBaseline baseline;
  bool grouped() const { return !group_field.empty(); }
};

// Change statistic: z = 2(sqrt(current) - sqrt(baseline)). For Poisson counts sqrt is
// variance-stabilising (Anscombe: Var(2 sqrt(X)) ~ 1 whatever the mean), so z reads as a
// standard normal score at every count level, unlike a percent change. It orders the table; the
// flag is the test of weekly_brief_flags.hpp.
double change_z(int64_t current, double baseline);
// Exact one-sided Poisson tail for a known rate: P(X >= k) (upper) or P(X <= k) (lower).
double poisson_upper_tail(int64_t k, double rate);
double poisson_lower_tail(int64_t k, double rate);

// Computes the brief of `week` for every sector. The filter's categories, hours and weekdays
// apply; its time bounds are ignored (the brief chooses its own windows). store.sector must be
// assigned (SectorIndex::assign).
WeeklyBrief compute_weekly_brief(const IncidentStore& store, const SectorSet& sectors,
                                 const IncidentFilter& filter, IsoWeek week);
// The same over `units` (rows in units.names order) and periods of span_weeks weeks (>= 1).
WeeklyBrief compute_weekly_brief(const IncidentStore& store, const SectorSet& sectors,
                                 const BriefUnits& units, const IncidentFilter& filter,
                                 IsoWeek week, int span_weeks);

// The same from counts made elsewhere (BriefCountSource); equal to the store overload on the same
// incidents.
WeeklyBrief compute_weekly_brief(const BriefCountSource& source, const SectorSet& sectors,
                                 const BriefUnits& units, IsoWeek week, int span_weeks);

// The incidents of the brief's week that pass `filter` (time bounds replaced by the week), as a
// store of their own (for the week's heatmap). Sector assignments are kept.
IncidentStore week_incidents(const IncidentStore& store, const IncidentFilter& filter,
                             const WeeklyBrief& brief);

enum class BriefColumn {
  sector,
  week,
  prev_week,
  mean_prev4,
  same_week_last_year,
  ytd,
  ytd_last_year,
  z,
  flag,
  pct_change
};
std::optional<BriefColumn> parse_brief_column(std::string_view name);  // CSV column names
// Sorts rows by `column` (flag: the meeting's order of order_brief_rows_by_change, reversed when
// ascending; other columns: ties by sector name, so the order is total and stable across runs).
// Missing percent changes sort after every number in either direction.
void sort_brief_rows(std::vector<BriefRow>& rows, BriefColumn column, bool descending);

// The meeting's order (the CSV's default, the page's table, the dashboard panel's default sort):
// flagged units first, increases and new before decreases, then by |z|, largest first, ties by
// name; so an unflagged unit never sits above a flagged one. `change_hidden` (optional): units
// whose z and flag a partner brief hides (core/brief_disclosure.hpp BriefRowMask::derived). They
// cannot be ranked by change without revealing it, so they go last, by name.
void order_brief_rows_by_change(std::vector<BriefRow>& rows,
                                const std::function<bool(const BriefRow&)>& change_hidden = {});
// The rank of a flag in that order: 0 up or new, 1 down, 2 none.
int brief_flag_rank(BriefFlag f);

// CSV: sector,week,prev_week,mean_prev4,same_week_last_year,ytd,ytd_last_year,z,flag,pct_change;
// one row per sector in the order of brief.rows, then "(all)". Means and z with 3 decimals,
// percent change with 1 (empty when the expected count is zero). z and pct_change are against
// BriefRow::expected, the flag's baseline.
std::string weekly_brief_csv(const WeeklyBrief& brief);

// Program rollouts inside the timeline window: one marker per program and week in which at least
// one of its sectors started.
struct RolloutMarker {
  int week_offset = 0;  // index into WeeklyBrief::timeline (the period holding the week)
  std::string program;
  int sectors = 0;  // sectors of that program starting that week
};
std::vector<RolloutMarker> rollout_markers(const std::vector<Program>& programs,
                                           const WeeklyBrief& brief);

}  // namespace faro
