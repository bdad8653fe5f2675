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

}  // namespace
}  // namespace chipao::app
