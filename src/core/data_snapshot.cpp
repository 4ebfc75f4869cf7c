#include "core/data_snapshot.hpp"

#include "core/session_programs.hpp"

namespace faro {

SnapshotPtr make_snapshot(std::shared_ptr<const Workspace> data, const FilterState& filter,
                          std::vector<ProgramSpec> programs, uint64_t generation) {
  auto s = std::make_shared<DataSnapshot>();
  s->filtered = std::make_shared<const FilterResult>(compute_filter_result(*data, filter));
  s->data = std::move(data);
  s->filter = filter;
  s->programs = std::move(programs);
  s->generation = generation;
  return s;
}

SnapshotPtr with_filter(const DataSnapshot& base, const FilterState& filter) {
  auto s = std::make_shared<DataSnapshot>(base);
  s->filtered = std::make_shared<const FilterResult>(compute_filter_result(*base.data, filter));
  s->filter = filter;
  s->generation = base.generation + 1;
  return s;
}

SnapshotPtr with_programs(const DataSnapshot& base, const std::vector<ProgramSpec>& programs) {
  auto ws = std::make_shared<Workspace>(*base.data);
  apply_program_specs(ws->programs, programs);  // idempotent: specs override by name
  auto s = std::make_shared<DataSnapshot>(base);
  s->data = std::move(ws);
  s->programs = programs;
  s->generation = base.generation + 1;
  return s;
}

SnapshotPtr with_generation(const DataSnapshot& base, uint64_t generation) {
  auto s = std::make_shared<DataSnapshot>(base);
  s->generation = generation;
  return s;
}

}  // namespace faro
