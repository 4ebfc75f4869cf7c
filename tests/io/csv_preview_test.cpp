// The CSV preview behind the dashboard's column-mapping dialog: first rows only, delimiter and
// columns detected like the loader does, tolerant of missing columns, Latin-1 transcoded.
#include "io/csv_preview.hpp"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "core/errors.hpp"
#include "test_support.hpp"

namespace faro::io {
namespace {

class CsvPreviewTest : public ::testing::Test {
 protected:
  std::string write(const std::string& name, const std::string& bytes) {
    const auto dir = std::filesystem::temp_directory_path() / "faro_csv_preview_test";
    std::filesystem::create_directories(dir);
    const std::string path = (dir / name).string();
    std::ofstream(path, std::ios::binary) << bytes;
    return path;
  }
};

TEST_F(CsvPreviewTest, FirstRowsAndDetectedColumns) {
  std::string csv = "\xEF\xBB\xBFid,fecha_hecho,hora_hecho,delito,longitud,latitud\n";
  for (int i = 1; i <= 30; ++i)
    csv += std::to_string(i) + ",2024-01-0" + std::to_string(1 + i % 9) +
           ",12:30:00,\"HOMICIDIO, ARMA\",-99.1" + std::to_string(i % 10) + ",19.4\n";
  const CsvPreview p = read_csv_preview(write("fgj.csv", csv));
  EXPECT_EQ(p.delimiter, ',');
  ASSERT_EQ(p.header.size(), 6u);
  EXPECT_EQ(p.header[0], "id");  // BOM stripped
  ASSERT_EQ(p.rows.size(), kCsvPreviewRows);
  EXPECT_TRUE(p.more_rows);
  EXPECT_EQ(p.rows[0][3], "HOMICIDIO, ARMA");  // quoted delimiter kept in one field
  EXPECT_EQ(p.rows[19][0], "20");
  EXPECT_EQ(p.detected.x, 4);
  EXPECT_EQ(p.detected.y, 5);
  EXPECT_EQ(p.detected.date, 1);
  EXPECT_EQ(p.detected.time, 2);
  EXPECT_EQ(p.detected.category, 3);
  EXPECT_EQ(p.detected.id, 0);
  EXPECT_FALSE(p.latin1);
}

TEST_F(CsvPreviewTest, ShortFileSemicolonsAndCrlf) {
  const CsvPreview p = read_csv_preview(write("short.csv", "X;Y;Date\r\n1;2;2024-05-01\r\n"));
  EXPECT_EQ(p.delimiter, ';');
  ASSERT_EQ(p.rows.size(), 1u);
  EXPECT_FALSE(p.more_rows);
  EXPECT_EQ(p.rows[0][2], "2024-05-01");
  EXPECT_EQ(p.detected.x, 0);  // x/y pair, case-insensitive
  EXPECT_EQ(p.detected.y, 1);
  EXPECT_EQ(p.detected.date, 2);
}

TEST_F(CsvPreviewTest, MissingColumnsAreMinusOneNotErrors) {
  // No date and no coordinates: the dialog still opens, with the category found.
  const CsvPreview p = read_csv_preview(write("nodate.csv", "a,b,categoria\n1,2,robo\n"));
  EXPECT_EQ(p.detected.date, -1);
  EXPECT_EQ(p.detected.x, -1);
  EXPECT_EQ(p.detected.y, -1);
  EXPECT_EQ(p.detected.category, 2);
  EXPECT_EQ(p.detected.names.size(), 3u);
  // Coordinates without a date.
  const IncidentColumns c = detect_columns_tolerant({"lon", "lat", "tipo"});
  EXPECT_EQ(c.x, 0);
  EXPECT_EQ(c.y, 1);
  EXPECT_EQ(c.date, -1);
  EXPECT_EQ(c.category, 2);
  // Only a date-prefixed column.
  EXPECT_EQ(detect_columns_tolerant({"v", "fecha_inicio"}).date, 1);
}

TEST_F(CsvPreviewTest, Latin1IsTranscoded) {
  // "categoría" and "Álvaro Obregón" in Latin-1 bytes.
  const CsvPreview p = read_csv_preview(write("latin1.csv",
                                              "fecha,categor\xED"
                                              "a\n2024-01-01,\xC1lvaro Obreg\xF3n\n"));
  EXPECT_TRUE(p.latin1);
  EXPECT_EQ(p.header[1], "categoría");
  EXPECT_EQ(p.rows[0][1], "Álvaro Obregón");
  EXPECT_EQ(p.detected.category, 1);
}

TEST_F(CsvPreviewTest, BadFilesThrowNamingTheFile) {
  EXPECT_THROW(read_csv_preview("/nonexistent/x.csv"), DataError);
  const std::string empty = write("empty.csv", "\n\n");
  try {
    read_csv_preview(empty);
    FAIL() << "no exception";
  } catch (const DataError& e) {
    EXPECT_NE(std::string(e.what()).find("empty.csv"), std::string::npos);
  }
  EXPECT_THROW(read_csv_preview(write("quote.csv", "\"a,b\nc\n")), DataError);
}

TEST(CsvPreviewRealData, FgjHomicidesColumns) {
  FARO_REQUIRE_SHARED(path, "cdmx-fgj-2019-2024/fgj_homicidios_armas_cdmx_2019_2024.csv");
  const CsvPreview p = read_csv_preview(path);
  // Header: id,fecha_hecho,hora_hecho,anio,trimestre,delito,grupo,arma_fuego,alcaldia_hecho,
  // colonia,latitud,longitud (head -1 of the file).
  ASSERT_EQ(p.header.size(), 12u);
  EXPECT_EQ(p.header[p.detected.x], "longitud");
  EXPECT_EQ(p.header[p.detected.y], "latitud");
  EXPECT_EQ(p.header[p.detected.date], "fecha_hecho");
  EXPECT_EQ(p.header[p.detected.time], "hora_hecho");
  EXPECT_EQ(p.header[p.detected.category], "delito");
  EXPECT_EQ(p.header[p.detected.id], "id");
  ASSERT_EQ(p.rows.size(), kCsvPreviewRows);
  EXPECT_TRUE(p.more_rows);
  EXPECT_EQ(p.rows[0][1], "2019-01-01");
  EXPECT_EQ(p.rows[0][5], "DISPAROS DE ARMA DE FUEGO");
}

TEST(CsvPreviewRealData, PhillyShootingsColumns) {
  FARO_REQUIRE_SHARED(path, "philly-shootings/shootings.csv");
  const CsvPreview p = read_csv_preview(path);
  // lng/lat outrank point_x/point_y (loader order); date_ and time are OpenDataPhilly's names.
  EXPECT_EQ(p.header[p.detected.x], "lng");
  EXPECT_EQ(p.header[p.detected.y], "lat");
  EXPECT_EQ(p.header[p.detected.date], "date_");
  EXPECT_EQ(p.header[p.detected.time], "time");
  EXPECT_EQ(p.header[p.detected.id], "objectid");
  EXPECT_EQ(p.detected.category, -1);  // no offence column in this file
  EXPECT_EQ(p.rows.size(), kCsvPreviewRows);
}

}  // namespace
}  // namespace faro::io
