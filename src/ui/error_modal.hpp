#pragma once
// Error messages from the app (AppStatus::errors: unreadable file, bad CRS, out of memory...)
// shown one at a time in a modal; later ones queue behind it. Never a crash, never silent.
#include <deque>
#include <string>
#include <vector>

#include "core/session.hpp"

namespace faro::ui {

struct ErrorModal {
  void queue(const std::vector<std::string>& new_errors);
  // Draws the modal for the oldest pending error. Must be the LAST window begun in the frame:
  // ImGui 1.86 asserts (FindBlockingModal) when a window appears after a modal's first Begin.
  void draw(Language lang);
  size_t pending() const { return queue_.size(); }

 private:
  std::deque<std::string> queue_;
};

}  // namespace faro::ui
