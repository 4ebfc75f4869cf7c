// The timeline panel's texts: TimelineText names rows of the one message catalogue
// (core/messages_timeline.hpp), in enum order; the static_assert keeps the two the same length.
#include "core/messages.hpp"
#include "ui/i18n.hpp"
#include "ui/timeline_panel.hpp"

namespace faro::ui {
namespace {

constexpr Msg kRows[] = {
    Msg::timeline_incidents, Msg::timeline_per_sector,  Msg::timeline_rolling,
    Msg::timeline_counterfactual, Msg::timeline_hint,   Msg::timeline_no_data,
    Msg::timeline_play,       Msg::timeline_pause,       Msg::timeline_speed_format,
    Msg::timeline_loop,       Msg::timeline_cumulative,  Msg::timeline_playing,
};
static_assert(sizeof kRows / sizeof kRows[0] == static_cast<size_t>(TimelineText::count_),
              "every TimelineText needs a catalogue row");

}  // namespace

const char* timeline_text(TimelineText id, Language language) {
  const auto i = static_cast<size_t>(id);
  if (i >= static_cast<size_t>(TimelineText::count_)) return "";
  return tr(kRows[i], language);
}

}  // namespace faro::ui
