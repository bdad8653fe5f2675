// The chipao app's command line.
#include "app/command_line.h"
#include "app/glfw_window.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace chipao::app {
namespace {

Result<AppOptions> parse(std::vector<std::string> arguments) {
  return parse_command_line(arguments);
}

TEST(CommandLine, NoArgumentsShowsTheStartScreen) {
  auto options = parse({});
  ASSERT_TRUE(options.has_value());
  EXPECT_TRUE(options->start_screen);
  EXPECT_FALSE(options->demo);
  EXPECT_TRUE(options->layers.empty());
  EXPECT_FALSE(options->exit_after_frames.has_value());
}

TEST(WindowSize, TheDefaultFitsA1024x768Screen) {
  const auto [w, h] = fit_window_to(1280, 800, 1024, 768);
  EXPECT_LE(w, 1024);
  EXPECT_LE(h, 768 - 40);  // a title bar still fits
  EXPECT_GE(w, 900);       // and the window stays as large as the screen allows
  const auto [w2, h2] = fit_window_to(1280, 800, 1920, 1080);
  EXPECT_EQ(w2, 1280);
  EXPECT_EQ(h2, 800);
}

TEST(CommandLine, AScreenshotWithoutLayersStillDrawsTheDemo) {
  auto options = parse({"--screenshot", "out.png"});
  ASSERT_TRUE(options.has_value());
  EXPECT_TRUE(options->demo);
  EXPECT_FALSE(options->start_screen);
}

TEST(CommandLine, BareFilesOpenWhereTheyBelong) {
  auto options = parse({"plan.chipao", "tables/"});
  ASSERT_TRUE(options.has_value()) << options.error().message;
  EXPECT_EQ(options->files, (std::vector<std::string>{"plan.chipao", "tables/"}));
  EXPECT_FALSE(options->start_screen);
  EXPECT_FALSE(options->demo);
}

TEST(CommandLine, LayersScreenshotFramesAndSize) {
  auto options = parse({"--layer", "a.json", "--layer", "b.shp", "--screenshot", "out.png",
                        "--exit-after-frames", "5", "--size", "800x600", "--lang", "en"});
  ASSERT_TRUE(options.has_value()) << options.error().message;
  EXPECT_EQ(options->layers, (std::vector<std::string>{"a.json", "b.shp"}));
  EXPECT_FALSE(options->demo);
  EXPECT_EQ(options->screenshot_path, "out.png");
  EXPECT_EQ(options->exit_after_frames, 5);
  EXPECT_EQ(options->width, 800);
  EXPECT_EQ(options->height, 600);
  EXPECT_EQ(options->language, Language::english);
}

TEST(CommandLine, DemoWithLayers) {
  auto options = parse({"--demo", "--layer", "x.shp"});
  ASSERT_TRUE(options.has_value());
  EXPECT_TRUE(options->demo);
  EXPECT_EQ(options->layers.size(), 1u);
}

TEST(CommandLine, View) {
  auto options = parse({"--view", "103.25,16.5,4000"});
  ASSERT_TRUE(options.has_value()) << options.error().message;
  ASSERT_TRUE(options->view.has_value());
  EXPECT_DOUBLE_EQ(options->view->lon, 103.25);
  EXPECT_DOUBLE_EQ(options->view->lat, 16.5);
  EXPECT_DOUBLE_EQ(options->view->pixels_per_degree, 4000.0);
}

TEST(CommandLine, TablesAmphoeAndScript) {
  auto options =
      parse({"--table", "a.csv", "--table", "b.csv", "--amphoe", "9901", "--script", "tour.txt"});
  ASSERT_TRUE(options) << options.error().message;
  EXPECT_EQ(options->tables, (std::vector<std::string>{"a.csv", "b.csv"}));
  EXPECT_EQ(options->amphoe, "9901");
  EXPECT_EQ(options->script, "tour.txt");
  auto bad = parse({"--amphoe", "99"});
  ASSERT_FALSE(bad);
  EXPECT_NE(bad.error().message.find("4-digit"), std::string::npos);
}

TEST(CommandLine, ErrorsNameTheFlag) {
  for (const auto& [arguments, expected] :
       std::vector<std::pair<std::vector<std::string>, std::string>>{
           {{"--layer"}, "--layer needs a value"},
           {{"--size", "800"}, "--size wants WIDTHxHEIGHT"},
           {{"--size", "0x600"}, "--size wants WIDTHxHEIGHT"},
           {{"--exit-after-frames", "-1"}, "--exit-after-frames wants"},
           {{"--exit-after-frames", "3x"}, "--exit-after-frames wants"},
           {{"--lang", "fr"}, "--lang wants th or en"},
           {{"--bogus"}, "unknown argument '--bogus'"},
           {{"--view", "103,16"}, "--view wants LON,LAT,ZOOM"},
           {{"--view", "103,16,0"}, "--view wants LON,LAT,ZOOM"},
       }) {
    auto options = parse(arguments);
    ASSERT_FALSE(options.has_value()) << arguments.front();
    EXPECT_NE(options.error().message.find(expected), std::string::npos) << options.error().message;
  }
}

}  // namespace
}  // namespace chipao::app
