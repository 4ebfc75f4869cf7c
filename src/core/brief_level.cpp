#include "core/brief_level.hpp"

#include <cctype>
#include <set>
#include <stdexcept>

#include "core/civil_time.hpp"

namespace faro {
namespace {

// The time ladder. A calendar month would not be a whole number of weeks (see the header).
constexpr int kSpans[] = {1, 4, 13};

std::string lower_ascii(std::string s) {
  for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

}  // namespace

std::vector<BriefLevel> brief_level_ladder(bool have_groups) {
  std::vector<BriefLevel> out;
  for (bool grouped : {false, true}) {
    if (grouped && !have_groups) break;
    for (int span : kSpans) out.push_back({span, grouped});
  }
  return out;
}

double LevelCoverage::share() const {
  return total > 0 ? static_cast<double>(published) / static_cast<double>(total) : 1.0;
}

size_t choose_brief_level(const std::vector<LevelCoverage>& candidates, double min_share) {
  if (candidates.empty()) throw std::invalid_argument("choose_brief_level: no candidates");
  size_t best = 0;
  for (size_t i = 0; i < candidates.size(); ++i) {
    if (candidates[i].share() >= min_share) return i;
    if (candidates[i].share() > candidates[best].share()) best = i;
  }
  return best;
}

LevelCoverage level_coverage(const WeeklyBrief& brief, const BriefProtection& protection) {
  LevelCoverage c;
  c.level = {brief.span_weeks, brief.grouped()};
  c.total = brief.all.week;
  for (const BriefRow& r : brief.rows)
    if (!protection.mask(r).week) c.published += r.week;
  return c;
}

LevelledBrief compute_levelled_brief(const IncidentStore& store, const SectorSet& sectors,
                                     const BriefUnits* groups, const IncidentFilter& filter,
                                     IsoWeek week, const DisclosurePolicy& policy,
                                     double min_share, const BriefProtect& protect) {
  return compute_levelled_brief(brief_count_source(store, sectors.size(), filter), sectors, groups,
                                week, policy, min_share, protect);
}

LevelledBrief compute_levelled_brief(const BriefCountSource& source, const SectorSet& sectors,
                                     const BriefUnits* groups, IsoWeek week,
                                     const DisclosurePolicy& policy, double min_share,
                                     const BriefProtect& protect) {
  const BriefUnits by_sector = sector_units(sectors);
  const bool have_groups = groups != nullptr && !groups->names.empty() && policy.partner_safe;
  std::vector<BriefLevel> ladder = brief_level_ladder(have_groups);
  if (!policy.partner_safe) ladder.resize(1);  // the internal brief is the weekly sector brief
  const auto build = [&](BriefLevel level) {
    LevelledBrief out;
    out.brief = compute_weekly_brief(source, sectors, level.grouped ? *groups : by_sector, week,
                                     level.span_weeks);
    out.protection = protect ? protect(out.brief) : protect_weekly_brief(out.brief, policy);
    return out;
  };
  LevelledBrief best;
  std::vector<LevelCoverage> tried;
  for (const BriefLevel& level : ladder) {
    LevelledBrief candidate = build(level);
    tried.push_back(level_coverage(candidate.brief, candidate.protection));
    const size_t pick = choose_brief_level(tried, min_share);
    if (pick + 1 == tried.size()) best = std::move(candidate);  // the pick so far is this one
    if (tried.back().share() >= min_share) break;
  }
  best.tried = std::move(tried);
  best.chosen = choose_brief_level(best.tried, min_share);
  return best;
}

std::optional<size_t> default_group_attribute(const SectorSet& sectors) {
  static const std::set<std::string> kNames = {"alcaldia", "alcaldía", "municipio", "delegacion",
                                               "delegación", "distrito", "district", "borough"};
  for (size_t a = 0; a < sectors.attribute_names.size(); ++a) {
    if (!kNames.count(lower_ascii(sectors.attribute_names[a]))) continue;
    const BriefUnits u = group_units(sectors, a);
    if (u.names.size() >= 2 && u.names.size() < sectors.size()) return a;
  }
  return std::nullopt;
}

std::string group_unit_word(std::string_view field, Language language) {
  // The known groupings in the page's language; any other field by its name.
  const std::string f = lower_ascii(std::string(field));
  if (f == "alcaldia" || f == "alcaldía" || f == "delegacion" || f == "delegación" ||
      f == "borough")
    return tr(Msg::brief_unit_alcaldia, language);
  if (f == "municipio") return tr(Msg::brief_unit_municipio, language);
  if (f == "distrito" || f == "district") return tr(Msg::brief_unit_distrito, language);
  return std::string(field);
}

std::string brief_unit_word(const WeeklyBrief& brief, Language language) {
  if (!brief.grouped()) return tr(Msg::unit_sector, language);
  return group_unit_word(brief.group_field, language);
}

std::string brief_level_text(const WeeklyBrief& brief, Language language) {
  std::string when;
  if (brief.span_weeks <= 1) {
    when = tr_format(language, Msg::brief_level_week, format_iso_week(brief.week).c_str());
  } else {
    const std::string sunday = format_date(brief.week_end_exclusive - kSecondsPerDay);
    when = tr_format(language, Msg::brief_level_weeks, brief.span_weeks, sunday.c_str());
  }
  return when + ", " +
         tr_format(language, Msg::brief_level_by, brief_unit_word(brief, language).c_str());
}

}  // namespace faro
