// Undo/redo as whole-state snapshots: push, undo, redo, the bound, gesture coalescing, and what
// each step says it changed (the Edit menu's label).
#include <gtest/gtest.h>

#include "core/edit_history.hpp"

namespace faro {
namespace {

EditState with_categories(std::vector<std::string> names) {
  EditState s;
  s.filter.categories = std::move(names);
  return s;
}

TEST(EditHistory, UndoRestoresThePreviousStateAndRedoTheNext) {
  EditHistory h;
  const EditState start;
  h.reset(start);
  const EditState robbery = with_categories({"ROBO"});
  EditState robbery_night = robbery;
  robbery_night.filter.hour_mask = 0xFF0000;
  EXPECT_TRUE(h.observe(robbery, 0));
  EXPECT_TRUE(h.observe(robbery_night, 0));
  EXPECT_EQ(h.undo_depth(), 2u);
  EXPECT_EQ(h.undo_kind(), EditKind::hours);

  auto back = h.undo();
  ASSERT_TRUE(back);
  EXPECT_EQ(*back, robbery);
  EXPECT_EQ(h.undo_kind(), EditKind::categories);
  EXPECT_EQ(h.redo_kind(), EditKind::hours);
  back = h.undo();
  ASSERT_TRUE(back);
  EXPECT_EQ(*back, start);
  EXPECT_FALSE(h.can_undo());
  EXPECT_FALSE(h.undo());

  auto forward = h.redo();
  ASSERT_TRUE(forward);
  EXPECT_EQ(*forward, robbery);
  forward = h.redo();
  ASSERT_TRUE(forward);
  EXPECT_EQ(*forward, robbery_night);
  EXPECT_FALSE(h.redo());
}

TEST(EditHistory, ObservingTheRestoredStateAddsNoStep) {
  EditHistory h;
  h.reset({});
  h.observe(with_categories({"ROBO"}), 0);
  const EditState restored = *h.undo();
  EXPECT_FALSE(h.observe(restored, 0));  // the app writes it back; the next frame sees it
  EXPECT_EQ(h.undo_depth(), 0u);
  EXPECT_EQ(h.redo_depth(), 1u);
}

TEST(EditHistory, ANewEditClearsRedo) {
  EditHistory h;
  h.reset({});
  h.observe(with_categories({"A"}), 0);
  h.undo();
  ASSERT_TRUE(h.can_redo());
  h.observe(with_categories({"B"}), 0);
  EXPECT_FALSE(h.can_redo());
  EXPECT_EQ(*h.undo(), EditState{});
}

TEST(EditHistory, BoundDropsTheOldestSteps) {
  EditHistory h(3);
  h.reset({});
  for (int i = 1; i <= 5; ++i) h.observe(with_categories({std::to_string(i)}), 0);
  EXPECT_EQ(h.undo_depth(), 3u);
  // Three undos reach the state after edit 2; the first two edits are gone.
  EditState last;
  while (auto s = h.undo()) last = *s;
  EXPECT_EQ(last, with_categories({"2"}));
}

TEST(EditHistory, ASliderDragIsOneStep) {
  EditHistory h;
  const EditState start;
  h.reset(start);
  const uint64_t slider = 0x51d3;
  EditState s = start;
  for (float b = 300; b <= 800; b += 50) {  // 11 frames of dragging the bandwidth
    s.style.heatmap().bandwidth_m = b;
    h.observe(s, slider);
  }
  EXPECT_FALSE(h.observe(s, slider));  // held still
  EXPECT_FALSE(h.observe(s, 0));       // released
  EXPECT_EQ(h.undo_depth(), 1u);
  EXPECT_EQ(h.undo_kind(), EditKind::style);
  EXPECT_EQ(*h.undo(), start);
  // A second drag of the same slider after the release is a step of its own.
  s.style.heatmap().bandwidth_m = 900;
  h.redo();
  h.observe(s, slider);
  EXPECT_EQ(h.undo_depth(), 2u);
}

TEST(EditHistory, AGestureDoesNotSwallowAnotherKindOfEdit) {
  EditHistory h;
  h.reset({});
  EditState s;
  s.filter.from = 100;
  h.observe(s, 7);  // playback moving the dates
  s.selection = {"C-1"};
  h.observe(s, 7);  // a click on the map meanwhile
  EXPECT_EQ(h.undo_depth(), 2u);
  EXPECT_EQ(h.undo_kind(), EditKind::selection);
}

TEST(EditHistory, AdoptedChangesAreNoSteps) {
  EditHistory h;
  h.reset({});
  EditState locked;
  locked.style.heatmap().color_max_locked = true;
  h.adopt(locked);
  EXPECT_FALSE(h.observe(locked, 0));
  EXPECT_FALSE(h.can_undo());
}

TEST(EditHistory, ClassifiesEachPart) {
  const EditState a;
  EditState b = a;
  b.filter.weekday_mask = 0x1F;
  EXPECT_EQ(classify_edit(a, b), EditKind::weekdays);
  b = a;
  b.filter.sectors = {"N-1"};
  EXPECT_EQ(classify_edit(a, b), EditKind::sector_filter);
  b = a;
  b.programs.push_back({"Cuadrante seguro", {}});
  EXPECT_EQ(classify_edit(a, b), EditKind::programs);
  b = a;
  b.category_selections.push_back({"Robos", {"ROBO"}});
  EXPECT_EQ(classify_edit(a, b), EditKind::saved_selections);
  EXPECT_EQ(classify_edit(a, a), std::nullopt);
}

TEST(EditHistory, SessionRoundTrip) {
  Session s;
  s.filter.categories = {"X"};
  s.selection = {"S"};
  s.language = Language::en;
  const EditState e = edit_state_of(s);
  Session t;
  restore_edit_state(t, e);
  EXPECT_EQ(t.filter, s.filter);
  EXPECT_EQ(t.selection, s.selection);
  EXPECT_EQ(t.language, Language::es);  // not part of the edit state
}

}  // namespace
}  // namespace faro
