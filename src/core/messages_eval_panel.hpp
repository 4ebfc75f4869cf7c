#pragma once
// The evaluation panel's own words (plain-words header, "What does this mean?", the filters that
// apply and those that do not, the event-study chart). Part of the eval area: the dashboard's font
// atlas (Latin-1 plus a few marks), so no ≥ ▲ ●. Included only by core/messages_report.hpp.

// clang-format off
#define FARO_MSG_EVAL_PANEL(X)
// clang-format on
