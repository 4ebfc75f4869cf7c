#include "render/scene_protection.hpp"

#include <algorithm>

#include "core/errors.hpp"
#include "core/messages.hpp"

namespace faro::render {

double min_supported_density(int k, const KdeParams& params) {
  return k * params.kernel_value(0.0) * params.output_scale();
}

std::vector<uint8_t> hidden_sector_counts(const SectorSet& sectors, const IncidentStore& incidents,
                                          const DisclosurePolicy& policy, std::string* marker) {
  const size_t n = sectors.sectors.size();
  std::vector<int64_t> cells(n + 1, 0);  // sectors, then "in no sector"
  for (int32_t s : incidents.sector)
    ++cells[s >= 0 && static_cast<size_t>(s) < n ? static_cast<size_t>(s) : n];
  const ProtectedTable table = protect_table(cells, n + 1, 1, policy);
  if (marker) *marker = table.marker;
  std::vector<uint8_t> hidden(n);
  for (size_t s = 0; s < n; ++s) hidden[s] = table.is_hidden(s, 0);
  return hidden;
}

std::string suppressed_label(const std::string& marker, const std::string& language) {
  const char* word = tr(Msg::suppressed, language_from_code(language));
  return marker.rfind('<', 0) == 0 ? marker + " (" + word + ")" : std::string(word);
}

}  // namespace faro::render
