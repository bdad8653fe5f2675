// Label placement: overlaps are resolved by priority, no two accepted boxes overlap, boxes
// outside the viewport are rejected, points try other positions. A plain all-pairs greedy
// written here is the reference the grid-based placement must agree with.
#include "render/label_layout.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <numeric>
#include <random>

namespace chipao::render {
namespace {

LabelCandidate box(float cx, float cy, float w, float h, double priority) {
  LabelCandidate c;
  c.x_px = cx;
  c.y_px = cy;
  c.width_px = w;
  c.height_px = h;
  c.priority = priority;
  return c;
}

bool overlap(const PlacedLabel& a, const PlacedLabel& b) {
  return a.min_x < b.max_x && b.min_x < a.max_x && a.min_y < b.max_y && b.min_y < a.max_y;
}

TEST(LabelLayout, HigherPriorityWinsAnOverlap) {
  const std::vector<LabelCandidate> candidates = {box(100, 100, 80, 20, 1.0),
                                                  box(120, 105, 80, 20, 5.0)};
  const auto accepted = place_labels(candidates, 400, 300);
  ASSERT_EQ(accepted.size(), 1u);
  EXPECT_EQ(accepted[0], 1u);
}

TEST(LabelLayout, TiesKeepInputOrder) {
  const std::vector<LabelCandidate> candidates = {box(100, 100, 80, 20, 2.0),
                                                  box(120, 105, 80, 20, 2.0)};
  EXPECT_EQ(place_labels(candidates, 400, 300), std::vector<std::size_t>{0});
}

TEST(LabelLayout, SeparateLabelsAreAllAcceptedInPriorityOrder) {
  const std::vector<LabelCandidate> candidates = {box(50, 50, 40, 10, 1), box(200, 50, 40, 10, 3),
                                                  box(50, 200, 40, 10, 2)};
  EXPECT_EQ(place_labels(candidates, 400, 300), (std::vector<std::size_t>{1, 2, 0}));
}

TEST(LabelLayout, BoxesLeavingTheViewportAreRejected) {
  const std::vector<LabelCandidate> candidates = {
      box(10, 100, 40, 10, 1),    // left edge at -10
      box(390, 100, 40, 10, 1),   // right edge at 410
      box(200, 2, 40, 10, 1),     // top at -3
      box(200, 298, 40, 10, 1),   // bottom at 303
      box(200, 150, 40, 10, 1),   // inside
      box(200, 150, 0, 10, 9),    // empty box
      box(-500, 150, 40, 10, 9),  // far away
  };
  EXPECT_EQ(place_labels(candidates, 400, 300), std::vector<std::size_t>{4});
}

TEST(LabelLayout, PaddingKeepsNeighboursApart) {
  // 2 px apart: rejected with 4 px padding, accepted with none.
  const std::vector<LabelCandidate> candidates = {box(100, 100, 40, 10, 2),
                                                  box(142, 100, 40, 10, 1)};
  EXPECT_EQ(layout_labels(candidates, 400, 300, {.padding_px = 4}).size(), 1u);
  EXPECT_EQ(layout_labels(candidates, 400, 300, {.padding_px = 0}).size(), 2u);
}

TEST(LabelLayout, PointsTryAboveBelowAndRightBeforeGivingUp) {
  // A big label in the middle; a village point whose centred label would overlap it.
  LabelCandidate village = box(200, 170, 60, 12, 1);
  village.try_alternatives = true;
  village.gap_px = 6;
  const std::vector<LabelCandidate> candidates = {box(200, 150, 200, 30, 10), village};
  const auto placed = layout_labels(candidates, 400, 300);
  ASSERT_EQ(placed.size(), 2u);
  EXPECT_EQ(placed[1].index, 1u);
  // Above would hit the big label too; below is the first free position.
  EXPECT_EQ(placed[1].position, LabelPosition::below);
  EXPECT_FLOAT_EQ(placed[1].min_y, 170 + 6);
  EXPECT_FALSE(overlap(placed[0], placed[1]));

  village.try_alternatives = false;
  EXPECT_EQ(place_labels(std::vector<LabelCandidate>{candidates[0], village}, 400, 300).size(), 1u);
}

// The reference: the same greedy rule over all pairs, no grid.
std::vector<std::size_t> brute_force(const std::vector<LabelCandidate>& c, float w, float h,
                                     float pad) {
  std::vector<std::size_t> order(c.size());
  std::iota(order.begin(), order.end(), std::size_t{0});
  std::stable_sort(order.begin(), order.end(),
                   [&](std::size_t a, std::size_t b) { return c[a].priority > c[b].priority; });
  std::vector<std::size_t> accepted;
  for (const std::size_t i : order) {
    const float x0 = c[i].x_px - c[i].width_px / 2, x1 = c[i].x_px + c[i].width_px / 2;
    const float y0 = c[i].y_px - c[i].height_px / 2, y1 = c[i].y_px + c[i].height_px / 2;
    if (x0 < 0 || y0 < 0 || x1 > w || y1 > h) continue;
    bool free = true;
    for (const std::size_t j : accepted) {
      const float u0 = c[j].x_px - c[j].width_px / 2, u1 = c[j].x_px + c[j].width_px / 2;
      const float v0 = c[j].y_px - c[j].height_px / 2, v1 = c[j].y_px + c[j].height_px / 2;
      if (x0 - pad < u1 && u0 - pad < x1 && y0 - pad < v1 && v0 - pad < y1) free = false;
    }
    if (free) accepted.push_back(i);
  }
  return accepted;
}

TEST(LabelLayout, ThousandsOfCandidatesMatchTheAllPairsGreedyAndNeverOverlap) {
  std::mt19937 random(42);
  std::uniform_real_distribution<float> x(-50, 1650), y(-20, 920), w(20, 160), h(10, 24);
  std::uniform_real_distribution<double> priority(0, 1000);
  std::vector<LabelCandidate> candidates;
  for (int i = 0; i < 3000; ++i)
    candidates.push_back(box(x(random), y(random), w(random), h(random), priority(random)));

  const auto placed = layout_labels(candidates, 1600, 900, {.padding_px = 2});
  std::vector<std::size_t> indices;
  for (const PlacedLabel& p : placed) indices.push_back(p.index);
  EXPECT_EQ(indices, brute_force(candidates, 1600, 900, 2));
  EXPECT_GT(placed.size(), 100u);
  for (std::size_t i = 0; i < placed.size(); ++i) {
    EXPECT_GE(placed[i].min_x, 0);
    EXPECT_GE(placed[i].min_y, 0);
    EXPECT_LE(placed[i].max_x, 1600);
    EXPECT_LE(placed[i].max_y, 900);
    for (std::size_t j = i + 1; j < placed.size(); ++j)
      ASSERT_FALSE(overlap(placed[i], placed[j])) << placed[i].index << " " << placed[j].index;
  }
}

}  // namespace
}  // namespace chipao::render
