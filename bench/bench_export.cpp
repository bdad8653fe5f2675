// Issue 5 target: exporting an amphoe's plan — the demo's amphoe 9902 (11 tambons) with 5
// zones (3 painted, 2 drawn) and 10 interventions — in under 0.1 s.
//
// Measured: export_plan() end to end (reading the unit layer from the project file, tallying
// every zone, writing the files atomically) as shapefiles, GeoPackage and CSV; then the plan
// sheet as PDF and as PNG (not part of the target). Prints medians and the ratio to target.
#include <fmt/format.h>

#include <unistd.h>

#include <cstdio>
#include <filesystem>

#include "bench_stats.h"
#include "core/io/boundary_reader.h"
#include "core/join/join.h"
#include "core/plan/edit.h"
#include "core/plan/plan_export.h"
#include "core/plan/plan_sheet.h"
#include "core/stats/measure_table.h"
#include "core/store/project.h"
#include "core/store/spatialite_store.h"

namespace fs = std::filesystem;
using namespace chipao;

namespace {

template <class T>
T must(Result<T> r, const char* what) {
  if (!r) {
    std::fprintf(stderr, "bench_export: %s: %s\n", what, r.error().message.c_str());
    std::exit(1);
  }
  return std::move(*r);
}
void must(Result<void> r, const char* what) {
  if (!r) {
    std::fprintf(stderr, "bench_export: %s: %s\n", what, r.error().message.c_str());
    std::exit(1);
  }
}

// A project file holding the demo tambons with their TPMAP figures, 5 zones over amphoe 9902
// and 10 interventions.
std::string make_project(const fs::path& dir) {
  const std::string demo = std::string(CHIPAO_SOURCE_DIR) + "/data/demo/";
  BoundaryLayer layer = must(load_boundaries(demo + "tambon.shp"), "tambon.shp");
  std::vector<MeasureTable> tables{
      must(load_measure_table(demo + "tpmap/61_99_tambol_11111.csv"), "table"),
      must(load_measure_table(demo + "tpmap/61_99_tambol_common.csv"), "table")};
  JoinResult joined = must(join_tables(layer, tables), "join");
  StoredLayer stored;
  stored.name = "tambon";
  stored.columns = std::move(joined.columns);
  stored.assigned_from = std::move(joined.assigned_from);
  stored.join_report_json = "{}";

  std::vector<const BoundaryFeature*> amphoe;
  for (const BoundaryFeature& f : layer.features)
    if (f.code.starts_with("9902")) amphoe.push_back(&f);
  std::vector<Zone> zones;
  for (std::size_t z = 0; z < 5; ++z) {
    Zone zone;
    zone.name = fmt::format("โซน {}", z + 1);
    if (z < 3) {
      zone.kind = ZoneKind::painted;
      for (std::size_t i = z; i < amphoe.size(); i += 5) zone.unit_codes.push_back(amphoe[i]->code);
      std::sort(zone.unit_codes.begin(), zone.unit_codes.end());
    } else {
      zone.kind = ZoneKind::drawn;
      zone.polygon = amphoe[z]->geometry;
    }
    zones.push_back(std::move(zone));
  }
  stored.layer = std::move(layer);

  const std::string path = (dir / "bench.chipao").string();
  {
    auto store = must(SpatiaLiteStore::create(path), "create");
    must(store->write_initial(initial_planning_state()), "write_initial");
    must(store->save_layer(stored), "save_layer");
  }
  Project project = must(Project::open(path), "open");
  must(project.apply(must(make_import_zones(project.state(), zones, "bench"), "zones")), "apply");
  for (int i = 0; i < 10; ++i) {
    Intervention in;
    in.zone_id = project.state().zones[static_cast<std::size_t>(i % 5)].id;
    in.dimension = static_cast<DimensionId>(i % kDimensionCount);
    in.households = 20 + 7 * i;
    in.unit_cost_baht = 1500 + 500 * i;
    in.agency = i % 2 == 0 ? "สำนักงานพัฒนาชุมชนจังหวัด" : "สำนักงานสาธารณสุขจังหวัด";
    must(project.apply(must(make_add_intervention(project.state(), in), "intervention")), "apply");
  }
  must(project.apply(must(make_set_budget_cap(project.state(), 500000), "cap")), "apply");
  return path;
}

}  // namespace

int main(int argc, char** argv) {
  const bench::BenchArgs args = bench::parse_bench_args(argc, argv);
  const fs::path dir =
      fs::temp_directory_path() / fmt::format("chipao-bench-export-{}", ::getpid());
  fs::create_directories(dir);
  const std::string path = make_project(dir);
  Project project = must(Project::open(path), "open");
  fmt::print("bench_export: {}\n", bench::machine_description());
  fmt::print("amphoe 9902 plan: {} zones, {} interventions; {} runs each\n",
             project.state().zones.size(), project.state().plan.interventions.size(), args.runs);

  constexpr double kTargetMs = 100;
  for (const auto& [name, format] :
       {std::pair{"shp", ExportFormat::shp}, std::pair{"gpkg", ExportFormat::gpkg},
        std::pair{"csv", ExportFormat::csv}}) {
    const fs::path out = dir / name;
    fs::create_directories(out);
    PlanExportOptions options;
    options.format = format;
    std::vector<double> samples;
    for (int r = 0; r < args.runs; ++r) {
      samples.push_back(bench::time_once_ms(
          [&] { must(export_plan(project, out.string(), options), "export"); }));
    }
    const bench::Timing t = bench::summarise(samples);
    fmt::print(
        "export {:<4}  median {:7.2f} ms  p95 {:7.2f} ms  min {:7.2f} ms  target {:.0f} ms  "
        "ratio {:.2f}\n",
        name, t.median_ms, t.p95_ms, t.min_ms, kTargetMs, t.median_ms / kTargetMs);
  }
  const PlanExportResult tallied = must(export_plan(project, (dir / "shp").string(), {}), "export");
  for (const auto& [name, format] :
       {std::pair{"pdf", SheetFormat::pdf}, std::pair{"png", SheetFormat::png}}) {
    SheetOptions options;
    options.format = format;
    const std::string out = (dir / fmt::format("sheet.{}", name)).string();
    std::vector<double> samples;
    for (int r = 0; r < std::max(3, args.runs / 3); ++r) {
      samples.push_back(bench::time_once_ms(
          [&] { must(write_plan_sheet(tallied.report, tallied.units, out, options), "sheet"); }));
    }
    const bench::Timing t = bench::summarise(samples);
    fmt::print("sheet  {:<4}  median {:7.2f} ms  p95 {:7.2f} ms  (no target)\n", name, t.median_ms,
               t.p95_ms);
  }
  std::error_code ec;
  fs::remove_all(dir, ec);
  return 0;
}
