#include "io/evaluation_report.hpp"

#include <cmath>
#include <filesystem>
#include <nlohmann/json.hpp>

#include "core/evaluation_text.hpp"
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

  if (ev.event_study) {
    ordered_json es = ordered_json::array();
    for (const EventStudyPoint& p : *ev.event_study.value)
      es.push_back({{"relative_period", p.relative_bin},
                    {"treated_count", count(p.treated_count)},
                    {"treated_rate", p.treated_rate},
                    {"comparison_rate", p.comparison_rate}});
    j["event_study"] = es;
  } else {
    j["event_study"] = reasons(ev.event_study.why);
  }
  return j.dump(2) + "\n";
}

}  // namespace faro::io
