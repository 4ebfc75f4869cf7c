#include "ui/evaluation_panel.hpp"

#include <imgui.h>

#include <algorithm>

#include "core/evaluation_text.hpp"
#include "core/session_programs.hpp"
#include "ui/i18n.hpp"

namespace faro::ui {
namespace {

ImVec4 tone_colour(VerdictTone t) {
  switch (t) {
    case VerdictTone::reduction:
      return ImVec4(0.08f, 0.48f, 0.20f, 1);
    case VerdictTone::increase:
      return ImVec4(0.74f, 0.14f, 0.10f, 1);
    case VerdictTone::mixed:
      return ImVec4(0.70f, 0.42f, 0.00f, 1);
    case VerdictTone::none:
      return ImVec4(0.22f, 0.28f, 0.40f, 1);
    case VerdictTone::unknown:
      return ImVec4(0.42f, 0.42f, 0.42f, 1);
  }
  return ImVec4(0.42f, 0.42f, 0.42f, 1);
}

void wrapped(const std::string& s) {
  ImGui::TextWrapped("%s", s.c_str());
}

void bullet(const std::string& s) {
  ImGui::Bullet();
  ImGui::SameLine();
  wrapped(s);
}

void subtitle(const char* s) {
  ImGui::Spacing();
  ImGui::TextColored(ImVec4(0.25f, 0.25f, 0.25f, 1), "%s", s);
}

}  // namespace

FilterState evaluation_filter(const FilterState& f) {
  FilterState e = f;
  e.from.reset();
  e.to_exclusive.reset();
  e.sectors.clear();
  return e;
}

const ProgramEvaluation* EvaluationPanel::update(const SnapshotPtr& snap, const Session& session) {
  if (!snap) return nullptr;
  sources_ = session.sources;
  if (names_of_ != snap->data) {
    names_of_ = snap->data;
    names_ = program_names(snap->data->programs, {});  // the session's edits already applied
  }
  no_programs_ = names_.empty();
  if (!no_programs_) {
    // A finished result first, then a new request: the first update after a change always
    // reports "computing", whatever the worker's speed.
    if (std::optional<EvaluationJobResult> r = job_.take_result(); r && r->id == request_id_) {
      done_ = std::move(r);
      computing_ = false;
      text_key_.reset();  // new words for the new result
    }
    Inputs in{snap->data, evaluation_filter(snap->filter), choice_};
    if (in.choice.program.empty()) in.choice.program = names_.front();
    if (in != requested_) {
      EvaluationJobInput job;
      job.snapshot = snap;
      job.filter = in.filter;
      job.program = in.choice.program;
      job.window_weeks = in.choice.window_weeks;
      job.by = in.choice.by;
      job.id = ++request_id_;
      job_.request(std::move(job));
      requested_ = std::move(in);
      ++computations_;
      computing_ = true;
    }
  } else {
    requested_.reset();
    computing_ = false;
    done_.reset();
    text_.reset();
  }

  TextKey key{session.language, session.filter, {}};
  for (const SourceSpec& s : session.sources)
    if (s.role == SourceSpec::Role::incidents && !s.where.empty()) key.wheres.push_back(s.where);
  if (done_ && key != text_key_) rebuild_text(key);
  return !computing_ && done_ && done_->evaluation ? &*done_->evaluation : nullptr;
}

void EvaluationPanel::rebuild_text(const TextKey& key) {
  // Timeline playback moves the session's dates every step: only the line naming them changes.
  if (text_ && text_key_ && text_key_->lang == key.lang && text_key_->wheres == key.wheres) {
    text_->filters_ignored = filters_ignored_lines(key.session_filter, key.lang);
    text_key_ = key;
    return;
  }
  text_key_ = key;
  text_.reset();
  chart_.reset();
  event_study_ = EventStudyChart{};
  if (!done_->evaluation) return;
  const ProgramEvaluation& ev = *done_->evaluation;
  text_ = evaluation_panel_text(ev, done_->request, done_->input.snapshot->ws().sectors,
                                done_->input.filter, key.session_filter, sources_, key.lang);
  if (ev.event_study) event_study_.points = *ev.event_study.value;
  event_study_.by = ev.by;
  event_study_.language = key.lang;
  if (ev.its) chart_ = its_chart(*ev.its.value, ev.by, key.lang);
}

std::string EvaluationPanel::error_text(Language lang) const {
  if (no_programs_) return tr(Msg::eval_no_programs, lang);
  if (computing_ || !done_ || done_->evaluation) return "";
  return done_->error;
}

std::vector<std::string> EvaluationPanel::summary_lines(Language lang) const {
  if (computing_) return {tr(Msg::evp_computing, lang)};
  if (no_programs_ || !done_ || !done_->evaluation) return {error_text(lang)};
  const ProgramEvaluation& ev = *done_->evaluation;
  const FilterState session_filter = text_key_ ? text_key_->session_filter : done_->input.filter;
  const EvaluationPanelText t =
      evaluation_panel_text(ev, done_->request, done_->input.snapshot->ws().sectors,
                            done_->input.filter, session_filter, sources_, lang);
  std::vector<std::string> out = {t.headline, t.change, t.filters_applied};
  out.insert(out.end(), t.filters_ignored.begin(), t.filters_ignored.end());
  out.insert(out.end(), t.compared.begin(), t.compared.end());
  out.insert(out.end(), t.analyst.begin(), t.analyst.end());
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
  s.label = tr(Msg::evp_its_observed, lang);
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
  c.counterfactual.label = tr(Msg::evp_its_expected, lang);
  return c;
}

void EvaluationPanel::draw_choices(Language lang) {
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
}

void EvaluationPanel::draw(const Session& session, ImFont* bold) {
  const Language lang = session.language;
  draw_choices(lang);
  ImGui::Separator();
  if (computing_) {
    if (bold) ImGui::PushFont(bold);
    ImGui::TextUnformatted(tr(Msg::evp_computing, lang));
    if (bold) ImGui::PopFont();
    ImGui::TextDisabled("%s", tr(Msg::evp_computing_hint, lang));
    return;
  }
  if (!text_) {
    wrapped(summary_lines(lang).front());
    return;
  }
  draw_result(lang, bold);
}

void EvaluationPanel::draw_result(Language lang, ImFont* bold) {
  const EvaluationPanelText& t = *text_;
  if (bold) ImGui::PushFont(bold);
  ImGui::PushStyleColor(ImGuiCol_Text, tone_colour(t.tone));
  wrapped(t.headline);
  ImGui::PopStyleColor();
  if (bold) ImGui::PopFont();
  wrapped(t.change);

  ImGui::Spacing();
  ImGui::TextUnformatted(tr(Msg::evp_filters_title, lang));
  ImGui::Indent();
  wrapped(t.filters_applied);
  for (const std::string& l : t.filters_ignored) wrapped(l);
  ImGui::Unindent();

  ImGui::Spacing();
  const ProgramEvaluation& ev = *done_->evaluation;
  if (event_study_.mode() != EventStudyChart::Mode::none) {
    const float w = ImGui::GetContentRegionAvail().x;
    event_study_.draw(ImVec2(w, std::max(13.0f * ImGui::GetFontSize(), w * 0.32f)));
  } else {
    ImGui::TextDisabled("%s", tr_format(lang, Msg::evp_chart_missing,
                                        eval_reason_text(ev.event_study.why, lang).c_str())
                                  .c_str());
  }
  ImGui::Spacing();
  draw_meaning(lang);
  draw_details(lang);
  open_sections_ = false;
}

void EvaluationPanel::draw_meaning(Language lang) {
  const EvaluationPanelText& t = *text_;
  if (open_sections_) ImGui::SetNextItemOpen(true);
  const std::string label = std::string(tr(Msg::evp_meaning, lang)) + "###eval_meaning";
  if (!ImGui::CollapsingHeader(label.c_str())) return;
  subtitle(tr(Msg::evp_meaning_compared_title, lang));
  wrapped(tr(Msg::evp_meaning_compared, lang));
  for (const std::string& l : t.compared) bullet(l);
  if (event_study_.mode() == EventStudyChart::Mode::ratios) {
    subtitle(tr(Msg::evp_meaning_chart_title, lang));
    wrapped(tr(Msg::evp_meaning_chart, lang));
  }
  subtitle(tr(Msg::evp_meaning_verdict_title, lang));
  wrapped(tr(Msg::evp_meaning_verdict, lang));
  subtitle(tr(Msg::evp_meaning_disagree_title, lang));
  wrapped(tr(Msg::evp_meaning_disagree, lang));
  subtitle(tr(Msg::evp_meaning_rule_title, lang));
  wrapped(t.checks.rule);
  for (const std::string& l : t.checks.checks) bullet(l);
  if (!t.checks.others.empty()) {
    subtitle(tr(Msg::evp_meaning_others_title, lang));
    for (const std::string& l : t.checks.others) bullet(l);
  }
  ImGui::Spacing();
}

void EvaluationPanel::draw_details(Language lang) {
  const EvaluationPanelText& t = *text_;
  const ProgramEvaluation& ev = *done_->evaluation;
  if (open_sections_) ImGui::SetNextItemOpen(true);
  const std::string label = std::string(tr(Msg::evp_details, lang)) + "###eval_details";
  if (!ImGui::CollapsingHeader(label.c_str())) return;
  ImGui::PushStyleColor(ImGuiCol_Text, ImVec4(0.38f, 0.38f, 0.38f, 1));
  for (const std::string& l : t.glossary) wrapped(l);
  ImGui::PopStyleColor();
  ImGui::Spacing();
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
    for (const auto& [name, g] : rows) {
      ImGui::TableNextRow();
      ImGui::TableNextColumn();
      ImGui::TextUnformatted(name);
      ImGui::TableNextColumn();
      ImGui::Text("%zu", g->sectors.size());
      ImGui::TableNextColumn();
      ImGui::Text("%.0f", g->before);
      ImGui::TableNextColumn();
      ImGui::Text("%.0f", g->after);
      ImGui::TableNextColumn();
      // The panel's decimal mark (core/evaluation_text.hpp: "0,519" in Spanish), like its sentences.
      ImGui::Text("%s → %s", decimal_text(g->rate_before, lang, 3).c_str(),
                  decimal_text(g->rate_after, lang, 3).c_str());
    }
    ImGui::EndTable();
  }
  for (const std::string& l : t.analyst) wrapped(l);

  // The ITS on a timeline: observed treated rate, the counterfactual after rollout with its band.
  if (!chart_) return;
  subtitle(tr(Msg::evp_its_title, lang));
  TimelineInput in;
  in.timeline = &chart_->timeline;
  in.rates = true;
  in.rolling = false;
  in.controls = false;
  in.language = lang;
  in.counterfactual = chart_->counterfactual;
  in.rollouts.push_back({chart_->rollout, tr(Msg::eval_rollout, lang)});
  FilterState scratch;  // the chart does not filter the dashboard
  const float w = ImGui::GetContentRegionAvail().x;
  its_panel_.draw(in, scratch, ImVec2(w, std::max(10.0f * ImGui::GetFontSize(), w * 0.28f)), 0.0);
}

}  // namespace faro::ui
