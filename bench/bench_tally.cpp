// Issue 5 target: a live zone tally while a vertex is dragged — p95 under 5 ms for a
// 200-vertex zone against 75,000 village polygons plus 7,425-ish tambons, under both rules.
//
// The layers are synthetic and deterministic (no ../shared needed): a jittered grid over
// Thailand's extent, each cell a "village" whose edges meander (8 vertices per side, computed
// once per edge so neighbours share identical vertices), and tambons made of 3 x 3 villages
// from the same edge points. The zone is a wobbly circle about 30 km across near Khon Kaen;
// each run moves one vertex a little, as a drag does, and times a full update: prepare the
// zone, find the units of both layers, tally one summed column.
//
// When the shared data are present, the real national tambon layer (7,425 tambons at full
// resolution) stands in for the synthetic tambons, so the tambon half is measured on the
// geometry planners will use; the villages stay synthetic (no national village layer exists).
//
// Usage: bench_tally [--runs N] [SHARED_DATA_DIR]
#include <fmt/format.h>

#include <time.h>

#include <cmath>
#include <cstdint>
#include <numbers>
#include <random>
#include <vector>

#include "bench_stats.h"
#include "core/io/boundary_reader.h"
#include "core/plan/tally.h"

namespace {

using namespace chipao;

constexpr double kLon0 = 97.5, kLat0 = 6.0, kLonSpan = 8.0, kLatSpan = 14.4;
constexpr int kColumns = 204, kRows = 367;  // 74,868 villages
constexpr int kPerSide = 8;                 // points per edge, the start vertex included

std::uint64_t mix(std::uint64_t x) {
  x += 0x9e3779b97f4a7c15ull;
  x = (x ^ (x >> 30)) * 0xbf58476d1ce4e5b9ull;
  x = (x ^ (x >> 27)) * 0x94d049bb133111ebull;
  return x ^ (x >> 31);
}
double unit_random(std::uint64_t key) {
  return static_cast<double>(mix(key) >> 11) / 9007199254740992.0;  // [0, 1)
}

const double kCellW = kLonSpan / kColumns, kCellH = kLatSpan / kRows;

Vec2 grid_vertex(int i, int j) {
  const std::uint64_t key = static_cast<std::uint64_t>(i) * 100003u + static_cast<std::uint64_t>(j);
  const bool border = i == 0 || j == 0 || i == kColumns || j == kRows;
  const double jx = border ? 0 : (unit_random(key * 2) - 0.5) * 0.5 * kCellW;
  const double jy = border ? 0 : (unit_random(key * 2 + 1) - 0.5) * 0.5 * kCellH;
  return {kLon0 + i * kCellW + jx, kLat0 + j * kCellH + jy};
}

// The points of the edge from grid vertex a to b, b excluded; the same points (reversed)
// whichever way the edge is walked.
void append_edge(int ai, int aj, int bi, int bj, std::vector<Vec2>& out) {
  const bool flip = std::make_pair(ai, aj) > std::make_pair(bi, bj);
  const int pi = flip ? bi : ai, pj = flip ? bj : aj, qi = flip ? ai : bi, qj = flip ? aj : bj;
  const Vec2 p = grid_vertex(pi, pj), q = grid_vertex(qi, qj);
  const std::uint64_t key = mix(static_cast<std::uint64_t>(pi * 1000 + pj) * 1000003u +
                                static_cast<std::uint64_t>(qi * 1000 + qj));
  const double amplitude = (unit_random(key) - 0.5) * 0.2;
  std::vector<Vec2> pts;
  for (int k = 0; k < kPerSide; ++k) {
    const double t = static_cast<double>(k) / kPerSide;
    const double bend = amplitude * std::sin(std::numbers::pi * t);
    pts.push_back(
        {p.x + t * (q.x - p.x) - bend * (q.y - p.y), p.y + t * (q.y - p.y) + bend * (q.x - p.x)});
  }
  pts.push_back(q);
  if (flip) std::reverse(pts.begin(), pts.end());
  out.insert(out.end(), pts.begin(), pts.end() - 1);
}

// The block of cells [i0, i1) x [j0, j1) as one polygon, walked counter-clockwise.
FeatureGeometry block(int i0, int j0, int i1, int j1) {
  FeatureGeometry g;
  g.kind = GeometryKind::polygon;
  for (int i = i0; i < i1; ++i) append_edge(i, j0, i + 1, j0, g.points);
  for (int j = j0; j < j1; ++j) append_edge(i1, j, i1, j + 1, g.points);
  for (int i = i1; i > i0; --i) append_edge(i, j1, i - 1, j1, g.points);
  for (int j = j1; j > j0; --j) append_edge(i0, j, i0, j - 1, g.points);
  g.points.push_back(g.points.front());
  g.ring_ends = {static_cast<std::uint32_t>(g.points.size())};
  g.polygon_ends = {1};
  return g;
}

FeatureGeometry zone_geometry(const std::vector<Vec2>& ring) {
  FeatureGeometry g;
  g.kind = GeometryKind::polygon;
  g.points = ring;
  g.points.push_back(ring.front());
  g.ring_ends = {static_cast<std::uint32_t>(g.points.size())};
  g.polygon_ends = {1};
  return g;
}

// CPU time of this thread in ms: on a shared machine, wall time also counts the time other
// processes held the core, which says nothing about the tally.
double thread_cpu_ms() {
  timespec ts{};
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
  return static_cast<double>(ts.tv_sec) * 1e3 + static_cast<double>(ts.tv_nsec) * 1e-6;
}

TallyFigures one_column(std::size_t units) {
  TallyFigures f;
  JoinedColumn c;
  c.name = c.spec.column = "poor.JPT.MOFval.CNT";
  for (std::size_t i = 0; i < units; ++i) c.values.push_back(static_cast<double>(i % 97));
  f.columns.push_back(std::move(c));
  return f;
}

}  // namespace

