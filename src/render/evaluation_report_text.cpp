#include "render/evaluation_report_text.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <map>

#include "core/evaluation_checks_text.hpp"
#include "core/evaluation_text.hpp"
#include "core/evaluation_verdict.hpp"

namespace faro::render::report {
namespace {

const ProgramEvaluation& eval_of(const EvaluationReportInput& in) {
  return *in.evaluation;
}

// Sector names, at most `max`, then "… (n)".
std::string names(const std::vector<size_t>& idx, const SectorSet& sectors, size_t max = 12) {
  std::string s;
  for (size_t k = 0; k < idx.size() && k < max; ++k)
    s += (k ? ", " : "") + sectors.sectors[idx[k]].name;
  if (idx.size() > max) s += ", … (" + std::to_string(idx.size()) + ")";
  return s;
}

std::string interval(const RateRatio& r, Language lang) {
  return decimal_text(r.ci_low, lang) + "–" + decimal_text(r.ci_high, lang);
}

std::vector<std::string> ratio_row(const std::string& what, const RateRatio& r, Language lang) {
  return {what, decimal_text(r.rate_ratio, lang), interval(r, lang),
          percent_change_text(r.rate_ratio)};
}

std::vector<std::string> estimate_header(Language lang) {
  return {tr(Msg::eval_report_col_estimate, lang), tr(Msg::eval_report_col_ratio, lang),
          tr_format(lang, Msg::eval_report_col_ci), tr(Msg::eval_report_col_change, lang)};
}

}  // namespace

std::string not_available(const EvalWhy& why, Language lang) {
  const std::string reason = eval_reason_text(why, lang);
  return reason.empty() ? std::string(tr(Msg::verdict_check_missing, lang))
                        : tr_format(lang, Msg::eval_report_not_available, reason.c_str());
}

std::string report_title(const EvaluationReportInput& in) {
  return std::string(tr(Msg::eval_report_title, in.language)) + " — " + eval_of(in).label;
}

std::vector<std::string> report_filter_lines(const EvaluationReportInput& in) {
  const ProgramEvaluation& ev = eval_of(in);
  const Language l = in.language;
  const SectorSet& sectors = *in.sectors;
  std::vector<std::string> out;
  std::string offences =
      tr_format(l, Msg::eval_report_offences,
                in.offences.empty() ? tr(Msg::eval_report_all_offences, l) : in.offences.c_str());
  if (!in.other_filters.empty())
    offences += "; " + tr_format(l, Msg::eval_report_other_filters, in.other_filters.c_str());
  out.push_back(offences);
  out.push_back(tr_format(l, Msg::eval_report_dates, format_date(ev.data_from).c_str(),
                          format_date(ev.data_to_exclusive - 1).c_str(), ev.window_weeks) +
                (in.date_filter_ignored ? tr(Msg::eval_report_dates_ignored, l) : ""));
  // The comparison group, and the neighbours the spillover ring took out of it.
  const SpilloverResult& s = ev.spillover;
  const std::string how = s.buffer_m > 0 ? tr_format(l, Msg::check_spillover_buffer, s.buffer_m)
                                         : std::string(tr(Msg::check_spillover_touching, l));
  std::string ring;
  if (!s.excluded && !s.ring.empty())
    ring =
        "; " + tr_format(l, Msg::check_spillover_kept, how.c_str(), names(s.ring, sectors).c_str());
  else if (s.excluded && !s.ring.empty())
    ring = tr_format(l, Msg::eval_report_neighbours_out, s.ring.size(), how.c_str(),
                     names(s.ring, sectors).c_str());
  else if (s.excluded)
    ring = tr(Msg::eval_report_neighbours_none, l);
  out.push_back(tr_format(
      l, s.excluded ? Msg::eval_report_comparison_default : Msg::eval_report_comparison_given,
      ev.comparison.sectors.size(), ring.c_str()));
  std::string excluded;
  for (const auto& [sector, why] : ev.excluded)
    excluded += (excluded.empty() ? "" : "; ") + sectors.sectors[sector].name + " (" +
                eval_reason_text(why, l) + ")";
  out.push_back(tr_format(l, Msg::eval_report_excluded_treated,
                          excluded.empty() ? tr(Msg::eval_report_none, l) : excluded.c_str()));
  return out;
}

std::string report_source_line(const EvaluationReportInput& in) {
  const Language l = in.language;
  std::string sources;
  for (const std::string& s : in.sources)
    if (!s.empty()) sources += (sources.empty() ? "" : ", ") + s;
  std::string line;
  if (!sources.empty()) line = tr_format(l, Msg::eval_report_sources, sources.c_str()) + " · ";
  line += std::string(tr(Msg::brief_generated, l)) + " " + in.generated;
  if (in.true_effect)
    line += " · " +
            tr_format(l, Msg::eval_report_true_effect, decimal_text(*in.true_effect, l).c_str());
  return line;
}

std::string report_protection_line(const EvaluationReportInput& in, const ReportMasks& m) {
  if (!m.partner_safe) return internal_use_stamp();
  DisclosurePolicy p = in.policy;
  p.partner_safe = true;
  return protection_footer(p, in.language, false) + " · " +
         tr_format(in.language, Msg::marker_suppressed, m.marker.c_str());
}

std::string report_program_line(const EvaluationReportInput& in) {
  const ProgramEvaluation& ev = eval_of(in);
  return tr_format(in.language, Msg::eval_report_program_line, ev.label.c_str(),
                   ev.eligible.size() + ev.excluded.size());
}

std::string report_rollout_line(const EvaluationReportInput& in) {
  const ProgramEvaluation& ev = eval_of(in);
  std::map<CivilSeconds, std::vector<size_t>> by_date;
  for (const TreatedSector& t : ev.eligible) by_date[t.rollout].push_back(t.sector);
  std::string text;
  for (const auto& [date, idx] : by_date)
    text += (text.empty() ? "" : "; ") + format_date(date) + ": " + names(idx, *in.sectors, 40);
  if (text.empty()) text = tr(Msg::eval_report_none, in.language);
  return tr_format(in.language, Msg::eval_report_rollouts, text.c_str());
}

VerdictText report_verdict(const EvaluationReportInput& in, const ReportMasks& m) {
  const ProgramEvaluation& ev = eval_of(in);
  const Language l = in.language;
  VerdictText v;
  v.headline = verdict_headline(ev.verdict, l);
  // Command staff read the plain sentence (its caution for few incidents included); the DiD
  // sentence with its interval and dispersion is on the analysts' page.
  v.sentences.push_back(plain_change_text(ev.did, l));
  if (!ev.eligible.empty())
    v.sentences.push_back(
        tr_format(l, Msg::eval_report_counts_sentence,
                  masked_count(ev.treated.before, m.treated_before, m).c_str(), ev.window_weeks,
                  masked_count(ev.treated.after, m.treated_after, m).c_str(), ev.window_weeks));
  v.rule = verdict_rule_text(l);
  return v;
}

ReportSection report_counts_section(const EvaluationReportInput& in, const ReportMasks& m) {
  const ProgramEvaluation& ev = eval_of(in);
  const Language l = in.language;
  ReportSection s;
  s.title = tr(Msg::eval_report_counts_title, l);
  if (ev.eligible.empty()) {
    s.lines.push_back(not_available(ev.did.why, l));
    return s;
  }
  s.table.header = {
      tr(Msg::eval_report_col_group, l),       tr(Msg::eval_report_col_sectors, l),
      tr(Msg::eval_report_col_before, l),      tr(Msg::eval_report_col_after, l),
      tr(Msg::eval_report_col_rate_before, l), tr(Msg::eval_report_col_rate_after, l)};
  const auto row = [&](Msg group, const GroupWindowCounts& g, bool hide_before, bool hide_after) {
    // Staggered rollouts make the comparison's counts averages over the treated windows.
    const int digits = (g.before != std::floor(g.before) || g.after != std::floor(g.after)) ? 1 : 0;
    s.table.rows.push_back({tr(group, l), std::to_string(g.sectors.size()),
                            masked_count(g.before, hide_before, m, digits),
                            masked_count(g.after, hide_after, m, digits),
                            hide_before ? m.marker : decimal_text(g.rate_before, l, 3),
                            hide_after ? m.marker : decimal_text(g.rate_after, l, 3)});
  };
  row(Msg::eval_report_legend_treated, ev.treated, m.treated_before, m.treated_after);
  row(Msg::eval_report_legend_comparison, ev.comparison, m.comparison_before, m.comparison_after);
  s.lines.push_back(tr(Msg::eval_report_rate_note, l));
  return s;
}

ReportSection report_did_section(const EvaluationReportInput& in, const ReportMasks& m) {
  const ProgramEvaluation& ev = eval_of(in);
  const Language l = in.language;
  ReportSection s;
  s.title = tr(Msg::eval_report_did_title, l);
  if (!ev.did) {
    s.lines.push_back(not_available(ev.did.why, l));
    return s;
  }
  const DidResult& d = *ev.did.value;
  s.table.header = estimate_header(l);
  s.table.rows.push_back(ratio_row(tr(Msg::eval_report_did_poisson, l), d.did, l));
  s.table.rows.push_back(
      ratio_row(tr_format(l, Msg::eval_report_did_robust, decimal_text(d.dispersion, l).c_str(),
                          d.dispersion_block_weeks),
                d.did_robust, l));
  // Ta/Tb alone would give a hidden total back from the other one.
  if (m.treated_before || m.treated_after)
    s.table.rows.push_back({tr(Msg::eval_report_treated_change, l), m.marker, m.marker, m.marker});
  else
    s.table.rows.push_back(ratio_row(tr(Msg::eval_report_treated_change, l), d.treated_change, l));
  s.lines.push_back(did_sentence(d, l));
  const std::string caution = did_caution(d, l);
  if (!caution.empty()) s.lines.push_back(caution);
  return s;
}

ReportSection report_its_section(const EvaluationReportInput& in) {
  const ProgramEvaluation& ev = eval_of(in);
  const Language l = in.language;
  ReportSection s;
  s.title = tr(Msg::eval_report_its_title, l);
  if (!ev.its) {
    s.lines.push_back(not_available(ev.its.why, l));
    return s;
  }
  const ItsResult& r = *ev.its.value;
  s.table.header = estimate_header(l);
  s.table.rows.push_back(ratio_row(tr(Msg::eval_report_its_level, l), r.level_change.ratio, l));
  s.table.rows.push_back(ratio_row(tr(Msg::eval_report_its_slope, l), r.slope_change.ratio, l));
  s.table.rows.push_back(ratio_row(tr(Msg::eval_report_its_trend, l), r.trend.ratio, l));
  s.lines.push_back(tr_format(
      l, Msg::eval_report_its_model, r.sectors.size(), r.bins_before, r.bins_after, r.observations,
      decimal_text(r.dispersion, l).c_str(),
      r.seasonality ? tr(Msg::eval_report_yes, l) : tr(Msg::eval_report_no_short_window, l)));
  return s;
}

std::vector<std::string> report_event_study_lines(const EvaluationReportInput& in) {
  const ProgramEvaluation& ev = eval_of(in);
  const Language l = in.language;
  std::vector<std::string> out;
  if (!ev.event_study) out.push_back(not_available(ev.event_study.why, l));
  if (ev.pre_trend) {
    const PreTrendTest& t = *ev.pre_trend.value;
    out.push_back(tr_format(l, Msg::eval_report_pre_trend, decimal_text(t.chi2, l).c_str(), t.df,
                            p_value_text(t.p_value, l).c_str()));
  } else {
    out.push_back(tr_format(l, Msg::eval_report_pre_trend_missing,
                            not_available(ev.pre_trend.why, l).c_str()));
  }
  return out;
}

ReportSection report_checks_section(const EvaluationReportInput& in) {
  const ProgramEvaluation& ev = eval_of(in);
  ReportSection s;
  s.title = tr(Msg::eval_report_checks_title, in.language);
  const CheckLines c = evaluation_check_lines(ev, *in.sectors, in.language);
  s.lines.push_back(c.rule);
  for (const std::string& line : c.checks) s.lines.push_back("• " + line);
  // The sensitivity rows come last in `others` (one per ev.sensitivity row): they get a table.
  const size_t others = c.others.size() - std::min(c.others.size(), ev.sensitivity.size());
  for (size_t i = 0; i < others; ++i) s.lines.push_back("• " + c.others[i]);
  return s;
}

ReportSection report_sensitivity_section(const EvaluationReportInput& in) {
  const ProgramEvaluation& ev = eval_of(in);
  const Language l = in.language;
  ReportSection s;
  s.title = tr(Msg::eval_report_sensitivity_title, l);
  if (ev.sensitivity.empty()) {
    s.lines.push_back(tr(Msg::verdict_check_missing, l));
    return s;
  }
  s.table.header = {tr(Msg::eval_report_col_window, l), tr(Msg::eval_report_col_sectors, l),
                    tr_format(l, Msg::eval_report_col_did)};
  s.table.text_last = true;
  for (const SensitivityRow& row : ev.sensitivity)
    s.table.rows.push_back({tr_format(l, Msg::eval_report_window_weeks, row.window_weeks),
                            std::to_string(row.eligible),
                            row.did ? did_short_text(row.did, l) : not_available(row.did.why, l)});
  return s;
}

ReportSection report_synthetic_section(const EvaluationReportInput& in, size_t max_weights) {
  const ProgramEvaluation& ev = eval_of(in);
  const Language l = in.language;
  ReportSection s;
  s.title = tr(Msg::eval_report_sc_title, l);
  if (!ev.synthetic_control) {
    s.lines.push_back(not_available(ev.synthetic_control.why, l));
    return s;
  }
  const SyntheticControlResult& sc = *ev.synthetic_control.value;
  s.lines.push_back(tr_format(l, Msg::eval_report_sc_summary,
                              decimal_text(sc.rate_ratio, l).c_str(),
                              decimal_text(sc.pre_rmspe, l, 3).c_str(),
                              p_value_text(sc.placebo_p, l).c_str(), sc.placebo_rank, sc.donors));
  s.table.header = {tr(Msg::eval_report_sc_donor, l), tr(Msg::eval_report_sc_weight, l)};
  for (size_t i = 0; i < sc.weights.size() && i < max_weights; ++i)
    s.table.rows.push_back(
        {in.sectors->sectors[sc.weights[i].first].name, decimal_text(sc.weights[i].second, l, 3)});
  if (sc.weights.size() > max_weights)
    s.lines.push_back(tr_format(l, Msg::eval_report_sc_more, sc.weights.size() - max_weights));
  return s;
}

ReportSection report_randomization_section(const EvaluationReportInput& in) {
  const ProgramEvaluation& ev = eval_of(in);
  const Language l = in.language;
  ReportSection s;
  s.title = tr(Msg::eval_report_ri_title, l);
  if (!ev.randomization) {
    s.lines.push_back(not_available(ev.randomization.why, l));
    return s;
  }
  const RandomizationResult& r = *ev.randomization.value;
  const std::string how =
      r.exact ? std::string(tr(Msg::eval_report_ri_exact, l))
              : tr_format(l, Msg::eval_report_ri_draws, static_cast<unsigned long long>(r.seed));
  s.lines.push_back(tr_format(l, Msg::eval_report_ri_line, p_value_text(r.p_value, l).c_str(),
                              r.as_extreme, r.n_placebos, how.c_str()));
  return s;
}

}  // namespace faro::render::report
