#pragma once
// Programs edited in the dashboard (Session::programs, by sector name) applied onto the programs
// loaded with the data, and the edits the "Add to program…" dialog makes. Pure functions, no I/O.
//
// Semantics: a ProgramSpec replaces the sector list of the loaded program with the same name
// (keeping its intervention area) or adds a new program. Applying is idempotent, so the app can
// re-apply whenever Session::programs differs from the specs its snapshot applied.
#include <optional>
#include <string>
#include <vector>

#include "core/civil_time.hpp"
#include "core/programs.hpp"
#include "core/session.hpp"

namespace faro {

// Overrides/extends `programs` with `specs` (in spec order for new programs).
void apply_program_specs(std::vector<Program>& programs, const std::vector<ProgramSpec>& specs);

// Names of the programs after applying the specs: loaded order, then new ones.
std::vector<std::string> program_names(const std::vector<Program>& loaded,
                                       const std::vector<ProgramSpec>& specs);

// The session's spec for `name`, created from the loaded program of that name (or empty) when the
// session has none yet.
ProgramSpec& program_spec_for(Session& s, const std::vector<Program>& loaded,
                              const std::string& name);

// Adds (or re-dates) `sectors` in program `name` with rollout `start` and optional `end` (creating
// the spec even when nothing else changes: a new, empty program). Returns the number of sectors
// added or changed.
size_t add_sectors_to_program(Session& s, const std::vector<Program>& loaded,
                              const std::string& name, const std::vector<std::string>& sectors,
                              CivilSeconds start, std::optional<CivilSeconds> end);

// Removes `sectors` from program `name` (the program stays, possibly empty). Returns the number
// removed.
size_t remove_sectors_from_program(Session& s, const std::vector<Program>& loaded,
                                   const std::string& name,
                                   const std::vector<std::string>& sectors);

}  // namespace faro