int main(int argc, char** argv) {
  const auto args = chipao::bench::parse_bench_args(argc, argv);
  const int runs = std::max(args.runs, 200);
  fmt::print("bench_tally on {}\n", chipao::bench::machine_description());

  std::vector<FeatureGeometry> villages, tambons;
  std::vector<std::string> village_codes, tambon_codes;
  std::size_t village_points = 0;
  for (int j = 0; j < kRows; ++j) {
    for (int i = 0; i < kColumns; ++i) {
      villages.push_back(block(i, j, i + 1, j + 1));
      village_points += villages.back().points.size();
      village_codes.push_back(fmt::format("{:08d}", villages.size()));
    }
  }
  const char* tambon_source = "synthetic, 3 x 3 villages each";
  if (const auto inputs = chipao::bench::national_tambon_inputs(args.shared_data)) {
    if (auto layer = chipao::load_boundaries(inputs->layer)) {
      for (BoundaryFeature& f : layer->features) {
        tambons.push_back(std::move(f.geometry));
        tambon_codes.push_back(f.code);
      }
      tambon_source = "the real national layer";
    }
  }
  if (tambons.empty()) {
    for (int j = 0; j < kRows; j += 3) {
      for (int i = 0; i < kColumns; i += 3) {
        tambons.push_back(block(i, j, std::min(i + 3, kColumns), std::min(j + 3, kRows)));
        tambon_codes.push_back(fmt::format("{:06d}", tambons.size()));
      }
    }
  }
  std::size_t tambon_points = 0;
  for (const FeatureGeometry& g : tambons) tambon_points += g.points.size();
  fmt::print("layers: {} villages ({:.1f} vertices each), {} tambons ({}, {:.1f} vertices each)\n",
             villages.size(),
             static_cast<double>(village_points) / static_cast<double>(villages.size()),
             tambons.size(), tambon_source,
             static_cast<double>(tambon_points) / static_cast<double>(tambons.size()));

  TallyIndex village_index, tambon_index;
  const double build_ms = chipao::bench::time_once_ms([&] {
    village_index = TallyIndex::build(villages, village_codes);
    tambon_index = TallyIndex::build(tambons, tambon_codes);
  });
  fmt::print("index build (both layers): {:.0f} ms\n", build_ms);
  const TallyFigures village_figures = one_column(villages.size());
  const TallyFigures tambon_figures = one_column(tambons.size());

  // A wobbly circle ~30 km across near Khon Kaen, 200 vertices.
  std::vector<Vec2> ring;
  for (int k = 0; k < 200; ++k) {
    const double a = 2 * std::numbers::pi * k / 200;
    const double r = 0.135 * (1 + 0.12 * std::sin(4 * a) + 0.04 * std::cos(11 * a));
    ring.push_back({102.83 + r * std::cos(a), 16.43 + r * std::sin(a)});
  }
  std::mt19937 rng(5);
  std::uniform_int_distribution<int> vertex(0, 199);
  std::uniform_real_distribution<double> nudge(-0.002, 0.002);  // about 200 m

  for (TallyRule rule : {TallyRule::centroid, TallyRule::area}) {
    std::vector<double> samples, cpu_samples;
    std::size_t village_units = 0, tambon_units = 0;
    double checksum = 0;
    for (int r = 0; r < runs; ++r) {
      const int v = vertex(rng);
      ring[static_cast<std::size_t>(v)].x += nudge(rng);
      ring[static_cast<std::size_t>(v)].y += nudge(rng);
      const FeatureGeometry g = zone_geometry(ring);
      const double cpu0 = thread_cpu_ms();
      samples.push_back(chipao::bench::time_once_ms([&] {
        const PreparedZone zone(g);
        const auto vu = zone_units(village_index, zone, rule);
        const auto tu = zone_units(tambon_index, zone, rule);
        const ZoneTally vt = tally_zone(village_index, village_figures, vu, rule, "z");
        const ZoneTally tt = tally_zone(tambon_index, tambon_figures, tu, rule, "z");
        village_units = vu.size();
        tambon_units = tu.size();
        checksum += vt.figures[0].value + tt.figures[0].value;
      }));
      cpu_samples.push_back(thread_cpu_ms() - cpu0);
    }
    const auto t = chipao::bench::summarise(samples);
    fmt::print(
        "tally update, {} rule: p50 {:.3f} ms, p95 {:.3f} ms, min {:.3f} ms over {} runs "
        "({} villages, {} tambons in the zone; target p95 < 5 ms: {}; checksum {:.0f})\n",
        tally_rule_name(rule), t.median_ms, t.p95_ms, t.min_ms, t.runs, village_units, tambon_units,
        t.p95_ms < 5 ? "met" : "NOT met", checksum);
    const auto c = chipao::bench::summarise(cpu_samples);
    fmt::print(
        "  thread CPU time: p50 {:.3f} ms, p95 {:.3f} ms (wall time also counts time other "
        "processes held the core)\n",
        c.median_ms, c.p95_ms);
  }
  return 0;
}
