// build_layer_mesh: fans, outline segments, points and the cover quad, without a GL context.
#include "render/layer_mesh.h"

#include <gtest/gtest.h>

#include "wkt_feature.h"

namespace chipao::render {
namespace {

using chipao::test::features_from_wkt;

TEST(LayerMesh, SquareWithHoleGivesFansAndEdgesPerRing) {
  const auto features =
      features_from_wkt({"POLYGON ((0 0, 10 0, 10 10, 0 10, 0 0), (3 3, 3 7, 7 7, 7 3, 3 3))"});
  const LayerMesh mesh = build_layer_mesh(features);
  // Closing points are dropped: 4 + 4 ring vertices, plus 4 for the cover quad.
  EXPECT_EQ(mesh.vertex_count(), 12u);
  EXPECT_EQ(mesh.fan_triangle_count(), 4u);     // 2 per ring of 4 points
  EXPECT_EQ(mesh.outline_segment_count(), 8u);  // 4 per ring
  EXPECT_TRUE(mesh.has_cover);
  EXPECT_EQ(mesh.cover_first_vertex, 8u);
  ASSERT_EQ(mesh.features.size(), 1u);
  EXPECT_EQ(mesh.features[0].fan_count, 12u);
  EXPECT_EQ(mesh.features[0].outline_count, 16u);
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

TEST(LayerMesh, CoverQuadEnclosesTheExtent) {
  const auto features = features_from_wkt({"POLYGON ((102 15, 104 15, 104 17, 102 15))"});
  const LayerMesh mesh = build_layer_mesh(features);
  for (std::uint32_t v = mesh.cover_first_vertex; v < mesh.cover_first_vertex + 4; ++v) {
    const double x = mesh.positions[2 * v] + mesh.origin.x;
    const double y = mesh.positions[2 * v + 1] + mesh.origin.y;
    EXPECT_TRUE(x < 102.0 || x > 104.0) << x;
    EXPECT_TRUE(y < 15.0 || y > 17.0) << y;
  }
}

TEST(LayerMesh, FeatureSpansFollowFeatureOrder) {
  const auto features = features_from_wkt({
      "MULTIPOLYGON (((0 0, 1 0, 1 1, 0 0)), ((2 0, 3 0, 3 1, 2 0)))",
      "POINT (5 5)",
      "POLYGON ((0 2, 1 2, 1 3, 0 3, 0 2))",
  });
  const LayerMesh mesh = build_layer_mesh(features);
  ASSERT_EQ(mesh.features.size(), 3u);
  EXPECT_EQ(mesh.features[0].fan_count, 6u);  // one triangle per polygon
  EXPECT_EQ(mesh.features[1].fan_count, 0u);
  EXPECT_EQ(mesh.features[1].point_count, 1u);
  EXPECT_EQ(mesh.features[2].fan_first, 6u);
  EXPECT_EQ(mesh.features[2].fan_count, 6u);
  EXPECT_EQ(mesh.point_indices.size(), 1u);
}

TEST(LayerMesh, PointLayerHasNoCover) {
  const auto features =
      features_from_wkt({"POINT (103 16)", "MULTIPOINT ((103.1 16), (103.2 16))"});
  const LayerMesh mesh = build_layer_mesh(features);
  EXPECT_EQ(mesh.point_indices.size(), 3u);
  EXPECT_FALSE(mesh.has_cover);
  EXPECT_TRUE(mesh.fan_indices.empty());
}

TEST(LayerMesh, EmptyLayerIsEmpty) {
  const LayerMesh mesh = build_layer_mesh({});
  EXPECT_EQ(mesh.vertex_count(), 0u);
  EXPECT_FALSE(mesh.has_cover);
}

}  // namespace
}  // namespace chipao::render
