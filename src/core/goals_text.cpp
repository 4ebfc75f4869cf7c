#include "core/goals_text.hpp"

#include <cmath>
#include <cstdio>

#include "core/messages.hpp"

namespace faro {

std::string goal_indicator_text(GoalIndicator i, Language lang) {
  switch (i) {
    case GoalIndicator::reduction_pct: return tr(Msg::goals_ind_reduction_pct, lang);
    case GoalIndicator::count_max: return tr(Msg::goals_ind_count_max, lang);
    case GoalIndicator::rate_per_10k_max: return tr(Msg::goals_ind_rate_per_10k_max, lang);
    case GoalIndicator::did_reduction_pct: return tr(Msg::goals_ind_did_reduction_pct, lang);
  }
  return "";
}

std::string goal_status_text(GoalStatus s, Language lang) {
  switch (s) {
    case GoalStatus::met: return tr(Msg::goals_status_met, lang);
    case GoalStatus::on_track: return tr(Msg::goals_status_on_track, lang);
    case GoalStatus::off_track: return tr(Msg::goals_status_off_track, lang);
    case GoalStatus::not_estimable: return tr(Msg::goals_status_not_estimable, lang);
  }
  return "";
}

std::string goal_reason_text(GoalReason r, int k, Language lang) {
  switch (r) {
    case GoalReason::none: return "";
    case GoalReason::no_sectors: return tr(Msg::goals_why_no_sectors, lang);
    case GoalReason::no_population: return tr(Msg::goals_why_no_population, lang);
    case GoalReason::outside_data: return tr(Msg::goals_why_outside_data, lang);
    case GoalReason::not_started: return tr(Msg::goals_why_not_started, lang);
    case GoalReason::zero_baseline: return tr(Msg::goals_why_zero_baseline, lang);
    case GoalReason::no_comparison: return tr(Msg::goals_why_no_comparison, lang);
    case GoalReason::zero_comparison: return tr(Msg::goals_why_zero_comparison, lang);
    case GoalReason::hidden_small_count: return tr_format(lang, Msg::goals_why_hidden, k);
  }
  return "";
}

std::string goal_number(double v, int digits, bool sign) {
  char buf[64];
  const double rounded = std::round(v * std::pow(10, digits)) / std::pow(10, digits);
  const double shown = rounded == 0 ? 0.0 : rounded;  // no "-0"
  std::snprintf(buf, sizeof buf, sign && shown > 0 ? "+%.*f" : "%.*f", digits, shown);
  return buf;
}

std::string goal_target_text(const ProgramGoal& g, Language lang) {
  const bool reduction = goal_needs_baseline(g.indicator);
  const int digits = g.target == std::floor(g.target) ? 0 : 1;
  return tr_format(lang, reduction ? Msg::goals_target_reduction : Msg::goals_target_max,
                   goal_number(g.target, digits).c_str());
}

std::string goal_where_words(const GoalWhere& w, Language lang) {
  if (w.all()) return tr(Msg::goals_all_incidents, lang);
  std::string s;
  for (size_t k = 0; k < w.values.size(); ++k) s += (k ? ", " : "") + w.values[k];
  return s;
}

std::string goal_windows_text(const ProgramGoal& g, Language lang) {
  const std::string from = format_date(g.current.from);
  const std::string to = format_date(g.current.to_exclusive - kSecondsPerDay);
  if (!g.baseline) return tr_format(lang, Msg::goals_window_only, from.c_str(), to.c_str());
  const std::string bf = format_date(g.baseline->from);
  const std::string bt = format_date(g.baseline->to_exclusive - kSecondsPerDay);
  return tr_format(lang, Msg::goals_windows, from.c_str(), to.c_str(), bf.c_str(), bt.c_str());
}

std::string goal_status_short(const GoalResult& r, const DisclosurePolicy& policy, Language lang) {
  std::string s = goal_status_text(r.status, lang);
  if (r.status == GoalStatus::not_estimable)
    return s + " (" + goal_reason_text(r.reason, policy.k, lang) + ")";
  if (r.progress_pct)
    s += " (" + tr_format(lang, Msg::goals_progress, goal_number(*r.progress_pct).c_str()) + ")";
  return s;
}

std::string goal_summary_line(const GoalResult& r, const DisclosurePolicy& policy, Language lang) {
  std::string s = goal_indicator_text(r.goal.indicator, lang) + " (" +
                  goal_target_text(r.goal, lang) + ")";
  if (r.change_pct)
    s += ": " + tr_format(lang, Msg::goals_change, goal_number(*r.change_pct, 0, true).c_str());
  if (r.did)
    s += " (" + tr_format(lang, Msg::goals_interval,
                          goal_number((r.did->ci_low - 1) * 100, 0, true).c_str(),
                          goal_number((r.did->ci_high - 1) * 100, 0, true).c_str()) + ")";
  return s + " - " + goal_status_short(r, policy, lang);
}

std::vector<std::string> brief_goal_lines(const std::vector<GoalResult>& results,
                                          const DisclosurePolicy& policy, Language lang,
                                          size_t max_lines) {
  std::vector<std::string> lines;
  std::vector<std::string> programs;
  for (const GoalResult& r : results) {
    if (programs.empty() || programs.back() != r.program) {
      programs.push_back(r.program);
      lines.push_back(std::string(tr(Msg::goals_brief_label, lang)) + " · " + r.program + ": ");
    } else {
      lines.back() += "; ";
    }
    lines.back() += goal_indicator_text(r.goal.indicator, lang) + " (" +
                    goal_target_text(r.goal, lang) + "): " + goal_status_short(r, policy, lang);
  }
  if (lines.size() > max_lines && max_lines > 0) {
    const size_t more = lines.size() - (max_lines - 1);
    lines.resize(max_lines - 1);
    lines.push_back(std::string(tr(Msg::goals_brief_label, lang)) + ": +" +
                    std::to_string(more) + " ...");
  }
  return lines;
}

}  // namespace faro
