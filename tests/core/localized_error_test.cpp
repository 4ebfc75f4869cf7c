// One language per message (core/localized_error.hpp): a LocalizedError in either language with
// its catalogue words translated, and an untranslatable error marked as such in Spanish.
#include "core/localized_error.hpp"

#include <gtest/gtest.h>

namespace faro {
namespace {

TEST(LocalizedError, SaysItInTheAskedLanguage) {
  const LocalizedError e(Msg::err_file_not_found, {"/d/100%.csv", Msg::role_word_incidents});
  EXPECT_EQ(std::string(e.what()), "/d/100%.csv: incidents file not found");
  EXPECT_EQ(e.text(Language::en), "/d/100%.csv: incidents file not found");
  EXPECT_EQ(e.text(Language::es), "/d/100%.csv: no se encontró el archivo de incidentes");
  EXPECT_EQ(error_text(e, Language::es), e.text(Language::es));
  // Caught as the DataError it is, as before.
  try {
    throw LocalizedError(Msg::err_project_not_found, {"p.faro.json"});
  } catch (const DataError& d) {
    EXPECT_EQ(std::string(d.what()), "p.faro.json: project file not found");
  }
}

TEST(LocalizedError, OtherErrorsAreMarkedAsUntranslatedInSpanish) {
  const std::runtime_error gdal("sectores.shp: Unable to open EPSG support file gcs.csv");
  EXPECT_EQ(error_text(gdal, Language::en), gdal.what());
  const std::string es = error_text(gdal, Language::es);
  EXPECT_EQ(es.find("error técnico, sin traducción"), 0u) << es;
  EXPECT_NE(es.find(gdal.what()), std::string::npos) << es;
  // The dashboard's own checks (partner rules) are already in the UI language: left as they are.
  const UsageError partner("Para socios, el periodo debe cubrir meses completos");
  EXPECT_EQ(error_text(partner, Language::es), partner.what());
  // Extra %s in a text with fewer arguments stay visible rather than read garbage.
  EXPECT_EQ(fill_message(Msg::err_file_not_found, Language::en, {"x"}), "x: %s file not found");
}

}  // namespace
}  // namespace faro
