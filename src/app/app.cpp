#include "app/app.h"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "app/demo_layers.h"
#include "app/frame_stats.h"
#include "app/glfw_window.h"
#include "app/imgui_session.h"
#include "app/layer_loader.h"
#include "app/layer_panel.h"
#include "app/map_view.h"
#include "render/gl_errors.h"
#include "render/image.h"
#include "render/offscreen_target.h"

namespace chipao::app {

namespace {

// After input, ImGui needs a couple more frames to settle hover highlights and layout.
constexpr int kFramesAfterInput = 3;
const render::Rgba kBackground = render::rgb8(0xdde5ea);  // pale blue-grey, "outside the area"

class App {
 public:
  App(const AppOptions& options, std::unique_ptr<GlfwLibrary> glfw, std::unique_ptr<Window> window,
      std::unique_ptr<ImGuiSession> imgui, std::unique_ptr<MapView> map, float ui_scale)
      : options_(options),
        language_(options.language),
        ui_scale_(ui_scale),
        glfw_(std::move(glfw)),
        window_(std::move(window)),
        imgui_(std::move(imgui)),
        map_(std::move(map)),
        loader_(std::make_unique<LayerLoader>([] { glfwPostEmptyEvent(); })) {
    if (options.view) {
      map_->set_view({options.view->lon, options.view->lat}, options.view->pixels_per_degree);
    }
  }

  void request_layers(const std::vector<std::string>& paths) {
    for (const std::string& path : paths) loader_->enqueue(path);
  }
  void add_error(std::string message) {
    std::fprintf(stderr, "chipao: %s\n", message.c_str());
    errors_.push_back(std::move(message));
  }

  int run();

 private:
  bool take_load_outcomes();
  bool draw_frame(const InputEvents& events, bool capture);
  bool save_screenshot(int width, int height);
  void apply(const PanelActions& actions);
  render::FitPadding fit_padding() const;
  void update_title() { window_->set_title(text(TextId::window_title, language_)); }

  AppOptions options_;
  Language language_;
  float ui_scale_;
  std::vector<std::string> errors_;
  FrameStats frame_stats_;
  std::size_t last_triangles_ = 0;
  bool fit_pending_ = false;

