#pragma once
// A row's sector: an index into its SectorSet, or kNoSector. 16 bits, for the model's memory
// budget (core/incidents.hpp: IncidentStore::sector), so an assigned set holds at most
// kMaxAssignableSectors sectors; SectorIndex::assign refuses more with a DataError
// (Msg::sector_set_too_large). Unit sets that can be larger (hex and square hotspot cells,
// core/hotspot_units.cpp) keep their own int32 columns and never go through IncidentStore::sector.
#include <cstddef>
#include <cstdint>

namespace faro {

using SectorCode = int16_t;
constexpr int32_t kNoSector = -1;
constexpr size_t kMaxAssignableSectors = size_t{INT16_MAX} + 1;

}  // namespace faro
