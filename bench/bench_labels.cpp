// Issue 4: map labels. Shaping 2,000 Thai/English labels with HarfBuzz, placing them without
// collisions, and drawing them with halos (cold: empty caches and atlas; warm: a redraw after
// a pan, which is what the map does every frame). Draws into a 1600 x 900 off-screen target
// through a hidden GLFW window, so it needs a display (xvfb-run works).
//
// Usage: bench_labels [--runs N]
#include <cstdio>
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

void print(const char* what, const chipao::bench::Timing& t) {
  std::printf("%-52s median %8.2f ms  p95 %8.2f ms  (%d runs)\n", what, t.median_ms, t.p95_ms,
              t.runs);
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

    std::vector<double> shape_ms, layout_ms, cold_ms, warm_ms, placed_ms;
    std::size_t placed_count = 0;
    for (int r = 0; r <= runs; ++r) {
      const double s = chipao::bench::time_once_ms([&] {
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
      const double l = chipao::bench::time_once_ms(
          [&] { placed = chipao::render::layout_labels(candidates, w, h); });
      std::vector<TextItem> visible;
      for (const auto& p : placed) visible.push_back(items[p.index]);
      placed_count = visible.size();

      target->bind();
      renderer->clear_caches();
      const double c = chipao::bench::time_once_ms([&] {
        renderer->draw(items, w, h);
        glFinish();
      });
      const double wm = chipao::bench::time_once_ms([&] {
        renderer->draw(items, w, h);
        glFinish();
      });
      const double pm = chipao::bench::time_once_ms([&] {
        renderer->draw(visible, w, h);
        glFinish();
      });
      if (r == 0) continue;  // warm-up
      shape_ms.push_back(s);
      layout_ms.push_back(l);
      cold_ms.push_back(c);
      warm_ms.push_back(wm);
      placed_ms.push_back(pm);
    }
    const auto ts = chipao::bench::summarise(shape_ms);
    const auto tc = chipao::bench::summarise(cold_ms);
    const auto tw = chipao::bench::summarise(warm_ms);
    print("shape 2,000 labels (HarfBuzz, 13 px)", ts);
    print("place 2,000 candidates (grid greedy)", chipao::bench::summarise(layout_ms));
    print("draw 2,000 labels, cold (shape + rasterise + draw)", tc);
    print("draw 2,000 labels, warm (cached shapes and glyphs)", tw);
    std::printf("  %zu of 2,000 placed without overlap;\n", placed_count);
    print("draw the placed labels, warm", chipao::bench::summarise(placed_ms));
    std::printf("ratio cold / warm draw: %.1f; atlas: %zu glyphs, %d px tall\n",
                tc.median_ms / tw.median_ms, renderer->atlas_glyph_count(),
                renderer->atlas_height());
    chipao::render::OffscreenTarget::bind_window();
  }
  glfwDestroyWindow(window);
  glfwTerminate();
  return 0;
}