  // Destruction runs bottom to top: the loader stops first (it may still wake GLFW), then GL
  // objects go while the context exists, then ImGui, the window, and GLFW itself.
  std::unique_ptr<GlfwLibrary> glfw_;
  std::unique_ptr<Window> window_;
  std::unique_ptr<ImGuiSession> imgui_;
  std::unique_ptr<MapView> map_;
  std::unique_ptr<LayerLoader> loader_;
};

int App::run() {
  update_title();
  const bool scripted = options_.exit_after_frames.has_value();
  int frames_wanted = 2;  // the first frames, before any event
  int frames_after_loading = 0;
  bool screenshot_failed = false;

  for (;;) {
    // Sleep until something happens, unless frames are owed. Scripted runs never sleep, so
    // they end even where no events arrive (Xvfb without a window manager).
    if (frames_wanted > 0 || scripted) {
      glfwPollEvents();
    } else if (loader_->status().busy) {
      glfwWaitEventsTimeout(0.25);  // the loader wakes us sooner on progress
    } else {
      glfwWaitEvents();
    }
    const InputEvents events = window_->take_events();
    if (events.any) frames_wanted = std::max(frames_wanted, kFramesAfterInput);
    if (take_load_outcomes()) frames_wanted = std::max(frames_wanted, 1);
    const bool loading = loader_->status().busy;
    if (loading) frames_wanted = std::max(frames_wanted, 1);

    if (window_->should_close()) {
      // A user closing the window still gets the screenshot they asked for.
      if (options_.screenshot_path && !draw_frame(events, true)) screenshot_failed = true;
      break;
    }
    if (frames_wanted == 0 && !scripted) continue;

    const bool last_frame =
        scripted && !loading && frames_after_loading + 1 >= *options_.exit_after_frames;
    const bool capture = last_frame && options_.screenshot_path.has_value();
    if (!draw_frame(events, capture)) screenshot_failed = true;
    frames_wanted = std::max(0, frames_wanted - 1);
    if (scripted && !loading) ++frames_after_loading;
    if (last_frame) break;
  }

  std::printf(
      "chipao: drew %zu frames; frame time mean %.1f ms, max %.1f ms, last %.1f ms; "
      "%zu fill triangles\n",
      frame_stats_.frames(), frame_stats_.mean_ms(), frame_stats_.max_ms(), frame_stats_.last_ms(),
      last_triangles_);
  return screenshot_failed ? 1 : 0;
}

bool App::take_load_outcomes() {
  std::vector<LoadOutcome> outcomes = loader_->take_outcomes();
  for (LoadOutcome& outcome : outcomes) {
    if (auto* failure = std::get_if<LoadFailure>(&outcome)) {
      add_error(failure->message);
      continue;
    }
    auto& loaded = std::get<LoadedLayer>(outcome);
    std::printf(
        "chipao: loaded %s: %zu features, %zu fill triangles, %zu outline segments in %.2f s\n",
        loaded.request.c_str(), loaded.data.features.size(), loaded.mesh.fan_triangle_count(),
        loaded.mesh.outline_segment_count(), loaded.seconds);
    for (const std::string& warning : loaded.data.report.warnings) {
      std::fprintf(stderr, "chipao: warning: %s\n", warning.c_str());
    }
    map_->add_layer(std::move(loaded));
    if (!map_->user_moved_view()) fit_pending_ = true;
  }
  return !outcomes.empty();
}

render::FitPadding App::fit_padding() const {
  const double margin = 24.0 * ui_scale_;
  return {layer_panel_width(ui_scale_) + margin, margin, margin, margin};
}

void App::apply(const PanelActions& actions) {
  if (actions.switch_language) {
    language_ = language_ == Language::thai ? Language::english : Language::thai;
    update_title();
  }
  if (actions.fit_view) fit_pending_ = true;
  if (actions.toggle_visibility && *actions.toggle_visibility < map_->layers().size()) {
    const std::size_t index = *actions.toggle_visibility;
    map_->set_layer_visible(index, !map_->layers()[index].style.visible);
  }
}

bool App::draw_frame(const InputEvents& events, bool capture) {
  const auto started = std::chrono::steady_clock::now();
  int width = 0, height = 0;
  window_->framebuffer_size(width, height);
  map_->set_viewport(width, height);

  imgui_->begin_frame();
  const PanelState panel{map_->layers(), loader_->status(), errors_,  imgui_->font_warning(),
                         &frame_stats_,  last_triangles_,   language_};
  apply(draw_layer_panel(panel, ui_scale_));

  MouseInput mouse;
  window_->cursor_position_px(mouse.x_px, mouse.y_px);
  mouse.left_down = window_->left_button_down();
  mouse.left_pressed = events.left_pressed;
  mouse.scroll_y = events.scroll_y;
  mouse.over_panel = imgui_->wants_mouse();
  map_->handle_mouse(mouse);
  if (fit_pending_) {
    map_->fit_to_layers(fit_padding());
    fit_pending_ = false;
  }

  render::OffscreenTarget::bind_window();
  last_triangles_ = map_->draw(kBackground).fan_triangles;
  imgui_->render();

  // One check after the first frame catches a driver that rejects our GL state, without
  // paying for glGetError on every frame.
  if (frame_stats_.frames() == 0) {
    if (const std::string errors = render::take_gl_errors(); !errors.empty()) {
      std::fprintf(stderr, "chipao: OpenGL reported %s while drawing the first frame\n",
                   errors.c_str());
    }
  }
  bool ok = true;
  if (capture) ok = save_screenshot(width, height);
  window_->swap_buffers();
  frame_stats_.record(
      std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - started)
          .count());
  return ok;
}

bool App::save_screenshot(int width, int height) {
  // Read the back buffer before the swap: after it, its content is undefined.
  glReadBuffer(GL_BACK);
  render::RgbaImage image = render::read_framebuffer(0, 0, width, height);
  render::make_opaque(image);
  auto written = render::write_png(*options_.screenshot_path, image);
  if (!written) {
    add_error(written.error().message);
    return false;
  }
  std::printf("chipao: saved screenshot %s (%dx%d)\n", options_.screenshot_path->c_str(), width,
              height);
  return true;
}

// Where the layers come from: --layer arguments, then the demo descriptors when asked for.
std::vector<std::string> initial_layers(const AppOptions& options,
                                        const std::filesystem::path& executable,
                                        std::vector<std::string>& errors) {
  std::vector<std::string> paths = options.layers;
  if (!options.demo) return paths;
  auto folder = find_demo_layer_folder(executable);
  if (!folder) {
    errors.push_back(folder.error().message);
    return paths;
  }
  std::vector<std::string> missing;
  for (std::string& path : demo_descriptor_paths(*folder, missing))
    paths.push_back(std::move(path));
  for (const std::string& path : missing) {
    errors.push_back("demo layer descriptor missing: " + path);
  }
  return paths;
}

}  // namespace

int run_app(const AppOptions& options, const std::filesystem::path& executable) {
  auto glfw = GlfwLibrary::init();
  if (!glfw) {
    std::fprintf(stderr, "chipao: %s\n", glfw.error().message.c_str());
    return 1;
  }
  auto window = Window::create({options.width, options.height, "ChiPao", true});
  if (!window) {
    std::fprintf(stderr, "chipao: %s\n", window.error().message.c_str());
    return 1;
  }
  float scale_x = 1.0f, scale_y = 1.0f;
  glfwGetWindowContentScale((*window)->handle(), &scale_x, &scale_y);
  const float ui_scale = std::clamp(scale_y, 1.0f, 4.0f);

  auto imgui = ImGuiSession::create((*window)->handle(), ui_scale);
  if (!imgui) {
    std::fprintf(stderr, "chipao: %s\n", imgui.error().message.c_str());
    return 1;
  }
  auto renderer = render::MapRenderer::create();
  if (!renderer) {
    std::fprintf(stderr, "chipao: %s\n", renderer.error().message.c_str());
    return 1;
  }
  App app(options, std::move(*glfw), std::move(*window), std::move(*imgui),
          std::make_unique<MapView>(std::move(*renderer)), ui_scale);

  std::vector<std::string> errors;
  app.request_layers(initial_layers(options, executable, errors));
  for (std::string& error : errors) app.add_error(std::move(error));
  return app.run();
}

}  // namespace chipao::app
