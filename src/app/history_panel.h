// The history panel: undo and redo buttons, the keyboard shortcuts (Ctrl+Z undo, Ctrl+Y and
// Ctrl+Shift+Z redo) and the list of edits, done ones above the position and undone ones
// (which redo brings back) greyed below it. The history lives in the project file, so it is
// the same after a restart.
#pragma once

#include <string>

#include "app/project_session.h"
#include "app/ui_text.h"

namespace chipao::app {

void draw_history_panel(ProjectSession& session, Language language, std::string& message);
// Shortcuts; call once per frame unless a text field has the keyboard. True when it changed
// the state.
bool handle_history_keys(ProjectSession& session, std::string& message);

}  // namespace chipao::app
