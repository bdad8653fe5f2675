// Issue 4: map labels. Shaping 2,000 Thai/English labels with HarfBuzz, placing them without
// collisions, and drawing them with halos. Draws into a 1600 x 900 off-screen target through
// a hidden GLFW window, so it needs a display (xvfb-run works).
//
// Draws, for all 2,000 labels and for the ~300 that placement keeps:
//   cold     empty caches and atlas: shape, rasterise, build the quads, draw
//   same     draw(items) again with unchanged labels (nothing rebuilt or uploaded)
//   moved    draw(items) with every label one pixel further (quads rebuilt from the caches)
//   batch    build() once, then draw(batch, offset) with a new pan offset each time
// Each line gives the wall-clock median and the median CPU time of the whole process (Mesa's
// llvmpipe threads included): on a shared machine the CPU time is the steadier figure.
//
// Usage: bench_labels [--runs N]
#include <cstdio>
#include <ctime>
#include <functional>
#include <random>
#include <string>
#include <vector>

#define GLFW_INCLUDE_NONE
#include <GLFW/glfw3.h>

#include "bench_stats.h"
#include "render/label_layout.h"
#include "render/offscreen_target.h"
#include "render/text/text_renderer.h"

namespace {

using chipao::render::TextItem;

// 2,000 distinct village-like names: three in four Thai, one in four romanised.
std::vector<std::string> label_texts() {
  const char* thai[] = {"หนองบัว", "โนนสูง",  "ป่าไม้", "น้ำใส", "ดอนแก้ว", "ห้วยทราย",
                        "ท่าช้าง",  "สร้างคำ", "ศรีสุข", "ปู่ตา",  "ที่นี่",     "ญี่ปุ่น"};
  const char* latin[] = {"Nong Bua", "Non Sung", "Pa Mai", "Nam Sai", "Don Kaeo", "Huai Sai"};
  std::vector<std::string> texts;
  for (int i = 0; i < 2000; ++i) {
    if (i % 4 == 3)
      texts.push_back("Ban " + std::string(latin[i % 6]) + " " + std::to_string(i));
    else
      texts.push_back("บ้าน" + std::string(thai[i % 12]) + " " + std::to_string(i));
  }
  return texts;
}

double process_cpu_ms() {
  timespec t{};
  clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t);
  return static_cast<double>(t.tv_sec) * 1e3 + static_cast<double>(t.tv_nsec) / 1e6;
}

// Wall and CPU samples of one measured step.
struct Samples {
  std::vector<double> wall_ms, cpu_ms;
  void time(const std::function<void()>& body) {
    const double cpu0 = process_cpu_ms();
    wall_ms.push_back(chipao::bench::time_once_ms(body));
    cpu_ms.push_back(process_cpu_ms() - cpu0);
  }
};

void print(const char* what, const Samples& s) {
  const auto wall = chipao::bench::summarise(s.wall_ms);
  const auto cpu = chipao::bench::summarise(s.cpu_ms);
  std::printf("%-44s wall median %7.2f ms  p95 %7.2f  cpu median %7.2f ms  (%d runs)\n", what,
              wall.median_ms, wall.p95_ms, cpu.median_ms, wall.runs);
}

}  // namespace

