#pragma once
// The near-repeat parameters a Knox table supports, as `faro knox --suggest` and
// `faro nearrepeat` print them (defined in cmd_knox.cpp).
#include <optional>
#include <string>

#include "core/knox.hpp"
#include "core/near_repeat.hpp"

namespace faro::cli {

std::string near_repeat_suggestion_text(const std::optional<NearRepeatParams>& params,
                                        const KnoxResult& knox);

}  // namespace faro::cli
