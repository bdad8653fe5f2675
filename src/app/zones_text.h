// Text of the zone, plan and history panels in Thai and English. Kept beside those panels
// rather than in app/ui_text.h's shared table so the panels can grow without touching it;
// both follow the app's Language.
#pragma once

#include <string_view>

#include "app/ui_text.h"

namespace chipao::app {

// The string of the language in force. Both are UTF-8 literals (NUL-terminated for ImGui).
inline const char* tr(Language language, const char* thai, const char* english) {
  return language == Language::thai ? thai : english;
}

// "centroid" / "area" / "painted" as planners read it, with what the rule means.
const char* rule_text(std::string_view rule, Language language);
// The rule in a word or two, for the rule column beside every figure.
const char* rule_short_text(std::string_view rule, Language language);
// The TPMAP dimension's name: "สุขภาพ" / "health", ...
const char* dimension_text(int dimension, Language language);

}  // namespace chipao::app
