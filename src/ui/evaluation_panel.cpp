#include "ui/evaluation_panel.hpp"

#include <imgui.h>

#include <algorithm>
#include <cstdio>
#include <exception>

#include "core/session_programs.hpp"

namespace faro::ui {
namespace {

// Local es/en texts (the shared i18n table belongs to the dashboard's own panels).
const char* L(Language lang, const char* es, const char* en) {
  return lang == Language::es ? es : en;
}

std::string ratio_text(const RateRatio& r) {
  char buf[96];
  std::snprintf(buf, sizeof buf, "%.2f (%.2f–%.2f)", r.rate_ratio, r.ci_low, r.ci_high);
  return buf;
}

std::string count_line(Language lang, const char* group, const GroupWindowCounts& g) {
  char buf[200];
  std::snprintf(buf, sizeof buf, "%s: %zu %s, %s %.0f → %s %.0f", group, g.sectors.size(),
                L(lang, "sectores", "sectors"), L(lang, "antes", "before"), g.before,
                L(lang, "después", "after"), g.after);
  return buf;
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
  error_es_.clear();

  const Workspace& ws = *snap->data;
  const std::vector<Program>& programs = ws.programs;  // the session's edits already applied
  names_ = program_names(programs, {});
  if (names_.empty()) {
    error_ = "No programs loaded or defined (select sectors ▸ Add to program…).";
    error_es_ =
        "No hay programas cargados ni definidos (seleccione sectores ▸ Añadir a programa…).";
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
    error_es_ = e.what();
  }
  return result_ ? &*result_ : nullptr;
}

std::vector<std::string> EvaluationPanel::summary_lines(Language lang) const {
  std::vector<std::string> out;
  if (!result_) {
    out.push_back(lang == Language::es ? error_es_ : error_);
    return out;
  }
  const ProgramEvaluation& ev = *result_;
  out.push_back(count_line(lang, L(lang, "Tratados", "Treated"), ev.treated));
  out.push_back(count_line(lang, L(lang, "Comparación", "Comparison"), ev.comparison));
  if (ev.did) {
    const DidResult& d = *ev.did.value;
    out.push_back(
        std::string(L(lang, "Razón de tasas DiD (IC 95 %): ", "DiD rate ratio (95 % CI): ")) +
        ratio_text(d.did));
    if (d.dispersion > 1)
      out.push_back(std::string(L(lang, "Con sobredispersión: ", "Overdispersion-adjusted: ")) +
                    ratio_text(d.did_robust));
    out.push_back(lang == Language::es ? d.sentence_es : d.sentence_en);
    const std::string& caution = lang == Language::es ? d.caution_es : d.caution_en;
    if (!caution.empty()) out.push_back(caution);
  } else {
    out.push_back(std::string(L(lang, "DiD no estimable: ", "DiD not estimable: ")) +
                  (lang == Language::es ? ev.did.reason_es : ev.did.reason));
  }
  if (ev.its) {
    const ItsResult& its = *ev.its.value;
    out.push_back(std::string(L(lang, "STI cambio de nivel: ", "ITS level change: ")) +
                  ratio_text(its.level_change.ratio));
    out.push_back(
        std::string(L(lang, "STI cambio de pendiente / año: ", "ITS slope change / year: ")) +
        ratio_text(its.slope_change.ratio));
  } else {
    out.push_back(std::string(L(lang, "STI no estimable: ", "ITS not estimable: ")) +
                  (lang == Language::es ? ev.its.reason_es : ev.its.reason));
  }
  if (!ev.excluded.empty()) {
    char buf[120];
    std::snprintf(buf, sizeof buf,
                  L(lang, "%zu sectores excluidos (ventana fuera de los datos)",
                    "%zu sectors excluded (window outside the data)"),
                  ev.excluded.size());
    out.push_back(buf);
  }
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
  s.label = L(lang, "Tratados (observado)", "Treated (observed)");
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
  c.counterfactual.label = L(lang, "Contrafactual (tendencia previa)", "Counterfactual (pre-trend)");
  return c;
}

void EvaluationPanel::draw(const Session& session) {
  const Language lang = session.language;
  const std::string current =
      choice_.program.empty() && !names_.empty() ? names_.front() : choice_.program;
  ImGui::SetNextItemWidth(ImGui::GetFontSize() * 18);
  if (ImGui::BeginCombo(L(lang, "Programa", "Program"), current.c_str())) {
    for (const std::string& n : names_)
      if (ImGui::Selectable(n.c_str(), n == current)) choice_.program = n;
    ImGui::EndCombo();
  }
  ImGui::SetNextItemWidth(ImGui::GetFontSize() * 8);
  int weeks = choice_.window_weeks;
  if (ImGui::InputInt(L(lang, "Ventana (semanas)", "Window (weeks)"), &weeks, 4, 13))
    choice_.window_weeks = std::clamp(weeks, 4, 260);
  int by = choice_.by == EvalBin::week ? 0 : 1;
  ImGui::RadioButton(L(lang, "Por semana", "By week"), &by, 0);
  ImGui::SameLine();
  ImGui::RadioButton(L(lang, "Por mes", "By month"), &by, 1);
  choice_.by = by == 0 ? EvalBin::week : EvalBin::month;
  ImGui::Separator();

  if (!result_) {
    ImGui::TextWrapped("%s", summary_lines(lang).front().c_str());
    return;
  }
  const ProgramEvaluation& ev = *result_;
  if (ImGui::BeginTable("eval_counts", 5, ImGuiTableFlags_Borders | ImGuiTableFlags_RowBg)) {
    ImGui::TableSetupColumn(L(lang, "Grupo", "Group"));
    ImGui::TableSetupColumn(L(lang, "Sectores", "Sectors"));
    ImGui::TableSetupColumn(L(lang, "Antes", "Before"));
    ImGui::TableSetupColumn(L(lang, "Después", "After"));
    ImGui::TableSetupColumn(L(lang, "Tasa/sector/sem.", "Rate/sector/wk"));
    ImGui::TableHeadersRow();
    const std::pair<const char*, const GroupWindowCounts*> rows[] = {
        {L(lang, "Tratados", "Treated"), &ev.treated},
        {L(lang, "Comparación", "Comparison"), &ev.comparison}};
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
  in.rollouts.push_back({chart->rollout, L(lang, "Inicio", "Rollout")});
  FilterState scratch;  // the chart does not filter the dashboard
  const float h = std::max(ImGui::GetContentRegionAvail().y, 10.0f * ImGui::GetFontSize());
  its_panel_.draw(in, scratch, ImVec2(ImGui::GetContentRegionAvail().x, h), 0.0);
}

}  // namespace faro::ui
