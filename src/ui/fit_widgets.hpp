#pragma once
// Widgets whose text always fits (issue 17, "no clipped or overlapping text"): ImGui's sliders
// print their value centred in the frame, under the grab, and their label to the right, cut by a
// narrow panel ("Tamaño de punto (px"). These draw the slider without text, its value beside it
// (room reserved for the widest value, so nothing jumps while dragging) and the label after the
// value when the three fit on the line, else on its own (wrapped) line above.
#include <imgui.h>

#include <string>

namespace faro::ui {

// As ImGui::SliderFloat / SliderInt (width from the item-width stack, clamped to the room left),
// with `format` printing the value beside the frame. The last item is the label (or the value):
// ImGui::IsItemHovered() after it is true over that text, e.g. for a tooltip.
bool slider_float_beside(const char* label, float* v, float v_min, float v_max, const char* format,
                         ImGuiSliderFlags flags = 0);
bool slider_int_beside(const char* label, int* v, int v_min, int v_max, const char* format = "%d",
                       ImGuiSliderFlags flags = 0);

// ImGui::SameLine() when an item `width` pixels wide still fits right of the last item, else
// nothing, so the next item starts a new line instead of running past the panel's edge; on that
// new line it starts at `new_line_x` (window coordinates, as ImGui::GetCursorPosX) when given.
// Returns whether it stayed on the line.
bool same_line_if_fits(float width, float new_line_x = -1);

// Text wrapped at the right edge of the window (continuation lines start where it started).
void text_wrapped_here(const char* text, bool disabled = false);

// `text` shortened in the middle with "…" until it is at most `width` pixels wide in the current
// font (whole UTF-8 characters kept; its end, e.g. a file's extension, stays visible). Returned as
// it is when it fits.
std::string elide_middle(const std::string& text, float width);

// A title for the top of a panel: words wrap at the panel's edge; a single long token (a file name
// such as "fgj_homicidios_armas_cdmx_2019_2024.csv", which ImGui would break after its '.') is
// shortened in the middle instead, with the whole name in a tooltip.
void panel_title(const std::string& text);

}  // namespace faro::ui
