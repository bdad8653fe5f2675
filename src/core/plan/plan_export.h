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
// summary's header and the manifest say so. Plan households and costs are the planner's own
// numbers and are written as they are. Files appear atomically (temp folder, then rename).
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/plan/plan_report.h"
#include "core/plan/plan_table_writer.h"
#include "core/store/project.h"
#include "core/util/result.h"

namespace chipao {

struct PlanExportOptions {
  ExportFormat format = ExportFormat::shp;
  std::string encoding = "UTF-8";        // shapefile text: "UTF-8" or "CP874"
  TallyRule rule = TallyRule::centroid;  // drawn zones: centroid or area
  std::optional<int> suppress_below;     // unset: the project's setting (default 3)
  std::string layer;                     // the unit layer; empty: choose_unit_layer()
};

struct PlanExportResult {
  std::vector<std::string> files;  // paths written, sorted
  PlanReport report;
  int suppress_below = 0;
  StoredLayer units;  // the layer tallied against (the plan sheet draws it)
};

// The zones and interventions tables of an export (what write_export_tables() writes).
std::vector<ExportTable> plan_export_tables(const PlanReport& report, const PlanningState& state,
                                            int suppress_below);

// The CSV summary: per zone (and zone x dimension with coverage), per agency, per dimension,
// per agency x dimension, and the total, after '#' header lines stating the rule, the
// suppression and the budget check.
std::string plan_summary_csv(const PlanReport& report, int suppress_below,
                             const std::string& project_name);

// Opens nothing: tallies `project`'s zones against its unit layer and writes the export into
// the existing folder out_dir.
Result<PlanExportResult> export_plan(Project& project, const std::string& out_dir,
                                     const PlanExportOptions& options);

}  // namespace chipao
