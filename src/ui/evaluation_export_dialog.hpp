#pragma once
// File ▸ Export evaluation report: the dialog (the program, window and periods chosen in the
// evaluation panel; internal or partner-safe with what that means in one sentence; the PDF's
// file) and the export's progress. It only asks: the app evaluates and writes the report
// (app/evaluation_export_job.hpp) and reports back through EvaluationExportStatus.
#include <optional>
#include <string>

#include "core/language.hpp"
#include "ui/brief_export_dialog.hpp"

namespace faro::ui {

struct EvaluationExportRequest {
  std::string program;  // the program's name ("" = none loaded: no request is made)
  int window_weeks = 52;
  bool by_month = false;
  bool internal = false;  // false: partner-safe (the default, as `faro evaluate -o x.pdf`)
  std::string path;       // .pdf
};

// What the app says of the export it runs: the same fields as the brief's.
using EvaluationExportStatus = BriefExportStatus;

class EvaluationExportDialog {
 public:
  // Opens the dialog for the panel's choices; `program` "" = no programs (the dialog says so).
  void open(std::string program, int window_weeks, bool by_month);
  bool is_open() const { return open_; }
  // Draws it (its own window) when open; returns the request when Export is pressed.
  std::optional<EvaluationExportRequest> draw(Language lang, const EvaluationExportStatus& status);

  // The choices, for tests and scripted runs.
  void choose(bool internal, std::string folder = "");
  // The request the dialog would make now (nullopt without a program).
  std::optional<EvaluationExportRequest> request() const;

 private:
  std::string file_name() const;  // "evaluation-alto-al-fuego-fase-1-partner.pdf"

  bool open_ = false;
  bool appearing_ = false;  // opened since the last draw: bring it to the front
  std::string program_;
  int window_weeks_ = 52;
  bool by_month_ = false;
  bool internal_ = false;
  std::string folder_;  // "" = the working directory
  std::string path_;    // the field; follows the choices until edited by hand
  bool path_edited_ = false;
};

// A program name as a file-name part: ASCII letters and digits in lower case, anything else one
// '-' ("Alto al Fuego - Fase 1" -> "alto-al-fuego-fase-1"); "program" when nothing is left.
std::string file_slug(const std::string& name);

}  // namespace faro::ui
