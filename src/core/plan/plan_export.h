// Exporting a project's plan for partners and other GIS: the zones with their tallies,
// interventions summary and coverage; the interventions one per row; a CSV summary per zone,
// agency and dimension; and a manifest (export.json) that says how every figure was made.
//
//   shp:  zones.shp set (.shp .shx .dbf .prj .cpg) + zones.fields.json,
//         interventions.dbf + .cpg + interventions.fields.json
//   gpkg: plan.gpkg with the layers zones and interventions
//   csv:  zones.csv, interventions.csv
//   all:  plan_summary.csv and export.json
//
// What is never written: any identifier of a person or household (a project holds none but
// the salt; exports carry only area tallies and the plan). Small counts: tallied counts from
// 1 to below the threshold are blank, and so is a coverage built on one; the sidecar, the
// summary's header and the manifest say so. The plan's household counts (per intervention,
// zone, agency, dimension and in total) are suppressed alike: an intervention added without
// --households carries TPMAP's count of the zone's deprived households, and the project
// does not record which counts came that way. A cost is households × unit cost, so a cost
// is blank wherever its households are; the budget check (cap, total, excess) is kept, as
// the sheet exists to show it. Files appear whole or not at all (core/io/atomic_output.h);
// CSV text a spreadsheet would run as a formula is neutralised (core/io/csv_text.h).
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/plan/plan_report.h"
#include "core/plan/plan_sheet.h"
#include "core/plan/plan_table_writer.h"
#include "core/store/project.h"
#include "core/util/progress.h"
#include "core/util/result.h"

namespace chipao {

struct PlanExportOptions {
  ExportFormat format = ExportFormat::shp;
  std::string encoding = "UTF-8";        // shapefile text: "UTF-8" or "CP874"
  TallyRule rule = TallyRule::centroid;  // drawn zones: centroid or area
  std::optional<int> suppress_below;     // unset: the project's setting (default 3)
  std::string layer;                     // the unit layer; empty: choose_unit_layer()
  // Also the printable plan sheet (plan_sheet.pdf or .png), moved into place with the tables
  // or not at all; its suppress_below is the export's.
  std::optional<SheetOptions> sheet;
};

struct PlanExportResult {
  std::vector<std::string> files;  // paths written, sorted
  PlanReport report;
  int suppress_below = 0;
  StoredLayer units;  // the layer tallied against (the plan sheet draws it)
  std::string sheet;  // the plan sheet's path; empty without one
};

// The zones and interventions tables of an export (what write_export_tables() writes).
std::vector<ExportTable> plan_export_tables(const PlanReport& report, const PlanningState& state,
                                            int suppress_below);

// The CSV summary: per zone (and zone x dimension with coverage), per agency, per dimension,
// per agency x dimension, and the total, after '#' header lines stating the rule, the
// suppression and the budget check.
std::string plan_summary_csv(const PlanReport& report, int suppress_below,
                             const std::string& project_name);

// The tally half of export_plan(), writing nothing: the unit layer chosen and loaded (with its
// kept tables), the threshold and the report; `files` and `sheet` stay empty. The app's plan
// sheet preview draws from it, so the preview is the sheet an export writes.
Result<PlanExportResult> plan_export_report(Project& project, const PlanExportOptions& options);

// Opens nothing: tallies `project`'s zones against its unit layer and writes the export into
// the existing folder out_dir: every file whole, or none of them. `progress` hears 0..1 between
// steps and is asked whether to stop there: a cancelled export fails ("export cancelled") and
// leaves nothing behind.
Result<PlanExportResult> export_plan(Project& project, const std::string& out_dir,
                                     const PlanExportOptions& options,
                                     const Progress& progress = {});

}  // namespace chipao
