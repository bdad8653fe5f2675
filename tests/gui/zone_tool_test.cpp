// The zone tool's logic without a window: snapping, closing a ring, moving and deleting
// vertices, moving a zone, painting (click, brush, lasso) and locked zones. Every expected
// position is computed here from the camera, never read back from the tool.
#include "app/zone_tool.h"

#include <gtest/gtest.h>

#include "core/plan/edit.h"
#include "wkt_feature.h"

namespace chipao::app {
namespace {

// Two tambons side by side sharing the edge x = 101: A = [100,101]x[15,16], B = [101,102]x[15,16].
class ZoneToolTest : public ::testing::Test {
 protected:
  void SetUp() override {
    layer_.source.level = AdminLevel::tambon;
    layer_.features = test::features_from_wkt({"POLYGON((100 15,101 15,101 16,100 16,100 15))",
                                               "POLYGON((101 15,102 15,102 16,101 16,101 15))"});
    layer_.features[0].code = "990101";
    layer_.features[1].code = "990102";
    for (auto& f : layer_.features) f.bbox = f.geometry.bounds();
    index_ = TallyIndex::build(layer_);
    units_.emplace(layer_, index_);
    camera_.set_viewport(1000, 1000);
    camera_.set_view({101.0, 15.5}, 400.0, 15.5);
  }

  Vec2 screen(Vec2 world) const { return camera_.world_to_screen(world); }
  ToolInput at(Vec2 world, double dx_px = 0, double dy_px = 0) const {
    const Vec2 s = screen(world);
    return {{s.x + dx_px, s.y + dy_px}};
  }
  ToolContext context(std::int64_t active = 0) const { return {state_, active, camera_, &*units_}; }
  void apply(const ToolResult& r) {
    ASSERT_TRUE(r.edit) << r.message;
    ASSERT_TRUE(apply_edit(state_, *r.edit));
  }
  std::int64_t add_zone(Zone z) {
    auto edit = make_create_zone(state_, std::move(z));
    EXPECT_TRUE(edit);
    const std::int64_t id = state_.next_zone_id();
    EXPECT_TRUE(apply_edit(state_, *edit));
    return id;
  }
  std::int64_t add_drawn(std::vector<Vec2> open) {
    Zone z;
    z.name = "drawn";
    z.kind = ZoneKind::drawn;
    z.polygon = ring_polygon(open);
    return add_zone(std::move(z));
  }
  std::int64_t add_painted(std::vector<std::string> codes, bool locked = false) {
    Zone z;
    z.name = "painted";
    z.kind = ZoneKind::painted;
    z.unit_codes = std::move(codes);
    z.locked = locked;
    return add_zone(std::move(z));
  }

