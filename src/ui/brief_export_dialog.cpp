#include "ui/brief_export_dialog.hpp"

#include <imgui.h>
#include <imgui_stdlib.h>

#include <filesystem>

#include "ui/i18n.hpp"

namespace faro::ui {

void BriefExportDialog::open(std::optional<IsoWeek> week) {
  if (!open_) appearing_ = true;
  open_ = true;
  week_ = week;
  if (!path_edited_) path_ = request() ? request()->path : "";
}

void BriefExportDialog::choose(bool internal, Format format, std::string folder) {
  internal_ = internal;
  format_ = format;
  if (!folder.empty()) folder_ = std::move(folder);
  path_edited_ = false;
  path_ = request() ? request()->path : "";
}

std::string BriefExportDialog::file_name() const {
  const char* ext = format_ == Format::pdf ? ".pdf" : format_ == Format::png ? ".png" : ".csv";
  return "brief-" + (week_ ? format_iso_week(*week_) : std::string("week")) +
         (internal_ ? "-internal" : "-partner") + ext;
}

std::optional<BriefExportRequest> BriefExportDialog::request() const {
  if (!week_) return std::nullopt;
  BriefExportRequest r;
  r.week = *week_;
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

std::optional<BriefExportRequest> BriefExportDialog::draw(Language lang,
                                                          const BriefExportStatus& status) {
  if (!open_) return std::nullopt;
  std::optional<BriefExportRequest> out;
  const float f = ImGui::GetFontSize();
  ImGui::SetNextWindowSize(ImVec2(34 * f, 0), ImGuiCond_Appearing);
  if (appearing_) {  // in front of the brief window it was opened from, centred
    const ImVec2 display = ImGui::GetIO().DisplaySize;
    ImGui::SetNextWindowPos(ImVec2(display.x * 0.5f, display.y * 0.4f), ImGuiCond_Always,
                            ImVec2(0.5f, 0.5f));
    ImGui::SetNextWindowFocus();
    appearing_ = false;
  }
  const std::string title = std::string(tr(Msg::brief_export_title, lang)) + "###brief_export";
  if (ImGui::Begin(title.c_str(), &open_, ImGuiWindowFlags_NoCollapse)) {
    if (!week_) {
      ImGui::TextDisabled("%s", tr(Msg::brief_export_no_week, lang));
    } else {
      ImGui::TextUnformatted(
          tr_format(lang, Msg::brief_export_week, format_iso_week(*week_).c_str()).c_str());
      ImGui::Separator();
      bool changed = false;
      if (ImGui::RadioButton(tr(Msg::brief_export_partner, lang), !internal_))
        internal_ = false, changed = true;
      ImGui::SameLine();
      if (ImGui::RadioButton(tr(Msg::brief_export_internal, lang), internal_))
        internal_ = true, changed = true;
      // What the choice means, in one sentence.
      ImGui::PushTextWrapPos(0);
      ImGui::TextDisabled("%s", tr(internal_ ? Msg::brief_export_internal_help
                                             : Msg::brief_export_partner_help,
                                   lang));
      ImGui::PopTextWrapPos();
      ImGui::TextUnformatted(tr(Msg::brief_export_format, lang));
      ImGui::SameLine();
      int fmt = static_cast<int>(format_);
      changed |= ImGui::RadioButton("PDF", &fmt, 0);
      ImGui::SameLine();
      changed |= ImGui::RadioButton("PNG", &fmt, 1);
      ImGui::SameLine();
      changed |= ImGui::RadioButton("CSV", &fmt, 2);
      format_ = static_cast<Format>(fmt);
      if (changed && !path_edited_) path_ = request()->path;
      ImGui::SetNextItemWidth(-1);
      if (ImGui::InputText("##brief_path", &path_)) path_edited_ = true;
      ImGui::BeginDisabled(status.running || path_.empty());
      if (ImGui::Button(tr(Msg::brief_export_go, lang))) out = request();
      ImGui::EndDisabled();
      if (status.running) {
        ImGui::SameLine();
        ImGui::ProgressBar(static_cast<float>(status.progress), ImVec2(-1, 0),
                           tr(Msg::brief_export_running, lang));
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
