// MapView's mouse navigation: wheel zoom at the cursor, drag to pan, and neither when the
// mouse is over a panel. Needs a GL context only because MapView owns GPU resources.
#include "app/map_view.h"

#include <gtest/gtest.h>

#include <memory>
#include <string>

#include "gl_test_context.h"

namespace chipao::app {
namespace {

class MapViewTest : public ::testing::Test {
 protected:
  void SetUp() override {
    std::string error;
    context_ = chipao::test::GlTestContext::create(error);
    ASSERT_NE(context_, nullptr) << error;
    auto renderer = render::MapRenderer::create();
    ASSERT_TRUE(renderer.has_value()) << renderer.error().message;
    view_ = std::make_unique<MapView>(std::move(*renderer));
    view_->set_viewport(800, 600);
    view_->set_view({103.0, 16.0}, 1000.0);
  }
  void TearDown() override {
    view_.reset();
    context_.reset();
  }

  static MouseInput mouse_at(double x, double y) {
    MouseInput mouse;
    mouse.x_px = x;
    mouse.y_px = y;
    return mouse;
  }

  std::unique_ptr<chipao::test::GlTestContext> context_;
  std::unique_ptr<MapView> view_;
};

TEST_F(MapViewTest, WheelZoomsAtTheCursor) {
  MouseInput wheel = mouse_at(600, 150);
  const Vec2 under_cursor = view_->camera().screen_to_world({600, 150});
  wheel.scroll_y = 2;
  EXPECT_TRUE(view_->handle_mouse(wheel));
  EXPECT_NEAR(view_->camera().pixels_per_degree(), 1000.0 * 1.2 * 1.2, 1e-6);
  const Vec2 after = view_->camera().world_to_screen(under_cursor);
  EXPECT_NEAR(after.x, 600, 1e-6);
  EXPECT_NEAR(after.y, 150, 1e-6);
}

TEST_F(MapViewTest, WheelOverAPanelDoesNothing) {
  MouseInput wheel = mouse_at(100, 100);
  wheel.scroll_y = 3;
  wheel.over_panel = true;
  EXPECT_FALSE(view_->handle_mouse(wheel));
  EXPECT_DOUBLE_EQ(view_->camera().pixels_per_degree(), 1000.0);
}

TEST_F(MapViewTest, DragPansWithTheCursorUntilRelease) {
  const Vec2 grabbed = view_->camera().screen_to_world({400, 300});
  MouseInput press = mouse_at(400, 300);
  press.left_pressed = press.left_down = true;
  EXPECT_FALSE(view_->handle_mouse(press));  // pressing alone moves nothing

  MouseInput move = mouse_at(450, 280);
  move.left_down = true;
  EXPECT_TRUE(view_->handle_mouse(move));
  const Vec2 now = view_->camera().world_to_screen(grabbed);
  EXPECT_NEAR(now.x, 450, 1e-6);
  EXPECT_NEAR(now.y, 280, 1e-6);

  // Releasing asks for one frame (labels are placed again for the new view) but does not pan;
  // moving afterwards with the button up pans nothing either.
  view_->handle_mouse(mouse_at(500, 500));
  EXPECT_FALSE(view_->handle_mouse(mouse_at(520, 530)));
  const Vec2 after_release = view_->camera().world_to_screen(grabbed);
  EXPECT_NEAR(after_release.x, 450, 1e-6);
  EXPECT_NEAR(after_release.y, 280, 1e-6);
}

TEST_F(MapViewTest, DragStartedOnAPanelDoesNotPan) {
  MouseInput press = mouse_at(50, 50);
  press.left_pressed = press.left_down = true;
  press.over_panel = true;
  view_->handle_mouse(press);
  MouseInput move = mouse_at(300, 300);
  move.left_down = true;
  EXPECT_FALSE(view_->handle_mouse(move));
  EXPECT_DOUBLE_EQ(view_->camera().center().x, 103.0);
}

}  // namespace
}  // namespace chipao::app
