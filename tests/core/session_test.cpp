// Session helpers: the UI language chosen from the environment.
#include <gtest/gtest.h>

#include <cstdlib>
#include <set>
#include <string>

#include "core/session.hpp"

namespace faro {
namespace {


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
