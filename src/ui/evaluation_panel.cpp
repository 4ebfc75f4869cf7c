#include "ui/evaluation_panel.hpp"

#include <imgui.h>

#include <algorithm>
#include <cstdio>
#include <exception>

#include "core/evaluation_text.hpp"
#include "core/session_programs.hpp"
#include "ui/i18n.hpp"

namespace faro::ui {
namespace {

std::string ratio_text(const RateRatio& r) {
  char buf[96];
  std::snprintf(buf, sizeof buf, "%.2f (%.2f–%.2f)", r.rate_ratio, r.ci_low, r.ci_high);
  return buf;
}

std::string count_line(Language lang, Msg group, const GroupWindowCounts& g) {
  return tr_format(lang, Msg::eval_count_line, tr(group, lang), g.sectors.size(), g.before,
                   g.after);
}

}  // namespace

FilterState evaluation_filter(const FilterState& f) {
  FilterState e = f;
  e.from.reset();
  e.to_exclusive.reset();
  e.sectors.clear();
  return e;
}

const ProgramEvaluation* EvaluationPanel::update(const SnapshotPtr& snap, Language lang) {
  if (!snap) return nullptr;
  const FilterState filter = evaluation_filter(snap->filter);
  if (valid_ && data_key_ == snap->data && filter_key_ == filter && computed_choice_ == choice_) {
    if (lang != lang_key_ && result_ && result_->its)  // labels only: no new evaluation
      chart_ = its_chart(*result_->its.value, choice_.by, lang);
    lang_key_ = lang;
    return result_ ? &*result_ : nullptr;
  }
  data_key_ = snap->data;
  filter_key_ = filter;
  lang_key_ = lang;
  computed_choice_ = choice_;
  valid_ = true;
  result_.reset();
  chart_.reset();
  error_.clear();
  no_programs_ = false;

  const Workspace& ws = *snap->data;
  const std::vector<Program>& programs = ws.programs;  // the session's edits already applied
  names_ = program_names(programs, {});
  if (names_.empty()) {
    no_programs_ = true;
    return nullptr;
  }
  const std::string name = choice_.program.empty() ? names_.front() : choice_.program;
  try {
    EvaluationRequest req = make_evaluation_request(ws.sectors, programs, {name}, {});
    req.window_weeks = choice_.window_weeks;
    req.by = choice_.by;
    req.data_from = ws.data_from;
    req.data_to_exclusive = ws.data_to_exclusive;
    ++computations_;
    result_ = evaluate_program(ws.incidents, ws.sectors.size(),
                               ws.make_filter(filter), req);
    if (result_->its) chart_ = its_chart(*result_->its.value, choice_.by, lang);
  } catch (const std::exception& e) {
    error_ = e.what();
  }
  return result_ ? &*result_ : nullptr;
}

std::string EvaluationPanel::error_text(Language lang) const {
  if (result_) return "";
  return no_programs_ ? tr(Msg::eval_no_programs, lang) : error_;
}

std::vector<std::string> EvaluationPanel::summary_lines(Language lang) const {
  std::vector<std::string> out;
  if (!result_) {
    out.push_back(error_text(lang));
    return out;
  }
  const ProgramEvaluation& ev = *result_;
  out.push_back(count_line(lang, Msg::eval_treated, ev.treated));
  out.push_back(count_line(lang, Msg::eval_comparison, ev.comparison));
  if (ev.did) {
    const DidResult& d = *ev.did.value;
    out.push_back(tr_format(lang, Msg::eval_did_ratio, ratio_text(d.did).c_str()));
    if (d.dispersion > 1) out.push_back(tr(Msg::eval_did_robust, lang) + ratio_text(d.did_robust));
    out.push_back(did_sentence(d, lang));
    if (d.small_counts) out.push_back(did_caution(d, lang));
  } else {
    out.push_back(tr(Msg::eval_did_missing, lang) + eval_reason_text(ev.did.why, lang));
  }
  if (ev.its) {
    const ItsResult& its = *ev.its.value;
    out.push_back(tr(Msg::eval_its_level, lang) + ratio_text(its.level_change.ratio));
    out.push_back(tr(Msg::eval_its_slope, lang) + ratio_text(its.slope_change.ratio));
  } else {
    out.push_back(tr(Msg::eval_its_missing, lang) + eval_reason_text(ev.its.why, lang));
  }
  if (!ev.excluded.empty())
    out.push_back(tr_format(lang, Msg::eval_excluded_count, ev.excluded.size()));
  return out;
}

std::optional<ItsChart> its_chart(const ItsResult& its, EvalBin by, Language lang) {
  if (its.series.empty() || its.sectors.empty()) return std::nullopt;
  const BinKind kind = by == EvalBin::month ? BinKind::month : BinKind::week;
  const double n = static_cast<double>(its.sectors.size());
  ItsChart c;
  Timeline& tl = c.timeline;
  tl.kind = kind;
  tl.first_bin = bin_of(kind, its.series.front().start);
  tl.bins = static_cast<int64_t>(its.series.size());
  for (int64_t b = 0; b <= tl.bins; ++b) tl.bin_starts.push_back(bin_start(kind, tl.first_bin + b));
  TimelineSeries s;
  s.label = tr(Msg::eval_treated_observed, lang);
  s.sector_count = its.sectors.size();
  for (const ItsPoint& p : its.series) {
    s.counts.push_back(p.observed);
    s.per_sector.push_back(p.observed / n);
    s.total += p.observed;
    if (p.relative_bin == 0) c.rollout = p.start;
    if (p.relative_bin < 0) continue;
    const int64_t b = bin_of(kind, p.start) - tl.first_bin;
    if (b < 0 || b >= tl.bins) continue;
    c.counterfactual.at.push_back((tl.bin_starts[b] + tl.bin_starts[b + 1]) / 2);
    c.counterfactual.value.push_back(p.counterfactual / n);
    c.counterfactual.low.push_back(p.cf_low / n);
    c.counterfactual.high.push_back(p.cf_high / n);
  }
  s.rolling_mean = s.per_sector;
  tl.series.push_back(std::move(s));
  c.counterfactual.label = tr(Msg::eval_counterfactual, lang);
  return c;
}

void EvaluationPanel::draw(const Session& session) {
  const Language lang = session.language;
  const std::string current =
      choice_.program.empty() && !names_.empty() ? names_.front() : choice_.program;
  ImGui::SetNextItemWidth(ImGui::GetFontSize() * 18);
  if (ImGui::BeginCombo(tr(Msg::eval_program, lang), current.c_str())) {
    for (const std::string& n : names_)
      if (ImGui::Selectable(n.c_str(), n == current)) choice_.program = n;
    ImGui::EndCombo();
  }
  ImGui::SetNextItemWidth(ImGui::GetFontSize() * 8);
  int weeks = choice_.window_weeks;
  if (ImGui::InputInt(tr(Msg::eval_window_weeks, lang), &weeks, 4, 13))
    choice_.window_weeks = std::clamp(weeks, 4, 260);
  int by = choice_.by == EvalBin::week ? 0 : 1;
  ImGui::RadioButton(tr(Msg::eval_by_week, lang), &by, 0);
  ImGui::SameLine();
  ImGui::RadioButton(tr(Msg::eval_by_month, lang), &by, 1);
  choice_.by = by == 0 ? EvalBin::week : EvalBin::month;
  ImGui::Separator();

  if (!result_) {
    ImGui::TextWrapped("%s", summary_lines(lang).front().c_str());
    return;
  }
  const ProgramEvaluation& ev = *result_;
  if (ImGui::BeginTable("eval_counts", 5, ImGuiTableFlags_Borders | ImGuiTableFlags_RowBg)) {
    ImGui::TableSetupColumn(tr(Msg::eval_group, lang));
    ImGui::TableSetupColumn(tr(Msg::eval_sectors, lang));
    ImGui::TableSetupColumn(tr(Msg::eval_before, lang));
    ImGui::TableSetupColumn(tr(Msg::eval_after, lang));
    ImGui::TableSetupColumn(tr(Msg::eval_rate, lang));
    ImGui::TableHeadersRow();
    const std::pair<const char*, const GroupWindowCounts*> rows[] = {
        {tr(Msg::eval_treated, lang), &ev.treated},
        {tr(Msg::eval_comparison, lang), &ev.comparison}};
    for (const auto& [label, g] : rows) {
      ImGui::TableNextRow();
      ImGui::TableNextColumn();
      ImGui::TextUnformatted(label);
      ImGui::TableNextColumn();
      ImGui::Text("%zu", g->sectors.size());
      ImGui::TableNextColumn();
      ImGui::Text("%.0f", g->before);
      ImGui::TableNextColumn();
      ImGui::Text("%.0f", g->after);
      ImGui::TableNextColumn();
      ImGui::Text("%.2f → %.2f", g->rate_before, g->rate_after);
    }
    ImGui::EndTable();
  }
  const std::vector<std::string> lines = summary_lines(lang);
  for (size_t i = 2; i < lines.size(); ++i) ImGui::TextWrapped("%s", lines[i].c_str());

  // The ITS on a timeline: observed treated rate, the counterfactual after rollout with its band.
  if (!chart_) return;
  const std::optional<ItsChart>& chart = chart_;
  TimelineInput in;
  in.timeline = &chart->timeline;
  in.rates = true;
  in.rolling = false;
  in.controls = false;
  in.language = lang;
  in.counterfactual = chart->counterfactual;
  in.rollouts.push_back({chart->rollout, tr(Msg::eval_rollout, lang)});
  FilterState scratch;  // the chart does not filter the dashboard
  const float h = std::max(ImGui::GetContentRegionAvail().y, 10.0f * ImGui::GetFontSize());
  its_panel_.draw(in, scratch, ImVec2(ImGui::GetContentRegionAvail().x, h), 0.0);
}

}  // namespace faro::ui
