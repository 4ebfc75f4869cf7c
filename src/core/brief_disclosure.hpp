#pragma once
// Partner-safe weekly brief (core/disclosure.hpp applied to core/weekly_brief.hpp): which numbers
// of the brief may be printed. The brief publishes, per sector and for the whole area, counts that
// are sums of one another, so a reader can subtract; everything below is what the protection
// accounts for.
//
// One count table: rows = sectors + the "in no sector" row, margin row = "(all)" (so "(all)" is the
// exact column total); columns = week, prev_week, prev4 (= 4 x mean_prev4, a count in disguise),
// same_week_last_year, ytd, ytd_last_year and the 12 sparkline weeks (their "(all)" margins are the
// last 12 bars of the whole-area timeline). protect_table hides 1..k-1 and adds complements so no
// hidden cell follows from a column total ("(all)") or a row total. Row totals are not printed, so
// treating them as published is only conservative.
//
// Identities between columns that the table does not know, closed by hiding more (to a fixed point,
// re-running the complementary suppression each time):
//   - week == sparkline[11] and prev_week == sparkline[10]: hidden together;
//   - prev4 == sparkline[7] + .. + sparkline[10]: never exactly one of the five hidden;
//   - ytd == the sparkline weeks of this ISO year when the week number is <= 12 (early in the
//     year); for "(all)" also ytd == the timeline bars of this ISO year (the earlier timeline bars
//     are whole-area counts hidden when 1..k-1): never exactly one of the group hidden;
//   - in general (periods of several weeks, WeeklyBrief::span_weeks): any count column whose
//     weeks are a whole number of sparkline periods (or timeline bars, for "(all)") is their sum,
//     e.g. with 13-week periods the same period last year and last year's year-to-date.
// Rows may be sectors or groups of sectors (alcaldías); the "in no sector" row is then "in no
// unit". The protection is the same either way.
// Derived values: z and pct_change are functions of week and mean_prev4, so either hidden hides
// them; the flag too. A flag reveals less (a bound, not the value) but "new" on a hidden count
// means 3..k-1 and "up" at a printed baseline bounds the week from below, and a flagged sector is
// outlined on the map: the safe choice is to hide the flag (and the outline) with the count.
//
// Differences between briefs of different weeks (ytd(W) - ytd(W-1) = week(W) when both are
// printed) and with other partner outputs are closed by the ledger (core/brief_ledger.hpp).
#include <cstdint>
#include <string>
#include <vector>

#include "core/disclosure.hpp"
#include "core/weekly_brief.hpp"

namespace faro {

// What may be printed of one brief row; true = hidden (print the marker).
struct BriefRowMask {
  bool week = false, prev_week = false, mean_prev4 = false, same_week_last_year = false;
  bool ytd = false, ytd_last_year = false;
  bool derived = false;            // z, flag, pct_change (and the map outline of a flag)
  std::vector<uint8_t> sparkline;  // parallel to BriefRow::sparkline; 1 = hidden
  bool any() const;
};

struct BriefProtection {
  bool partner_safe = true;
  std::string marker = "<5";             // written for every hidden value
  std::vector<BriefRowMask> by_sector;   // indexed by BriefRow::sector_index
  BriefRowMask all;                      // the "(all)" row
  bool outside_week_hidden = false;      // the "in no sector" count of the week
  std::vector<uint8_t> timeline_hidden;  // parallel to WeeklyBrief::timeline
  size_t hidden_values = 0;              // counts hidden (table cells incl. margins + timeline)
  std::string csv_notice;                // the CSV's first line, without "# "

  // The mask of `row` ("(all)" when sector_index < 0); nothing hidden when internal.
  const BriefRowMask& mask(const BriefRow& row) const;
};

// Applies `policy` to `brief` (rows in any order). With policy.partner_safe == false nothing is
// hidden. Throws faro::UsageError for an invalid policy or an inconsistent brief.
// `extra_hidden` (optional, the layout of core/brief_ledger.hpp brief_count_table) marks cells
// to hide for reasons outside the brief (the ledger of earlier partner outputs).
BriefProtection protect_weekly_brief(const WeeklyBrief& brief, const DisclosurePolicy& policy,
                                     const std::vector<uint8_t>* extra_hidden = nullptr);

// weekly_brief_csv() under protection: hidden values written as the marker (z, flag and
// pct_change too), sparklines not written. The first line is a comment: the protection footer
// (partner-safe) or "# USO INTERNO / INTERNAL USE" (internal), like faro export's CSV notice.
std::string weekly_brief_csv(const WeeklyBrief& brief, const BriefProtection& protection);

}  // namespace faro
