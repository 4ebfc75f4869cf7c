#include "ui/status_bar.hpp"

#include <imgui.h>

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <string>

#include "ui/format.hpp"
#include "ui/i18n.hpp"

namespace faro::ui {

void StatusBar::draw(const Rect& where, const DataSnapshot& snap, const Session& session,
                     const AppStatus& status, UiActions& actions) {
  const Workspace& ws = snap.ws();
  const Language lang = session.language;
  ImGui::SetNextWindowPos(ImVec2(where.x, where.y));
  ImGui::SetNextWindowSize(ImVec2(where.w, where.h));
  ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(8, 2));
  ImGui::PushStyleVar(ImGuiStyleVar_WindowRounding, 0);
  const ImGuiWindowFlags flags =
      ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoSavedSettings |
      ImGuiWindowFlags_NoBringToFrontOnFocus | ImGuiWindowFlags_NoFocusOnAppearing;
  ImGui::Begin("##status_bar", nullptr, flags);
  ImGui::AlignTextToFramePadding();
  char buf[256];
  if (status.loading) {
    const float w = 180.0f * ImGui::GetFontSize() / 15.0f;
    ImGui::ProgressBar(status.load_progress < 0 ? 0.0f : status.load_progress, ImVec2(w, 0),
                       status.load_progress < 0 ? tr(Msg::status_loading, lang) : nullptr);
    ImGui::SameLine();
    if (ImGui::SmallButton(tr(Msg::status_cancel, lang))) {
      UiAction a;
      a.kind = UiAction::Kind::cancel_load;
      actions.push_back(a);
    }
    ImGui::SameLine();
    ImGui::TextUnformatted(status.load_message.empty() ? tr(Msg::status_loading, lang)
                                                       : status.load_message.c_str());
  } else {
    const std::string shown = format_count(snap.result().total);
    // Server mode holds no rows: the table's (the estimate the mode decision saw).
    const std::string total = format_count(status.pg.server_mode
                                               ? static_cast<int64_t>(status.pg.last_count)
                                               : static_cast<int64_t>(ws.incidents.size()));
    std::snprintf(buf, sizeof buf, tr(Msg::count_of_total, lang), shown.c_str(), total.c_str());
    ImGui::TextUnformatted(buf);
    ImGui::SameLine();
    ImGui::TextDisabled("•");
    ImGui::SameLine();
    std::snprintf(buf, sizeof buf, tr(Msg::status_sectors, lang),
                  static_cast<int>(ws.sectors.size()));
    ImGui::TextUnformatted(buf);
    if (ws.synthetic) {
      ImGui::SameLine();
      ImGui::TextDisabled("•");
      ImGui::SameLine();
      ImGui::TextColored(ImVec4(0.70f, 0.25f, 0.08f, 1), "%s", tr(Msg::synthetic_data, lang));
    }
  }
  if (status.animation_frames > 0) {
    // An animation export: its progress and a cancel button (the file is only renamed into place
    // when the last frame is written, so cancelling leaves nothing behind).
    ImGui::SameLine();
    ImGui::TextDisabled("•");
    ImGui::SameLine();
    const float w = 120.0f * ImGui::GetFontSize() / 15.0f;
    ImGui::ProgressBar(static_cast<float>(status.animation_frame) / status.animation_frames,
                       ImVec2(w, 0), "");
    ImGui::SameLine();
    if (status.animation_frame == 0)
      ImGui::TextUnformatted(tr(Msg::status_animation_scale, lang));
    else {
      std::snprintf(buf, sizeof buf, tr(Msg::status_animation_frames, lang),
                    status.animation_frame, status.animation_frames);
      ImGui::TextUnformatted(buf);
    }
    ImGui::SameLine();
    ImGui::PushID("animation");
    if (ImGui::SmallButton(tr(Msg::status_cancel, lang))) {
      UiAction a;
      a.kind = UiAction::Kind::cancel_animation;
      actions.push_back(a);
    }
    ImGui::PopID();
  }
  if (status.pg.active && !status.loading) {
    // A live PostGIS source: the last refresh (or reconciliation) and what it brought.
    ImGui::SameLine();
    ImGui::TextDisabled("•");
    ImGui::SameLine();
    if (status.pg.running)
      ImGui::TextUnformatted(tr(Msg::pg_status_refreshing, lang));
    else if (status.pg.last_time.empty())
      ImGui::TextUnformatted(tr(Msg::pg_status_never, lang));
    else {
      std::snprintf(buf, sizeof buf,
                    tr(status.pg.last_step == AppStatus::PgLive::Step::load      ? Msg::pg_status_loaded
                       : status.pg.last_step == AppStatus::PgLive::Step::refresh ? Msg::pg_status_last
                                                                                 : Msg::pg_status_reconciled,
                       lang),
                    status.pg.last_time.c_str(), status.pg.last_count);
      ImGui::TextUnformatted(buf);
    }
  }
  if (status.heatmap_busy) {
    ImGui::SameLine();
    ImGui::TextDisabled("•");
    ImGui::SameLine();
    ImGui::TextUnformatted(tr(Msg::status_heatmap_busy, lang));
  }

  // Right-aligned: project file and frame time.
  const std::string project = status.project_path.empty()
                                  ? std::string(tr(Msg::status_unsaved, lang))
                                  : std::filesystem::path(status.project_path).filename().string();
  std::snprintf(buf, sizeof buf, tr(Msg::status_frame_ms, lang), status.frame_ms);
  const std::string right = project + "   " + buf;
  const float right_w = ImGui::CalcTextSize(right.c_str()).x;
  // Only where it fits after the left part (a narrow window with an animation running has none).
  const float left_end = ImGui::GetItemRectMax().x - ImGui::GetWindowPos().x;
  if (left_end + 20 + right_w + 12 <= where.w) {
    ImGui::SameLine(where.w - right_w - 12);
    ImGui::TextDisabled("%s", right.c_str());
  }
  ImGui::End();
  ImGui::PopStyleVar(2);
}

}  // namespace faro::ui
