// build_layer_mesh: triangles that cover each polygon, outline edges, points, per-vertex feature
// indices, per-feature spans and levels of detail, without a GL context.
#include "render/layer_mesh.h"

#include <gtest/gtest.h>

#include <cmath>
#include <numbers>
#include <set>
#include <sstream>
#include <string>
#include <utility>
#include <vector>

#include "wkt_feature.h"

namespace chipao::render {
namespace {

using chipao::test::features_from_wkt;

// Sum of the level's triangle areas for one feature (local coordinates, so no cancellation).
double covered_area(const LayerMesh& mesh, const MeshLevel& level, std::size_t feature) {
  const FeatureSpan& span = level.features[feature];
  double sum = 0;
  for (std::uint32_t i = span.triangle_first; i < span.triangle_first + span.triangle_count;
       i += 3) {
    const auto at = [&](std::uint32_t k) {
      const std::uint32_t v = level.triangle_indices[i + k];
      return Vec2{mesh.positions[2 * v], mesh.positions[2 * v + 1]};
    };
    const Vec2 a = at(0), b = at(1), c = at(2);
    sum += 0.5 * ((b.x - a.x) * (c.y - a.y) - (b.y - a.y) * (c.x - a.x));
  }
  return sum;
}

// A wobbly circle of n points around (cx, cy), radius r with a 2% ripple.
std::string wobbly_circle(int n, double cx, double cy, double r) {
  std::ostringstream wkt;
  wkt.precision(17);
  wkt << "POLYGON ((";
  for (int i = 0; i <= n; ++i) {
    const double a = 2 * std::numbers::pi * (i % n) / n;
    const double rr = r * (1 + 0.02 * std::sin(41 * a));
    wkt << (i ? ", " : "") << cx + rr * std::cos(a) << " " << cy + rr * std::sin(a);
  }
  wkt << "))";
  return wkt.str();
}

TEST(LayerMesh, SquareWithHoleIsTriangulatedAndOutlined) {
  const auto features =
      features_from_wkt({"POLYGON ((0 0, 10 0, 10 10, 0 10, 0 0), (3 3, 3 7, 7 7, 7 3, 3 3))"});
  const LayerMesh mesh = build_layer_mesh(features);
  EXPECT_EQ(mesh.vertex_count(), 8u);  // closing points dropped
  ASSERT_EQ(mesh.levels.size(), 1u) << "nothing to simplify in two squares";
  EXPECT_EQ(mesh.outline_segment_count(), 8u);  // 4 per ring
  // A polygon of V vertices and H holes triangulates into V + 2H - 2 triangles.
  EXPECT_EQ(mesh.triangle_count(), 8u);
  EXPECT_DOUBLE_EQ(covered_area(mesh, mesh.levels[0], 0), 100.0 - 16.0);
  for (const std::uint32_t feature : mesh.vertex_features) EXPECT_EQ(feature, 0u);
}

TEST(LayerMesh, VerticesAreRelativeToTheExtentCentre) {
  const auto features = features_from_wkt({"POLYGON ((102 15, 104 15, 104 17, 102 15))"});
  const LayerMesh mesh = build_layer_mesh(features);
  EXPECT_DOUBLE_EQ(mesh.origin.x, 103.0);
  EXPECT_DOUBLE_EQ(mesh.origin.y, 16.0);
  EXPECT_FLOAT_EQ(mesh.positions[0], -1.0f);
  EXPECT_FLOAT_EQ(mesh.positions[1], -1.0f);
  EXPECT_DOUBLE_EQ(mesh.extent.max_x, 104.0);
}

TEST(LayerMesh, FeatureSpansAndVertexFeaturesFollowFeatureOrder) {
  const auto features = features_from_wkt({
      "MULTIPOLYGON (((0 0, 1 0, 1 1, 0 0)), ((2 0, 3 0, 3 1, 2 0)))",
      "POINT (5 5)",
      "POLYGON ((0 2, 1 2, 1 3, 0 3, 0 2))",
  });
  const LayerMesh mesh = build_layer_mesh(features);
  const MeshLevel& level = mesh.levels[0];
  ASSERT_EQ(level.features.size(), 3u);
  EXPECT_EQ(level.features[0].triangle_count, 6u);  // one triangle per polygon
  EXPECT_EQ(level.features[1].triangle_count, 0u);
  EXPECT_EQ(level.features[1].point_count, 1u);
  EXPECT_EQ(level.features[2].triangle_first, 6u);
  EXPECT_EQ(level.features[2].triangle_count, 6u);
  EXPECT_EQ(level.features[2].outline_count, 8u);
  EXPECT_EQ(mesh.point_indices.size(), 1u);
  // Every index of a feature's span points at a vertex of that feature.
  for (std::size_t f = 0; f < 3; ++f) {
    const FeatureSpan& span = level.features[f];
    for (std::uint32_t i = span.triangle_first; i < span.triangle_first + span.triangle_count;
         ++i) {
      EXPECT_EQ(mesh.vertex_features[level.triangle_indices[i]], f);
    }
    for (std::uint32_t i = span.outline_first; i < span.outline_first + span.outline_count; ++i) {
      EXPECT_EQ(mesh.vertex_features[level.outline_indices[i]], f);
    }
  }
  EXPECT_EQ(mesh.vertex_features[mesh.point_indices[0]], 1u);
}

TEST(LayerMesh, PointLayerHasNoTriangles) {
  const auto features =
      features_from_wkt({"POINT (103 16)", "MULTIPOINT ((103.1 16), (103.2 16))"});
  const LayerMesh mesh = build_layer_mesh(features);
  EXPECT_EQ(mesh.point_indices.size(), 3u);
  EXPECT_EQ(mesh.triangle_count(), 0u);
}

TEST(LayerMesh, EmptyLayerIsEmpty) {
  const LayerMesh mesh = build_layer_mesh({});
  EXPECT_EQ(mesh.vertex_count(), 0u);
  ASSERT_EQ(mesh.levels.size(), 1u);
  EXPECT_EQ(mesh.triangle_count(), 0u);
}

TEST(LayerMesh, CoarserLevelsDrawLessAndShareTheVertices) {
  // Two neighbouring detailed "districts" about 20 km across.
  const auto features = features_from_wkt(
      {wobbly_circle(3000, 100.0, 15.0, 0.1), wobbly_circle(3000, 100.25, 15.0, 0.1)});
  const LayerMesh mesh = build_layer_mesh(features);
  ASSERT_GE(mesh.levels.size(), 3u);
  EXPECT_EQ(mesh.levels[0].tolerance_deg, 0.0);
  for (std::size_t k = 1; k < mesh.levels.size(); ++k) {
    const MeshLevel& level = mesh.levels[k];
    const MeshLevel& finer = mesh.levels[k - 1];
    EXPECT_GT(level.tolerance_deg, finer.tolerance_deg);
    EXPECT_LE(static_cast<double>(level.triangle_count() + level.outline_segment_count()),
              0.7 * static_cast<double>(finer.triangle_count() + finer.outline_segment_count()));
    for (const std::uint32_t v : level.triangle_indices) ASSERT_LT(v, mesh.vertex_count());
    for (const std::uint32_t v : level.outline_indices) ASSERT_LT(v, mesh.vertex_count());
    // The simplified outline stays within the tolerance, so the area changes by at most about
    // tolerance x perimeter.
    for (std::size_t f = 0; f < 2; ++f) {
      const double full = covered_area(mesh, mesh.levels[0], f);
      const double perimeter = 2 * std::numbers::pi * 0.1 * 1.1;
      EXPECT_NEAR(covered_area(mesh, level, f), full, level.tolerance_deg * perimeter)
          << "level " << k << " feature " << f;
    }
  }
}

// An undirected edge as its two end positions, smaller first.
using PositionEdge = std::pair<std::pair<float, float>, std::pair<float, float>>;
PositionEdge position_edge(const LayerMesh& mesh, std::uint32_t a, std::uint32_t b) {
  std::pair<float, float> p{mesh.positions[2 * a], mesh.positions[2 * a + 1]};
  std::pair<float, float> q{mesh.positions[2 * b], mesh.positions[2 * b + 1]};
  return p < q ? PositionEdge{p, q} : PositionEdge{q, p};
}

TEST(LayerMesh, SharedBordersAreKeptOnceByTheFirstFeature) {
  // Two squares sharing the edge x = 1, a third touching neither.
  const auto features = features_from_wkt({"POLYGON ((0 0, 1 0, 1 1, 0 1, 0 0))",
                                           "POLYGON ((1 0, 2 0, 2 1, 1 1, 1 0))",
                                           "POLYGON ((5 5, 6 5, 6 6, 5 6, 5 5))"});
  const LayerMesh mesh = build_layer_mesh(features);
  const MeshLevel& level = mesh.levels[0];
  EXPECT_EQ(level.outline_segment_count(), 12u);
  ASSERT_EQ(level.border_indices.size(), 2u * 11u) << "the shared edge once";
  EXPECT_EQ(level.features[0].border_count, 8u);
  EXPECT_EQ(level.features[1].border_count, 6u) << "its west edge went to feature 0";
  EXPECT_EQ(level.features[2].border_count, 8u);
  // Every border edge is an edge of its own feature, and together they are every outline edge.
  std::set<PositionEdge> outline_edges, border_edges;
  for (std::size_t i = 0; i < level.outline_indices.size(); i += 2) {
    outline_edges.insert(
        position_edge(mesh, level.outline_indices[i], level.outline_indices[i + 1]));
  }
  for (std::size_t f = 0; f < 3; ++f) {
    const FeatureSpan& span = level.features[f];
    for (std::uint32_t i = span.border_first; i < span.border_first + span.border_count; i += 2) {
      EXPECT_EQ(mesh.vertex_features[level.border_indices[i]], f);
      EXPECT_EQ(mesh.vertex_features[level.border_indices[i + 1]], f);
      border_edges.insert(
          position_edge(mesh, level.border_indices[i], level.border_indices[i + 1]));
    }
  }
  EXPECT_EQ(border_edges, outline_edges);
  EXPECT_EQ(mesh.features[1].border_count, 6u) << "the full-resolution copy has borders too";
}

TEST(LayerMesh, FeatureBoundsAreWorldExtents) {
  const auto features = features_from_wkt(
      {"POLYGON ((100 10, 101 10, 101 12, 100 10))", "POINT (105 16)", "POLYGON EMPTY"});
  const LayerMesh mesh = build_layer_mesh(features);
  ASSERT_EQ(mesh.feature_bounds.size(), 3u);
  EXPECT_EQ(mesh.feature_bounds[0].min_x, 100.0);
  EXPECT_EQ(mesh.feature_bounds[0].max_y, 12.0);
  EXPECT_EQ(mesh.feature_bounds[1].min_x, 105.0);
  EXPECT_EQ(mesh.feature_bounds[1].max_y, 16.0);
  EXPECT_TRUE(mesh.feature_bounds[2].empty());
}

TEST(LayerMesh, ThreadCountDoesNotChangeTheMesh) {
  // Enough features for several worker ranges: a grid of detailed little rings.
  std::vector<std::string> wkts;
  for (int i = 0; i < 900; ++i) {
    wkts.push_back(
        wobbly_circle(60 + i % 7, 100.0 + 0.05 * (i % 30), 15.0 + 0.05 * (i / 30), 0.02));
  }
  const auto features = features_from_wkt(wkts);
  MeshOptions one, three;
  one.threads = 1;
  three.threads = 3;
  const LayerMesh a = build_layer_mesh(features, one);
  const LayerMesh b = build_layer_mesh(features, three);
  EXPECT_EQ(a.positions, b.positions);
  EXPECT_EQ(a.vertex_features, b.vertex_features);
  ASSERT_EQ(a.levels.size(), b.levels.size());
  for (std::size_t k = 0; k < a.levels.size(); ++k) {
    EXPECT_EQ(a.levels[k].tolerance_deg, b.levels[k].tolerance_deg);
    EXPECT_EQ(a.levels[k].triangle_indices, b.levels[k].triangle_indices) << "level " << k;
    EXPECT_EQ(a.levels[k].outline_indices, b.levels[k].outline_indices) << "level " << k;
    EXPECT_EQ(a.levels[k].border_indices, b.levels[k].border_indices) << "level " << k;
    ASSERT_EQ(a.levels[k].features.size(), b.levels[k].features.size());
    for (std::size_t f = 0; f < a.levels[k].features.size(); ++f) {
      EXPECT_EQ(a.levels[k].features[f].triangle_first, b.levels[k].features[f].triangle_first);
      EXPECT_EQ(a.levels[k].features[f].border_first, b.levels[k].features[f].border_first);
    }
  }
}

TEST(LayerMesh, ForecastKeepsTheLevelsTheRealCountsWouldKeep) {
  // Levels are chosen from a forecast before triangulating; choosing from every candidate's
  // real triangle and edge counts must give the same tolerances.
  const auto features = features_from_wkt({wobbly_circle(3000, 100.0, 15.0, 0.1),
                                           wobbly_circle(800, 100.25, 15.0, 0.05),
                                           wobbly_circle(200, 100.4, 15.1, 0.02)});
  MeshOptions every_candidate;
  every_candidate.min_level_reduction = 1.0;
  const LayerMesh all = build_layer_mesh(features, every_candidate);
  const auto cost = [](const MeshLevel& level) {
    return static_cast<double>(level.triangle_count() + level.outline_segment_count());
  };
  std::vector<double> expected{0.0};
  double finer = cost(all.levels[0]);
  for (std::size_t k = 1; k < all.levels.size(); ++k) {
    if (cost(all.levels[k]) <= 0.7 * finer) {
      expected.push_back(all.levels[k].tolerance_deg);
      finer = cost(all.levels[k]);
    }
  }
  std::vector<double> kept;
  for (const MeshLevel& level : build_layer_mesh(features).levels) {
    kept.push_back(level.tolerance_deg);
  }
  EXPECT_EQ(kept, expected);
  EXPECT_GE(kept.size(), 3u);
}

TEST(LayerMesh, LevelChoiceFollowsTheZoom) {
  const double tolerances[] = {0.0, 0.001, 0.01};
  // Zoomed in far: a pixel is much smaller than any tolerance.
  EXPECT_EQ(choose_level(tolerances, 1e-6), 0u);
  // A level is used once its tolerance fits in kLevelMaxTolerancePx pixels, not before.
  EXPECT_EQ(choose_level(tolerances, 0.001 / kLevelMaxTolerancePx * 0.99), 0u);
  EXPECT_EQ(choose_level(tolerances, 0.001 / kLevelMaxTolerancePx * 1.01), 1u);
  EXPECT_EQ(choose_level(tolerances, 0.01 / kLevelMaxTolerancePx * 1.01), 2u);
  EXPECT_EQ(choose_level(tolerances, 10.0), 2u);
  EXPECT_EQ(choose_level(std::span<const double>(tolerances, 1), 10.0), 0u);
}

}  // namespace
}  // namespace chipao::render
