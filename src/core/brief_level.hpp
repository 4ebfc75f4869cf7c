#pragma once
// The level of a partner brief: how coarse, in time and space, the published table must be for
// the brief to say something. A weekly table per police sector of a city's shootings is nearly all
// "<5" once small counts are suppressed; a partner learns nothing from it. So the partner brief
// coarsens, first in time (week -> 4 weeks -> 13 weeks) and then in space (sector -> group of
// sectors, e.g. alcaldía), to the finest level at which the unit rows it publishes hold at least
// 60 % of the period's incidents. Time first: a partner working in a neighbourhood loses less from
// a month of sector counts than from a week of alcaldía counts. The internal brief never coarsens.
//
// "Month" and "quarter" are 4 and 13 ISO weeks ending with the selected week, not calendar
// months: every comparison of the brief (previous period, mean of the previous four, the same
// period last year, the sparkline and timeline) stays a whole number of the weeks the data is
// binned in, and no period reaches past the selected Sunday.
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/brief_disclosure.hpp"
#include "core/messages.hpp"
#include "core/weekly_brief.hpp"

namespace faro {

// At least this share of the period's incidents must be published in unit rows.
constexpr double kBriefMinPublishedShare = 0.60;

struct BriefLevel {
  int span_weeks = 1;    // 1, 4 or 13
  bool grouped = false;  // rows are groups of sectors rather than sectors
  friend bool operator==(const BriefLevel&, const BriefLevel&) = default;
};

// Candidate levels, finest first: the time ladder per sector, then (with groups) per group.
std::vector<BriefLevel> brief_level_ladder(bool have_groups);

// What a level publishes: the sum of the unit rows' period counts that are printed, against
// every incident of the period (the "(all)" count, incidents in no unit included).
struct LevelCoverage {
  BriefLevel level;
  int64_t published = 0;
  int64_t total = 0;
  // published / total; 1 when the period has no incidents (nothing is hidden then).
  double share() const;
};

// Pure: the index of the first candidate (finest first) whose share reaches `min_share`; when
// none does, the one with the largest share (the finest among equals). Throws
// std::invalid_argument for an empty list.
size_t choose_brief_level(const std::vector<LevelCoverage>& candidates,
                          double min_share = kBriefMinPublishedShare);

// The published part of the unit rows' period counts under `protection`.
LevelCoverage level_coverage(const WeeklyBrief& brief, const BriefProtection& protection);

struct LevelledBrief {
  WeeklyBrief brief;
  BriefProtection protection;
  std::vector<LevelCoverage> tried;  // the levels evaluated, finest first
  size_t chosen = 0;                 // index into tried
};

// The brief of `week` at the level choose_brief_level picks (levels are evaluated finest first
// and the search stops at the first that publishes enough). `groups` = the sectors' grouping
// (nullptr or no names: time coarsening only). Internal (policy.partner_safe == false): the
// weekly sector brief, unprotected.
// `protect` (optional) replaces protect_weekly_brief for each candidate, e.g. the ledger's
// protection (core/brief_ledger.hpp), so the level is chosen by what is published after it.
using BriefProtect = std::function<BriefProtection(const WeeklyBrief&)>;
LevelledBrief compute_levelled_brief(const IncidentStore& store, const SectorSet& sectors,
                                     const BriefUnits* groups, const IncidentFilter& filter,
                                     IsoWeek week, const DisclosurePolicy& policy,
                                     double min_share = kBriefMinPublishedShare,
                                     const BriefProtect& protect = {});
// The same from counts made elsewhere (a database, core/weekly_brief.hpp BriefCountSource).
LevelledBrief compute_levelled_brief(const BriefCountSource& source, const SectorSet& sectors,
                                     const BriefUnits* groups, IsoWeek week,
                                     const DisclosurePolicy& policy,
                                     double min_share = kBriefMinPublishedShare,
                                     const BriefProtect& protect = {});

// The attribute to group sectors by when none is named: the first whose name is one of alcaldia,
// alcaldía, municipio, delegacion, distrito, district, borough (case-insensitive), with at least
// two distinct values and fewer groups than sectors. nullopt when there is none.
std::optional<size_t> default_group_attribute(const SectorSet& sectors);

// The level in words: "semana 2024-W52, por sector", "4 semanas al 2024-12-29, por alcaldía";
// "4 weeks to 2024-12-29, by borough".
std::string brief_level_text(const WeeklyBrief& brief, Language language);
// The unit word for headings: "sector"; "alcaldía" / "borough", "municipio", "distrito" for those
// fields; else the group field's name.
std::string brief_unit_word(const WeeklyBrief& brief, Language language);
// The word for a grouping field ("alcaldia" -> "alcaldía" / "borough"; "municipio", "distrito"
// likewise); any other field by its name. The partner maps' groups of sectors use it too.
std::string group_unit_word(std::string_view field, Language language);

}  // namespace faro
