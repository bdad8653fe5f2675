// Camera2D: world <-> screen mapping, the cos(latitude) scale, zoom at a point, pan and fit.
#include "render/camera.h"

#include <gtest/gtest.h>

#include <cmath>
#include <numbers>

namespace chipao::render {
namespace {

constexpr double kTolerancePx = 1e-6;

Camera2D camera_800x600() {
  Camera2D camera;
  camera.set_viewport(800, 600);
  return camera;
}

TEST(Camera2D, CentreMapsToViewportCentreAndBack) {
  Camera2D camera = camera_800x600();
  camera.set_view({103.0, 16.0}, 1000.0, 16.0);
  const Vec2 screen = camera.world_to_screen({103.0, 16.0});
  EXPECT_NEAR(screen.x, 400.0, kTolerancePx);
  EXPECT_NEAR(screen.y, 300.0, kTolerancePx);
  const Vec2 world = camera.screen_to_world({123.0, 456.0});
  const Vec2 again = camera.world_to_screen(world);
  EXPECT_NEAR(again.x, 123.0, kTolerancePx);
  EXPECT_NEAR(again.y, 456.0, kTolerancePx);
}

TEST(Camera2D, NorthIsUpAndLongitudeIsScaledByCosLatitude) {
  Camera2D camera = camera_800x600();
  camera.set_view({103.0, 60.0}, 100.0, 60.0);  // cos(60 degrees) = 0.5
  const Vec2 north = camera.world_to_screen({103.0, 61.0});
  const Vec2 east = camera.world_to_screen({104.0, 60.0});
  EXPECT_NEAR(north.y, 300.0 - 100.0, kTolerancePx);  // one degree north: 100 px up
  EXPECT_NEAR(east.x, 400.0 + 50.0, 1e-9);            // one degree east: 50 px right
}

TEST(Camera2D, ZoomAtKeepsThePointUnderTheCursor) {
  Camera2D camera = camera_800x600();
  camera.set_view({103.0, 16.0}, 1000.0, 16.0);
  const Vec2 cursor{650.0, 120.0};
  const Vec2 before = camera.screen_to_world(cursor);
  camera.zoom_at(cursor, 2.5);
  EXPECT_NEAR(camera.pixels_per_degree(), 2500.0, 1e-9);
  const Vec2 after = camera.world_to_screen(before);
  EXPECT_NEAR(after.x, cursor.x, 1e-6);
  EXPECT_NEAR(after.y, cursor.y, 1e-6);
}

TEST(Camera2D, ZoomIsClamped) {
  Camera2D camera = camera_800x600();
  camera.zoom_at({400, 300}, 1e12);
  EXPECT_DOUBLE_EQ(camera.pixels_per_degree(), Camera2D::kMaxPixelsPerDegree);
  camera.zoom_at({400, 300}, 1e-12);
  EXPECT_DOUBLE_EQ(camera.pixels_per_degree(), Camera2D::kMinPixelsPerDegree);
}

TEST(Camera2D, PanMovesContentWithTheDrag) {
  Camera2D camera = camera_800x600();
  camera.set_view({103.0, 16.0}, 1000.0, 16.0);
  const Vec2 world{103.01, 15.99};
  const Vec2 before = camera.world_to_screen(world);
  camera.pan_by_pixels(30.0, -12.0);
  const Vec2 after = camera.world_to_screen(world);
  EXPECT_NEAR(after.x - before.x, 30.0, 1e-6);
  EXPECT_NEAR(after.y - before.y, -12.0, 1e-6);
  EXPECT_DOUBLE_EQ(camera.reference_latitude(), 16.0);  // panning never reshapes the map
}

TEST(Camera2D, FitPutsTheExtentInsideThePaddedArea) {
  Camera2D camera = camera_800x600();
  Bbox extent;
  extent.expand(Vec2{102.0, 15.0});
  extent.expand(Vec2{104.0, 17.5});
  const FitPadding padding{200, 10, 20, 30};
  camera.fit(extent, padding);
  const Vec2 low = camera.world_to_screen({extent.min_x, extent.min_y});
  const Vec2 high = camera.world_to_screen({extent.max_x, extent.max_y});
  EXPECT_GE(low.x, padding.left - 1e-6);
  EXPECT_LE(high.x, 800 - padding.right + 1e-6);
  EXPECT_GE(high.y, padding.top - 1e-6);
  EXPECT_LE(low.y, 600 - padding.bottom + 1e-6);
  // It touches the limiting sides (here top and bottom: the extent is tall).
  EXPECT_NEAR(high.y, padding.top, 1e-6);
  EXPECT_NEAR(low.y, 600 - padding.bottom, 1e-6);
  // And is centred horizontally in the padded area.
  EXPECT_NEAR(0.5 * (low.x + high.x), 0.5 * (padding.left + 800 - padding.right), 1e-6);
  EXPECT_NEAR(camera.reference_latitude(), 16.25, 1e-12);
}

TEST(Camera2D, FitOfEmptyExtentChangesNothing) {
  Camera2D camera = camera_800x600();
  camera.set_view({100.0, 10.0}, 500.0, 10.0);
  camera.fit(Bbox{});
  EXPECT_DOUBLE_EQ(camera.center().x, 100.0);
  EXPECT_DOUBLE_EQ(camera.pixels_per_degree(), 500.0);
}

TEST(Camera2D, ClipTransformAgreesWithScreenMapping) {
  Camera2D camera = camera_800x600();
  camera.set_view({103.0, 16.0}, 4000.0, 16.0);
  const Vec2 origin{103.05, 15.97};
  const ClipTransform clip = camera.clip_transform(origin);
  const Vec2 world{103.07, 15.99};
  const double clip_x = (world.x - origin.x) * clip.scale_x + clip.offset_x;
  const double clip_y = (world.y - origin.y) * clip.scale_y + clip.offset_y;
  const Vec2 screen = camera.world_to_screen(world);
  EXPECT_NEAR((clip_x + 1.0) * 0.5 * 800.0, screen.x, 1e-3);
  EXPECT_NEAR((1.0 - clip_y) * 0.5 * 600.0, screen.y, 1e-3);
}

}  // namespace
}  // namespace chipao::render
