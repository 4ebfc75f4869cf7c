#include "io/evaluation_report.hpp"

#include <cmath>
#include <filesystem>
#include <nlohmann/json.hpp>

#include "core/evaluation_text.hpp"
#include "core/evaluation_verdict.hpp"
#include "io/gdal_env.hpp"

namespace faro::io {
namespace {

using nlohmann::json;
using nlohmann::ordered_json;

// A source as the report names it: its file name, credentials redacted. A full path would tell
// whoever receives the report where the analyst keeps the files (user names, folder names), as
// the maps, hot-spot files and briefs never do.
std::string source_name(const std::string& source) {
  if (source.empty()) return source;
  const std::filesystem::path p(redact_source(source));
  std::string name = p.filename().string();
  if (name.empty() || name == ".") name = p.parent_path().filename().string();  // "dir/"
  return name.empty() ? p.string() : name;
}

// Counts are doubles (incident weights); write whole numbers as JSON integers.
json count(double v) {
  if (std::floor(v) == v && std::abs(v) < 9e15) return json(static_cast<int64_t>(v));
  return json(v);
}

ordered_json names(const std::vector<size_t>& idx, const SectorSet& sectors) {
  ordered_json a = ordered_json::array();
  for (size_t s : idx) a.push_back(sectors.sectors[s].name);
  return a;
}

ordered_json ratio(const RateRatio& r) {
  ordered_json o;
  o["rate_ratio"] = r.rate_ratio;
  o["ci_low"] = r.ci_low;
  o["ci_high"] = r.ci_high;
  o["log_se"] = r.log_se;
  o["percent_change"] = (r.rate_ratio - 1) * 100;
  return o;
}

// Why an estimate is missing, in both languages: the report is read by scripts (English keys)
// and by people in either language.
ordered_json reasons(const EvalWhy& why) {
  return {{"reason", eval_reason_text(why, Language::en)},
          {"reason_es", eval_reason_text(why, Language::es)}};
}

ordered_json missing_ratio(const EvalWhy& why) {
  ordered_json o;
  o["rate_ratio"] = nullptr;
  o["ci_low"] = nullptr;
  o["ci_high"] = nullptr;
  o.update(reasons(why));
  return o;
}

ordered_json its_term(const ItsTerm& t, const char* unit) {
  ordered_json o = ratio(t.ratio);
  o["estimate"] = t.estimate;
  o["se"] = t.se;
  if (unit) o["unit"] = unit;
  return o;
}

ordered_json group(const GroupWindowCounts& g, const SectorSet& sectors, bool known) {
  ordered_json o;
  o["sectors"] = names(g.sectors, sectors);
  o["before"] = known ? count(g.before) : json(nullptr);
  o["after"] = known ? count(g.after) : json(nullptr);
  o["rate_before"] = known ? json(g.rate_before) : json(nullptr);
  o["rate_after"] = known ? json(g.rate_after) : json(nullptr);
  return o;
}

const char* period_name(EvalBin b) {
  return b == EvalBin::week ? "week" : "month";
}

ordered_json did_json(const Estimate<DidResult>& d) {
  if (!d) return missing_ratio(d.why);
  ordered_json o = ratio(d.value->did);
  o["ci_low_robust"] = d.value->did_robust.ci_low;
  o["ci_high_robust"] = d.value->did_robust.ci_high;
  o["dispersion"] = d.value->dispersion;
  return o;
}

template <class T>
ordered_json missing_or(const Estimate<T>& e, const std::vector<const char*>& null_keys) {
  ordered_json o;
  for (const char* k : null_keys) o[k] = nullptr;
  o.update(reasons(e.why));
  return o;
}

// Event study: the points with their ratio to period -1 and the pre-trend Wald test.
ordered_json event_study_json(const ProgramEvaluation& ev) {
  ordered_json o;
  if (!ev.event_study) {
    o = reasons(ev.event_study.why);
    o["pre_trend_p"] = nullptr;
    o["points"] = ordered_json::array();
    return o;
  }
  if (ev.pre_trend) {
    o["pre_trend_p"] = ev.pre_trend.value->p_value;
    o["pre_trend_chi2"] = ev.pre_trend.value->chi2;
    o["pre_trend_df"] = ev.pre_trend.value->df;
  } else {
    o["pre_trend_p"] = nullptr;
    o["pre_trend_reason"] = eval_reason_text(ev.pre_trend.why, Language::en);
  }
  o["reference_period"] = -1;
  ordered_json pts = ordered_json::array();
  for (const EventStudyPoint& p : *ev.event_study.value) {
    ordered_json q = {{"relative_period", p.relative_bin},
                      {"treated_count", count(p.treated_count)},
                      {"treated_rate", p.treated_rate},
                      {"comparison_rate", p.comparison_rate}};
    if (p.ratio) {
      q["rate_ratio"] = p.ratio->rate_ratio;
      q["ci_low"] = p.ratio->ci_low;
      q["ci_high"] = p.ratio->ci_high;
    } else {
      q["rate_ratio"] = nullptr;
    }
    pts.push_back(q);
  }
  o["points"] = pts;
  return o;
}

// The reviewer's checks (issue 18): synthetic control, randomization, placebo in time,
// spillover, comparative ITS, window sensitivity and the verdict with its reasons.
ordered_json checks_json(const ProgramEvaluation& ev, const SectorSet& sectors) {
  ordered_json j;
  if (const auto& e = ev.synthetic_control) {
    const SyntheticControlResult& sc = *e.value;
    ordered_json w = ordered_json::object();
    for (const auto& [s, weight] : sc.weights) w[sectors.sectors[s].name] = weight;
    ordered_json series = ordered_json::array();
    for (const SyntheticControlPoint& p : sc.series)
      series.push_back({{"relative_period", p.relative_bin},
                        {"treated", p.treated},
                        {"synthetic", p.synthetic}});
    j["synthetic_control"] = {{"rate_ratio", sc.rate_ratio},
                              {"pre_rmspe", sc.pre_rmspe},
                              {"post_rmspe", sc.post_rmspe},
                              {"placebo_p", sc.placebo_p},
                              {"placebo_rank", sc.placebo_rank},
                              {"donors", sc.donors},
                              {"periods_before", sc.periods_before},
                              {"periods_after", sc.periods_after},
                              {"weights", w},
                              {"series", series}};
  } else {
    j["synthetic_control"] = missing_or(e, {"rate_ratio", "pre_rmspe", "placebo_p", "weights"});
  }
  if (const auto& e = ev.randomization) {
    j["randomization"] = {{"p_value", e.value->p_value},
                          {"n_placebos", e.value->n_placebos},
                          {"exact", e.value->exact},
                          {"as_extreme", e.value->as_extreme},
                          {"seed", e.value->seed}};
  } else {
    j["randomization"] = missing_or(e, {"p_value", "n_placebos", "exact"});
  }
  if (const auto& e = ev.placebo_in_time) {
    ordered_json its;
    if (e.value->its)
      its = {{"level_change", ratio(e.value->its.value->level_change.ratio)},
             {"slope_change", ratio(e.value->its.value->slope_change.ratio)}};
    else
      its = missing_or(e.value->its, {"level_change", "slope_change"});
    j["placebo_in_time"] = {
        {"shift_weeks", e.value->shift_weeks}, {"did", did_json(e.value->did)}, {"its", its}};
  } else {
    j["placebo_in_time"] = {{"did", missing_ratio(e.why)}};
  }
  const SpilloverResult& sp = ev.spillover;
  j["spillover"] = {
      {"buffer_m", sp.buffer_m < 0 ? json(nullptr) : json(sp.buffer_m)},
      {"rule", sp.buffer_m < 0   ? "none"
               : sp.buffer_m > 0 ? "within_buffer"
                                 : "touching"},
      {"excluded_from_comparison", sp.excluded},
      {"excluded_sectors", sp.excluded ? names(sp.ring, sectors) : ordered_json::array()},
      {"ring_sectors", names(sp.ring, sectors)}};
  if (sp.displacement) {
    j["spillover"]["displacement_rate_ratio"] = sp.displacement.value->did.rate_ratio;
    j["spillover"]["displacement"] = did_json(sp.displacement);
  } else {
    j["spillover"]["displacement_rate_ratio"] = nullptr;
    j["spillover"].update(reasons(sp.displacement.why));
  }
  if (const auto& e = ev.comparative_its) {
    j["comparative_its"] = {{"level_change", its_term(e.value->level_change, nullptr)},
                            {"slope_change", its_term(e.value->slope_change, "per year")},
                            {"dispersion", e.value->dispersion},
                            {"observations", e.value->observations}};
  } else {
    j["comparative_its"] = missing_or(e, {"level_change", "slope_change"});
  }
  ordered_json sens = ordered_json::array();
  for (const SensitivityRow& row : ev.sensitivity)
    sens.push_back({{"window_weeks", row.window_weeks},
                    {"eligible_sectors", row.eligible},
                    {"did", did_json(row.did)}});
  j["sensitivity"] = sens;
  ordered_json why = ordered_json::array();
  for (const VerdictItem& c : ev.verdict.checks)
    why.push_back({{"check", verdict_check_id(c.check)}, {"outcome", check_outcome_id(c.outcome)}});
  j["verdict"] = {{"value", verdict_id(ev.verdict.value)},
                  {"headline_en", verdict_headline(ev.verdict, Language::en)},
                  {"headline_es", verdict_headline(ev.verdict, Language::es)},
                  {"rule", verdict_rule_text(Language::en)},
                  {"reasons", why},
                  {"reasons_text_en", verdict_check_lines(ev, Language::en)},
                  {"reasons_text_es", verdict_check_lines(ev, Language::es)}};
  return j;
}

}  // namespace

std::string evaluation_report_json(const ProgramEvaluation& ev, const SectorSet& sectors,
                                   const EvaluationReportContext& ctx) {
  ordered_json j;
  j["program"] = ev.label;
  j["window_weeks"] = ev.window_weeks;
  j["by"] = period_name(ev.by);
  j["synthetic"] = ctx.synthetic;
  if (ctx.true_effect) j["true_rate_ratio"] = *ctx.true_effect;
  j["sources"] = {{"sectors", source_name(ctx.sectors_source)},
                  {"incidents", source_name(ctx.incidents_source)},
                  {"programs", source_name(ctx.programs_source)},
                  {"where", ctx.where}};
  j["data_period"] = {{"from", format_date(ev.data_from)},
                      {"to", format_date(ev.data_to_exclusive - 1)}};

  const bool counted = !ev.eligible.empty();
  GroupWindowCounts treated = ev.treated;
  if (!counted)  // still name the program's sectors, with null counts
    for (const auto& [s, why] : ev.excluded) treated.sectors.push_back(s);
  j["treated"] = group(treated, sectors, counted);
  ordered_json rollouts = ordered_json::array();
  const int64_t w = 7LL * ev.window_weeks * kSecondsPerDay;
  for (const TreatedSector& t : ev.eligible)
    rollouts.push_back({{"sector", sectors.sectors[t.sector].name},
                        {"rollout", format_date(t.rollout)},
                        {"before_from", format_date(t.rollout - w)},
                        {"after_to", format_date(t.rollout + w - 1)}});
  j["treated"]["rollouts"] = rollouts;
  ordered_json excluded = ordered_json::array();
  for (const auto& [s, why] : ev.excluded)
    excluded.push_back({{"sector", sectors.sectors[s].name},
                        {"reason", eval_reason_text(why, Language::en)},
                        {"reason_es", eval_reason_text(why, Language::es)}});
  j["treated"]["excluded"] = excluded;
  j["comparison"] = group(ev.comparison, sectors, counted);
  if (!counted) j["comparison"]["sectors"] = ordered_json::array();

  if (ev.did) {
    const DidResult& d = *ev.did.value;
    j["did"] = ratio(d.did);
    // Quasi-Poisson interval from each group's block counts (see DidResult); the Poisson keys
    // above stay as specified, the sentences use this one when dispersion > 1.
    j["did"]["dispersion"] = d.dispersion;
    j["did"]["dispersion_treated"] = d.dispersion_treated;
    j["did"]["dispersion_comparison"] = d.dispersion_comparison;
    j["did"]["dispersion_block_weeks"] = d.dispersion_block_weeks;
    j["did"]["ci_low_robust"] = d.did_robust.ci_low;
    j["did"]["ci_high_robust"] = d.did_robust.ci_high;
    j["did"]["log_se_robust"] = d.did_robust.log_se;
    j["did"]["sentence_en"] = did_sentence(d, Language::en);
    j["did"]["sentence_es"] = did_sentence(d, Language::es);
    // The same change without jargon, as the panel and the report's first page say it.
    j["did"]["plain_en"] = plain_change_text(ev.did, Language::en);
    j["did"]["plain_es"] = plain_change_text(ev.did, Language::es);
    if (d.small_counts) {
      j["did"]["caution"] = did_caution(d, Language::en);
      j["did"]["caution_es"] = did_caution(d, Language::es);
    }
    j["treated_change"] = ratio(d.treated_change);
  } else {
    j["did"] = missing_ratio(ev.did.why);
  }

  if (ev.its) {
    const ItsResult& r = *ev.its.value;
    ordered_json its;
    its["level_change"] = its_term(r.level_change, nullptr);
    its["slope_change"] = its_term(r.slope_change, "per year");
    its["trend"] = its_term(r.trend, "per year");
    its["periods_before"] = r.bins_before;
    its["periods_after"] = r.bins_after;
    its["period"] = period_name(ev.by);
    its["observations"] = r.observations;
    its["sectors"] = names(r.sectors, sectors);
    its["seasonality"] = r.seasonality;
    its["dispersion"] = r.dispersion;
    its["deviance"] = r.deviance;
    its["model"] =
        "Poisson log-linear, one row per sector and period: sector intercepts, calendar trend, "
        "level and slope change at each sector's rollout, sin/cos seasonality (1 year, 2 "
        "harmonics; windows of 52 weeks or more); quasi-Poisson standard errors";
    ordered_json series = ordered_json::array();
    for (const ItsPoint& p : r.series)
      series.push_back({{"relative_period", p.relative_bin},
                        {"start", format_date(p.start)},
                        {"observed", count(p.observed)},
                        {"fitted", p.fitted},
                        {"counterfactual", p.counterfactual},
                        {"counterfactual_low", p.cf_low},
                        {"counterfactual_high", p.cf_high}});
    its["series"] = series;
    j["its"] = its;
  } else {
    j["its"] = {{"level_change", missing_ratio(ev.its.why)},
                {"slope_change", missing_ratio(ev.its.why)}};
    j["its"].update(reasons(ev.its.why));
  }

  j["event_study"] = event_study_json(ev);
  j.update(checks_json(ev, sectors));
  return j.dump(2) + "\n";
}

}  // namespace faro::io
