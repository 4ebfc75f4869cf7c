#include "core/edit_history.hpp"

#include <utility>

namespace faro {

EditState edit_state_of(const Session& s) {
  return EditState{s.filter, s.style, s.selection, s.programs, s.category_selections};
}

void restore_edit_state(Session& s, const EditState& state) {
  s.filter = state.filter;
  s.style = state.style;
  s.selection = state.selection;
  s.programs = state.programs;
  s.category_selections = state.category_selections;
}

std::optional<EditKind> classify_edit(const EditState& a, const EditState& b) {
  if (a.filter.from != b.filter.from || a.filter.to_exclusive != b.filter.to_exclusive)
    return EditKind::dates;
  if (a.filter.categories != b.filter.categories) return EditKind::categories;
  if (a.filter.hour_mask != b.filter.hour_mask) return EditKind::hours;
  if (a.filter.weekday_mask != b.filter.weekday_mask) return EditKind::weekdays;
  if (a.filter.sectors != b.filter.sectors) return EditKind::sector_filter;
  if (!(a.style == b.style)) return EditKind::style;
  if (a.selection != b.selection) return EditKind::selection;
  if (!(a.programs == b.programs)) return EditKind::programs;
  if (!(a.category_selections == b.category_selections)) return EditKind::saved_selections;
  return std::nullopt;
}

EditHistory::EditHistory(size_t capacity) : capacity_(capacity > 0 ? capacity : 1) {}

void EditHistory::reset(const EditState& now) {
  current_ = now;
  undo_.clear();
  redo_.clear();
  open_gesture_ = 0;
}

void EditHistory::adopt(const EditState& now) {
  current_ = now;
}

bool EditHistory::observe(const EditState& now, uint64_t gesture) {
  const std::optional<EditKind> kind = classify_edit(current_, now);
  if (!kind) {
    if (gesture == 0) open_gesture_ = 0;  // the gesture ended without a further change
    return false;
  }
  // The same gesture still running, changing the same part: the top step already holds the state
  // from before the gesture, so only the current state moves on.
  if (gesture != 0 && gesture == open_gesture_ && !undo_.empty() && undo_.back().kind == *kind) {
    current_ = now;
    redo_.clear();
    return false;
  }
  undo_.push_back(Step{std::move(current_), *kind});
  if (undo_.size() > capacity_) undo_.pop_front();
  redo_.clear();
  current_ = now;
  open_gesture_ = gesture;
  return true;
}

std::optional<EditKind> EditHistory::undo_kind() const {
  if (undo_.empty()) return std::nullopt;
  return undo_.back().kind;
}

std::optional<EditKind> EditHistory::redo_kind() const {
  if (redo_.empty()) return std::nullopt;
  return redo_.back().kind;
}

std::optional<EditState> EditHistory::undo() {
  if (undo_.empty()) return std::nullopt;
  Step step = std::move(undo_.back());
  undo_.pop_back();
  redo_.push_back(Step{std::move(current_), step.kind});
  current_ = std::move(step.state);
  open_gesture_ = 0;
  return current_;
}

std::optional<EditState> EditHistory::redo() {
  if (redo_.empty()) return std::nullopt;
  Step step = std::move(redo_.back());
  redo_.pop_back();
  undo_.push_back(Step{std::move(current_), step.kind});
  if (undo_.size() > capacity_) undo_.pop_front();
  current_ = std::move(step.state);
  open_gesture_ = 0;
  return current_;
}

}  // namespace faro
