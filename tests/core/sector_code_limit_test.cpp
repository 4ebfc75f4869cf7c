// IncidentStore::sector holds 16-bit codes (core/sector_code.hpp): a sector layer of up to
// kMaxAssignableSectors polygons assigns every index exactly, the last one included, and one more
// polygon is refused with a data error in the person's language rather than wrapped to another
// sector's index. Hotspot hex cells, which can be more, never go through the 16-bit column.
#include <gtest/gtest.h>

#include <exception>
#include <string>

#include "core/error_kind.hpp"
#include "core/errors.hpp"
#include "core/incidents.hpp"
#include "core/localized_error.hpp"
#include "core/polygon_index.hpp"
#include "core/sectors.hpp"

namespace faro {
namespace {

// `count` unit squares in rows of 256, sector k at column k % 256, row k / 256.
SectorSet unit_squares(size_t count) {
  SectorSet set;
  set.sectors.reserve(count);
  for (size_t k = 0; k < count; ++k) {
    const double x0 = static_cast<double>(k % 256), y0 = static_cast<double>(k / 256);
    Sector s;
    s.name = "s" + std::to_string(k);
    s.shape = {Polygon{Ring{{x0, y0}, {x0 + 1, y0}, {x0 + 1, y0 + 1}, {x0, y0 + 1}}, {}}};
    s.bbox = bounds(s.shape);
    s.area_m2 = area(s.shape);
    set.sectors.push_back(std::move(s));
  }
  return set;
}

IncidentStore centres_of(const std::vector<size_t>& sectors) {
  IncidentStore s;
  for (size_t k : sectors)
    s.push_back(static_cast<double>(k % 256) + 0.5, static_cast<double>(k / 256) + 0.5, 0, 0, 0);
  s.push_back(-10, -10, 0, 0, 0);  // in no sector
  return s;
}

TEST(SectorCodeLimit, TheLargestAssignableSetKeepsEveryIndex) {
  const SectorSet set = unit_squares(kMaxAssignableSectors);
  const std::vector<size_t> probe{0, 255, 256, 32'766, kMaxAssignableSectors - 1};
  IncidentStore s = centres_of(probe);
  SectorIndex(set).assign(s, 1);
  ASSERT_EQ(s.sector.size(), s.size());
  for (size_t i = 0; i < probe.size(); ++i) EXPECT_EQ(s.sector[i], static_cast<int>(probe[i]));
  EXPECT_EQ(s.sector.back(), kNoSector);
}

TEST(SectorCodeLimit, OneSectorMoreIsADataErrorInBothLanguages) {
  const SectorSet set = unit_squares(kMaxAssignableSectors + 1);
  IncidentStore s = centres_of({0, kMaxAssignableSectors});
  std::exception_ptr thrown;
  try {
    SectorIndex(set).assign(s, 1);
  } catch (const DataError&) {
    thrown = std::current_exception();
  }
  ASSERT_TRUE(thrown) << "a 32 769-sector layer was assigned";
  EXPECT_TRUE(s.sector.empty());  // refused before touching the store
  const ErrorReport en = classify_exception(thrown, Language::en);
  EXPECT_EQ(en.kind, ErrorKind::data);
  EXPECT_EQ(exit_code(en.kind), 1);
  EXPECT_NE(en.message.find("32769"), std::string::npos) << en.message;
  EXPECT_NE(en.message.find("32768"), std::string::npos) << en.message;
  EXPECT_NE(en.message.find("sector"), std::string::npos) << en.message;
  const ErrorReport es = classify_exception(thrown, Language::es);
  EXPECT_NE(es.message.find("sectores"), std::string::npos) << es.message;
  EXPECT_NE(es.message, en.message);
}

}  // namespace
}  // namespace faro
