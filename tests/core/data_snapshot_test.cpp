// The data snapshot: a new filter or program edit makes a new snapshot (generation + 1) that
// shares the parts that did not change, and never touches the one it came from (which a
// background job may still be reading).
#include <gtest/gtest.h>

#include "core/data_snapshot.hpp"
#include "core/demo_city.hpp"

namespace faro {
namespace {

std::shared_ptr<const Workspace> demo_data() {
  DemoOptions o;
  o.incidents = 3000;
  DemoCity city = generate_demo_city(o);
  auto ws = std::make_shared<Workspace>();
  ws->sectors = std::move(city.sectors);
  ws->incidents = std::move(city.incidents);
  ws->programs = std::move(city.programs);
  return ws;
}

TEST(DataSnapshot, MakeComputesTheFilterOfItsData) {
  const auto data = demo_data();
  FilterState f;
  f.hour_mask = 0x00FF00;
  const SnapshotPtr s = make_snapshot(data, f, {}, 7);
  EXPECT_EQ(s->generation, 7u);
  EXPECT_EQ(s->data, data);
  EXPECT_EQ(s->filter, f);
  const FilterResult direct = compute_filter_result(*data, f);
  EXPECT_EQ(s->filtered->rows, direct.rows);
  EXPECT_EQ(s->filtered->per_sector, direct.per_sector);
  EXPECT_LT(s->filtered->total, static_cast<int64_t>(data->incidents.size()));
}

TEST(DataSnapshot, NewFilterSharesTheDataAndLeavesTheOldSnapshotAlone) {
  const SnapshotPtr a = make_snapshot(demo_data(), {}, {}, 1);
  const std::vector<uint32_t> rows_before = a->filtered->rows;
  FilterState f;
  f.weekday_mask = 0x01;  // Mondays
  const SnapshotPtr b = with_filter(*a, f);
  EXPECT_EQ(b->generation, 2u);
  EXPECT_EQ(b->data, a->data);          // shared, not copied
  EXPECT_NE(b->filtered, a->filtered);  // a new result
  EXPECT_LT(b->filtered->total, a->filtered->total);
  EXPECT_EQ(a->filtered->rows, rows_before);  // the old one is untouched
  EXPECT_EQ(a->filter, FilterState{});
}

TEST(DataSnapshot, ProgramEditSharesTheFilterResultAndCopiesPrograms) {
  const SnapshotPtr a = make_snapshot(demo_data(), {}, {}, 4);
  ASSERT_FALSE(a->data->programs.empty());
  const size_t programs_before = a->data->programs.size();
  ProgramSpec spec;
  spec.name = "Nuevo";
  spec.sectors = {{a->data->sectors.sectors[0].name, 0, std::nullopt}};
  const SnapshotPtr b = with_programs(*a, {spec});
  EXPECT_EQ(b->generation, 5u);
  EXPECT_EQ(b->filtered, a->filtered);  // programs do not enter the filter
  EXPECT_EQ(b->programs, std::vector<ProgramSpec>{spec});
  EXPECT_EQ(b->data->programs.size(), programs_before + 1);
  EXPECT_EQ(a->data->programs.size(), programs_before);  // the old data is untouched
  EXPECT_TRUE(a->programs.empty());
}

TEST(DataSnapshot, WithGenerationKeepsEveryPart) {
  const SnapshotPtr a = make_snapshot(demo_data(), {}, {}, 0);
  const SnapshotPtr b = with_generation(*a, 42);
  EXPECT_EQ(b->generation, 42u);
  EXPECT_EQ(b->data, a->data);
  EXPECT_EQ(b->filtered, a->filtered);
}

}  // namespace
}  // namespace faro
