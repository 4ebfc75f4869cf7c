#include "ui/goals_panel.hpp"

#include <imgui.h>

#include <algorithm>

#include "core/errors.hpp"
#include "core/goals_text.hpp"
#include "core/messages.hpp"

namespace faro::ui {
namespace {

ImVec4 status_color(GoalStatus s) {
  switch (s) {
    case GoalStatus::met: return {0.15f, 0.55f, 0.25f, 1};
    case GoalStatus::on_track: return {0.15f, 0.45f, 0.75f, 1};
    case GoalStatus::off_track: return {0.78f, 0.15f, 0.15f, 1};
    case GoalStatus::not_estimable: break;
  }
  return {0.45f, 0.45f, 0.45f, 1};
}

DisclosurePolicy screen_policy() {
  DisclosurePolicy p;
  p.partner_safe = false;
  return p;
}

}  // namespace

void GoalsPanel::update(const SnapshotPtr& snap) {
  if (!snap || snap->data == data_) return;
  data_ = snap->data;
  ++computations;
  results.clear();
  error.clear();
  const Workspace& ws = snap->ws();
  has_data = ws.sectors.size() > 0 && !ws.incidents.empty();
  if (!has_data) return;
  const auto tmax = ws.incidents.max_time();
  as_of = tmax ? (days_of(*tmax) + 1) * kSecondsPerDay : 0;
  try {
    results = compute_program_goals(ws.incidents, ws.sectors, ws.programs, std::nullopt,
                                    screen_policy());
  } catch (const DataError& e) {
    error = e.what();
  }
}

void GoalsPanel::draw(const Session& session) const {
  const Language lang = session.language;
  if (!has_data) {
    ImGui::TextWrapped("%s", tr(Msg::goals_panel_no_data, lang));
    return;
  }
  if (!error.empty()) {
    ImGui::TextWrapped("%s", tr_format(lang, Msg::goals_panel_error, error.c_str()).c_str());
    return;
  }
  if (results.empty()) {
    ImGui::TextWrapped("%s", tr(Msg::goals_panel_none, lang));
    return;
  }
  ImGui::TextDisabled(
      "%s", tr_format(lang, Msg::goals_panel_as_of, format_date(as_of - kSecondsPerDay).c_str())
                .c_str());
  const DisclosurePolicy policy = screen_policy();
  const float font = ImGui::GetFontSize();
  std::string program;
  for (const GoalResult& r : results) {
    ImGui::PushID(static_cast<int>(&r - results.data()));
    if (r.program != program) {
      program = r.program;
      ImGui::Separator();
      ImGui::TextUnformatted(program.c_str());
    }
    ImGui::Indent(font);
    ImGui::TextWrapped("%s (%s) - %s", goal_indicator_text(r.goal.indicator, lang).c_str(),
                       goal_target_text(r.goal, lang).c_str(),
                       goal_where_words(r.goal.where, lang).c_str());
    ImGui::TextDisabled("%s", goal_windows_text(r.goal, lang).c_str());
    // The bar fills to the progress (0..100 %); the label states it, past 100 % as well.
    const float fraction =
        r.progress_pct ? static_cast<float>(std::clamp(*r.progress_pct / 100, 0.0, 1.0)) : 0.0f;
    const std::string label =
        r.progress_pct
            ? tr_format(lang, Msg::goals_progress, goal_number(*r.progress_pct).c_str())
            : std::string("-");
    ImGui::PushStyleColor(ImGuiCol_PlotHistogram, status_color(r.status));
    ImGui::ProgressBar(fraction, ImVec2(14 * font, 0), label.c_str());
    ImGui::PopStyleColor();
    ImGui::SameLine();
    ImGui::TextColored(status_color(r.status), "%s", goal_status_text(r.status, lang).c_str());
    if (r.status == GoalStatus::not_estimable) {
      ImGui::TextWrapped("%s", goal_reason_text(r.reason, policy.k, lang).c_str());
    } else {
      std::string line = tr_format(lang, Msg::goals_baseline_current,
                                   r.baseline ? goal_number(*r.baseline, 2).c_str() : "-",
                                   r.current ? goal_number(*r.current, 2).c_str() : "-");
      if (r.goal.indicator != GoalIndicator::rate_per_10k_max)
        line = tr_format(lang, Msg::goals_baseline_current,
                         r.baseline ? goal_number(*r.baseline).c_str() : "-",
                         r.current ? goal_number(*r.current).c_str() : "-");
      if (r.change_pct)
        line += " - " + tr_format(lang, Msg::goals_change,
                                  goal_number(*r.change_pct, 0, true).c_str());
      if (r.open)
        line += " - " + tr_format(lang, Msg::goals_window_open,
                                  format_date(r.goal.current.to_exclusive - kSecondsPerDay).c_str());
      ImGui::TextWrapped("%s", line.c_str());
    }
    ImGui::Unindent(font);
    ImGui::PopID();
  }
}

}  // namespace faro::ui
