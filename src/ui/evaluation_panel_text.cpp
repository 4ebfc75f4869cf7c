#include "ui/evaluation_panel_text.hpp"

#include <algorithm>
#include <bit>
#include <cstdio>

#include "core/evaluation_text.hpp"
#include "core/evaluation_verdict.hpp"

namespace faro::ui {
namespace {

constexpr uint32_t kAllHours = 0xFFFFFF;
constexpr uint8_t kAllWeekdays = 0x7F;

std::string join(const std::vector<std::string>& parts, const char* sep) {
  std::string s;
  for (const std::string& p : parts) s += (s.empty() ? "" : sep) + p;
  return s;
}

// The last day of a half-open period [from, to): what a person calls its end.
std::string last_day_text(CivilSeconds to_exclusive) {
  return format_date(to_exclusive - kSecondsPerDay);
}

}  // namespace

VerdictTone verdict_tone(const VerdictResult& v) {
  switch (v.value) {
    case Verdict::consistent_reduction:
      return VerdictTone::reduction;
    case Verdict::consistent_increase:
      return VerdictTone::increase;
    case Verdict::inconclusive:
      return v.some_signal ? VerdictTone::mixed : VerdictTone::none;
    case Verdict::not_estimable:
      return VerdictTone::unknown;
  }
  return VerdictTone::unknown;
}

std::string sector_names_text(const std::vector<size_t>& idx, const SectorSet& sectors,
                              Language lang, size_t max) {
  std::vector<std::string> names;
  for (size_t k = 0; k < idx.size() && k < max; ++k)
    if (idx[k] < sectors.sectors.size()) names.push_back(sectors.sectors[idx[k]].name);
  std::string s = join(names, ", ");
  if (idx.size() > max) s += " " + tr_format(lang, Msg::evp_more_names, idx.size() - max);
  return s;
}

std::vector<std::string> compared_lines(const ProgramEvaluation& ev, const EvaluationRequest& req,
                                        const SectorSet& sectors, Language lang) {
  std::vector<std::string> out;
  // The window counts know the groups once a treated sector is eligible; before that, the request.
  const size_t treated = ev.eligible.size();
  const size_t comparison =
      ev.comparison.sectors.empty() ? req.comparison.size() : ev.comparison.sectors.size();
  out.push_back(
      tr_format(lang, Msg::evp_compared, treated, comparison, ev.window_weeks, ev.window_weeks));
  if (!ev.eligible.empty()) {
    const auto [lo, hi] = std::minmax_element(
        ev.eligible.begin(), ev.eligible.end(),
        [](const TreatedSector& a, const TreatedSector& b) { return a.rollout < b.rollout; });
    out.push_back(days_of(lo->rollout) == days_of(hi->rollout)
                      ? tr_format(lang, Msg::evp_rollout_one, format_date(lo->rollout).c_str())
                      : tr_format(lang, Msg::evp_rollout_range, format_date(lo->rollout).c_str(),
                                  format_date(hi->rollout).c_str()));
  }
  if (!ev.excluded.empty())
    out.push_back(tr_format(lang, Msg::evp_excluded, ev.excluded.size(),
                            format_date(ev.data_from).c_str(),
                            last_day_text(ev.data_to_exclusive).c_str()));
  std::vector<size_t> ring;
  for (const TreatedSector& t : req.ring) ring.push_back(t.sector);
  if (ring.empty())
    out.push_back(tr(Msg::evp_ring_none, lang));
  else
    out.push_back(tr_format(lang, req.ring_excluded ? Msg::evp_ring : Msg::evp_ring_kept,
                            ring.size(), sector_names_text(ring, sectors, lang).c_str()));
  return out;
}

std::string filters_applied_text(const FilterState& f, const std::vector<SourceSpec>& sources,
                                 Language lang) {
  std::vector<std::string> parts;
  if (!f.categories.empty()) {
    std::vector<std::string> shown(f.categories.begin(),
                                   f.categories.begin() + std::min<size_t>(f.categories.size(), 4));
    std::string list = join(shown, ", ");
    if (f.categories.size() > shown.size())
      list += " " + tr_format(lang, Msg::evp_more_names, f.categories.size() - shown.size());
    parts.push_back(tr_format(lang, Msg::evp_filter_categories, list.c_str()));
  }
  if ((f.hour_mask & kAllHours) != kAllHours)
    parts.push_back(tr_format(lang, Msg::evp_filter_hours, std::popcount(f.hour_mask & kAllHours)));
  if ((f.weekday_mask & kAllWeekdays) != kAllWeekdays)
    parts.push_back(tr_format(lang, Msg::evp_filter_weekdays,
                              std::popcount(static_cast<unsigned>(f.weekday_mask & kAllWeekdays))));
  for (const SourceSpec& s : sources)
    if (s.role == SourceSpec::Role::incidents && !s.where.empty())
      parts.push_back(tr_format(lang, Msg::evp_filter_where, s.where.c_str()));
  if (parts.empty()) return tr(Msg::evp_filters_apply_none, lang);
  return tr_format(lang, Msg::evp_filters_apply, join(parts, "; ").c_str());
}

std::vector<std::string> filters_ignored_lines(const FilterState& f, Language lang) {
  std::string dates;
  if (f.from || f.to_exclusive) {
    const std::string from = f.from ? format_date(*f.from) : "…";
    const std::string to = f.to_exclusive ? last_day_text(*f.to_exclusive) : "…";
    dates = tr_format(lang, Msg::evp_filter_dates_set, from.c_str(), to.c_str());
  }
  const std::string sectors =
      f.sectors.empty() ? "" : tr_format(lang, Msg::evp_filter_sectors_set, f.sectors.size());
  return {tr_format(lang, Msg::evp_filter_dates_ignored, dates.c_str()),
          tr_format(lang, Msg::evp_filter_sectors_ignored, sectors.c_str())};
}

std::vector<std::string> analyst_glossary(Language lang) {
  return {tr(Msg::evp_glossary_did, lang), tr(Msg::evp_glossary_its, lang),
          tr(Msg::evp_glossary_ci, lang), tr(Msg::evp_glossary_phi, lang)};
}

std::vector<std::string> analyst_lines(const ProgramEvaluation& ev, const SectorSet& sectors,
                                       Language lang) {
  std::vector<std::string> out;
  const auto ratio = [&](const RateRatio& r) {
    return decimal_text(r.rate_ratio, lang) + " (" + decimal_text(r.ci_low, lang) + "–" +
           decimal_text(r.ci_high, lang) + ")";
  };
  if (ev.did) {
    const DidResult& d = *ev.did.value;
    out.push_back(tr_format(lang, Msg::eval_did_ratio, ratio(d.did).c_str()));
    if (d.dispersion > 1)
      out.push_back(tr(Msg::eval_did_robust, lang) + ratio(d.did_robust) +
                    ", φ = " + decimal_text(d.dispersion, lang));
    out.push_back(did_sentence(d, lang));
    if (d.small_counts) out.push_back(did_caution(d, lang));
  } else {
    out.push_back(tr(Msg::eval_did_missing, lang) + eval_reason_text(ev.did.why, lang));
  }
  if (ev.its) {
    const ItsResult& its = *ev.its.value;
    out.push_back(tr(Msg::eval_its_level, lang) + ratio(its.level_change.ratio));
    out.push_back(tr(Msg::eval_its_slope, lang) + ratio(its.slope_change.ratio));
  } else {
    out.push_back(tr(Msg::eval_its_missing, lang) + eval_reason_text(ev.its.why, lang));
  }
  for (const auto& [sector, why] : ev.excluded)
    out.push_back(tr_format(lang, Msg::eval_excluded_sector,
                            sector_names_text({sector}, sectors, lang).c_str(),
                            eval_reason_text(why, lang).c_str()));
  return out;
}

EvaluationPanelText evaluation_panel_text(const ProgramEvaluation& ev, const EvaluationRequest& req,
                                          const SectorSet& sectors, const FilterState& evaluated,
                                          const FilterState& session_filter,
                                          const std::vector<SourceSpec>& sources, Language lang) {
  EvaluationPanelText t;
  t.tone = verdict_tone(ev.verdict);
  t.headline = verdict_headline(ev.verdict, lang);
  t.change = plain_change_text(ev.did, lang);
  t.compared = compared_lines(ev, req, sectors, lang);
  t.filters_applied = filters_applied_text(evaluated, sources, lang);
  t.filters_ignored = filters_ignored_lines(session_filter, lang);
  t.checks = evaluation_check_lines(ev, sectors, lang);
  t.glossary = analyst_glossary(lang);
  t.analyst = analyst_lines(ev, sectors, lang);
  return t;
}

}  // namespace faro::ui
