#include "app/app_script.h"

#include <gtest/gtest.h>

namespace chipao::app {
namespace {

TEST(AppScript, ParsesCommandsSkippingCommentsAndBlankLines) {
  auto script = parse_script(
      "# tour\n\nwait-loaded\nmeasure poor.JPT.MOFval.CNT  # target poor\nclasses 5\n"
      "drill -\nscreenshot out.png\n",
      "tour.txt");
  ASSERT_TRUE(script) << script.error().message;
  ASSERT_EQ(script->size(), 5u);
  EXPECT_EQ((*script)[0].verb, "wait-loaded");
  EXPECT_EQ((*script)[1].argument, "poor.JPT.MOFval.CNT");
  EXPECT_EQ((*script)[1].line, 4u);
  EXPECT_EQ((*script)[3].verb, "drill");
  EXPECT_EQ((*script)[3].argument, "");  // "-" is the whole province
  EXPECT_EQ((*script)[4].argument, "out.png");
}

TEST(AppScript, ErrorsNameTheFileLineAndCommand) {
  auto unknown = parse_script("wait-loaded\nzoom 5\n", "s.txt");
  ASSERT_FALSE(unknown);
  EXPECT_NE(unknown.error().message.find("s.txt:2"), std::string::npos);
  EXPECT_NE(unknown.error().message.find("zoom"), std::string::npos);
  auto classes = parse_script("classes 12\n", "s.txt");
  ASSERT_FALSE(classes);
  EXPECT_NE(classes.error().message.find("3 to 9"), std::string::npos);
  EXPECT_FALSE(parse_script("presentation maybe\n", "s.txt"));
  EXPECT_FALSE(parse_script("full-screen please\n", "s.txt"));
  EXPECT_TRUE(parse_script("full-screen on\n", "s.txt"));
  EXPECT_FALSE(parse_script("measure\n", "s.txt"));
  EXPECT_FALSE(read_script("/nonexistent/script.txt"));
}

TEST(AppScript, ParsesTheVerbsARealMouseDriverWaitsOn) {
  auto script = parse_script(
      "tool paint\nprint-ready\nprint-ready draw\nprint-screen-pos 990101\n"
      "print-screen-pos-lonlat 103.25,16.15\nwait-edits 2\nwait-edits 1 90\ntool none\n",
      "mouse.txt");
  ASSERT_TRUE(script) << script.error().message;
  ASSERT_EQ(script->size(), 8u);
  EXPECT_EQ((*script)[0].argument, "paint");
  EXPECT_EQ((*script)[1].verb, "print-ready");
  EXPECT_EQ((*script)[1].argument, "");
  EXPECT_EQ((*script)[2].argument, "draw");
  EXPECT_EQ((*script)[3].argument, "990101");
  EXPECT_EQ((*script)[4].argument, "103.25,16.15");
  EXPECT_EQ((*script)[6].argument, "1 90");
}

TEST(AppScript, RejectsBadToolNamesPointsAndWaits) {
  const auto error = [](const std::string& text) {
    auto script = parse_script(text, "m.txt");
    return script ? std::string() : script.error().message;
  };
  EXPECT_NE(error("tool lasso\n").find("draw, paint or none"), std::string::npos);
  EXPECT_NE(error("print-screen-pos-lonlat 103.25\n").find("lon,lat"), std::string::npos);
  EXPECT_NE(error("print-screen-pos-lonlat 103.25,16.15,3\n").find("lon,lat"), std::string::npos);
  EXPECT_NE(error("wait-edits 0\n").find("m.txt:1"), std::string::npos);
  EXPECT_NE(error("wait-edits two\n").find("wait-edits"), std::string::npos);
  EXPECT_NE(error("wait-edits 2x\n").find("wait-edits"), std::string::npos);
  EXPECT_NE(error("wait-edits 2 soon\n").find("wait-edits"), std::string::npos);
  EXPECT_NE(error("wait-edits 2 -5\n").find("wait-edits"), std::string::npos);
  EXPECT_NE(error("wait-edits 2 5 7\n").find("wait-edits"), std::string::npos);
  EXPECT_NE(error("print-screen-pos\n").find("needs a value"), std::string::npos);
  EXPECT_NE(error("tool\n").find("needs a value"), std::string::npos);
}

TEST(AppScript, WaitEditsReadsTheCountAndTheSecondsOrSixty) {
  const auto plain = parse_wait_edits("3");
  ASSERT_TRUE(plain);
  EXPECT_EQ(plain->edits, 3);
  EXPECT_EQ(plain->seconds, 60.0);
  const auto timed = parse_wait_edits("1 2.5");
  ASSERT_TRUE(timed);
  EXPECT_EQ(timed->edits, 1);
  EXPECT_EQ(timed->seconds, 2.5);
  const auto point = parse_lon_lat("103.25, 16.5");
  ASSERT_TRUE(point);
  EXPECT_EQ(point->first, 103.25);
  EXPECT_EQ(point->second, 16.5);
}

}  // namespace
}  // namespace chipao::app
