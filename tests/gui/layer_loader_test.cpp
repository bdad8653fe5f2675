// LayerLoader: outcomes come back through its queue (failures as the core's message), the UI
// is woken, and destroying it mid-load neither hangs nor crashes. No GL needed.
#include "app/layer_loader.h"

#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <filesystem>
#include <thread>

#include "support/test_paths.h"

namespace chipao::app {
namespace {

std::vector<LoadOutcome> wait_for_outcomes(LayerLoader& loader, std::size_t count) {
  std::vector<LoadOutcome> outcomes;
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(120);
  while (outcomes.size() < count && std::chrono::steady_clock::now() < deadline) {
    for (LoadOutcome& outcome : loader.take_outcomes()) outcomes.push_back(std::move(outcome));
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }
  return outcomes;
}

// A small real layer: the demo tambon descriptor, else the national amphoe file.
std::string small_layer() {
  const std::filesystem::path demo =
      std::filesystem::path(chipao::test::source_dir()) / "layers" / "demo_tambon.json";
  if (std::filesystem::exists(std::filesystem::path(chipao::test::source_dir()) / "data" / "demo" /
                              "tambon.shp")) {
    return demo.string();
  }
  return chipao::test::shared_data(
      "hdx_codab_tha_via_prasertcbs/adm2_amphoe_simplified_country/"
      "thailand_province_amphoe_simplify.shp");
}

TEST(LayerLoader, MissingFileComesBackAsTheCoresMessage) {
  std::atomic<int> wakes{0};
  LayerLoader loader([&] { ++wakes; });
  loader.enqueue("/nonexistent/missing_layer.shp");
  const auto outcomes = wait_for_outcomes(loader, 1);
  ASSERT_EQ(outcomes.size(), 1u);
  const auto* failure = std::get_if<LoadFailure>(&outcomes[0]);
  ASSERT_NE(failure, nullptr);
  EXPECT_EQ(failure->request, "/nonexistent/missing_layer.shp");
  EXPECT_NE(failure->message.find("missing_layer.shp"), std::string::npos) << failure->message;
  EXPECT_GE(wakes.load(), 1);
  EXPECT_FALSE(loader.status().busy);
}

TEST(LayerLoader, LoadsInOrderAndBuildsTheMesh) {
  const std::string layer = small_layer();
  if (layer.empty()) GTEST_SKIP() << "neither data/demo nor ../shared/data is present";
  LayerLoader loader([] {});
  loader.enqueue(layer);
  loader.enqueue("/nonexistent/second.shp");
  EXPECT_TRUE(loader.status().busy);
  const auto outcomes = wait_for_outcomes(loader, 2);
  ASSERT_EQ(outcomes.size(), 2u);
  const auto* loaded = std::get_if<LoadedLayer>(&outcomes[0]);
  ASSERT_NE(loaded, nullptr) << std::get<LoadFailure>(outcomes[0]).message;
  EXPECT_FALSE(loaded->data.features.empty());
  EXPECT_EQ(loaded->mesh.features.size(), loaded->data.features.size());
  EXPECT_GT(loaded->mesh.fan_triangle_count(), 0u);
  EXPECT_TRUE(std::holds_alternative<LoadFailure>(outcomes[1]));
}

TEST(LayerLoader, DestroyingWhileLoadingDropsTheQueue) {
  const std::string layer = small_layer();
  if (layer.empty()) GTEST_SKIP() << "neither data/demo nor ../shared/data is present";
  std::atomic<int> wakes{0};
  {
    LayerLoader loader([&wakes] { ++wakes; });
    for (int i = 0; i < 20; ++i) loader.enqueue(layer);
  }
  // Every load the worker runs wakes the UI when it starts and when it ends, so working
  // through the queue would wake it at least 40 times. Destroying the loader drops the queue:
  // at most the one running load finishes (or is cancelled), with its throttled progress wakes.
  EXPECT_LT(wakes.load(), 40);
}

}  // namespace
}  // namespace chipao::app
