// What a planner picks in the export dialog (app/export_dialog.h), and how it becomes the
// core's export options: the same PlanExportOptions chipao-cli export builds from its flags,
// so both faces ask core/plan/export_project.h for the same thing.
#pragma once

#include <optional>
#include <string>

#include "core/plan/plan_export.h"
#include "core/plan/plan_sheet.h"
#include "core/plan/tally.h"
#include "core/util/result.h"

namespace chipao::app {

// The dialog's formats: chipao-cli's --format shp with --encoding utf-8 or cp874, gpkg, csv.
enum class ExportKind { shapefile_utf8, shapefile_cp874, geopackage, csv };

struct ExportChoices {
  ExportKind kind = ExportKind::shapefile_utf8;
  TallyRule rule = TallyRule::centroid;  // drawn zones: centroid or area
  std::optional<int> suppress_below;     // unset: the project's setting (as --suppress unset)
  std::string folder;                    // created when missing
  std::optional<SheetFormat> sheet;      // also plan_sheet.pdf or .png
  int sheet_width_px = 1654;             // PNG sheet: chipao-cli's --sheet-width default
};

// The options chipao-cli export would build for the same choices (the unit layer left to
// core, as the CLI leaves it without --layer).
PlanExportOptions plan_export_options(const ExportChoices& choices);

// ~/ChiPao exports/<project file's stem>; without $HOME, the same under the temp folder.
std::string default_export_folder(const std::string& project_path);

// A typed folder as a path: surrounding spaces dropped, a leading "~" read as $HOME.
std::string expand_home(const std::string& folder);

// The script verb's argument, "FORMAT DIR": FORMAT is shp, shp-cp874, gpkg or csv, optionally
// followed by +pdf or +png for the sheet ("shp+pdf"); DIR is the rest of the line (it may hold
// spaces). Other choices keep their defaults (centroid, the project's suppression).
Result<ExportChoices> export_choices_from_script(const std::string& argument);

}  // namespace chipao::app
