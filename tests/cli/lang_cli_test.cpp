// `--lang es|en` end to end: every word a person reads follows the chosen language. The brief's
// PDF (through pdftotext), the evaluation summary and the hotspots/export notices are searched
// for words that exist only in the other language. JSON and CSV keys stay English either way.
#include <gtest/gtest.h>

#include <algorithm>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "test_support.hpp"

namespace {

// Spanish-only and English-only words (lower case; the text is lowered, ASCII letters only).
const std::vector<std::string> kSpanishOnly = {
    "semana",    "sectores con", "incidentes", "anterior",  "desde",    "fuente",
    "suprimido", "resumen",      "informe",    "protecci",  "generado", "filtro",
    "ciudad",    "respecto",     "comparaci",  "datos sint"};
const std::vector<std::string> kEnglishOnly = {
    "week",  "sectors",    "incidents", "previous", "since",       "source",     "suppressed",
    "brief", "protection", "generated", "filter",   "relative to", "comparison", "synthetic"};

std::string lower(std::string s) {
  std::transform(s.begin(), s.end(), s.begin(),
                 [](char c) { return c >= 'A' && c <= 'Z' ? char(c - 'A' + 'a') : c; });
  return s;
}

std::string read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

// The words of `bad` found in `text`.
std::vector<std::string> found(const std::string& text, const std::vector<std::string>& bad) {
  const std::string t = lower(text);
  std::vector<std::string> out;
  for (const std::string& w : bad)
    if (t.find(w) != std::string::npos) out.push_back(w);
  return out;
}

std::string joined(const std::vector<std::string>& v) {
  std::string s;
  for (const auto& w : v) s += (s.empty() ? "" : ", ") + w;
  return s;
}

int faro(const std::string& args, std::string* out) {
  return faro_test::run_command(std::string(FARO_BINARY) + " " + args, out);
}

// The demo city's sector and program names are proper nouns ("Las Fuentes", "Alto al Fuego"),
// not words of either language: cut them out before searching.
std::string without_names(std::string text, const std::vector<std::string>& names) {
  for (const std::string& n : names)
    for (size_t at; !n.empty() && (at = text.find(n)) != std::string::npos;)
      text.erase(at, n.size());
  return text;
}

// The sector names of the demo city, from the brief's CSV (first column, after the notice and
// the header).
std::vector<std::string> demo_sector_names(faro_test::TempDir& tmp) {
  const std::string csv = tmp.file("names.csv");
  std::string out;
  if (faro_test::run_command(std::string(FARO_BINARY) + " brief --internal -o " + csv, &out) != 0)
    return {};
  std::istringstream in(read_file(csv));
  std::vector<std::string> names;
  std::string line;
  std::getline(in, line);  // notice
  std::getline(in, line);  // header
  while (std::getline(in, line)) {
    std::string name = line.substr(0, line.find(','));
    if (name.size() > 1 && name.front() == '"') name = name.substr(1, name.size() - 2);
    if (!name.empty()) names.push_back(name);
  }
  // Longest first, so "Las Fuentes Norte" goes before "Las Fuentes".
  std::sort(names.begin(), names.end(),
            [](const std::string& a, const std::string& b) { return a.size() > b.size(); });
  return names;
}

TEST(LangCli, BriefPdfTextIsInOneLanguage) {
  std::string probe;
  if (faro_test::run_command("command -v pdftotext", &probe) != 0)
    GTEST_SKIP() << "pdftotext (poppler-utils) not installed";
  faro_test::TempDir tmp;
  std::string text[2];
  const char* langs[2] = {"en", "es"};
  for (int i = 0; i < 2; ++i) {
    const std::string pdf = tmp.file(std::string("brief-") + langs[i] + ".pdf");
    const std::string txt = tmp.file(std::string("brief-") + langs[i] + ".txt");
    std::string out;
    ASSERT_EQ(faro("brief --week 2023-W10 --lang " + std::string(langs[i]) + " -o " + pdf, &out), 0)
        << out;
    ASSERT_EQ(faro_test::run_command("pdftotext -layout " + pdf + " " + txt, &out), 0) << out;
    text[i] = read_file(txt);
    ASSERT_GT(text[i].size(), 200u);
  }
  // Sector and program names appear in both languages.
  std::vector<std::string> names = demo_sector_names(tmp);
  ASSERT_GT(names.size(), 10u);
  names.push_back("Alto al Fuego");
  const std::string en = without_names(text[0], names), es = without_names(text[1], names);
  EXPECT_TRUE(found(en, kSpanishOnly).empty())
      << "Spanish in the English brief: " << joined(found(en, kSpanishOnly)) << "\n"
      << en;
  EXPECT_TRUE(found(es, kEnglishOnly).empty())
      << "English in the Spanish brief: " << joined(found(es, kEnglishOnly)) << "\n"
      << es;
  // And each page really is in its language.
  EXPECT_NE(en.find("Weekly brief"), std::string::npos);
  EXPECT_NE(en.find("Protection: counts < 5 suppressed"), std::string::npos);
  EXPECT_NE(es.find("Informe semanal"), std::string::npos);
  EXPECT_NE(es.find("Protección: conteos < 5 suprimidos"), std::string::npos);
}

TEST(LangCli, BriefCsvNoticeFollowsLangAndKeepsEnglishColumns) {
  faro_test::TempDir tmp;
  const std::string en = tmp.file("en.csv"), es = tmp.file("es.csv"), both = tmp.file("b.csv");
  std::string out;
  ASSERT_EQ(faro("brief --week 2023-W10 --lang en -o " + en, &out), 0) << out;
  ASSERT_EQ(faro("brief --week 2023-W10 --lang es -o " + es, &out), 0) << out;
  ASSERT_EQ(faro("brief --week 2023-W10 -o " + both, &out), 0) << out;
  const std::string e = read_file(en), s = read_file(es), b = read_file(both);
  // The protection and the partner brief's level (core/brief_level.hpp), one language each.
  EXPECT_EQ(e.rfind("# Protection: counts < 5 suppressed, unit: ", 0), 0u) << e;
  EXPECT_EQ(s.rfind("# Protección: conteos < 5 suprimidos, unidad: ", 0), 0u) << s;
  EXPECT_NE(e.substr(0, e.find('\n')).find(" · level: "), std::string::npos) << e;
  EXPECT_NE(s.substr(0, s.find('\n')).find(" · nivel: "), std::string::npos) << s;
  EXPECT_EQ(e.substr(0, e.find('\n')).find(" / "), std::string::npos) << e;
  // Without --lang the notice stays bilingual: the file may travel to either side.
  EXPECT_EQ(b.rfind("# Protección: conteos < 5 suprimidos, unidad: ", 0), 0u) << b;
  EXPECT_NE(b.substr(0, b.find('\n')).find(" / Protection: counts < 5 suppressed, unit: "),
            std::string::npos)
      << b;
  for (const std::string* f : {&e, &s})
    EXPECT_NE(f->find("\nsector,week,prev_week,mean_prev4,"), std::string::npos) << *f;
}

TEST(LangCli, EvaluateSummaryIsInOneLanguage) {
  std::string en, es;
  ASSERT_EQ(faro("evaluate --lang en", &en), 0) << en;
  ASSERT_EQ(faro("evaluate --lang es", &es), 0) << es;
  EXPECT_NE(en.find("relative to comparison sectors, 95 % CI"), std::string::npos) << en;
  EXPECT_EQ(en.find("respecto a los sectores de comparación"), std::string::npos) << en;
  EXPECT_NE(es.find("respecto a los sectores de comparación"), std::string::npos) << es;
  EXPECT_EQ(es.find("relative to comparison sectors"), std::string::npos) << es;
  std::string bad;
  EXPECT_EQ(faro("evaluate --lang fr", &bad), 2) << bad;
}

TEST(LangCli, HotspotsAndExportNoticesFollowLang) {
  faro_test::TempDir tmp;
  std::string out;
  for (const char* lang : {"en", "es"}) {
    const bool english = std::string(lang) == "en";
    const std::string hot = tmp.file(std::string("hot-") + lang + ".csv");
    const std::string agg = tmp.file(std::string("agg-") + lang + ".csv");
    ASSERT_EQ(faro("hotspots --permutations 99 --lang " + std::string(lang) + " -o " + hot, &out),
              0)
        << out;
    ASSERT_EQ(faro("export --by year --lang " + std::string(lang) + " --ledger " +
                       tmp.file(std::string("ledger-") + lang + ".json") + " -o " + agg,
                   &out),
              0)
        << out;
    for (const std::string& path : {hot, agg}) {
      const std::string text = read_file(path);
      const std::string notice = text.substr(0, text.find('\n'));
      SCOPED_TRACE(path + ": " + notice);
      EXPECT_TRUE(found(notice, english ? kSpanishOnly : kEnglishOnly).empty());
      EXPECT_NE(notice.find(english ? "# Protection: counts < 5 suppressed"
                                    : "# Protección: conteos < 5 suprimidos"),
                std::string::npos);
      EXPECT_NE(notice.find(english ? "SYNTHETIC DATA" : "DATOS SINTÉTICOS"), std::string::npos);
    }
    // The columns scripts read stay English.
    EXPECT_NE(read_file(hot).find("\nunit,count,"), std::string::npos);
  }
  EXPECT_EQ(faro("hotspots --lang xx -o " + tmp.file("x.csv"), &out), 2) << out;
}

}  // namespace
