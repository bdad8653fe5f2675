// One export of a project file, the operation behind both faces: chipao-cli export and the
// app's export dialog (app/export_dialog.h) call export_project() with the same options, so
// the files they write are the same files.
//
// It opens the project itself (its own connection), so the app can run it on a worker thread
// while its session goes on with the project on the UI thread; a project file always holds
// every committed edit, so the export sees what the app shows.
#pragma once

#include <cstddef>
#include <string>

#include "core/plan/plan_export.h"
#include "core/plan/plan_sheet.h"
#include "core/util/progress.h"
#include "core/util/result.h"

namespace chipao {

struct ProjectExport {
  PlanExportResult result;
  std::size_t interventions = 0;  // the plan's interventions, all exported
};

// Opens project_path, creates out_dir when missing (a failure worded as a failed write: a
// read-only or full disk is named so), names the plan sheet after the project file's stem
// unless options.sheet names it, and runs export_plan(): every file whole or none, a cancel
// through `progress` leaving nothing behind. Errors are the core's one line.
Result<ProjectExport> export_project(const std::string& project_path, const std::string& out_dir,
                                     PlanExportOptions options, const Progress& progress = {});

// The plan sheet export_project() would write for `options`, drawn in memory as a PNG of
// sheet.width_px (the app shows it before saving): the same tally (plan_export_report()), the
// same threshold and project name. options.sheet is ignored; `sheet` says the size.
Result<SheetImage> preview_project_sheet(const std::string& project_path,
                                         const PlanExportOptions& options, SheetOptions sheet);

}  // namespace chipao
