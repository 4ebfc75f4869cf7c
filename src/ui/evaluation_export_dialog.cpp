#include "ui/evaluation_export_dialog.hpp"

#include <imgui.h>
#include <imgui_stdlib.h>

#include <filesystem>

#include "ui/i18n.hpp"

namespace faro::ui {

std::string file_slug(const std::string& name) {
  std::string out;
  for (unsigned char c : name) {
    const bool keep = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z');
    if (keep)
      out += static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
    else if (!out.empty() && out.back() != '-')
      out += '-';
  }
  while (!out.empty() && out.back() == '-') out.pop_back();
  return out.empty() ? "program" : out;
}

void EvaluationExportDialog::open(std::string program, int window_weeks, bool by_month) {
  if (!open_) appearing_ = true;
  open_ = true;
  program_ = std::move(program);
  window_weeks_ = window_weeks;
  by_month_ = by_month;
  if (!path_edited_) path_ = request() ? request()->path : "";
}

void EvaluationExportDialog::choose(bool internal, std::string folder) {
  internal_ = internal;
  if (!folder.empty()) folder_ = std::move(folder);
  path_edited_ = false;
  path_ = request() ? request()->path : "";
}

std::string EvaluationExportDialog::file_name() const {
  return "evaluation-" + file_slug(program_) + (internal_ ? "-internal" : "-partner") + ".pdf";
}

std::optional<EvaluationExportRequest> EvaluationExportDialog::request() const {
  if (program_.empty()) return std::nullopt;
  EvaluationExportRequest r;
  r.program = program_;
  r.window_weeks = window_weeks_;
  r.by_month = by_month_;
  r.internal = internal_;
  if (path_edited_ && !path_.empty()) {
    r.path = path_;
  } else {
    const std::filesystem::path folder =
        folder_.empty() ? std::filesystem::current_path() : std::filesystem::path(folder_);
    r.path = (folder / file_name()).string();
  }
  return r;
}

std::optional<EvaluationExportRequest> EvaluationExportDialog::draw(
    Language lang, const EvaluationExportStatus& status) {
  if (!open_) return std::nullopt;
  std::optional<EvaluationExportRequest> out;
  const float f = ImGui::GetFontSize();
  ImGui::SetNextWindowSize(ImVec2(36 * f, 0), ImGuiCond_Appearing);
  if (appearing_) {  // in front of the evaluation window it was opened with, centred
    const ImVec2 display = ImGui::GetIO().DisplaySize;
    ImGui::SetNextWindowPos(ImVec2(display.x * 0.5f, display.y * 0.4f), ImGuiCond_Always,
                            ImVec2(0.5f, 0.5f));
    ImGui::SetNextWindowFocus();
    appearing_ = false;
  }
  const std::string title = std::string(tr(Msg::eval_export_title, lang)) + "###eval_export";
  if (ImGui::Begin(title.c_str(), &open_, ImGuiWindowFlags_NoCollapse)) {
    if (program_.empty()) {
      ImGui::TextDisabled("%s", tr(Msg::eval_export_no_program, lang));
    } else {
      ImGui::PushTextWrapPos(0);
      ImGui::TextUnformatted(
          tr_format(lang, Msg::eval_export_program, program_.c_str(), window_weeks_,
                    tr(by_month_ ? Msg::eval_report_month : Msg::eval_report_week, lang))
              .c_str());
      ImGui::TextDisabled("%s", tr(Msg::eval_export_pages, lang));
      ImGui::PopTextWrapPos();
      ImGui::Separator();
      bool changed = false;
      if (ImGui::RadioButton(tr(Msg::brief_export_partner, lang), !internal_))
        internal_ = false, changed = true;
      ImGui::SameLine();
      if (ImGui::RadioButton(tr(Msg::brief_export_internal, lang), internal_))
        internal_ = true, changed = true;
      // What the choice means, in one sentence.
      ImGui::PushTextWrapPos(0);
      ImGui::TextDisabled("%s", tr(internal_ ? Msg::eval_export_internal_help
                                             : Msg::eval_export_partner_help,
                                   lang));
      ImGui::PopTextWrapPos();
      if (changed && !path_edited_) path_ = request()->path;
      ImGui::TextUnformatted(tr(Msg::brief_export_file, lang));
      ImGui::SameLine();
      ImGui::SetNextItemWidth(-1);
      if (ImGui::InputText("##eval_path", &path_)) path_edited_ = true;
      ImGui::BeginDisabled(status.running || path_.empty());
      if (ImGui::Button(tr(Msg::brief_export_go, lang))) out = request();
      ImGui::EndDisabled();
      if (status.running) {
        ImGui::SameLine();
        ImGui::ProgressBar(static_cast<float>(status.progress), ImVec2(-1, 0),
                           tr(Msg::eval_export_running, lang));
      } else if (!status.message.empty()) {
        ImGui::PushTextWrapPos(0);
        if (status.failed)
          ImGui::TextColored(ImVec4(0.85f, 0.2f, 0.2f, 1), "%s",
                             tr_format(lang, Msg::brief_export_failed, status.message.c_str())
                                 .c_str());
        else
          ImGui::TextUnformatted(
              tr_format(lang, Msg::brief_export_done, status.message.c_str()).c_str());
        ImGui::PopTextWrapPos();
      }
    }
  }
  ImGui::End();
  return out;
}

}  // namespace faro::ui
