#pragma once
// File ▸ Export weekly brief: the dialog (week from the brief panel, internal or partner-safe with
// what that means in one sentence, PDF / PNG / CSV, the file) and the export's progress. It only
// asks: the app runs the export (app/brief_export_job.hpp) and reports back through
// BriefExportStatus.
#include <optional>
#include <string>

#include "core/language.hpp"
#include "core/weekly_brief.hpp"

namespace faro::ui {

struct BriefExportRequest {
  IsoWeek week;
  bool internal = false;  // false: partner-safe (the default, as `faro brief`)
  std::string path;       // .pdf, .png or .csv
};

// What the app says of the export it runs (the last one).
struct BriefExportStatus {
  bool running = false;
  double progress = 0;  // 0..1 while running
  std::string message;  // after it ends: the file written, or why not
  bool failed = false;
};

class BriefExportDialog {
 public:
  enum class Format { pdf, png, csv };
  // Opens the dialog for `week` (nullopt: no brief, the dialog says to load incidents).
  void open(std::optional<IsoWeek> week);
  bool is_open() const { return open_; }
  // Draws it (its own window) when open; returns the request when Export is pressed.
  std::optional<BriefExportRequest> draw(Language lang, const BriefExportStatus& status);

  // The choices, for tests and scripted runs.
  void choose(bool internal, Format format, std::string folder = "");
  // The request the dialog would make now (nullopt without a week).
  std::optional<BriefExportRequest> request() const;

 private:
  std::string file_name() const;  // "brief-2024-W07-internal.pdf", from the choices

  bool open_ = false;
  bool appearing_ = false;  // opened since the last draw: bring it to the front
  std::optional<IsoWeek> week_;
  bool internal_ = false;
  Format format_ = Format::pdf;
  std::string folder_;  // "" = the working directory
  std::string path_;    // the field; follows the choices until edited by hand
  bool path_edited_ = false;
};

}  // namespace faro::ui
