#pragma once
// The two languages of every word a person sees (core/messages.hpp holds the words).
namespace faro {

enum class Language { es, en };

// Language from the environment (LC_ALL, LC_MESSAGES, LANG): Spanish unless it starts with "en".
Language language_from_environment();

}  // namespace faro
