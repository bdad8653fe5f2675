#include "app/feature_pick.h"

#include <gtest/gtest.h>

#include "wkt_feature.h"

namespace chipao::app {
namespace {

BoundaryLayer layer_of(const std::vector<std::pair<std::string, std::string>>& code_wkt) {
  BoundaryLayer layer;
  for (const auto& [code, wkt] : code_wkt) {
    BoundaryFeature feature = test::feature_from_wkt(wkt);
    feature.code = code;
    feature.bbox = feature.geometry.bounds();
    layer.features.push_back(std::move(feature));
  }
  return layer;
}

TEST(FeaturePick, FindsTheAreaUnderThePointAndRespectsHoles) {
  const BoundaryLayer layer = layer_of({
      {"990101", "POLYGON((0 0,10 0,10 10,0 10,0 0),(4 4,6 4,6 6,4 6,4 4))"},
      {"990102", "POLYGON((10 0,20 0,20 10,10 10,10 0))"},
  });
  EXPECT_EQ(pick_feature(layer, {2, 2}), 0u);
  EXPECT_EQ(pick_feature(layer, {15, 5}), 1u);
  EXPECT_FALSE(pick_feature(layer, {5, 5}));   // in the hole
  EXPECT_FALSE(pick_feature(layer, {25, 5}));  // outside both
}

TEST(FeaturePick, MultipolygonPartsAndEligibility) {
  const BoundaryLayer layer = layer_of({
      {"990101", "MULTIPOLYGON(((0 0,1 0,1 1,0 1,0 0)),((5 5,6 5,6 6,5 6,5 5)))"},
  });
  EXPECT_EQ(pick_feature(layer, {5.5, 5.5}), 0u);
  EXPECT_FALSE(pick_feature(layer, {3, 3}));
  const std::vector<bool> none{false};
  EXPECT_FALSE(pick_feature(layer, {0.5, 0.5}, &none));
}

TEST(FeaturePick, ChildrenByCodePrefix) {
  const BoundaryLayer layer = layer_of({
      {"99010101", "POLYGON((0 0,1 0,1 1,0 1,0 0))"},
      {"99010201", "POLYGON((0 0,1 0,1 1,0 1,0 0))"},
      {"99010102", "POLYGON((0 0,1 0,1 1,0 1,0 0))"},
  });
  EXPECT_EQ(children_by_code(layer, "990101"), (std::vector<std::size_t>{0, 2}));
  EXPECT_EQ(find_by_code(layer, "99010201"), 1u);
  EXPECT_FALSE(find_by_code(layer, "990101"));
}

}  // namespace
}  // namespace chipao::app
