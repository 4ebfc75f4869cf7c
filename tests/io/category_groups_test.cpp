// Offence groups read from a source's grouping column: the column is found by name beside the
// offence column, an offence seen under two groups goes to the more frequent one, Latin-1 text is
// read as the loader reads it, and a source without such a column has no groups.
#include "io/category_groups.hpp"

#include <gtest/gtest.h>

#include "core/errors.hpp"
#include "test_support.hpp"

namespace faro::io {
namespace {

std::vector<SourceSpec> incidents_at(const std::string& path) {
  SourceSpec s;
  s.role = SourceSpec::Role::incidents;
  s.path = path;
  return {s};
}

TEST(CategoryGroups, GroupingColumnBesideTheOffences) {
  faro_test::TempDir dir;
  const std::string path = dir.write("incidentes.csv",
                                     "id,fecha,delito,Grupo,lat,lon\n"
                                     "1,2024-01-01,ROBO A NEGOCIO,robos,19.4,-99.1\n"
                                     "2,2024-01-01,ROBO A NEGOCIO,robos,19.4,-99.1\n"
                                     "3,2024-01-01,ROBO A NEGOCIO,otros,19.4,-99.1\n"  // stray
                                     "4,2024-01-02,LESI\xD3N DOLOSA,lesiones,19.4,-99.1\n"  // Latin-1
                                     "5,2024-01-02,FRAUDE,,19.4,-99.1\n");  // no group
  const CategoryGroups g = read_category_groups(incidents_at(path), "delito");
  EXPECT_EQ(g.field, "Grupo");
  ASSERT_EQ(g.group_of.size(), 2u);
  EXPECT_EQ(g.group_of.at("ROBO A NEGOCIO"), "robos");
  EXPECT_EQ(g.group_of.at("LESIÓN DOLOSA"), "lesiones");
  EXPECT_EQ(g.group_of.count("FRAUDE"), 0u);
}

TEST(CategoryGroups, NoGroupingColumnNoGroups) {
  faro_test::TempDir dir;
  const std::string path =
      dir.write("incidentes.csv", "id,fecha,delito,lat,lon\n1,2024-01-01,ROBO,19.4,-99.1\n");
  EXPECT_TRUE(read_category_groups(incidents_at(path), "delito").empty());
  // The offence column itself is never its own group (a source whose offences are `categoria`).
  EXPECT_TRUE(read_category_groups(incidents_at(path), "").empty());
  EXPECT_TRUE(read_category_groups({}, "delito").empty());
  EXPECT_THROW(read_category_groups(incidents_at(dir.file("missing.csv")), "delito"),
               DataError);
}

TEST(CategoryGroups, FgjFirearmFileGroupsByGrupo) {
  FARO_REQUIRE_SHARED(path, "cdmx-fgj-2019-2024/fgj_homicidios_armas_cdmx_2019_2024.csv");
  const CategoryGroups g = read_category_groups(incidents_at(path), "delito");
  EXPECT_EQ(g.field, "grupo");
  EXPECT_GE(g.group_of.size(), 10u);
  // The column decides, not the words: a femicide by firearm is a femicide.
  EXPECT_EQ(g.group_of.at("FEMINICIDIO POR DISPARO DE ARMA DE FUEGO"), "feminicidio");
  EXPECT_EQ(g.group_of.at("HOMICIDIO POR ARMA DE FUEGO"), "homicidio_doloso");
}

}  // namespace
}  // namespace faro::io