  BoundaryLayer layer_;
  TallyIndex index_;
  std::optional<ToolUnits> units_;
  render::Camera2D camera_;
  PlanningState state_;
  ZoneTool tool_;
};

TEST_F(ZoneToolTest, SnapsToASharedBoundaryVertexWithinTheRadiusOnly) {
  EXPECT_EQ(units_->vertex_count(), 6u);  // 8 corners, 2 shared
  const Vec2 corner{101, 16};
  const Vec2 near_px = {screen(corner).x + 6, screen(corner).y - 3};
  const auto snapped = units_->nearest_vertex(camera_.screen_to_world(near_px), camera_, 10.0);
  ASSERT_TRUE(snapped);
  EXPECT_EQ(*snapped, corner);
  const Vec2 far_px = {screen(corner).x + 12, screen(corner).y};
  EXPECT_FALSE(units_->nearest_vertex(camera_.screen_to_world(far_px), camera_, 10.0));
}

TEST_F(ZoneToolTest, DrawingSnapsVerticesAndClosesOnTheFirstVertex) {
  tool_.set_mode(ToolMode::draw);
  const Vec2 free1{100.3, 15.3}, free2{100.6, 15.4};
  EXPECT_FALSE(tool_.press(at(free1), context()).edit);
  EXPECT_FALSE(tool_.press(at(free2), context()).edit);
  // Near the corner (101,16): the vertex placed is the corner itself.
  EXPECT_FALSE(tool_.press(at({101, 16}, 4, 4), context()).edit);
  ASSERT_EQ(tool_.drawing().size(), 3u);
  EXPECT_EQ(tool_.drawing()[2], (Vec2{101, 16}));
  // Clicking the first vertex again (a few pixels off) closes the ring.
  const ToolResult closed = tool_.press(at(tool_.drawing()[0], 3, -2), context());
  ASSERT_TRUE(closed.edit) << closed.message;
  EXPECT_TRUE(closed.activates_new_zone);
  EXPECT_TRUE(tool_.drawing().empty());
  apply(closed);
  ASSERT_EQ(state_.zones.size(), 1u);
  const Zone& z = state_.zones[0];
  EXPECT_EQ(z.kind, ZoneKind::drawn);
  ASSERT_EQ(z.polygon.points.size(), 4u);
  EXPECT_EQ(z.polygon.points[2], (Vec2{101, 16}));
  EXPECT_EQ(z.polygon.points.front(), z.polygon.points.back());
  EXPECT_EQ(z.unit_level, "tambon");
}

TEST_F(ZoneToolTest, EnterClosesAndRefusesFewerThanThreeVertices) {
  tool_.set_mode(ToolMode::draw);
  tool_.press(at({100.2, 15.2}), context());
  tool_.press(at({100.5, 15.2}), context());
  const ToolResult refused = tool_.finish(context());
  EXPECT_FALSE(refused.edit);
  EXPECT_NE(refused.message.find("3 vertices"), std::string::npos);
  tool_.press(at({100.4, 15.6}), context());
  apply(tool_.finish(context()));
  EXPECT_EQ(state_.zones.size(), 1u);
}

TEST_F(ZoneToolTest, RightClickRemovesTheVertexBeingDrawn) {
  tool_.set_mode(ToolMode::draw);
  tool_.press(at({100.2, 15.2}), context());
  tool_.press(at({100.5, 15.2}), context());
  tool_.press(at({100.4, 15.6}), context());
  tool_.right_click(at({100.5, 15.2}), context());
  ASSERT_EQ(tool_.drawing().size(), 2u);
  EXPECT_EQ(tool_.drawing()[1], camera_.screen_to_world(screen({100.4, 15.6})));
}

TEST_F(ZoneToolTest, DraggingAVertexProducesASetPolygonEdit) {
  const auto id = add_drawn({{100.2, 15.2}, {100.6, 15.2}, {100.6, 15.6}, {100.2, 15.6}});
  tool_.set_mode(ToolMode::draw);
  EXPECT_FALSE(tool_.press(at({100.2, 15.2}, 2, 1), context(id)).edit);
  const Vec2 target{100.3, 15.25};
  tool_.move(at(target), context(id), true);
  ASSERT_TRUE(tool_.edited_polygon());  // the live preview has the vertex where the pointer is
  const ToolResult r = tool_.release(at(target), context(id));
  ASSERT_TRUE(r.edit) << r.message;
  EXPECT_EQ(r.edit->action, "set zone polygon");
  apply(r);
  const Zone& z = *state_.zone(id);
  const Vec2 expected = camera_.screen_to_world(screen(target));
  EXPECT_NEAR(z.polygon.points[0].x, expected.x, 1e-9);
  EXPECT_NEAR(z.polygon.points[0].y, expected.y, 1e-9);
  EXPECT_EQ(z.polygon.points.back(), z.polygon.points.front());  // still closed
  EXPECT_EQ(z.polygon.points[1], (Vec2{100.6, 15.2}));
}

TEST_F(ZoneToolTest, RightClickDeletesAVertexButKeepsThree) {
  const auto id = add_drawn({{100.2, 15.2}, {100.6, 15.2}, {100.6, 15.6}, {100.2, 15.6}});
  tool_.set_mode(ToolMode::draw);
  apply(tool_.right_click(at({100.6, 15.6}), context(id)));
  const Zone& z = *state_.zone(id);
  ASSERT_EQ(z.polygon.points.size(), 4u);
  EXPECT_EQ(z.polygon.points[2], (Vec2{100.2, 15.6}));
  const ToolResult refused = tool_.right_click(at({100.2, 15.6}), context(id));
  EXPECT_FALSE(refused.edit);
  EXPECT_NE(refused.message.find("at least 3"), std::string::npos);
}

TEST_F(ZoneToolTest, CtrlDragInsideMovesTheWholeZone) {
  const auto id = add_drawn({{100.2, 15.2}, {100.6, 15.2}, {100.6, 15.6}, {100.2, 15.6}});
  tool_.set_mode(ToolMode::draw);
  ToolInput press = at({100.4, 15.4});
  press.ctrl = true;
  tool_.press(press, context(id));
  const Vec2 from = camera_.screen_to_world(press.screen);
  const Vec2 to = camera_.screen_to_world(screen({100.5, 15.3}));
  tool_.move(at({100.5, 15.3}), context(id), true);
  apply(tool_.release(at({100.5, 15.3}), context(id)));
  const Zone& z = *state_.zone(id);
  EXPECT_NEAR(z.polygon.points[0].x, 100.2 + (to.x - from.x), 1e-9);
  EXPECT_NEAR(z.polygon.points[0].y, 15.2 + (to.y - from.y), 1e-9);
  EXPECT_EQ(tool_.edited_polygon(), std::nullopt);
}

TEST_F(ZoneToolTest, PaintingAUnitMovesItOutOfTheOtherZone) {
  const auto first = add_painted({"990101"});
  const auto second = add_painted({});
  tool_.set_mode(ToolMode::paint);
  tool_.press(at({100.5, 15.5}), context(second));
  EXPECT_EQ(tool_.stroke_codes(), std::vector<std::string>{"990101"});
  apply(tool_.release(at({100.5, 15.5}), context(second)));
  EXPECT_TRUE(state_.zone(first)->unit_codes.empty());
  EXPECT_EQ(state_.zone(second)->unit_codes, std::vector<std::string>{"990101"});
}

TEST_F(ZoneToolTest, BrushPaintsEveryUnitTheCursorCrossesAsOneEdit) {
  const auto id = add_painted({});
  tool_.set_mode(ToolMode::paint);
  tool_.press(at({100.5, 15.5}), context(id));
  tool_.move(at({100.9, 15.5}), context(id), true);
  tool_.move(at({101.5, 15.5}), context(id), true);
  EXPECT_EQ(tool_.stroke_codes(), (std::vector<std::string>{"990101", "990102"}));
  const ToolResult r = tool_.release(at({101.5, 15.5}), context(id));
  apply(r);
  EXPECT_EQ(state_.zone(id)->unit_codes, (std::vector<std::string>{"990101", "990102"}));
}

TEST_F(ZoneToolTest, LassoPaintsUnitsWhoseLabelPointIsInside) {
  const auto id = add_painted({});
  tool_.set_mode(ToolMode::paint);
  // Around B's centre (101.5, 15.5) but covering part of A too: only B's label is inside.
  ToolInput start = at({100.8, 15.3});
  start.shift = true;
  tool_.press(start, context(id));
  for (Vec2 p : {Vec2{101.8, 15.3}, Vec2{101.8, 15.7}, Vec2{100.8, 15.7}})
    tool_.move(at(p), context(id), true);
  EXPECT_EQ(tool_.stroke_codes(), std::vector<std::string>{"990102"});
  apply(tool_.release(at({100.8, 15.7}), context(id)));
  EXPECT_EQ(state_.zone(id)->unit_codes, std::vector<std::string>{"990102"});
}

TEST_F(ZoneToolTest, PaintingWithoutAnActiveZoneCreatesOne) {
  tool_.set_mode(ToolMode::paint);
  tool_.press(at({101.5, 15.5}), context());
  const ToolResult r = tool_.release(at({101.5, 15.5}), context());
  EXPECT_TRUE(r.activates_new_zone);
  apply(r);
  ASSERT_EQ(state_.zones.size(), 1u);
  EXPECT_EQ(state_.zones[0].kind, ZoneKind::painted);
  EXPECT_EQ(state_.zones[0].unit_codes, std::vector<std::string>{"990102"});
}

TEST_F(ZoneToolTest, LockedZonesRefuseEditsWithAMessage) {
  const auto locked = add_painted({"990101"}, true);
  const auto other = add_painted({});
  tool_.set_mode(ToolMode::paint);
  // Painting into the locked zone.
  const ToolResult into = tool_.press(at({101.5, 15.5}), context(locked));
  EXPECT_FALSE(into.edit);
  EXPECT_NE(into.message.find("locked"), std::string::npos);
  // Taking a unit out of it by painting it elsewhere.
  tool_.press(at({100.5, 15.5}), context(other));
  const ToolResult out = tool_.release(at({100.5, 15.5}), context(other));
  EXPECT_FALSE(out.edit);
  EXPECT_NE(out.message.find("locked"), std::string::npos);
  EXPECT_EQ(state_.zone(locked)->unit_codes, std::vector<std::string>{"990101"});
}

TEST_F(ZoneToolTest, RightClickInPaintModeErasesTheUnit) {
  const auto id = add_painted({"990101", "990102"});
  tool_.set_mode(ToolMode::paint);
  apply(tool_.right_click(at({100.5, 15.5}), context(id)));
  EXPECT_EQ(state_.zone(id)->unit_codes, std::vector<std::string>{"990102"});
}

TEST(ZoneToolGeometry, DeletingTheFirstVertexKeepsTheRingClosed) {
  const FeatureGeometry square = ring_polygon(std::vector<Vec2>{{0, 0}, {1, 0}, {1, 1}, {0, 1}});
  const auto out = delete_polygon_vertex(square, 0);
  ASSERT_TRUE(out);
  EXPECT_EQ(out->points, (std::vector<Vec2>{{1, 0}, {1, 1}, {0, 1}, {1, 0}}));
  EXPECT_EQ(out->ring_ends, std::vector<std::uint32_t>{4});
  EXPECT_TRUE(polygon_contains(square, {0.5, 0.5}));
  EXPECT_FALSE(polygon_contains(square, {1.5, 0.5}));
}

}  // namespace
}  // namespace chipao::app
