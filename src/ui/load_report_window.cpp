#include "ui/load_report_window.hpp"

#include <imgui.h>

#include <cstdio>
#include <functional>
#include <string>

#include "ui/format.hpp"
#include "ui/i18n.hpp"

namespace faro::ui {

const char* describe_issue(RowIssue r, Language lang) {
  return describe(r, lang);
}

uint64_t reports_fingerprint(const std::vector<LoadReport>& reports) {
  // FNV-style mixing; only equality matters.
  uint64_t h = 1469598103934665603ull ^ reports.size();
  auto mix = [&h](uint64_t v) { h = (h ^ v) * 1099511628211ull; };
  for (const LoadReport& r : reports) {
    mix(std::hash<std::string>{}(r.source));
    mix(static_cast<uint64_t>(r.rows_read));
    mix(static_cast<uint64_t>(r.rows_loaded));
  }
  return h;
}

namespace {

void draw_report(const LoadReport& r, Language lang) {
  ImGui::TextDisabled(tr(Msg::report_method, lang), r.method.c_str());
  if (ImGui::BeginTable("counts", 4, ImGuiTableFlags_SizingFixedFit | ImGuiTableFlags_Borders)) {
    ImGui::TableSetupColumn(tr(Msg::report_read, lang));
    ImGui::TableSetupColumn(tr(Msg::report_loaded, lang));
    ImGui::TableSetupColumn(tr(Msg::report_rejected, lang));
    ImGui::TableSetupColumn(tr(Msg::report_changed, lang));
    ImGui::TableHeadersRow();
    ImGui::TableNextRow();
    const int64_t values[4] = {r.rows_read, r.rows_loaded, r.rows_rejected(), r.rows_changed()};
    for (int i = 0; i < 4; ++i) {
      ImGui::TableSetColumnIndex(i);
      ImGui::TextUnformatted(format_count(values[i]).c_str());
    }
    ImGui::EndTable();
  }

  bool any = false;
  for (size_t i = 0; i < kRowIssueCount; ++i) any |= r.issues[i].count > 0;
  if (any && ImGui::BeginTable("issues", 3,
                               ImGuiTableFlags_Borders | ImGuiTableFlags_RowBg |
                                   ImGuiTableFlags_SizingStretchProp)) {
    ImGui::TableSetupColumn(tr(Msg::report_reason, lang), ImGuiTableColumnFlags_WidthStretch, 2);
    ImGui::TableSetupColumn(tr(Msg::report_rows, lang), ImGuiTableColumnFlags_WidthFixed);
    ImGui::TableSetupColumn(tr(Msg::report_examples, lang), ImGuiTableColumnFlags_WidthStretch, 3);
    ImGui::TableHeadersRow();
    for (size_t i = 0; i < kRowIssueCount; ++i) {
      const IssueTally& t = r.issues[i];
      if (t.count == 0) continue;
      const RowIssue issue = static_cast<RowIssue>(i);
      ImGui::TableNextRow();
      ImGui::TableSetColumnIndex(0);
      // Rejections in red, kept-but-changed rows in the normal colour.
      if (is_rejection(issue))
        ImGui::TextColored(ImVec4(0.7f, 0.12f, 0.05f, 1), "%s", describe_issue(issue, lang));
      else
        ImGui::TextWrapped("%s", describe_issue(issue, lang));
      ImGui::TableSetColumnIndex(1);
      ImGui::TextUnformatted(format_count(t.count).c_str());
      ImGui::TableSetColumnIndex(2);
      for (const IssueExample& e : t.examples) {
        std::string line = e.row > 0 ? "#" + std::to_string(e.row) : "—";
        if (!e.field.empty()) line += "  " + e.field;
        if (!e.value.empty()) line += " = “" + e.value + "”";
        ImGui::TextWrapped("%s", line.c_str());
      }
    }
    ImGui::EndTable();
  }
  if (r.gdal_warning_count > 0) {
    ImGui::TextDisabled(tr(Msg::report_gdal_warnings, lang),
                        static_cast<long long>(r.gdal_warning_count));
    for (const std::string& w : r.gdal_warnings) ImGui::BulletText("%s", w.c_str());
  }
  if (!r.notes.empty()) {
    ImGui::TextDisabled("%s", tr(Msg::report_notes, lang));
    for (const LoadNote& n : r.notes) ImGui::BulletText("%s", format_note(n, lang).c_str());
  }
}

}  // namespace

void LoadReportWindow::draw(const Workspace& ws, const Session& session, bool& open) {
  const uint64_t fp = reports_fingerprint(ws.reports);
  if (fp != seen_fingerprint_) {
    seen_fingerprint_ = fp;
    for (const LoadReport& r : ws.reports)
      if (r.rows_rejected() > 0) open = true;
  }
  if (!open) return;
  const Language lang = session.language;
  const float f = ImGui::GetFontSize();
  const ImVec2 display = ImGui::GetIO().DisplaySize;
  ImGui::SetNextWindowSize(ImVec2(46 * f, 28 * f), ImGuiCond_FirstUseEver);
  ImGui::SetNextWindowPos(ImVec2(display.x * 0.5f, display.y * 0.5f), ImGuiCond_FirstUseEver,
                          ImVec2(0.5f, 0.5f));
  // "###" keeps the window identity when the language changes its title.
  const std::string title = std::string(tr(Msg::report_title, lang)) + "###load_report";
  if (ImGui::Begin(title.c_str(), &open)) {
    if (ws.reports.empty()) ImGui::TextUnformatted(tr(Msg::report_none, lang));
    for (size_t i = 0; i < ws.reports.size(); ++i) {
      const LoadReport& r = ws.reports[i];
      ImGui::PushID(static_cast<int>(i));
      std::string header = r.source + (r.layer.empty() ? "" : " (" + r.layer + ")");
      const ImGuiTreeNodeFlags flags =
          r.rows_rejected() > 0 ? ImGuiTreeNodeFlags_DefaultOpen : ImGuiTreeNodeFlags_None;
      if (ImGui::CollapsingHeader(header.c_str(), flags)) draw_report(r, lang);
      ImGui::PopID();
    }
  }
  ImGui::End();
}

}  // namespace faro::ui
