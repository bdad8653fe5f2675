// The export dialog's messages in Thai and English (app/export_dialog.h). Its labels sit beside
// the widgets as tr() pairs; these are the sentences built from an outcome.
#pragma once

#include <string>

#include "app/ui_text.h"
#include "core/plan/export_project.h"

namespace chipao::app {

// Success: how many files went where, and the plan sheet's name when one was written.
std::string export_success_message(const ProjectExport& exported, const std::string& folder,
                                   Language language);
// A cancelled export: nothing was written.
std::string export_cancelled_message(const std::string& folder, Language language);

}  // namespace chipao::app
