// Issue 5 target: opening a project that holds the national tambon layer under 0.3 s —
// open the file (with and without PRAGMA quick_check), read zones, catalogue, settings and
// history, and read the layer back with its geometry.
// Baseline in the same run: reading the same layer from its shapefile with load_boundaries.
//
// Usage: bench_project_open [--runs N] [SHARED_DATA_DIR]
#include <cstdio>
#include <filesystem>
#include <string>

#include "bench_stats.h"
#include "core/io/boundary_reader.h"
#include "core/store/project.h"
#include "core/store/spatialite_store.h"

namespace fs = std::filesystem;

int main(int argc, char** argv) {
  const auto [runs, shared] = chipao::bench::parse_bench_args(argc, argv);
  const fs::path shp = fs::path(shared) /
                       "hdx_codab_tha_via_prasertcbs/adm3_tambon_simplified_country/"
                       "tha_admbnda_adm3_rtsd_20220121.shp";
  if (!fs::exists(shp)) {
    std::printf("skipped: %s is absent\n", shp.c_str());
    return 0;
  }
  auto layer = chipao::load_boundaries(shp.string());
  if (!layer) {
    std::printf("%s\n", layer.error().message.c_str());
    return 1;
  }
  const fs::path path = fs::temp_directory_path() / "chipao_bench_project.chipao";
  for (const char* suffix : {"", "-wal", "-shm"}) fs::remove(path.string() + suffix);
  double create_ms = 0;
  {
    chipao::StoredLayer stored;
    stored.name = "tambon";
    stored.layer = *layer;
    create_ms = chipao::bench::time_once_ms([&] {
      auto store = chipao::SpatiaLiteStore::create(path.string());
      if (!store || !(*store)->write_initial(chipao::initial_planning_state()) ||
          !(*store)->save_layer(stored))
        std::abort();
    });
  }
  std::printf("machine: %s\n", chipao::bench::machine_description().c_str());
  std::printf("project with %zu tambon polygons: %.1f MB, written in %.0f ms\n",
              layer->features.size(), static_cast<double>(fs::file_size(path)) / 1e6, create_ms);
  auto open_and_read = [&](bool check) {
    auto project = chipao::Project::open(path.string(), chipao::StoreOptions{.quick_check = check});
    if (!project) std::abort();
    auto back = project->store().load_layer("tambon");
    if (!back || back->layer.features.size() != layer->features.size()) std::abort();
  };
  std::vector<double> checked, unchecked, shapefile;
  for (int r = 0; r <= runs; ++r) {
    const double a = chipao::bench::time_once_ms([&] { open_and_read(true); });
    const double b = chipao::bench::time_once_ms([&] { open_and_read(false); });
    const double c = chipao::bench::time_once_ms([&] {
      if (!chipao::load_boundaries(shp.string())) std::abort();
    });
    if (r == 0) continue;  // warm-up
    checked.push_back(a);
    unchecked.push_back(b);
    shapefile.push_back(c);
  }
  const auto ta = chipao::bench::summarise(checked);
  const auto tb = chipao::bench::summarise(unchecked);
  const auto tc = chipao::bench::summarise(shapefile);
  std::printf(
      "open project + read layer, with quick_check:    median %.1f ms  p95 %.1f ms (%d runs)\n",
      ta.median_ms, ta.p95_ms, ta.runs);
  std::printf("open project + read layer, without quick_check: median %.1f ms  p95 %.1f ms\n",
              tb.median_ms, tb.p95_ms);
  std::printf(
      "baseline load_boundaries(shapefile):            median %.1f ms (ratio project/shapefile "
      "%.2f)\n",
      tc.median_ms, ta.median_ms / tc.median_ms);
  std::printf("target: under 300 ms with quick_check: %s\n",
              ta.median_ms < 300 ? "met" : "NOT MET");
  for (const char* suffix : {"", "-wal", "-shm"}) fs::remove(path.string() + suffix);
  return 0;
}
