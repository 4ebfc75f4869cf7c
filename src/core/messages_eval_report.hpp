#pragma once
// The evaluation report's page words (render/evaluation_report_*): titles, section heads, axis
// and legend labels, footers. Part of the page area (cairo, DejaVu: any glyph). Included only by
// core/messages_report.hpp.

// clang-format off
#define FARO_MSG_EVAL_REPORT(X)
// clang-format on
