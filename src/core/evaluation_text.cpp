#include "core/evaluation_text.hpp"

#include <cstdio>
#include <vector>

namespace faro {
namespace {

// The parenthetical notes of a DiD sentence: "(a; b)" or "".
std::string notes_text(const std::vector<std::string>& notes) {
  std::string s;
  for (const auto& n : notes) s += (s.empty() ? " (" : "; ") + n;
  return s.empty() ? s : s + ")";
}

Msg cell_words(EvalCell cell) {
  switch (cell) {
    case EvalCell::treated_before:
      return Msg::eval_cell_treated_before;
    case EvalCell::treated_after:
      return Msg::eval_cell_treated_after;
    case EvalCell::comparison_before:
      return Msg::eval_cell_comparison_before;
    case EvalCell::comparison_after:
      return Msg::eval_cell_comparison_after;
  }
  return Msg::eval_cell_treated_before;
}

}  // namespace

std::string did_sentence(const RateRatio& rr, double dispersion, Language lang) {
  std::vector<std::string> notes;
  if (rr.ci_low <= 1 && rr.ci_high >= 1) notes.push_back(tr(Msg::eval_note_no_change, lang));
  if (dispersion > 1) {
    char phi[32];
    std::snprintf(phi, sizeof phi, "%.2f", dispersion);
    notes.push_back(tr_format(lang, Msg::eval_note_widened, phi));
  }
  return tr_format(lang, Msg::eval_did_sentence, percent_change_text(rr.rate_ratio).c_str(),
                   percent_change_text(rr.ci_low).c_str(),
                   percent_change_text(rr.ci_high).c_str()) +
         notes_text(notes);
}

std::string did_sentence(const DidResult& d, Language lang) {
  return did_sentence(d.shown(), d.dispersion, lang);
}

std::string did_caution(const DidResult& d, Language lang) {
  return d.small_counts ? tr(Msg::eval_caution, lang) : "";
}

std::string eval_reason_text(const EvalWhy& why, Language lang) {
  switch (why.code) {
    case EvalReason::none:
      return "";
    case EvalReason::no_program_sectors:
      return tr(Msg::eval_why_no_sectors, lang);
    case EvalReason::windows_too_short:
      return tr_format(lang, Msg::eval_why_windows, why.window_weeks,
                       format_date(why.data_first_day).c_str(),
                       format_date(why.data_last_day).c_str());
    case EvalReason::no_comparison:
      return tr(Msg::eval_why_no_comparison, lang);
    case EvalReason::zero_cell:
      return tr_format(lang, Msg::eval_why_zero_cell, tr(cell_words(why.cell), lang));
    case EvalReason::its_pre_period:
      return tr_format(
          lang, Msg::eval_why_its_pre_period, why.periods,
          tr(why.by == EvalBin::week ? Msg::eval_unit_weeks : Msg::eval_unit_months, lang),
          why.min_periods);
    case EvalReason::its_no_incidents:
      return tr(Msg::eval_why_its_no_incidents, lang);
    case EvalReason::its_none_before:
      return tr(Msg::eval_why_its_none_before, lang);
    case EvalReason::its_none_after:
      return tr(Msg::eval_why_its_none_after, lang);
    case EvalReason::its_fit_failed:
      return tr_format(lang, Msg::eval_why_its_fit, why.detail.c_str());
    case EvalReason::event_study_no_periods:
      return tr(Msg::eval_why_event_study, lang);
    case EvalReason::rollout_too_early:
      return tr_format(lang, Msg::eval_why_rollout_early, format_date(why.date).c_str(),
                       why.window_weeks);
    case EvalReason::rollout_too_late:
      return tr_format(lang, Msg::eval_why_rollout_late, format_date(why.date).c_str(),
                       why.window_weeks);
    case EvalReason::program_ended:
      return tr_format(lang, Msg::eval_why_program_ended, format_date(why.date).c_str(),
                       why.window_weeks);
    case EvalReason::sc_no_donors:
      return tr(Msg::eval_why_sc_no_donors, lang);
    case EvalReason::sc_flat_pre_period:
      return tr(Msg::eval_why_sc_flat, lang);
    case EvalReason::ri_too_few_sets:
      return tr(Msg::eval_why_ri_few, lang);
    case EvalReason::pre_trend_too_few:
      return tr(Msg::eval_why_pre_trend, lang);
    case EvalReason::spillover_no_ring:
      return tr(Msg::eval_why_no_ring, lang);
  }
  return "";
}

std::string plain_change_text(const Estimate<DidResult>& did, Language lang) {
  if (!did)
    return tr_format(lang, Msg::evp_change_missing, eval_reason_text(did.why, lang).c_str());
  const RateRatio& r = did.value->shown();
  std::string s =
      tr_format(lang, Msg::evp_change, percent_change_text(r.rate_ratio).c_str(),
                percent_change_text(r.ci_low).c_str(), percent_change_text(r.ci_high).c_str());
  if (r.ci_low <= 1 && r.ci_high >= 1)
    s += std::string(" ") + tr(Msg::evp_change_includes_zero, lang);
  if (did.value->small_counts) s += std::string(" ") + tr(Msg::evp_few_incidents, lang);
  return s;
}

std::string decimal_text(double v, Language lang, int digits) {
  char buf[48];
  std::snprintf(buf, sizeof buf, "%.*f", digits, v);
  std::string s = buf;
  if (lang == Language::es)
    for (char& c : s)
      if (c == '.') c = ',';
  return s;
}

std::string p_value_text(double p, Language lang) {
  if (p < 0.001) return "< " + decimal_text(0.001, lang, 3);
  return decimal_text(p, lang, p < 0.01 ? 3 : 2);
}

std::string ratio_interval_text(const RateRatio& r, Language lang) {
  return tr_format(lang, Msg::check_ratio_interval, decimal_text(r.rate_ratio, lang).c_str(),
                   decimal_text(r.ci_low, lang).c_str(), decimal_text(r.ci_high, lang).c_str());
}

}  // namespace faro
