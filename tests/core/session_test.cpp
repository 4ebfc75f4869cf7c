// Session helpers: the default layer stack, layer lookup/insertion, stable layer keys, and the
// language chosen from the environment.
#include <gtest/gtest.h>

#include <cstdlib>
#include <set>
#include <string>

#include "core/session.hpp"

namespace faro {
namespace {

TEST(Session, DefaultLayersAreTheDocumentedStack) {
  const std::vector<LayerStyle> layers = default_layers();
  ASSERT_EQ(layers.size(), static_cast<size_t>(kLayerCount));
  const LayerId order[] = {LayerId::basemap, LayerId::sectors,  LayerId::choropleth,
                           LayerId::heatmap, LayerId::programs, LayerId::context,
                           LayerId::points,  LayerId::labels};
  for (int i = 0; i < kLayerCount; ++i) {
    EXPECT_EQ(layers[i].id, order[i]) << i;
    const bool hidden = order[i] == LayerId::choropleth || order[i] == LayerId::points;
    EXPECT_EQ(layers[i].visible, !hidden) << layer_key(order[i]);
    EXPECT_GT(layers[i].opacity, 0.0f);
    EXPECT_LE(layers[i].opacity, 1.0f);
  }
}

TEST(Session, LayerKeysAreUniqueAndParseBack) {
  std::set<std::string> keys;
  for (const LayerStyle& l : default_layers()) {
    const std::string key = layer_key(l.id);
    EXPECT_TRUE(keys.insert(key).second) << key;
    ASSERT_TRUE(parse_layer_key(key).has_value()) << key;
    EXPECT_EQ(*parse_layer_key(key), l.id);
  }
  EXPECT_EQ(std::string(layer_key(LayerId::heatmap)), "heatmap");
  EXPECT_FALSE(parse_layer_key("Heatmap").has_value());
  EXPECT_FALSE(parse_layer_key("").has_value());
}

TEST(Session, LayerStyleFillsDefaultsAndEditsInPlace) {
  Session s;
  LayerStyle& heat = layer_style(s, LayerId::heatmap);
  EXPECT_EQ(s.layers.size(), static_cast<size_t>(kLayerCount));  // defaults filled in
  heat.opacity = 0.25f;
  EXPECT_EQ(layer_style(s, LayerId::heatmap).opacity, 0.25f);
  EXPECT_EQ(s.layers.size(), static_cast<size_t>(kLayerCount));  // nothing added twice
}

TEST(Session, LayerStyleInsertsAMissingLayerInDefaultOrder) {
  Session s;
  s.layers = {{LayerId::basemap, true, 1.0f},
              {LayerId::heatmap, false, 0.5f},
              {LayerId::labels, true, 1.0f}};
  LayerStyle& sectors = layer_style(s, LayerId::sectors);
  EXPECT_EQ(sectors.id, LayerId::sectors);
  ASSERT_EQ(s.layers.size(), 4u);
  EXPECT_EQ(s.layers[0].id, LayerId::basemap);
  EXPECT_EQ(s.layers[1].id, LayerId::sectors);  // below the heatmap, as in the default stack
  EXPECT_EQ(s.layers[2].id, LayerId::heatmap);
  EXPECT_FALSE(s.layers[2].visible);  // existing styles untouched
  layer_style(s, LayerId::points);
  ASSERT_EQ(s.layers.size(), 5u);
  EXPECT_EQ(s.layers[3].id, LayerId::points);  // below labels
  EXPECT_FALSE(s.layers[3].visible);           // the default for points is hidden
}

// Restores the three locale variables after each test.
class LanguageEnv : public ::testing::Test {
 protected:
  void SetUp() override {
    for (const char* v : kVars) {
      const char* old = std::getenv(v);
      saved_.push_back(old ? std::optional<std::string>(old) : std::nullopt);
      unsetenv(v);
    }
  }
  void TearDown() override {
    for (size_t i = 0; i < 3; ++i) {
      if (saved_[i])
        setenv(kVars[i], saved_[i]->c_str(), 1);
      else
        unsetenv(kVars[i]);
    }
  }
  static constexpr const char* kVars[3] = {"LC_ALL", "LC_MESSAGES", "LANG"};
  std::vector<std::optional<std::string>> saved_;
};

TEST_F(LanguageEnv, SpanishUnlessEnglish) {
  EXPECT_EQ(language_from_environment(), Language::es);  // nothing set
  setenv("LANG", "en_US.UTF-8", 1);
  EXPECT_EQ(language_from_environment(), Language::en);
  setenv("LANG", "C.UTF-8", 1);
  EXPECT_EQ(language_from_environment(), Language::es);
  setenv("LANG", "es_MX.UTF-8", 1);
  EXPECT_EQ(language_from_environment(), Language::es);
}

TEST_F(LanguageEnv, LcAllWinsOverLcMessagesOverLang) {
  setenv("LANG", "es_MX.UTF-8", 1);
  setenv("LC_MESSAGES", "en_GB.UTF-8", 1);
  EXPECT_EQ(language_from_environment(), Language::en);
  setenv("LC_ALL", "es_ES.UTF-8", 1);
  EXPECT_EQ(language_from_environment(), Language::es);
  setenv("LC_ALL", "", 1);  // empty counts as unset
  EXPECT_EQ(language_from_environment(), Language::en);
}

}  // namespace
}  // namespace faro
