#include "ui/program_goals_editor.hpp"

#include <imgui.h>

#include <cstdio>
#include <cstring>
#include <cstdlib>

#include "core/goals_text.hpp"
#include "core/messages.hpp"

namespace faro::ui {
namespace {

bool input(const char* label, std::string& value, float width_em) {
  char buf[256];
  std::strncpy(buf, value.c_str(), sizeof buf - 1);
  buf[sizeof buf - 1] = 0;
  ImGui::SetNextItemWidth(ImGui::GetFontSize() * width_em);
  if (!ImGui::InputText(label, buf, sizeof buf)) return false;
  value = buf;
  return true;
}

constexpr GoalIndicator kIndicators[] = {GoalIndicator::reduction_pct, GoalIndicator::count_max,
                                         GoalIndicator::rate_per_10k_max,
                                         GoalIndicator::did_reduction_pct};

}  // namespace

void ProgramGoalsEditor::load(const std::string& program, const std::vector<ProgramGoal>& goals) {
  loaded_for = program;
  rows.clear();
  for (const ProgramGoal& g : goals) {
    const GoalFields f = goal_fields(g);
    GoalEditRow r{f.indicator, f.where, f.baseline_from, f.baseline_to, f.from, f.to,
                  goal_number(g.target, g.target == static_cast<long long>(g.target) ? 0 : 2)};
    rows.push_back(std::move(r));
  }
}

std::optional<std::vector<ProgramGoal>> ProgramGoalsEditor::goals(Language lang,
                                                                  std::string& message) const {
  std::vector<ProgramGoal> out;
  for (size_t i = 0; i < rows.size(); ++i) {
    const GoalEditRow& r = rows[i];
    GoalFields f{r.indicator, r.where, r.baseline_from, r.baseline_to, r.from, r.to, std::nullopt};
    char* end = nullptr;
    const double target = std::strtod(r.target.c_str(), &end);
    if (!r.target.empty() && end && *end == 0) f.target = target;
    GoalProblem problem;
    const auto goal = make_goal(f, problem);
    if (!goal) {
      message = tr_format(lang, Msg::goals_edit_invalid, static_cast<int>(i + 1),
                          problem.field.c_str(), problem.message.c_str());
      return std::nullopt;
    }
    out.push_back(*goal);
  }
  return out;
}

void ProgramGoalsEditor::draw(Language lang) {
  size_t remove = rows.size();
  for (size_t i = 0; i < rows.size(); ++i) {
    GoalEditRow& r = rows[i];
    ImGui::PushID(static_cast<int>(i));
    ImGui::Separator();
    ImGui::SetNextItemWidth(ImGui::GetFontSize() * 16);
    const auto current = goal_indicator_from_id(r.indicator);
    const std::string shown =
        current ? goal_indicator_text(*current, lang) : r.indicator;
    if (ImGui::BeginCombo(tr(Msg::goals_edit_indicator, lang), shown.c_str())) {
      for (GoalIndicator g : kIndicators)
        if (ImGui::Selectable(goal_indicator_text(g, lang).c_str(), current == g))
          r.indicator = goal_indicator_id(g);
      ImGui::EndCombo();
    }
    input(tr(Msg::goals_edit_where, lang), r.where, 22);
    input(tr(Msg::goals_edit_baseline_from, lang), r.baseline_from, 7);
    ImGui::SameLine();
    input(tr(Msg::goals_edit_baseline_to, lang), r.baseline_to, 7);
    input(tr(Msg::goals_edit_from, lang), r.from, 7);
    ImGui::SameLine();
    input(tr(Msg::goals_edit_to, lang), r.to, 7);
    input(tr(Msg::goals_edit_target, lang), r.target, 5);
    ImGui::SameLine();
    if (ImGui::SmallButton(tr(Msg::goals_edit_remove, lang))) remove = i;
    ImGui::PopID();
  }
  if (remove < rows.size()) rows.erase(rows.begin() + static_cast<long>(remove));
  if (ImGui::Button(tr(Msg::goals_edit_add, lang))) rows.emplace_back();
}

}  // namespace faro::ui
