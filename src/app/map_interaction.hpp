#pragma once
// Map navigation and selection as pure functions of one frame's input, so the rules (zoom around
// the cursor, pan by drag, keyboard steps, click selection) are tested without a window. The app
// fills MapInput from ImGui's IO (GLFW window) or from a script (headless benchmarks).
//
// Pixel coordinates are relative to the map region's top-left corner, y down, in the same units as
// the camera (framebuffer pixels; the app scales ImGui's display coordinates when they differ).
#include <optional>
#include <string>
#include <vector>

#include "core/geometry.hpp"
#include "render/camera.hpp"

namespace faro::app {

struct MapInput {
  Vec2 mouse;                 // cursor position in map pixels
  bool mouse_in_map = false;  // over the map and not captured by a UI window
  Vec2 drag_delta;            // left-button drag since the last frame (pixels); 0 when not dragging
  double wheel = 0;           // wheel notches this frame (> 0 zooms in)
  bool double_click = false;  // left double-click this frame
  bool click = false;         // left button released without having dragged (a selection click)
  bool ctrl = false;          // Ctrl held (multi-select)
  // Keyboard, already filtered by the app (only when no text field has the keyboard).
  int pan_x = 0, pan_y = 0;   // arrow keys: -1, 0 or 1 per axis (x right, y down)
  int zoom_steps = 0;         // '+' = 1, '-' = -1
  bool home = false;          // fit all
};

// Input routing: what the UI holds this frame, from ImGui's IO and window state. The map gets
// only what no dialog, popup or text field is using (issue: '+' in File > Open zoomed the map).
struct UiFocus {
  bool wants_mouse = false;     // io.WantCaptureMouse: over a window, dragging in one, a popup open
  bool wants_keyboard = false;  // io.WantCaptureKeyboard: a widget is active, or a modal is open
  bool text_input = false;      // io.WantTextInput: a text field has the keyboard
  bool popup_open = false;      // a menu, combo, context menu or modal popup is open
  bool dialog_focused = false;  // a floating window (file browser, a dialog) has the focus
};

struct MapInputRoute {
  bool pointer = false;  // hover, clicks and drags over the map
  bool wheel = false;    // wheel zoom
  bool keys = false;     // arrows, +/-, Home
};

// Pointer and wheel go to the map unless the UI has the mouse or a popup is open (the wheel also
// waits while a text field is being edited); keys go to it only when nothing else has the
// keyboard: no active widget or text field, no popup or modal, no focused dialog.
MapInputRoute route_map_input(const UiFocus& focus);

// Zoom factor per wheel notch and per '+'/'-' press; double-click zooms in by kDoubleClickZoom.
constexpr double kWheelZoomStep = 1.25;
constexpr double kDoubleClickZoom = 2.0;
// Arrow keys move the view by this fraction of its width/height.
constexpr double kKeyPanFraction = 0.1;
// Padding around the data when fitting (pixels, each side, as a fraction of the smaller side).
constexpr double kFitPaddingFraction = 0.04;
// Scale limits: no closer than 5 cm per pixel (beyond any useful street zoom) and no further out
// than 8x the fitted view (the city shrinks to a thumbnail but never disappears).
constexpr double kMinMetresPerPixel = 0.05;
constexpr double kMaxZoomOutFactor = 8.0;

// The camera that shows `extent` whole in width x height pixels with the standard padding.
render::Camera fit_camera(const Box& extent, int width, int height);

// Applies drag, wheel, double-click and keyboard input to `camera`; `extent` (the data) bounds the
// zoom-out and is the target of Home. Returns whether the camera changed.
bool apply_map_input(render::Camera& camera, const MapInput& input, const Box& extent);

// Clamps the scale to [kMinMetresPerPixel, kMaxZoomOutFactor x the fitted scale of `extent`].
void clamp_scale(render::Camera& camera, const Box& extent);

// Click selection by sector name. Without Ctrl: the clicked sector becomes the only selection
// (clicking the only selected sector, or empty map, clears it). With Ctrl: toggles the clicked
// sector, keeping the others (Ctrl-click on empty map changes nothing). Returns whether the
// selection changed.
bool apply_click_selection(std::vector<std::string>& selection,
                           const std::optional<std::string>& clicked, bool ctrl);

// The camera framing `box` (e.g. the selected sectors) at the current size; a zero-size box keeps
// the current scale.
void zoom_to_box(render::Camera& camera, const Box& box);

}  // namespace faro::app
