#include "core/session_programs.hpp"

#include <algorithm>

namespace faro {
namespace {

template <class Range>
auto find_named(Range& range, const std::string& name) {
  return std::find_if(range.begin(), range.end(), [&](const auto& p) { return p.name == name; });
}

}  // namespace

void apply_program_specs(std::vector<Program>& programs, const std::vector<ProgramSpec>& specs) {
  for (const ProgramSpec& spec : specs) {
    auto it = find_named(programs, spec.name);
    if (it == programs.end()) {
      programs.push_back(Program{spec.name, spec.sectors, {}, spec.goals.value_or(
                                                                  std::vector<ProgramGoal>{})});
    } else {
      it->sectors = spec.sectors;  // the area stays: it is drawn, not used by the evaluation
      if (spec.goals) it->goals = *spec.goals;
    }
  }
}

std::vector<std::string> program_names(const std::vector<Program>& loaded,
                                       const std::vector<ProgramSpec>& specs) {
  std::vector<std::string> names;
  for (const Program& p : loaded) names.push_back(p.name);
  for (const ProgramSpec& s : specs)
    if (std::find(names.begin(), names.end(), s.name) == names.end()) names.push_back(s.name);
  return names;
}

ProgramSpec& program_spec_for(Session& s, const std::vector<Program>& loaded,
                              const std::string& name) {
  auto it = find_named(s.programs, name);
  if (it != s.programs.end()) return *it;
  ProgramSpec spec{name, {}};
  auto from = find_named(loaded, name);
  if (from != loaded.end()) spec.sectors = from->sectors;
  s.programs.push_back(std::move(spec));
  return s.programs.back();
}

size_t add_sectors_to_program(Session& s, const std::vector<Program>& loaded,
                              const std::string& name, const std::vector<std::string>& sectors,
                              CivilSeconds start, std::optional<CivilSeconds> end) {
  ProgramSpec& spec = program_spec_for(s, loaded, name);
  size_t changed = 0;
  for (const std::string& sector : sectors) {
    auto it = std::find_if(spec.sectors.begin(), spec.sectors.end(),
                           [&](const ProgramSector& p) { return p.sector == sector; });
    if (it == spec.sectors.end()) {
      spec.sectors.push_back({sector, start, end});
      ++changed;
    } else if (it->start != start || it->end != end) {
      it->start = start;
      it->end = end;
      ++changed;
    }
  }
  return changed;
}

size_t remove_sectors_from_program(Session& s, const std::vector<Program>& loaded,
                                   const std::string& name,
                                   const std::vector<std::string>& sectors) {
  ProgramSpec& spec = program_spec_for(s, loaded, name);
  const size_t before = spec.sectors.size();
  std::erase_if(spec.sectors, [&](const ProgramSector& p) {
    return std::find(sectors.begin(), sectors.end(), p.sector) != sectors.end();
  });
  const size_t removed = before - spec.sectors.size();
  return removed;
}

}  // namespace faro
