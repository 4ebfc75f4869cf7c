// The offence picker's rules: accent- and case-insensitive search, groups from a grouping column,
// tri-state groups, and the selection edits on a filter whose empty list means "all".
#include <gtest/gtest.h>

#include "core/offence_picker.hpp"

namespace faro {
namespace {

TEST(OffenceSearch, IgnoresCaseAndAccents) {
  EXPECT_TRUE(search_matches("HOMICIDIO DOLOSO", "homicidio"));
  EXPECT_TRUE(search_matches("LESIÓN DOLOSA POR DISPARO", "lesion"));
  EXPECT_TRUE(search_matches("lesion culposa", "LESIÓN"));
  EXPECT_TRUE(search_matches("DAÑO EN PROPIEDAD AJENA", "dano"));
  EXPECT_TRUE(search_matches("VIOLACIÓN EQUIPARADA", "violacion equip"));  // every word
  EXPECT_FALSE(search_matches("VIOLACIÓN EQUIPARADA", "violacion tumultuaria"));
  EXPECT_FALSE(search_matches("ROBO A NEGOCIO", "homicidio"));
  EXPECT_TRUE(search_matches("ROBO", ""));
  EXPECT_TRUE(search_matches("ROBO", "   "));
}

TEST(OffenceSearch, FoldsLatin1AndCombiningAccents) {
  EXPECT_EQ(fold_for_search("ÁÉÍÓÚÜÑ áéíóúüñ Ç"), "aeiouun aeiouun c");
  EXPECT_EQ(fold_for_search("LESIO\xCC\x81N"), "lesion");  // O + combining acute
  EXPECT_EQ(fold_for_search("× ß"), "× ß");                 // no plain base letter: kept
  EXPECT_EQ(fold_for_search("北京"), "北京");
}

CategoryGroups homicide_groups() {
  CategoryGroups g;
  g.field = "grupo";
  g.group_of = {{"HOMICIDIO POR ARMA DE FUEGO", "homicidio_arma_fuego"},
                {"FEMINICIDIO POR DISPARO DE ARMA DE FUEGO", "homicidio_arma_fuego"},
                {"LESIONES INTENCIONALES POR ARMA DE FUEGO", "lesiones_arma_fuego"},
                {"DISPAROS DE ARMA DE FUEGO", "disparos_arma_fuego"}};
  return g;
}

const std::vector<std::string> kNames = {
    "HOMICIDIO POR ARMA DE FUEGO", "FEMINICIDIO POR DISPARO DE ARMA DE FUEGO",
    "LESIONES INTENCIONALES POR ARMA DE FUEGO", "DISPAROS DE ARMA DE FUEGO", "OTRO"};
const std::vector<int64_t> kCounts = {500, 20, 700, 100, 3};

TEST(OffencePickerModel, GroupsBusiestFirstUngroupedLast) {
  const PickerModel m = build_picker_model(kNames, kCounts, homicide_groups());
  EXPECT_TRUE(m.grouped);
  ASSERT_EQ(m.groups.size(), 4u);
  EXPECT_EQ(m.groups[0].name, "lesiones_arma_fuego");  // 700
  EXPECT_EQ(m.groups[1].name, "homicidio_arma_fuego");  // 500 + 20
  EXPECT_EQ(m.groups[1].count, 520);
  EXPECT_EQ(m.groups[2].name, "disparos_arma_fuego");  // 100
  EXPECT_EQ(m.groups[3].name, "");                     // "OTRO": in no group
  EXPECT_EQ(group_names(m, m.groups[1]),
            (std::vector<std::string>{"HOMICIDIO POR ARMA DE FUEGO",
                                      "FEMINICIDIO POR DISPARO DE ARMA DE FUEGO"}));
  EXPECT_EQ(m.names(), kNames);
}

TEST(OffencePickerModel, NoGroupingColumnIsOneUnnamedGroup) {
  const PickerModel m = build_picker_model(kNames, kCounts, {});
  EXPECT_FALSE(m.grouped);
  ASSERT_EQ(m.groups.size(), 1u);
  EXPECT_EQ(m.groups[0].count, 1323);
  EXPECT_EQ(m.entries[m.groups[0].entries.front()].name, "LESIONES INTENCIONALES POR ARMA DE FUEGO");
  EXPECT_EQ(matching_names(m, "fuego homicidio"),
            (std::vector<std::string>{"HOMICIDIO POR ARMA DE FUEGO"}));
}

TEST(OffencePickerSelection, OnlyMatchesNoneRefusedAllCollapses) {
  const PickerModel m = build_picker_model(kNames, kCounts, homicide_groups());
  const std::vector<std::string> all = m.names();
  FilterState f;
  EXPECT_TRUE(select_only(f, all, matching_names(m, "arma")));
  EXPECT_EQ(f.categories.size(), 4u);  // every name but "OTRO", in dictionary order
  EXPECT_EQ(f.categories.front(), "HOMICIDIO POR ARMA DE FUEGO");
  const FilterState before = f;
  EXPECT_FALSE(select_only(f, all, matching_names(m, "robo")));  // nothing matches: refused
  EXPECT_EQ(f, before);
  EXPECT_TRUE(select_only(f, all, all));
  EXPECT_TRUE(f.categories.empty());  // every category = no filter
}

TEST(OffencePickerSelection, GroupCheckboxIsTriState) {
  const PickerModel m = build_picker_model(kNames, kCounts, homicide_groups());
  const std::vector<std::string> all = m.names();
  const std::vector<std::string> homicides = group_names(m, m.groups[1]);
  FilterState f;
  EXPECT_EQ(selection_state(f, homicides), CheckState::on);  // empty list = all
  ASSERT_TRUE(set_selected(f, all, homicides, false));
  EXPECT_EQ(selection_state(f, homicides), CheckState::off);
  EXPECT_EQ(f.categories.size(), 3u);
  ASSERT_TRUE(select_only(f, all, {"HOMICIDIO POR ARMA DE FUEGO", "OTRO"}));
  EXPECT_EQ(selection_state(f, homicides), CheckState::mixed);
  ASSERT_TRUE(set_selected(f, all, homicides, true));
  EXPECT_EQ(selection_state(f, homicides), CheckState::on);
  EXPECT_EQ(f.categories, (std::vector<std::string>{"HOMICIDIO POR ARMA DE FUEGO",
                                                    "FEMINICIDIO POR DISPARO DE ARMA DE FUEGO",
                                                    "OTRO"}));
  // Unticking everything that is left is refused: an empty list would mean "all" again.
  FilterState only_group;
  ASSERT_TRUE(select_only(only_group, all, homicides));
  EXPECT_FALSE(set_selected(only_group, all, homicides, false));
  EXPECT_EQ(selection_state(only_group, homicides), CheckState::on);
}

TEST(OffencePicker, MatchMaskAgreesWithSearchMatchesOnEveryEntry) {
  const std::vector<std::string> names = {"HOMICIDIO DOLOSO", "LESIÓN DOLOSA POR DISPARO",
                                          "DAÑO EN PROPIEDAD AJENA", "ROBO A NEGOCIO CON VIOLENCIA",
                                          ""};
  const PickerModel m = build_picker_model(names, {5, 4, 3, 2, 1}, {});
  ASSERT_EQ(m.folded.size(), names.size());
  for (const std::string q : {"", "dolos", "lesion disparo", "DANO", "robo viol", "zzz", " "}) {
    const std::vector<char> mask = match_mask(m, q);
    ASSERT_EQ(mask.size(), names.size());
    for (size_t i = 0; i < names.size(); ++i)
      EXPECT_EQ(static_cast<bool>(mask[i]), search_matches(names[i], q)) << q << " / " << names[i];
    EXPECT_EQ(masked_names(m, mask), matching_names(m, q));
  }
}

}  // namespace
}  // namespace faro
