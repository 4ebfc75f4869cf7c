#pragma once
// Undo/redo of the dashboard's user edits as whole-state snapshots: the filter, the map style, the
// sector selection, the programs and the saved offence selections (EditState). The app observes
// the session once per frame; a change becomes one step holding the state before it, so undo
// simply puts that state back and the normal snapshot regeneration (core/data_snapshot.hpp) does
// the rest. No per-command inverse code, so every panel's edits are covered, present and future.
//
// Coalescing: a continuous gesture (a slider drag, typing in one field, timeline playback) reports
// the same non-zero gesture key every frame it lasts; its changes merge into one step as long as
// they touch the same part of the state. Key 0 = no gesture: each change is its own step.
// History is bounded (oldest steps dropped); redo is cleared by any new edit.
#include <cstddef>
#include <cstdint>
#include <deque>
#include <optional>
#include <string>
#include <vector>

#include "core/session.hpp"

namespace faro {

// The part of a Session that undo covers (camera, language and sources are not edits to undo).
struct EditState {
  FilterState filter;
  MapStyle style;
  std::vector<std::string> selection;
  std::vector<ProgramSpec> programs;
  std::vector<CategorySelection> category_selections;
  friend bool operator==(const EditState&, const EditState&) = default;
};

EditState edit_state_of(const Session& s);
// Writes `state` back into `s` (only the parts EditState holds).
void restore_edit_state(Session& s, const EditState& state);

// What an edit changed, for the Edit menu's "Undo <what>" (the first part that differs, in this
// order of precedence).
enum class EditKind {
  dates, categories, hours, weekdays, sector_filter, style, selection, programs, saved_selections,
};
std::optional<EditKind> classify_edit(const EditState& before, const EditState& after);

class EditHistory {
 public:
  static constexpr size_t kDefaultCapacity = 100;
  explicit EditHistory(size_t capacity = kDefaultCapacity);

  // Forgets every step; `now` is the state edits start from (a project was opened).
  void reset(const EditState& now);
  // Accepts `now` as the current state without a step (a change the app made itself, e.g. the
  // colour-scale lock of timeline playback).
  void adopt(const EditState& now);
  // Compares `now` with the last state seen: a difference becomes a step (or extends the open one,
  // see the header comment). Returns whether a new step was pushed.
  bool observe(const EditState& now, uint64_t gesture);

  bool can_undo() const { return !undo_.empty(); }
  bool can_redo() const { return !redo_.empty(); }
  std::optional<EditKind> undo_kind() const;
  std::optional<EditKind> redo_kind() const;
  // The state to restore, or nullopt when there is nothing to undo/redo. The history then treats
  // that state as current (the caller writes it into the session).
  std::optional<EditState> undo();
  std::optional<EditState> redo();

  size_t undo_depth() const { return undo_.size(); }
  size_t redo_depth() const { return redo_.size(); }
  size_t capacity() const { return capacity_; }

 private:
  struct Step {
    EditState state;  // undo stack: the state before the edit; redo stack: the state after it
    EditKind kind;
  };
  size_t capacity_;
  EditState current_;
  std::deque<Step> undo_;
  std::vector<Step> redo_;
  uint64_t open_gesture_ = 0;  // the gesture the top undo step may still absorb (0 = none)
};

}  // namespace faro
