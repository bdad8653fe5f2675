#include "core/plan/export_project.h"

#include <filesystem>
#include <system_error>
#include <utility>

#include "core/io/atomic_output.h"
#include "core/store/project.h"

namespace chipao {

namespace {

namespace fs = std::filesystem;

// The name printed under the sheet's title: the project file without its extension.
std::string project_title(const std::string& project_path) {
  return fs::path(project_path).stem().string();
}

}  // namespace

Result<ProjectExport> export_project(const std::string& project_path, const std::string& out_dir,
                                     PlanExportOptions options, const Progress& progress) {
  auto project = Project::open(project_path);
  if (!project) return std::unexpected(project.error());
  std::error_code ec;
  fs::create_directories(out_dir, ec);
  // The same words as a failed write: a read-only or full disk is named as such.
  if (ec) return fail(write_failure_message(out_dir, ec.value()));
  if (options.sheet && options.sheet->project_name.empty())
    options.sheet->project_name = project_title(project_path);
  auto exported = export_plan(*project, out_dir, options, progress);
  if (!exported) return std::unexpected(exported.error());
  ProjectExport out;
  out.result = std::move(*exported);
  out.interventions = project->state().plan.interventions.size();
  return out;
}

Result<SheetImage> preview_project_sheet(const std::string& project_path,
                                         const PlanExportOptions& options, SheetOptions sheet) {
  auto project = Project::open(project_path);
  if (!project) return std::unexpected(project.error());
  auto tallied = plan_export_report(*project, options);
  if (!tallied) return std::unexpected(tallied.error());
  // As export_plan() draws it: the export's threshold, the project's name.
  sheet.suppress_below = tallied->suppress_below;
  if (sheet.project_name.empty()) sheet.project_name = project_title(project_path);
  return draw_plan_sheet_image(tallied->report, tallied->units, sheet);
}

}  // namespace chipao