int main(int argc, char** argv) {
  const int runs = chipao::bench::parse_bench_args(argc, argv).runs;
  if (glfwInit() != GLFW_TRUE) {
    std::printf("skipped: no display (run under xvfb-run)\n");
    return 0;
  }
  glfwWindowHint(GLFW_VISIBLE, GLFW_FALSE);
  glfwWindowHint(GLFW_CONTEXT_VERSION_MAJOR, 3);
  glfwWindowHint(GLFW_CONTEXT_VERSION_MINOR, 3);
  glfwWindowHint(GLFW_OPENGL_PROFILE, GLFW_OPENGL_CORE_PROFILE);
  glfwWindowHint(GLFW_OPENGL_FORWARD_COMPAT, GLFW_TRUE);
  GLFWwindow* window = glfwCreateWindow(64, 64, "bench_labels", nullptr, nullptr);
  if (window == nullptr) {
    std::printf("skipped: no OpenGL 3.3 core context\n");
    glfwTerminate();
    return 0;
  }
  glfwMakeContextCurrent(window);
  std::printf("machine: %s\nrenderer: %s\n", chipao::bench::machine_description().c_str(),
              reinterpret_cast<const char*>(glGetString(GL_RENDERER)));
  {
    auto fonts = chipao::render::FontSet::load_default();
    if (!fonts) {
      std::fprintf(stderr, "%s\n", fonts.error().message.c_str());
      return 1;
    }
    auto renderer = chipao::render::TextRenderer::create(*fonts);
    auto target = chipao::render::OffscreenTarget::create(1600, 900);
    if (!renderer || !target) return 1;
    const int w = 1600, h = 900;

    const std::vector<std::string> texts = label_texts();
    std::mt19937 random(7);
    std::uniform_real_distribution<float> x(0, w), y(0, h);
    std::vector<TextItem> items;
    for (const std::string& t : texts) {
      TextItem item;
      item.text = t;
      item.x_px = x(random);
      item.y_px = y(random);
      item.size_px = 13;
      items.push_back(item);
    }

    Samples shape, layout, cold, same, moved, batch, placed_same, placed_moved, placed_batch;
    std::size_t placed_count = 0, quads_all = 0, quads_placed = 0;
    auto draw_and_finish = [&](const std::vector<TextItem>& labels) {
      renderer->draw(labels, w, h);
      glFinish();
    };
    auto shifted = [](std::vector<TextItem> labels, float by) {
      for (TextItem& item : labels) item.x_px += by;
      return labels;
    };
    for (int r = 0; r <= runs; ++r) {
      // Run 0 is a warm-up; its samples are dropped below.
      shape.time([&] {
        for (const std::string& t : texts) (void)chipao::render::shape_text(*fonts, t, 13);
      });
      // Candidates measured through the renderer's cache, as the map would.
      std::vector<chipao::render::LabelCandidate> candidates;
      for (std::size_t i = 0; i < items.size(); ++i) {
        const auto& shaped = renderer->shape(items[i].text, items[i].size_px);
        candidates.push_back({items[i].x_px, items[i].y_px, shaped.width_px + 4,
                              shaped.ascent_px + shaped.descent_px + 4,
                              static_cast<double>(i % 97)});
      }
      std::vector<chipao::render::PlacedLabel> placed;
      layout.time([&] { placed = chipao::render::layout_labels(candidates, w, h); });
      std::vector<TextItem> visible;
      for (const auto& p : placed) visible.push_back(items[p.index]);
      placed_count = visible.size();

      target->bind();
      renderer->clear_caches();
      cold.time([&] { draw_and_finish(items); });
      same.time([&] { draw_and_finish(items); });
      const auto items_moved = shifted(items, 1.0f + static_cast<float>(r % 2));
      moved.time([&] { draw_and_finish(items_moved); });
      auto all_batch = renderer->build(items);
      quads_all = all_batch.quad_count();
      batch.time([&] {
        renderer->draw(all_batch, w, h, static_cast<float>(r), -static_cast<float>(r));
        glFinish();
      });

      draw_and_finish(visible);
      placed_same.time([&] { draw_and_finish(visible); });
      const auto visible_moved = shifted(visible, 1.0f + static_cast<float>(r % 2));
      placed_moved.time([&] { draw_and_finish(visible_moved); });
      auto placed_batch_gpu = renderer->build(visible);
      quads_placed = placed_batch_gpu.quad_count();
      placed_batch.time([&] {
        renderer->draw(placed_batch_gpu, w, h, static_cast<float>(r), -static_cast<float>(r));
        glFinish();
      });
      if (r == 0) {
        for (Samples* s : {&shape, &layout, &cold, &same, &moved, &batch, &placed_same,
                           &placed_moved, &placed_batch})
          *s = Samples{};
      }
    }
    print("shape 2,000 labels (HarfBuzz, 13 px)", shape);
    print("place 2,000 candidates (grid greedy)", layout);
    print("draw 2,000 labels, cold", cold);
    print("draw 2,000 labels, same", same);
    print("draw 2,000 labels, moved (rebuilt)", moved);
    print("draw 2,000 labels, batch + pan offset", batch);
    std::printf("  %zu of 2,000 placed without overlap; quads (halo + ink): %zu all, %zu placed\n",
                placed_count, quads_all, quads_placed);
    print("draw the placed labels, same", placed_same);
    print("draw the placed labels, moved (rebuilt)", placed_moved);
    print("draw the placed labels, batch + pan offset", placed_batch);
    std::printf("ratio cold / batch draw (2,000): %.1f; atlas: %zu glyphs, %d px tall\n",
                chipao::bench::summarise(cold.wall_ms).median_ms /
                    chipao::bench::summarise(batch.wall_ms).median_ms,
                renderer->atlas_glyph_count(), renderer->atlas_height());
    chipao::render::OffscreenTarget::bind_window();
  }
  glfwDestroyWindow(window);
  glfwTerminate();
  return 0;
}
