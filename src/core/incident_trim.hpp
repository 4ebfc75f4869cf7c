#pragma once
// Releases the slack a load's estimated reserve() left in an IncidentStore: afterwards every
// column's capacity equals its size, so memory_bytes() is the model's true size. Defined in
// core/incidents.cpp; declared here so adding it did not touch incidents.hpp (included everywhere).
#include "core/incidents.hpp"

namespace faro {

void shrink_to_fit(IncidentStore& store);

}  // namespace faro
