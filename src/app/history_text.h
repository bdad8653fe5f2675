// The history list as a planner reads it, in the interface's language. Edits keep an English
// summary for logs and the CLI; the Thai text is made here from what the edit changed (the
// zone's name, how many units, which setting), so no English appears inside the Thai
// interface.
#pragma once

#include <string>

#include "app/ui_text.h"
#include "core/plan/edit.h"

namespace chipao::app {

std::string history_entry_text(const Edit& edit, Language language);

}  // namespace chipao::app
