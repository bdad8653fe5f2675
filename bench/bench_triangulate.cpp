// Issue 4: triangulating the national tambon layer (7,425 polygons) for filling, and building
// its render mesh with every level of detail. The baseline is the fan index loop the stencil
// fill used (n - 2 triangles per ring, no geometry tests), measured in the same run; also
// prints the triangles and outline segments of each level and which level a whole-country
// view in a 1600 x 900 window draws (target: about 150k triangles or fewer).
//
// Usage: bench_triangulate [--runs N] [SHARED_DATA_DIR]
#include <time.h>

#include <cstdio>
#include <filesystem>
#include <string>
#include <vector>

#include "bench_stats.h"
#include "core/geo/triangulate.h"
#include "core/io/boundary_reader.h"
#include "render/camera.h"
#include "render/layer_mesh.h"

namespace {

std::size_t fan_indices(const std::vector<chipao::BoundaryFeature>& features,
                        std::vector<std::uint32_t>& out) {
  out.clear();
  for (const chipao::BoundaryFeature& f : features) {
    for (std::size_t r = 0; r < f.geometry.ring_count(); ++r) {
      const std::uint32_t first = f.geometry.ring_begin(r);
      const std::uint32_t end = f.geometry.ring_ends[r];
      for (std::uint32_t i = first + 1; i + 2 < end; ++i) {
        out.push_back(first);
        out.push_back(i);
        out.push_back(i + 1);
      }
    }
  }
  return out.size() / 3;
}

// CPU time of the whole process (every thread), in ms.
double process_cpu_ms() {
  timespec t{};
  clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t);
  return 1e3 * static_cast<double>(t.tv_sec) + 1e-6 * static_cast<double>(t.tv_nsec);
}

}  // namespace

int main(int argc, char** argv) {
  const auto [runs, shared] = chipao::bench::parse_bench_args(argc, argv);
  const std::string path = (std::filesystem::path(shared) /
                            "hdx_codab_tha_via_prasertcbs/adm3_tambon_simplified_country/"
                            "tha_admbnda_adm3_rtsd_20220121.shp")
                               .string();
  std::printf("machine: %s\n", chipao::bench::machine_description().c_str());
  if (!std::filesystem::exists(path)) {
    std::printf("national tambon: skipped, %s is absent\n", path.c_str());
    return 0;
  }
  auto layer = chipao::load_boundaries(path);
  if (!layer) {
    std::fprintf(stderr, "%s\n", layer.error().message.c_str());
    return 1;
  }
  const auto& features = layer->features;
  std::size_t points = 0;
  for (const auto& f : features) points += f.geometry.points.size();

  std::vector<double> baseline, ours;
  std::vector<std::uint32_t> fans, triangles;
  std::size_t fan_count = 0, triangle_count = 0;
  for (int r = 0; r <= runs; ++r) {
    const double b = chipao::bench::time_once_ms([&] { fan_count = fan_indices(features, fans); });
    const double o = chipao::bench::time_once_ms([&] {
      triangles.clear();
      for (const auto& f : features) {
        for (std::size_t p = 0; p < f.geometry.polygon_count(); ++p) {
          chipao::triangulate_polygon(f.geometry, p, triangles);
        }
      }
      triangle_count = triangles.size() / 3;
    });
    if (r == 0) continue;  // warm-up
    baseline.push_back(b);
    ours.push_back(o);
  }
  const auto tb = chipao::bench::summarise(baseline);
  const auto to = chipao::bench::summarise(ours);
  std::printf("national tambon: %zu features, %zu points, %d runs\n", features.size(), points,
              to.runs);
  std::printf("  fan indices (baseline)   median %8.2f ms  p95 %8.2f ms  %zu triangles\n",
              tb.median_ms, tb.p95_ms, fan_count);
  std::printf("  ear-clip triangulation   median %8.2f ms  p95 %8.2f ms  %zu triangles\n",
              to.median_ms, to.p95_ms, triangle_count);
  std::printf("  ratio to baseline %.1fx\n", to.median_ms / tb.median_ms);

  // The mesh with every level of detail (what the app's loader builds once per layer).
  // Wall time, and process CPU time (all threads): the build runs on every core, and other
  // work on a shared machine stretches wall time but not CPU time.
  std::vector<double> mesh_ms, mesh_cpu_ms, single_ms, single_cpu_ms;
  chipao::render::LayerMesh mesh;
  const int mesh_runs = std::max(1, std::min(runs, 5));
  chipao::render::MeshOptions one_thread;
  one_thread.threads = 1;
  for (int r = 0; r < mesh_runs; ++r) {
    double cpu0 = process_cpu_ms();
    mesh_ms.push_back(
        chipao::bench::time_once_ms([&] { mesh = chipao::render::build_layer_mesh(features); }));
    mesh_cpu_ms.push_back(process_cpu_ms() - cpu0);
    cpu0 = process_cpu_ms();
    single_ms.push_back(chipao::bench::time_once_ms(
        [&] { mesh = chipao::render::build_layer_mesh(features, one_thread); }));
    single_cpu_ms.push_back(process_cpu_ms() - cpu0);
  }
  const auto tm = chipao::bench::summarise(mesh_ms);
  std::printf(
      "  build_layer_mesh (all levels) median %8.2f ms (CPU %.2f ms) over %d runs, %zu "
      "vertices\n",
      tm.median_ms, chipao::bench::summarise(mesh_cpu_ms).median_ms, tm.runs, mesh.vertex_count());
  std::printf("  the same on one thread        median %8.2f ms (CPU %.2f ms)\n",
              chipao::bench::summarise(single_ms).median_ms,
              chipao::bench::summarise(single_cpu_ms).median_ms);
  std::vector<double> tolerances;
  for (const auto& level : mesh.levels) {
    tolerances.push_back(level.tolerance_deg);
    std::printf("  level tolerance %.4f deg: %8zu triangles %8zu outline segments\n",
                level.tolerance_deg, level.triangle_count(), level.outline_segment_count());
  }
  // Every candidate level, including those build_layer_mesh drops for saving too little.
  chipao::render::MeshOptions keep_all;
  keep_all.min_level_reduction = 1.0;
  const chipao::render::LayerMesh all = chipao::render::build_layer_mesh(features, keep_all);
  for (const auto& level : all.levels) {
    std::printf("  (candidate) tolerance %.4f deg: %8zu triangles %8zu outline segments\n",
                level.tolerance_deg, level.triangle_count(), level.outline_segment_count());
  }
  chipao::render::Camera2D camera;
  camera.set_viewport(1600, 900);
  camera.fit(mesh.extent);
  const std::size_t chosen =
      chipao::render::choose_level(tolerances, 1.0 / camera.pixels_per_degree());
  const std::size_t drawn = mesh.levels[chosen].triangle_count();
  std::printf(
      "  whole country in 1600x900 (%.1f px/deg): level %zu, %zu triangles (target <= "
      "150k): %s\n",
      camera.pixels_per_degree(), chosen, drawn, drawn <= 150'000 ? "met" : "MISSED");
  return 0;
}
