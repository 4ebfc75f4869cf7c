// `faro evaluate -o report.pdf` end to end: the PDF report is written (2 to 4 A4 pages) and,
// read back with pdftotext (poppler-utils; the text checks skip with a message without it),
// carries the verdict headline, the DiD sentence, the program name and the filters, in Spanish or
// English; partner-safe by default (the protection footer on every page), --internal stamps every
// page. --internal without a PDF is a usage error. On real CDMX data (skipped without it) the
// report names the sources by file name only and states the --where filter.
#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "test_support.hpp"

namespace {

struct Result {
  int code;
  std::string out;
};

Result faro(const std::string& args) {
  Result r;
  r.code = faro_test::run_command(std::string(FARO_BINARY) + " evaluate " + args, &r.out);
  return r;
}

bool have_pdftotext() {
  return std::system("command -v pdftotext > /dev/null 2>&1") == 0;
}

// The PDF's text with every run of white space made one space (lines wrap anywhere), pages split
// at form feeds.
std::vector<std::string> pdf_pages_text(const std::string& path) {
  std::string raw;
  EXPECT_EQ(faro_test::run_command("pdftotext '" + path + "' -", &raw), 0) << raw;
  std::vector<std::string> pages;
  std::stringstream in(raw);
  for (std::string page; std::getline(in, page, '\f');) {
    std::string flat;
    for (char c : page) {
      const bool space = c == ' ' || c == '\n' || c == '\t' || c == '\r';
      if (space && (flat.empty() || flat.back() == ' ')) continue;
      flat += space ? ' ' : c;
    }
    if (!flat.empty()) pages.push_back(flat);
  }
  return pages;
}

std::string joined(const std::vector<std::string>& pages) {
  std::string s;
  for (const std::string& p : pages) s += p + " ";
  return s;
}

nlohmann::json read_json(const std::string& path) {
  std::ifstream in(path);
  std::stringstream s;
  s << in.rdbuf();
  return nlohmann::json::parse(s.str(), nullptr, false);
}

const char* kHeadlines[2][5] = {
    {"Evidencia consistente de reducción", "Evidencia consistente de aumento",
     "Señal no concluyente", "Sin evidencia de efecto", "No se puede evaluar con estos datos"},
    {"Consistent evidence of a reduction", "Consistent evidence of an increase",
     "Inconclusive signal", "No evidence of an effect", "Cannot be evaluated with these data"}};

// The headline the summary printed (the checks' first line) is the one on page 1.
void expect_headline(const Result& r, const std::vector<std::string>& pages, int lang) {
  ASSERT_FALSE(pages.empty());
  int found = 0;
  for (const char* h : kHeadlines[lang])
    if (pages[0].find(h) != std::string::npos) {
      ++found;
      EXPECT_NE(r.out.find(h), std::string::npos) << "page 1 says " << h << "\n" << r.out;
    }
  EXPECT_EQ(found, 1) << pages[0];
}

TEST(EvaluatePdfCli, DemoSpanishPartnerSafe) {
  faro_test::TempDir tmp;
  const std::string pdf = tmp.file("r_es.pdf"), json = tmp.file("r.json");
  const Result r = faro("--lang es -o " + pdf);
  ASSERT_EQ(r.code, 0) << r.out;
  ASSERT_TRUE(std::filesystem::exists(pdf));
  EXPECT_NE(r.out.find("partner-safe"), std::string::npos) << r.out;
  if (!have_pdftotext()) GTEST_SKIP() << "pdftotext not installed: the PDF's text is not checked";
  ASSERT_EQ(faro("--lang es -o " + json).code, 0);
  const std::vector<std::string> pages = pdf_pages_text(pdf);
  ASSERT_GE(pages.size(), 2u);
  ASSERT_LE(pages.size(), 4u);
  expect_headline(r, pages, 0);
  const std::string text = joined(pages);
  // Page 1 has the change in plain words as the JSON words it (no "IC", no φ), the analysts'
  // page the DiD sentence; then the program and the rule.
  const nlohmann::json did = read_json(json)["did"];
  const std::string plain = did["plain_es"], sentence = did["sentence_es"];
  EXPECT_NE(pages[0].find(plain), std::string::npos) << plain << "\n" << pages[0];
  EXPECT_EQ(pages[0].find("IC 95"), std::string::npos) << pages[0];
  EXPECT_NE(pages[1].find(sentence), std::string::npos) << sentence << "\n" << pages[1];
  EXPECT_NE(pages[0].find("Alto al Fuego - Fase 1"), std::string::npos);
  EXPECT_NE(pages[0].find("Regla:"), std::string::npos);
  for (const std::string& page : pages) {
    EXPECT_NE(page.find("Delitos: todos"), std::string::npos) << page.substr(0, 400);
    EXPECT_NE(page.find("sectores sin programa"), std::string::npos);
    EXPECT_NE(page.find("Protección: conteos < 5 suprimidos"), std::string::npos);
    EXPECT_NE(page.find("Generado"), std::string::npos);
    EXPECT_EQ(page.find("USO INTERNO"), std::string::npos);
  }
  // The analyst pages' sections.
  for (const char* s :
       {"Diferencia en diferencias", "Serie de tiempo interrumpida", "Estudio de eventos",
        "Sensibilidad a la ventana", "Control sintético", "Inferencia por aleatorización"})
    EXPECT_NE(text.find(s), std::string::npos) << s;
}

TEST(EvaluatePdfCli, DemoEnglishInternalStampsEveryPage) {
  faro_test::TempDir tmp;
  const std::string pdf = tmp.file("r_en.pdf");
  const Result r = faro("--lang en --internal --program 'Alto al Fuego - Fase 2' -o " + pdf);
  ASSERT_EQ(r.code, 0) << r.out;
  ASSERT_TRUE(std::filesystem::exists(pdf));
  if (!have_pdftotext()) GTEST_SKIP() << "pdftotext not installed: the PDF's text is not checked";
  const std::vector<std::string> pages = pdf_pages_text(pdf);
  ASSERT_GE(pages.size(), 2u);
  expect_headline(r, pages, 1);
  EXPECT_NE(pages[0].find("Program evaluation — Alto al Fuego - Fase 2"), std::string::npos);
  EXPECT_NE(pages[0].find("relative to the comparison sectors; the real change is probably"),
            std::string::npos)
      << pages[0];
  EXPECT_NE(pages[1].find("relative to comparison sectors, 95 % CI"), std::string::npos);
  EXPECT_NE(pages[0].find("Summary for command staff"), std::string::npos);
  for (const std::string& page : pages) {
    EXPECT_NE(page.find("USO INTERNO / INTERNAL USE"), std::string::npos) << page.substr(0, 300);
    EXPECT_NE(page.find("Offences: all"), std::string::npos);
    EXPECT_NE(page.find("Comparison:"), std::string::npos);
    EXPECT_EQ(page.find("Protection:"), std::string::npos);
  }
  EXPECT_NE(joined(pages).find("Detail for analysts"), std::string::npos);
}

TEST(EvaluatePdfCli, InternalWithoutPdfIsAUsageError) {
  faro_test::TempDir tmp;
  EXPECT_EQ(faro("--internal -o " + tmp.file("r.json")).code, 2);
  EXPECT_EQ(faro("--internal").code, 2);
  // The JSON report is written as before.
  ASSERT_EQ(faro("-o " + tmp.file("r.json")).code, 0);
  EXPECT_FALSE(read_json(tmp.file("r.json")).is_discarded());
}

TEST(EvaluatePdfCli, RealCdmxNamesSourcesAndFilters) {
  FARO_REQUIRE_SHARED(sectors, "cdmx-cuadrantes/sectores_2023.geojson");
  FARO_REQUIRE_SHARED(incidents, "cdmx-fgj-2019-2024/fgj_homicidios_armas_cdmx_2019_2024.csv");
  faro_test::TempDir tmp;
  const std::string programs = tmp.write("programs.csv",
                                         "program,sector,start\n"
                                         "Alto al Fuego AO,PLATEROS,2022-01-01\n"
                                         "Alto al Fuego AO,SANTA FE,2022-01-01\n"
                                         "Alto al Fuego AO,ALPES,2022-01-01\n");
  const std::string pdf = tmp.file("cdmx.pdf");
  const Result r = faro("--sectors " + sectors + " --incidents " + incidents +
                        " --where \"grupo = 'homicidio_doloso'\" --programs " + programs +
                        " --lang en -o " + pdf);
  ASSERT_EQ(r.code, 0) << r.out;
  if (!have_pdftotext()) GTEST_SKIP() << "pdftotext not installed: the PDF's text is not checked";
  const std::vector<std::string> pages = pdf_pages_text(pdf);
  ASSERT_GE(pages.size(), 2u);
  ASSERT_LE(pages.size(), 4u);
  expect_headline(r, pages, 1);
  EXPECT_NE(pages[0].find("Rollout by sector: 2022-01-01: ALPES, PLATEROS, SANTA FE"),
            std::string::npos)
      << pages[0];
  for (const std::string& page : pages) {
    EXPECT_NE(page.find("Offences: --where grupo = 'homicidio_doloso'"), std::string::npos);
    EXPECT_NE(page.find("Sources: sectores_2023.geojson, fgj_homicidios_armas_cdmx_2019_2024.csv, "
                        "programs.csv"),
              std::string::npos);
    EXPECT_EQ(page.find(tmp.path().string()), std::string::npos);
    EXPECT_EQ(page.find("shared/data"), std::string::npos);
  }
}

}  // namespace
