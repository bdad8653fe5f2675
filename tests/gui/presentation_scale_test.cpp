// Presentation text scale (app/presentation.h): sized from the screen's height, so a 1024x768
// projector and a 1920x1080 one both show type about 1/32 of the screen high.
#include <gtest/gtest.h>

#include "app/presentation.h"
#include "app/ui_font.h"

namespace chipao::app {
namespace {

TEST(PresentationScale, FollowsTheScreenHeight) {
  EXPECT_NEAR(presentation_font_scale(1.0f, 1080.0f), 1.8f, 1e-4);
  EXPECT_NEAR(presentation_font_scale(1.0f, 768.0f), 1.28f, 1e-4);
  // Text pixels per screen line stay the same from one projector to the other.
  const float small = kUiFontSizePx * presentation_font_scale(1.0f, 768.0f) / 768.0f;
  const float large = kUiFontSizePx * presentation_font_scale(1.0f, 1080.0f) / 1080.0f;
  EXPECT_NEAR(small, large, 1e-4);
}

TEST(PresentationScale, NeverBelowOnePointTwoNorAboveTheCap) {
  EXPECT_NEAR(presentation_font_scale(1.0f, 480.0f), 1.2f, 1e-4);
  EXPECT_NEAR(presentation_font_scale(1.0f, 4000.0f), kMaxPresentationScale, 1e-4);
  // A 2x screen already draws the interface twice as large: the product stays at the cap.
  EXPECT_NEAR(2.0f * presentation_font_scale(2.0f, 2160.0f), kMaxPresentationScale, 1e-4);
  // An interface already at the cap is not shrunk.
  EXPECT_NEAR(presentation_font_scale(3.0f, 1080.0f), 1.0f, 1e-4);
}

}  // namespace
}  // namespace chipao::app
