// Opening anything GDAL opens from File ▸ Open data (ui/file_browser.hpp): archives listed and
// browsed like folders, "All files", a .csv.gz to the mapping dialog, and the 1.28 M-row FGJ
// file reached from the data folder in three double-clicks with its columns detected.
#include <cpl_vsi.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>

#include "io/archive_listing.hpp"
#include "io/csv_preview.hpp"
#include "test_support.hpp"
#include "ui/csv_mapping_dialog.hpp"
#include "ui/file_browser.hpp"

namespace faro::ui {
namespace {
namespace fs = std::filesystem;

const DirEntry* find(const std::vector<DirEntry>& v, const std::string& name) {
  const auto it =
      std::find_if(v.begin(), v.end(), [&](const DirEntry& e) { return e.name == name; });
  return it == v.end() ? nullptr : &*it;
}

// One double-click on `name` in the listing of `dir` (what the browser does with it).
BrowserStep double_click(const std::string& dir, const std::string& name) {
  const auto listing = list_directory(dir, browser_extensions(BrowserMode::open_data));
  const DirEntry* e = find(listing, name);
  EXPECT_NE(e, nullptr) << name << " not listed in " << dir;
  return e ? activate_entry(dir, *e, BrowserMode::open_data) : BrowserStep{};
}

TEST(OpenArchive, ArchivesAreListedAndAllFilesShowsTheRest) {
  faro_test::TempDir tmp;
  for (const char* f : {"a.csv.gz", "b.zip", "c.7z", "d.tar", "e.tgz", "notas.txt", "f.geojson.gz"})
    std::ofstream(tmp.file(f)) << "x";
  std::vector<std::string> names;
  for (const DirEntry& e : list_directory(tmp.path(), browser_extensions(BrowserMode::open_data)))
    names.push_back(e.name);
  EXPECT_EQ(names, (std::vector<std::string>{"a.csv.gz", "b.zip", "c.7z", "d.tar", "e.tgz",
                                             "f.geojson.gz"}));
  // "All files" is the empty filter: notas.txt too.
  EXPECT_EQ(list_directory(tmp.path(), {}).size(), 7u);
}

TEST(OpenArchive, ZipIsEnteredAndItsCsvGoesToTheMappingDialog) {
  faro_test::TempDir tmp;
  const std::string zip = tmp.file("fgj.zip");
  VSILFILE* f = VSIFOpenL(("/vsizip/" + zip + "/2024/robos.csv").c_str(), "wb");
  ASSERT_NE(f, nullptr);
  const std::string csv = "fecha,longitud,latitud\n2024-01-01,-99.1,19.4\n";
  VSIFWriteL(csv.data(), 1, csv.size(), f);
  VSIFCloseL(f);
  // Double-click the zip: inside it, as a folder; then its folder; then the CSV.
  const BrowserStep into = double_click(tmp.path().string(), "fgj.zip");
  EXPECT_EQ(into.navigate_to, "/vsizip/" + zip);
  EXPECT_EQ(into.choose, "");
  const BrowserStep folder = double_click(into.navigate_to, "2024");
  EXPECT_EQ(folder.navigate_to, "/vsizip/" + zip + "/2024");
  const BrowserStep file = double_click(folder.navigate_to, "robos.csv");
  EXPECT_EQ(file.choose, "/vsizip/" + zip + "/2024/robos.csv");
  EXPECT_EQ(browser_parent(folder.navigate_to), into.navigate_to);
  EXPECT_EQ(browser_parent(into.navigate_to), tmp.path().string());
  UiState ui;
  UiActions actions;
  ASSERT_TRUE(
      choose_path(BrowserMode::open_data, file.choose, SourceSpec::Role::incidents, ui, actions));
  EXPECT_TRUE(ui.request_csv_dialog);
  EXPECT_EQ(ui.csv_path, file.choose);
  EXPECT_TRUE(actions.empty());
  EXPECT_EQ(ui.recent_files.front(), file.choose);
  // The mapping dialog's preview reads the member; Load pushes that path.
  const io::CsvPreview p = io::read_csv_preview(ui.csv_path);
  const CsvMapping m = mapping_from_detection(p);
  EXPECT_TRUE(mapping_complete(m));
  EXPECT_EQ(csv_source_spec(p, m).path, file.choose);
  // Save modes never go into archives.
  const DirEntry zip_entry{"fgj.zip", false, 1};
  EXPECT_EQ(activate_entry(tmp.path().string(), zip_entry, BrowserMode::save_project).navigate_to,
            "");
}

TEST(OpenArchive, GzippedFilesOpenWithoutWritingVsiPaths) {
  UiState ui;
  UiActions actions;
  EXPECT_TRUE(is_csv_path("/d/x.CSV.GZ"));
  choose_path(BrowserMode::open_data, "/d/x.csv.gz", SourceSpec::Role::incidents, ui, actions);
  EXPECT_TRUE(ui.request_csv_dialog);
  EXPECT_EQ(ui.csv_path, "/d/x.csv.gz");  // the loader reads it through /vsigzip/ itself
  choose_path(BrowserMode::open_data, "/d/sectores.geojson.gz", SourceSpec::Role::sectors, ui,
              actions);
  ASSERT_EQ(actions.size(), 1u);
  EXPECT_EQ(actions[0].source.path, "/vsigzip//d/sectores.geojson.gz");
}

// The goal: the 1.28 M-row gzip CSV from the data folder in a few clicks.
TEST(OpenArchive, RealFgjGzipCsvInThreeDoubleClicks) {
  FARO_REQUIRE_SHARED(data, "cdmx-fgj-2019-2024/fgj_todos_cdmx_2019_2024.csv.gz");
  const std::string start = fs::path(data).parent_path().parent_path().string();
  const BrowserStep folder = double_click(start, "cdmx-fgj-2019-2024");
  ASSERT_FALSE(folder.navigate_to.empty());
  const BrowserStep file = double_click(folder.navigate_to, "fgj_todos_cdmx_2019_2024.csv.gz");
  ASSERT_EQ(file.choose, data);
  UiState ui;
  UiActions actions;
  choose_path(BrowserMode::open_data, file.choose, guess_role("fgj_todos_cdmx_2019_2024.csv.gz"),
              ui, actions);
  ASSERT_TRUE(ui.request_csv_dialog);
  const io::CsvPreview p = io::read_csv_preview(ui.csv_path);
  EXPECT_TRUE(p.more_rows);
  const CsvMapping m = mapping_from_detection(p);
  ASSERT_TRUE(mapping_complete(m)) << "columns not detected in the FGJ header";
  const SourceSpec s = csv_source_spec(p, m);
  EXPECT_EQ(s.role, SourceSpec::Role::incidents);
  EXPECT_EQ(s.path, data);
  EXPECT_EQ(s.x_field, "longitud");
  EXPECT_EQ(s.y_field, "latitud");
  EXPECT_EQ(s.date_field, "fecha_hecho");
  EXPECT_EQ(s.category_field, "delito");
}

}  // namespace
}  // namespace faro::ui
