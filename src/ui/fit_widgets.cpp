#include "ui/fit_widgets.hpp"

#include <algorithm>
#include <cstdio>
#include <cstring>
#include <vector>

namespace faro::ui {
namespace {

// The shown part of an ImGui label ("Ancho##id" shows "Ancho").
const char* shown_end(const char* label) {
  const char* hash = std::strstr(label, "##");
  return hash ? hash : label + std::strlen(label);
}

template <class T>
bool slider_beside(const char* label, ImGuiDataType type, T* v, T v_min, T v_max,
                   const char* format, ImGuiSliderFlags flags) {
  const ImGuiStyle& style = ImGui::GetStyle();
  const float gap = style.ItemInnerSpacing.x;
  char value[64], low[64], high[64];
  std::snprintf(value, sizeof value, format, *v);
  std::snprintf(low, sizeof low, format, v_min);
  std::snprintf(high, sizeof high, format, v_max);
  // The widest of the ends and the current value: a value column that does not move.
  const float value_w = std::max({ImGui::CalcTextSize(value).x, ImGui::CalcTextSize(low).x,
                                  ImGui::CalcTextSize(high).x});
  const char* label_end = shown_end(label);
  const float label_w = label == label_end ? 0 : ImGui::CalcTextSize(label, label_end).x;
  const float avail = ImGui::GetContentRegionAvail().x;
  const float min_slider_w = ImGui::GetFontSize() * 3;
  float slider_w = ImGui::CalcItemWidth();
  const bool label_above = label_w > 0 && slider_w + gap + value_w + gap + label_w > avail;
  if (label_above) {
    ImGui::PushTextWrapPos(0.0f);
    ImGui::TextUnformatted(label, label_end);
    ImGui::PopTextWrapPos();
  }
  slider_w = std::max(min_slider_w, std::min(slider_w, avail - gap - value_w));
  ImGui::PushID(label);
  const float x0 = ImGui::GetCursorPosX();
  ImGui::SetNextItemWidth(slider_w);
  // An empty format: the frame shows only the grab (the value is written beside it).
  const bool changed = ImGui::SliderScalar("##slider", type, v, &v_min, &v_max, "", flags);
  ImGui::PopID();
  std::snprintf(value, sizeof value, format, *v);  // after the edit
  ImGui::SameLine(x0 + slider_w + gap);
  ImGui::TextUnformatted(value);
  if (!label_above && label_w > 0) {
    ImGui::SameLine(x0 + slider_w + gap + value_w + gap);
    ImGui::TextUnformatted(label, label_end);
  }
  return changed;
}

}  // namespace

bool slider_float_beside(const char* label, float* v, float v_min, float v_max, const char* format,
                         ImGuiSliderFlags flags) {
  return slider_beside(label, ImGuiDataType_Float, v, v_min, v_max, format, flags);
}

bool slider_int_beside(const char* label, int* v, int v_min, int v_max, const char* format,
                       ImGuiSliderFlags flags) {
  return slider_beside(label, ImGuiDataType_S32, v, v_min, v_max, format, flags);
}

bool same_line_if_fits(float width, float new_line_x) {
  const float right = ImGui::GetWindowPos().x + ImGui::GetWindowContentRegionMax().x;
  if (ImGui::GetItemRectMax().x + ImGui::GetStyle().ItemSpacing.x + width <= right) {
    ImGui::SameLine();
    return true;
  }
  if (new_line_x >= 0) ImGui::SetCursorPosX(new_line_x);
  return false;
}

void text_wrapped_here(const char* text, bool disabled) {
  ImGui::PushTextWrapPos(0.0f);
  if (disabled) ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled));
  ImGui::TextUnformatted(text);
  if (disabled) ImGui::PopStyleColor();
  ImGui::PopTextWrapPos();
}

std::string elide_middle(const std::string& text, float width) {
  if (ImGui::CalcTextSize(text.c_str()).x <= width) return text;
  static const std::string kEllipsis = "\u2026";
  // Character starts (UTF-8 lead bytes), so a cut never splits a character.
  std::vector<size_t> starts;
  for (size_t i = 0; i < text.size(); ++i)
    if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80) starts.push_back(i);
  const auto candidate = [&](size_t keep) {  // `keep` characters in all, the end favoured
    const size_t tail = (keep + 1) / 2, head = keep - tail;
    const size_t head_end = head < starts.size() ? starts[head] : text.size();
    const size_t tail_begin = starts[starts.size() - tail];
    return text.substr(0, head_end) + kEllipsis + text.substr(tail_begin);
  };
  size_t lo = 0, hi = starts.size() - 1;  // the largest `keep` that fits, by bisection
  while (lo < hi) {
    const size_t mid = (lo + hi + 1) / 2;
    if (ImGui::CalcTextSize(candidate(mid).c_str()).x <= width)
      lo = mid;
    else
      hi = mid - 1;
  }
  return candidate(lo);
}

void panel_title(const std::string& text) {
  const float width = ImGui::GetContentRegionAvail().x;
  if (text.find(' ') != std::string::npos || ImGui::CalcTextSize(text.c_str()).x <= width) {
    text_wrapped_here(text.c_str());
    return;
  }
  ImGui::TextUnformatted(elide_middle(text, width).c_str());
  if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", text.c_str());
}

}  // namespace faro::ui
