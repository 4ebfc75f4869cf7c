// `faro brief` end to end: the CSV table (columns, one row per sector, "(all)" last) checked
// against `faro counts` and against a direct count of the real CDMX rows (--internal); the PDF and
// PNG pages (the PDF rasterised by pdftoppm when it is installed); usage errors. Partner-safe by
// default: no printed count in 1..4, the protection footer / internal stamp in the CSV's first line
// and in the PDF's text (pdftotext), no incident coordinate in the PDF or PNG bytes.
#include <gdal_priv.h>
#include <gtest/gtest.h>

#include <cmath>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>
#include <string>
#include <vector>

#include "export_test_util.hpp"
#include "io/gdal_env.hpp"
#include "test_support.hpp"

namespace {

struct Result {
  int code;
  std::string out;
};

Result run_faro(const std::string& args) {
  Result r;
  r.code = faro_test::run_command(std::string(FARO_BINARY) + " " + args, &r.out);
  return r;
}

std::vector<std::string> split(const std::string& line, char sep = ',') {
  std::vector<std::string> f;
  std::string cur;
  bool quoted = false;
  for (char c : line) {
    if (c == '"')
      quoted = !quoted;
    else if (c == sep && !quoted)
      f.push_back(std::move(cur)), cur.clear();
    else
      cur += c;
  }
  f.push_back(cur);
  return f;
}

std::vector<std::vector<std::string>> read_csv(const std::string& path) {
  std::ifstream in(path);
  std::vector<std::vector<std::string>> rows;
  for (std::string line; std::getline(in, line);)
    if (!line.empty() && line[0] != '#') rows.push_back(split(line));  // "# notice" first
  return rows;
}

// Rows of a PNG whose red band differs from the first row (0 = blank); width/height out.
int distinct_rows(const std::string& path, int* width = nullptr, int* height = nullptr) {
  faro::io::ensure_gdal();
  GDALDataset* ds = static_cast<GDALDataset*>(GDALOpen(path.c_str(), GA_ReadOnly));
  if (!ds) return -1;
  const int w = ds->GetRasterXSize(), h = ds->GetRasterYSize();
  if (width) *width = w;
  if (height) *height = h;
  std::vector<uint8_t> first(w), row(w);
  GDALRasterBand* red = ds->GetRasterBand(1);
  int n = 0;
  if (red->RasterIO(GF_Read, 0, 0, w, 1, first.data(), w, 1, GDT_Byte, 0, 0) == CE_None)
    for (int y = 1; y < h; ++y)
      if (red->RasterIO(GF_Read, 0, y, w, 1, row.data(), w, 1, GDT_Byte, 0, 0) == CE_None &&
          row != first)
        ++n;
  GDALClose(ds);
  return n;
}

const char* kHeader =
    "sector,week,prev_week,mean_prev4,same_week_last_year,ytd,ytd_last_year,z,flag,pct_change";

TEST(BriefCli, DemoCsvHasEverySectorAndAnAllRowMatchingFaroCounts) {
  faro_test::TempDir tmp;
  const std::string csv = tmp.file("brief.csv");
  Result r = run_faro("brief --internal --week 2023-W10 -o " + csv);
  ASSERT_EQ(r.code, 0) << r.out;
  std::string first;
  std::ifstream csv_in(csv);
  std::getline(csv_in, first);
  EXPECT_EQ(first, "# USO INTERNO / INTERNAL USE");
  const auto rows = read_csv(csv);
  ASSERT_GE(rows.size(), 3u);
  std::string header;
  for (size_t i = 0; i < rows[0].size(); ++i) header += (i ? "," : "") + rows[0][i];
  EXPECT_EQ(header, kHeader);
  EXPECT_EQ(rows.back()[0], "(all)");

  // Independent path: `faro counts` by ISO week over the same Monday..Sunday.
  const std::string counts = tmp.file("counts.csv");
  r = run_faro("counts --by week --from 2023-03-06 --to 2023-03-12 -o " + counts);
  ASSERT_EQ(r.code, 0) << r.out;
  std::map<std::string, long> per_sector;
  long total = 0;
  for (const auto& row : read_csv(counts)) {
    if (row[0] == "sector") continue;
    ASSERT_EQ(row[1], "2023-W10");
    per_sector[row[0]] = std::stol(row[2]);
    total += std::stol(row[2]);
  }
  ASSERT_EQ(rows.size(), per_sector.size() + 1);  // header + sectors + (all); counts has (outside)
  for (size_t i = 1; i + 1 < rows.size(); ++i) {
    ASSERT_EQ(rows[i].size(), 10u);
    EXPECT_EQ(std::stol(rows[i][1]), per_sector.at(rows[i][0])) << rows[i][0];
    const std::string& flag = rows[i][8];
    EXPECT_TRUE(flag.empty() || flag == "up" || flag == "down" || flag == "new") << flag;
    if (std::stod(rows[i][3]) == 0) {
      EXPECT_EQ(rows[i][9], "") << "no percent change from zero";
    }
  }
  EXPECT_EQ(std::stol(rows.back()[1]), total);
}

TEST(BriefCli, DemoPdfIsOnePageThatRasterises) {
  faro_test::TempDir tmp;
  const std::string pdf = tmp.file("brief.pdf");
  Result r = run_faro("brief --week 2023-W10 -o " + pdf);
  ASSERT_EQ(r.code, 0) << r.out;
  std::ifstream in(pdf, std::ios::binary);
  std::string magic(5, '\0');
  in.read(magic.data(), 5);
  EXPECT_EQ(magic, "%PDF-");
  std::string probe;
  if (faro_test::run_command("command -v pdftoppm", &probe) != 0)
    GTEST_SKIP() << "pdftoppm not installed: PDF written but not rasterised";
  std::string out;
  ASSERT_EQ(faro_test::run_command("pdftoppm -png -r 50 " + pdf + " " + tmp.file("page"), &out), 0)
      << out;
  int w = 0, h = 0;
  const std::string png = tmp.file("page-1.png");
  EXPECT_GT(distinct_rows(png, &w, &h), 200) << "the page is blank";
  EXPECT_NEAR(w, 585, 1);  // A4 landscape at 50 dpi: 841.89 pt x 50 / 72
  EXPECT_NEAR(h, 413, 1);
  EXPECT_FALSE(std::filesystem::exists(tmp.file("page-2.png"))) << "one page only";
}

TEST(BriefCli, PngInEnglishAtTheRequestedDpi) {
  faro_test::TempDir tmp;
  const std::string png = tmp.file("brief.png");
  Result r = run_faro("brief --week 2023-W10 --lang en --dpi 72 -o " + png);
  ASSERT_EQ(r.code, 0) << r.out;
  int w = 0, h = 0;
  EXPECT_GT(distinct_rows(png, &w, &h), 200);
  EXPECT_EQ(w, 842);
  EXPECT_EQ(h, 595);
}

TEST(BriefCli, UsageErrors) {
  faro_test::TempDir tmp;
  EXPECT_EQ(run_faro("brief --week 2021-W53 -o " + tmp.file("b.csv")).code, 2);  // 2021 has 52
  EXPECT_EQ(run_faro("brief --week 2024-07 -o " + tmp.file("b.csv")).code, 2);
  EXPECT_EQ(run_faro("brief -o " + tmp.file("b.docx")).code, 2);
  EXPECT_EQ(run_faro("brief --lang fr -o " + tmp.file("b.csv")).code, 2);
  EXPECT_EQ(run_faro("brief --sort nope -o " + tmp.file("b.csv")).code, 2);
  EXPECT_EQ(run_faro("brief").code, 2);  // -o required
  EXPECT_EQ(run_faro("brief --help").code, 0);
  EXPECT_FALSE(std::filesystem::exists(tmp.file("b.csv")));
}

// A week with no day of the data is a data error naming the data's range, internal or partner,
// before anything is written or recorded in the ledger.
TEST(BriefCli, AWeekOutsideTheDataIsADataErrorNamingTheRange) {
  faro_test::TempDir tmp;
  const std::string ledger = tmp.file("ledger.tsv");
  for (const std::string week : {"2030-W01", "1990-W10"})
    for (const std::string& mode : {std::string("--internal"), "--ledger " + ledger}) {
      const std::string pdf = tmp.file("future.pdf");
      const Result r = run_faro("brief " + mode + " --lang en --week " + week + " -o " + pdf);
      EXPECT_EQ(r.code, 1) << r.out;
      EXPECT_NE(r.out.find(week + " is outside the data: the incidents run from "),
                std::string::npos)
          << r.out;
      EXPECT_FALSE(std::filesystem::exists(pdf));
    }
  EXPECT_FALSE(std::filesystem::exists(ledger)) << "nothing recorded for a refused week";
  const Result es = run_faro("brief --internal --lang es --week 2030-W01 -o " + tmp.file("x.csv"));
  EXPECT_EQ(es.code, 1);
  EXPECT_NE(es.out.find("2030-W01 está fuera de los datos"), std::string::npos) << es.out;
}

// The CSV's default order is the meeting's: every flagged sector above every unflagged one
// (up and new, then down), then by |z|. 2022-W22 of the demo city: one of the two weeks of
// 2021-2024 with sector flags under Benjamini-Hochberg (a "new" and an "up").
TEST(BriefCli, CsvDefaultOrderPutsFlaggedSectorsFirst) {
  faro_test::TempDir tmp;
  const std::string csv = tmp.file("brief.csv");
  const Result r = run_faro("brief --internal --week 2022-W22 -o " + csv);
  ASSERT_EQ(r.code, 0) << r.out;
  const auto rows = read_csv(csv);
  ASSERT_GE(rows.size(), 4u);
  const auto rank = [](const std::string& flag) {
    return flag == "up" || flag == "new" ? 0 : flag == "down" ? 1 : 2;
  };
  int flagged = 0;
  for (size_t i = 2; i + 1 < rows.size(); ++i) {
    const auto& a = rows[i - 1];
    const auto& b = rows[i];
    EXPECT_LE(rank(a[8]), rank(b[8])) << a[0] << " above " << b[0];
    if (rank(a[8]) == rank(b[8]))
      EXPECT_GE(std::abs(std::stod(a[7])), std::abs(std::stod(b[7]))) << a[0] << " " << b[0];
    flagged += rank(a[8]) < 2;
  }
  EXPECT_GT(flagged, 0) << "the test week should have flags";
}

// A partner brief never orders rows by a value it hides (the order would tell which hidden count
// is larger): with --sort prev_week, rows whose previous period is hidden come last, by name.
TEST(BriefCli, PartnerSortNeverOrdersByAHiddenValue) {
  faro_test::TempDir tmp;
  const std::string csv = tmp.file("brief.csv");
  const Result r = run_faro("brief --lang en --week 2023-W10 --group-by none --sort prev_week --ledger " +
                            tmp.file("L.tsv") + " -o " + csv);
  ASSERT_EQ(r.code, 0) << r.out;
  const auto rows = read_csv(csv);
  const auto is_number = [](const std::string& v) {
    return !v.empty() && v.find_first_not_of("0123456789") == std::string::npos;
  };
  bool in_hidden = false;
  size_t hidden = 0, shown = 0;
  std::string previous;
  for (size_t i = 1; i + 1 < rows.size(); ++i) {
    const bool h = !is_number(rows[i][2]);
    if (h) {
      if (in_hidden) EXPECT_LT(previous, rows[i][0]) << "hidden rows by name";
      in_hidden = true, ++hidden, previous = rows[i][0];
    } else {
      EXPECT_FALSE(in_hidden) << rows[i][0] << " (shown) after a hidden row";
      if (shown++) EXPECT_GE(std::stol(rows[i - 1][2]), std::stol(rows[i][2]));
    }
  }
  EXPECT_GT(shown, 0u);
  EXPECT_GT(hidden, 0u) << "the test week should hide some counts";
}

// Real CDMX data: the whole-area row of 2024-W07 against a direct count of the CSV rows by date
// (all rows load: no rejects in this file, so every dated row is in the area).
TEST(BriefCli, RealCdmxWholeAreaMatchesADirectCountOfTheRows) {
  FARO_REQUIRE_SHARED(sectors, "cdmx-cuadrantes/sectores_2023.geojson");
  FARO_REQUIRE_SHARED(incidents, "cdmx-fgj-2019-2024/fgj_homicidios_armas_cdmx_2019_2024.csv");
  faro_test::TempDir tmp;
  const std::string csv = tmp.file("brief.csv");
  Result r = run_faro("brief --sectors " + sectors + " --incidents " + incidents +
                      " --week 2024-W07 --no-cache --internal -o " + csv);
  ASSERT_EQ(r.code, 0) << r.out;
  ASSERT_NE(r.out.find("rows read: 11850, loaded: 11850, rejected: 0"), std::string::npos) << r.out;
  const auto rows = read_csv(csv);
  ASSERT_EQ(rows.back()[0], "(all)");

  // Windows as calendar dates, worked out by hand from the ISO calendar: 2024-W07 is
  // Mon 2024-02-12 .. Sun 2024-02-18; 2024-W01 starts 2024-01-01; 2023-W01 starts 2023-01-02;
  // 2023-W07 is 2023-02-13 .. 2023-02-19.
  struct Window {
    const char *from, *to;
    long n = 0;
  } win[] = {{"2024-02-12", "2024-02-18"}, {"2024-02-05", "2024-02-11"},
             {"2024-01-15", "2024-02-11"}, {"2023-02-13", "2023-02-19"},
             {"2024-01-01", "2024-02-18"}, {"2023-01-02", "2023-02-19"}};
  std::ifstream in(incidents);
  std::string line;
  std::getline(in, line);
  const auto head = split(line);
  const size_t date_col = std::find(head.begin(), head.end(), "fecha_hecho") - head.begin();
  ASSERT_LT(date_col, head.size());
  while (std::getline(in, line)) {
    const auto f = split(line);
    if (f.size() <= date_col) continue;
    const std::string day = f[date_col].substr(0, 10);
    for (Window& w : win)
      if (day >= w.from && day <= w.to) ++w.n;
  }
  const auto& all = rows.back();
  EXPECT_EQ(std::stol(all[1]), win[0].n);
  EXPECT_EQ(std::stol(all[2]), win[1].n);
  EXPECT_DOUBLE_EQ(std::stod(all[3]), win[2].n / 4.0);
  EXPECT_EQ(std::stol(all[4]), win[3].n);
  EXPECT_EQ(std::stol(all[5]), win[4].n);
  EXPECT_EQ(std::stol(all[6]), win[5].n);
  EXPECT_GT(win[0].n, 0);
  EXPECT_EQ(rows.size(), 1u + 72u + 1u);  // header, 72 sectors, (all)
}

// Count columns of a brief CSV row: week, prev_week, same_week_last_year, ytd, ytd_last_year
// (mean_prev4 is checked as 4 x mean, a count in disguise).
void expect_no_small_count(const std::vector<std::vector<std::string>>& rows, size_t* hidden) {
  for (size_t i = 1; i < rows.size(); ++i) {
    ASSERT_EQ(rows[i].size(), 10u);
    for (int c : {1, 2, 3, 4, 5, 6}) {
      const std::string& f = rows[i][c];
      if (f == "<5" || f == "s") {
        ++*hidden;
        continue;
      }
      const long v = c == 3 ? std::lround(std::stod(f) * 4) : std::stol(f);
      EXPECT_TRUE(v == 0 || v >= 5) << rows[i][0] << " column " << c << ": " << f;
    }
    // z, flag and percent change are hidden with the week or the baseline.
    const bool hidden_count =
        rows[i][1] == "<5" || rows[i][1] == "s" || rows[i][3] == "<5" || rows[i][3] == "s";
    if (hidden_count) {
      EXPECT_TRUE(rows[i][7] == "<5" || rows[i][7] == "s") << rows[i][0];
      EXPECT_EQ(rows[i][8], rows[i][7]);
    }
  }
}

TEST(BriefCli, PartnerSafeCsvPrintsNoSmallCountAndSaysSoInItsFirstLine) {
  faro_test::TempDir tmp;
  const std::string csv = tmp.file("brief.csv");
  Result r = run_faro("brief --week 2023-W10 -o " + csv);
  ASSERT_EQ(r.code, 0) << r.out;
  std::ifstream in(csv);
  std::string first;
  std::getline(in, first);
  // The protection and the level, in both languages when no --lang is given.
  EXPECT_EQ(first.rfind("# Protección: conteos < 5 suprimidos, unidad: ", 0), 0u) << first;
  const size_t slash = first.find(" / Protection: counts < 5 suppressed, unit: ");
  ASSERT_NE(slash, std::string::npos) << first;
  EXPECT_NE(first.substr(0, slash).find(" · nivel: "), std::string::npos) << first;
  EXPECT_NE(first.find(" · level: ", slash), std::string::npos) << first;
  const auto rows = read_csv(csv);
  EXPECT_EQ(rows[0].size(), 10u);
  size_t hidden = 0;
  expect_no_small_count(rows, &hidden);
  // A week per sector of the demo city: small counts to hide.
  ASSERT_EQ(run_faro("brief --week 2023-W10 --group-by none -o " + csv).code, 0);
  hidden = 0;
  expect_no_small_count(read_csv(csv), &hidden);
  EXPECT_NE(r.out.find("partner-safe: "), std::string::npos) << r.out;
}

std::string pdf_text(const std::string& pdf, faro_test::TempDir& tmp) {
  const std::string txt = tmp.file("page.txt");
  std::string out;
  if (faro_test::run_command("pdftotext -layout " + pdf + " " + txt, &out) != 0) return "";
  return export_test::read_bytes(txt);
}

TEST(BriefCli, PdfTextCarriesTheFooterOrTheInternalStampAndNoCoordinates) {
  std::string probe;
  if (faro_test::run_command("command -v pdftotext", &probe) != 0)
    GTEST_SKIP() << "pdftotext (poppler-utils) not installed";
  faro_test::TempDir tmp;
  const std::string safe = tmp.file("safe.pdf"), internal = tmp.file("internal.pdf");
  const std::string png = tmp.file("safe.png");
  ASSERT_EQ(run_faro("brief --week 2023-W10 --lang es -o " + safe).code, 0);
  ASSERT_EQ(run_faro("brief --week 2023-W10 --lang es --internal -o " + internal).code, 0);
  ASSERT_EQ(run_faro("brief --week 2023-W10 --dpi 72 -o " + png).code, 0);
  const std::string safe_text = pdf_text(safe, tmp);
  EXPECT_NE(safe_text.find("Protección: conteos < 5 suprimidos, ancho de banda ≥ 500 m"),
            std::string::npos)
      << safe_text;
  // Hidden cells printed as the marker ("<5", or "s" when a complement is 5 or more), which the
  // footer explains.
  EXPECT_TRUE(safe_text.find("<5 = suprimido") != std::string::npos ||
              safe_text.find("s = suprimido") != std::string::npos)
      << safe_text;
  EXPECT_EQ(safe_text.find("USO INTERNO"), std::string::npos);
  const std::string internal_text = pdf_text(internal, tmp);
  EXPECT_NE(internal_text.find("USO INTERNO / INTERNAL USE"), std::string::npos) << internal_text;
  EXPECT_EQ(internal_text.find("Protección:"), std::string::npos);
  // The near-repeat section (issue 20) on the internal brief only: zones come from exact places.
  EXPECT_NE(internal_text.find("Repetición cercana ("), std::string::npos) << internal_text;
  EXPECT_NE(internal_text.find("cayeron en zonas activas"), std::string::npos) << internal_text;
  EXPECT_EQ(safe_text.find("Repetición cercana"), std::string::npos);

  // No incident coordinate (text in the page or its metadata, or raw doubles) in either page.
  const export_test::Needles needles = export_test::demo_coordinate_needles(400);
  ASSERT_FALSE(needles.text.empty());
  for (const std::string& file : {safe, internal, png}) {
    const std::string bytes = export_test::read_bytes(file);
    const std::string text = file == png ? "" : pdf_text(file, tmp);
    for (const std::string& n : needles.text) {
      EXPECT_EQ(text.find(n), std::string::npos) << n << " in the text of " << file;
      EXPECT_EQ(bytes.find(n), std::string::npos) << n << " in the bytes of " << file;
    }
    for (const std::string& b : needles.binary)
      EXPECT_EQ(bytes.find(b), std::string::npos) << "coordinate bytes in " << file;
  }
}

// Real CDMX data, partner-safe: the same week as above prints no count in 1..4.
TEST(BriefCli, RealCdmxPartnerSafeCsvPrintsNoSmallCount) {
  FARO_REQUIRE_SHARED(sectors, "cdmx-cuadrantes/sectores_2023.geojson");
  FARO_REQUIRE_SHARED(incidents, "cdmx-fgj-2019-2024/fgj_homicidios_armas_cdmx_2019_2024.csv");
  faro_test::TempDir tmp;
  const std::string csv = tmp.file("brief.csv");
  Result r = run_faro("brief --sectors " + sectors + " --incidents " + incidents +
                      " --week 2024-W07 -o " + csv);
  ASSERT_EQ(r.code, 0) << r.out;
  const auto rows = read_csv(csv);
  ASSERT_GE(rows.size(), 1u + 2u + 1u);  // header, the units of the chosen level, (all)
  size_t hidden = 0;
  expect_no_small_count(rows, &hidden);
}

// Real CDMX data, 2024-W52: a week per sector is nearly all "<5", so the partner brief coarsens
// until its unit rows publish at least 60 % of the period's incidents; the CSV keeps its columns
// and states the level in its notice line; no file path in any partner output.
TEST(BriefCli, RealCdmxPartnerBriefPublishesMostOfThePeriod) {
  FARO_REQUIRE_SHARED(sectors, "cdmx-cuadrantes/sectores_2023.geojson");
  FARO_REQUIRE_SHARED(incidents, "cdmx-fgj-2019-2024/fgj_homicidios_armas_cdmx_2019_2024.csv");
  faro_test::TempDir tmp;
  const std::string data = " --sectors " + sectors + " --incidents " + incidents;
  for (const char* lang : {"es", "en"}) {
    const std::string csv = tmp.file(std::string("b_") + lang + ".csv");
    Result r = run_faro("brief" + data + " --week 2024-W52 --lang " + lang + " -o " + csv);
    ASSERT_EQ(r.code, 0) << r.out;
    std::ifstream in(csv);
    std::string first;
    std::getline(in, first);
    EXPECT_NE(first.find(std::string(lang) == "es" ? " · nivel: " : " · level: "),
              std::string::npos)
        << first;
    EXPECT_EQ(first.find('/'), std::string::npos) << "no path, one language: " << first;
    const auto rows = read_csv(csv);
    EXPECT_EQ(rows[0][0], "sector");
    EXPECT_EQ(rows[0][1], "week");
    size_t hidden = 0;
    expect_no_small_count(rows, &hidden);
    ASSERT_EQ(rows.back()[0], "(all)");
    const long total = std::stol(rows.back()[1]);
    long published = 0;
    for (size_t i = 1; i + 1 < rows.size(); ++i)
      if (rows[i][1] != "<5" && rows[i][1] != "s") published += std::stol(rows[i][1]);
    EXPECT_GT(total, 0);
    EXPECT_GE(published, 0.6 * total) << published << " of " << total << "\n" << first;
    // Before: a week per sector published far less (the reason for the coarsening).
    if (std::string(lang) == "en") {
      EXPECT_NE(r.out.find("level: "), std::string::npos) << r.out;
      EXPECT_NE(r.out.find("1w/sector"), std::string::npos) << r.out;
    }
  }
  // The page: the level in the title, sources by file name only.
  std::string probe;
  if (faro_test::run_command("command -v pdftotext", &probe) != 0) return;
  const std::string pdf = tmp.file("b.pdf");
  ASSERT_EQ(run_faro("brief" + data + " --week 2024-W52 --lang es -o " + pdf).code, 0);
  const std::string text = pdf_text(pdf, tmp);
  EXPECT_NE(text.find("al 2024-12-29, por"), std::string::npos) << text;
  EXPECT_NE(text.find("fgj_homicidios_armas_cdmx_2019_2024.csv"), std::string::npos);
  const std::string dir = std::filesystem::path(incidents).parent_path().string();
  EXPECT_EQ(text.find(dir), std::string::npos) << "a path in the page";
  EXPECT_EQ(text.find("cdmx-fgj-2019-2024/"), std::string::npos) << "a path in the page";
}

// Real CDMX data, 2021-W01 (New Year): the flags' expected count carries the season. The data
// start in 2019-01, so the factor comes from 2020 alone (2019's windows start in 2018); 2019-W30
// has no earlier year and says so. The page's footer and legend state the baseline and the
// Benjamini-Hochberg control in the page's language; the whole area is not flagged "down".
TEST(BriefCli, RealCdmxPageStatesTheSeasonalBaselineAndTheControl) {
  FARO_REQUIRE_SHARED(sectors, "cdmx-cuadrantes/sectores_2023.geojson");
  FARO_REQUIRE_SHARED(incidents, "cdmx-fgj-2019-2024/fgj_homicidios_armas_cdmx_2019_2024.csv");
  faro_test::TempDir tmp;
  const std::string data = " --sectors " + sectors + " --incidents " + incidents + " --no-cache";
  const std::string csv = tmp.file("b.csv");
  Result r = run_faro("brief" + data + " --week 2021-W01 --internal -o " + csv);
  ASSERT_EQ(r.code, 0) << r.out;
  EXPECT_NE(r.out.find("seasonal factor 0.92 (whole area: the same ISO weeks ±1 of 2020 "),
            std::string::npos)
      << r.out;
  EXPECT_NE(r.out.find("Benjamini–Hochberg at 10 % over "), std::string::npos) << r.out;
  const auto rows = read_csv(csv);
  ASSERT_EQ(rows.back()[0], "(all)");
  EXPECT_EQ(rows.back()[1], "26");
  EXPECT_EQ(rows.back()[8], "") << "the New Year week is not a citywide fall";
  r = run_faro("brief" + data + " --week 2019-W30 --internal -o " + csv);
  ASSERT_EQ(r.code, 0) << r.out;
  EXPECT_NE(r.out.find("No seasonal factor (the data do not cover those weeks of the year "
                       "before): expected = mean 4 weeks"),
            std::string::npos)
      << r.out;

  std::string probe;
  if (faro_test::run_command("command -v pdftotext", &probe) != 0) return;
  for (const char* lang : {"es", "en"}) {
    const bool es = std::string(lang) == "es";
    const std::string pdf = tmp.file(std::string("b_") + lang + ".pdf");
    ASSERT_EQ(run_faro("brief" + data + " --week 2021-W01 --internal --lang " + lang + " -o " +
                       pdf)
                  .code,
              0);
    const std::string text = pdf_text(pdf, tmp);
    for (const char* words :
         es ? std::vector<const char*>{"factor de época 0.92", "Benjamini–Hochberg al 10 % sobre",
                                       "esperables por azar", "esperado 33.3", "Media"}
            : std::vector<const char*>{"seasonal factor 0.92", "Benjamini–Hochberg at 10 % over",
                                       "expected by chance", "expected 33.3", "Mean"})
      EXPECT_NE(text.find(words), std::string::npos) << lang << ": " << words << "\n" << text;
    EXPECT_EQ(text.find(es ? "media 4 sem.);" : "mean 4 weeks);"), std::string::npos)
        << "the old method line";
  }
}

TEST(BriefCli, GroupByNamesASectorField) {
  faro_test::TempDir tmp;
  const std::string csv = tmp.file("b.csv");
  Result r = run_faro("brief --week 2023-W10 --group-by no_such_field -o " + csv);
  EXPECT_EQ(r.code, 1) << r.out;
  EXPECT_NE(r.out.find("no_such_field"), std::string::npos) << r.out;
  r = run_faro("brief --week 2023-W10 --group-by distrito -o " + csv);
  EXPECT_EQ(r.code, 0) << r.out;
  // Internal: the weekly sector brief whatever the grouping.
  const std::string plain = tmp.file("plain.csv");
  ASSERT_EQ(run_faro("brief --week 2023-W10 --group-by distrito --internal -o " + csv).code, 0);
  ASSERT_EQ(run_faro("brief --week 2023-W10 --internal -o " + plain).code, 0);
  EXPECT_EQ(export_test::read_bytes(csv), export_test::read_bytes(plain));
}

}  // namespace
