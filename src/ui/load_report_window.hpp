#pragma once
// The load report window: for every source loaded (ws.reports), rows read / loaded / rejected /
// changed, each reason with its count and first examples (row, field, value), GDAL warnings and
// notes. Opens by itself when a newly loaded workspace has rejected rows, and stays available
// from View ▸ Load report.
#include <cstdint>

#include "core/load_report.hpp"
#include "core/session.hpp"
#include "core/workspace.hpp"

namespace faro::ui {

// The reason text in the UI language (core/load_report.hpp's describe / describe_es).
const char* describe_issue(RowIssue r, Language lang);

// A fingerprint of the reports (sources and row counts) to notice a new load.
uint64_t reports_fingerprint(const std::vector<LoadReport>& reports);

struct LoadReportWindow {
  // `open` is the UI's flag (UiState::show_load_report); set here when new reports with
  // rejections arrive, cleared by the window's close button.
  void draw(const Workspace& ws, const Session& session, bool& open);

 private:
  uint64_t seen_fingerprint_ = 0;
};

}  // namespace faro::ui
