#include "app/export_job.h"

#include <utility>

namespace chipao::app {

bool ExportJob::start_export(const std::string& project_path, const ExportChoices& choices) {
  return job_.start([project_path, choices, this](const Progress& progress) {
    ExportOutcome outcome;
    outcome.folder = choices.folder;
    outcome.exported =
        export_project(project_path, choices.folder, plan_export_options(choices), progress);
    // A cancel that came too late to stop the export leaves it written, and says so.
    outcome.cancelled = !*outcome.exported && cancelling();
    return outcome;
  });
}

bool ExportJob::start_preview(const std::string& project_path, const PlanExportOptions& options,
                              const SheetOptions& sheet) {
  return job_.start([project_path, options, sheet](const Progress&) {
    ExportOutcome outcome;
    outcome.preview = preview_project_sheet(project_path, options, sheet);
    return outcome;
  });
}

}  // namespace chipao::app
