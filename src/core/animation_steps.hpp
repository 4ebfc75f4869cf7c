#pragma once
// The frames of an animated map (`faro animate`, File > Export animation): one frame per whole
// step (a week or a calendar month) of a period, each drawing that step's incidents or, when
// cumulative, everything from the period's start to the step's end. Steps are whole so every
// frame covers the same length of time and a choropleth's counts compare between frames; a
// remainder shorter than a step is not animated (the caller says so).
#include <cstddef>
#include <optional>
#include <string_view>
#include <utility>
#include <vector>

#include "core/civil_time.hpp"

namespace faro {

enum class AnimationStep { week, month };

std::optional<AnimationStep> parse_animation_step(std::string_view name);  // "week" | "month"
const char* to_string(AnimationStep step);

struct AnimationFrame {
  CivilSeconds step_from = 0, step_to_exclusive = 0;  // the step itself
  CivilSeconds from = 0, to_exclusive = 0;            // what the frame draws
};

struct AnimationPlan {
  std::vector<AnimationFrame> frames;
  // The end of the period that does not fill a whole step (left_from == left_to: none).
  CivilSeconds left_from = 0, left_to_exclusive = 0;
};

// More frames than this is a mistake (about 19 years of weeks, 83 of months).
constexpr size_t kMaxAnimationFrames = 1000;

// Steps start at the day of `from` (time of day dropped) and follow each other: 7 days, or one
// calendar month on the same day of the month (clamped to the month's length: Jan 31, Feb 29,
// Mar 31). Only steps ending by `to_exclusive` are frames.
AnimationPlan plan_animation(CivilSeconds from, CivilSeconds to_exclusive, AnimationStep step,
                             bool cumulative);

// The period to animate when none is given: from the start of the step holding `first` (Monday
// of its week, the 1st of its month) to the end of the step holding `last`, so the first and last
// incidents fall in whole steps.
std::pair<CivilSeconds, CivilSeconds> default_animation_period(CivilSeconds first, CivilSeconds last,
                                                               AnimationStep step);

}  // namespace faro
