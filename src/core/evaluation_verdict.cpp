#include "core/evaluation_verdict.hpp"

#include <cmath>
#include <cstdio>

#include "core/evaluation_text.hpp"

namespace faro {
namespace {}  // namespace

VerdictResult decide_verdict(const ProgramEvaluation& ev) {
  VerdictResult v;
  const bool did_known = static_cast<bool>(ev.did);
  const double dir = did_known ? std::log(ev.did.value->did.rate_ratio) : 0.0;

  VerdictItem did{VerdictCheck::did_interval};
  if (did_known) {
    const RateRatio& r = ev.did.value->did_robust;
    did.value = r.rate_ratio;
    did.low = r.ci_low;
    did.high = r.ci_high;
    did.outcome = (r.ci_high < 1 || r.ci_low > 1) ? CheckOutcome::supports : CheckOutcome::fails;
  }
  VerdictItem ri{VerdictCheck::randomization};
  ri.threshold = kVerdictRandomizationP;
  if (ev.randomization) {
    ri.value = ev.randomization.value->p_value;
    ri.outcome = ri.value < kVerdictRandomizationP ? CheckOutcome::supports : CheckOutcome::fails;
  }
  VerdictItem sc{VerdictCheck::synthetic_control};
  sc.threshold = kVerdictSyntheticPlaceboP;
  if (ev.synthetic_control) {
    const SyntheticControlResult& s = *ev.synthetic_control.value;
    sc.value = s.rate_ratio;
    sc.high = s.placebo_p;  // the check's second number
    const bool same_side = dir != 0 && std::log(s.rate_ratio) * dir > 0;
    sc.outcome = same_side && s.placebo_p <= kVerdictSyntheticPlaceboP ? CheckOutcome::supports
                                                                       : CheckOutcome::fails;
  }
  VerdictItem pre{VerdictCheck::pre_trend};
  pre.threshold = kVerdictPreTrendP;
  if (ev.pre_trend) {
    pre.value = ev.pre_trend.value->p_value;
    pre.outcome = pre.value > kVerdictPreTrendP ? CheckOutcome::supports : CheckOutcome::fails;
  }
  v.checks = {did, ri, sc, pre};
  if (!did_known) {
    v.value = Verdict::not_estimable;
    return v;
  }
  bool all = true;
  for (const VerdictItem& c : v.checks) all = all && c.outcome == CheckOutcome::supports;
  v.value = all ? (dir < 0 ? Verdict::consistent_reduction : Verdict::consistent_increase)
                : Verdict::inconclusive;
  v.some_signal = did.outcome == CheckOutcome::supports || ri.outcome == CheckOutcome::supports ||
                  sc.outcome == CheckOutcome::supports;
  return v;
}

const char* verdict_id(Verdict v) {
  switch (v) {
    case Verdict::consistent_reduction:
      return "consistent_reduction";
    case Verdict::consistent_increase:
      return "consistent_increase";
    case Verdict::inconclusive:
      return "inconclusive";
    case Verdict::not_estimable:
      return "not_estimable";
  }
  return "not_estimable";
}

const char* verdict_check_id(VerdictCheck c) {
  switch (c) {
    case VerdictCheck::did_interval:
      return "did_robust_interval_excludes_1";
    case VerdictCheck::randomization:
      return "randomization_p_below_0.05";
    case VerdictCheck::synthetic_control:
      return "synthetic_control_agrees_placebo_p_0.10";
    case VerdictCheck::pre_trend:
      return "pre_trend_not_rejected_p_above_0.10";
  }
  return "";
}

const char* check_outcome_id(CheckOutcome o) {
  switch (o) {
    case CheckOutcome::supports:
      return "met";
    case CheckOutcome::fails:
      return "not_met";
    case CheckOutcome::missing:
      return "not_available";
  }
  return "not_available";
}

Msg verdict_headline_key(const VerdictResult& v) {
  switch (v.value) {
    case Verdict::consistent_reduction:
      return Msg::verdict_consistent_reduction;
    case Verdict::consistent_increase:
      return Msg::verdict_consistent_increase;
    case Verdict::inconclusive:
      return v.some_signal ? Msg::verdict_mixed_signal : Msg::verdict_no_evidence;
    case Verdict::not_estimable:
      return Msg::verdict_not_estimable;
  }
  return Msg::verdict_not_estimable;
}

std::string verdict_headline(const VerdictResult& v, Language lang) {
  return tr(verdict_headline_key(v), lang);
}

std::string verdict_rule_text(Language lang) {
  return tr(Msg::verdict_rule, lang);
}

std::vector<std::string> verdict_check_lines(const ProgramEvaluation& ev, Language lang) {
  std::vector<std::string> lines;
  for (const VerdictItem& c : ev.verdict.checks) {
    Msg name = Msg::verdict_name_did;
    std::string value;
    EvalWhy why;
    switch (c.check) {
      case VerdictCheck::did_interval:
        value = tr_format(lang, Msg::verdict_value_did, decimal_text(c.value, lang).c_str(),
                          decimal_text(c.low, lang).c_str(), decimal_text(c.high, lang).c_str());
        why = ev.did.why;
        break;
      case VerdictCheck::randomization:
        name = Msg::verdict_name_ri;
        if (ev.randomization)
          value =
              tr_format(lang, Msg::verdict_value_ri, p_value_text(c.value, lang).c_str(),
                        ev.randomization.value->n_placebos,
                        ev.randomization.value->exact ? tr(Msg::verdict_check_ri_exact, lang) : "");
        why = ev.randomization.why;
        break;
      case VerdictCheck::synthetic_control:
        name = Msg::verdict_name_sc;
        value = tr_format(lang, Msg::verdict_value_sc, decimal_text(c.value, lang).c_str(),
                          p_value_text(c.high, lang).c_str());
        why = ev.synthetic_control.why;
        break;
      case VerdictCheck::pre_trend:
        name = Msg::verdict_name_pretrend;
        value = "p = " + p_value_text(c.value, lang);
        why = ev.pre_trend.why;
        break;
    }
    if (c.outcome == CheckOutcome::missing) {
      // "Randomization: not available, fewer than 20 possible placebo sets ..."
      const std::string reason = why.code == EvalReason::none ? "" : eval_reason_text(why, lang);
      lines.push_back(
          reason.empty() ? std::string(tr(name, lang)) + ": " + tr(Msg::verdict_check_missing, lang)
                         : tr_format(lang, Msg::verdict_check_line, tr(name, lang),
                                     tr(Msg::verdict_check_missing, lang), reason.c_str()));
      continue;
    }
    const Msg mark =
        c.outcome == CheckOutcome::supports ? Msg::verdict_check_ok : Msg::verdict_check_fails;
    lines.push_back(
        tr_format(lang, Msg::verdict_check_line, tr(name, lang), value.c_str(), tr(mark, lang)));
  }
  return lines;
}

}  // namespace faro
