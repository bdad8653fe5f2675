// build_layer_mesh: triangles that cover each polygon, outline edges, points, per-vertex feature
// indices, per-feature spans and levels of detail, without a GL context.
#include "render/layer_mesh.h"

#include <gtest/gtest.h>

#include <cmath>
#include <numbers>
#include <sstream>

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
