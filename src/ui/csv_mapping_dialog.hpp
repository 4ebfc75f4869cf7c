#pragma once
// The CSV column-mapping dialog: shows the first rows of the file (io/csv_preview.hpp) with the
// detected longitude / latitude / date / time / category columns preselected; the user confirms
// or changes them, picks the slash-date order and the role, and Load pushes
// UiAction::open_source with the mapping in the SourceSpec. The file is read once, when the
// dialog opens (a few MiB at most), never during later frames.
#include <optional>
#include <string>

#include "core/session.hpp"
#include "io/csv_preview.hpp"
#include "ui/ui_actions.hpp"
#include "ui/ui_state.hpp"

namespace faro::ui {

struct CsvMapping {
  int x = -1, y = -1, date = -1, time = -1, category = -1;  // header indexes, -1 = none
  bool month_first = false;                                 // slash dates MM/DD/YYYY
  SourceSpec::Role role = SourceSpec::Role::incidents;
};

CsvMapping mapping_from_detection(const io::CsvPreview& preview);
// Incidents need distinct longitude, latitude and date columns; other roles need nothing here.
bool mapping_complete(const CsvMapping& m);
// The source to load: path, role, field names (empty for "none"), date order.
SourceSpec csv_source_spec(const io::CsvPreview& preview, const CsvMapping& m);

class CsvMappingDialog {
 public:
  // Opens when ui.request_csv_dialog is set (reading ui.csv_path); draws while open.
  void draw(const Session& session, UiState& ui, UiActions& actions);
  bool is_open() const { return open_; }

 private:
  void open(const std::string& path, Language lang);
  void draw_preview_table(const Session& session);

  bool open_ = false;
  std::string path_;
  std::optional<io::CsvPreview> preview_;
  std::string error_;
  CsvMapping mapping_;
  CsvMapping detected_;
};

}  // namespace faro::ui
