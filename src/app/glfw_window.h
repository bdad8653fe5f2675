// GLFW, owned: the library (init/terminate), one window with a GL 3.3 core context, and the
// input events the app reacts to.
//
// Callbacks are installed before ImGui's backend, which chains to them, so both the map and
// the panels see every event.
#pragma once

#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "core/util/result.h"
#include "render/gl_api.h"  // before GLFW, which must not pull in another GL header

#define GLFW_INCLUDE_NONE
#include <GLFW/glfw3.h>

namespace chipao::app {

class GlfwLibrary {
 public:
  static Result<std::unique_ptr<GlfwLibrary>> init();
  ~GlfwLibrary();
  GlfwLibrary(const GlfwLibrary&) = delete;
  GlfwLibrary& operator=(const GlfwLibrary&) = delete;

 private:
  GlfwLibrary() = default;
};

// What happened since the last take_events(): enough to decide whether to draw a frame.
struct InputEvents {
  bool any = false;                  // any input, resize or expose: draw a frame
  double scroll_y = 0;               // wheel notches, positive away from the user
  bool left_pressed = false;         // left button went down during this period
  std::vector<std::string> dropped;  // paths of files dropped on the window (UTF-8)
};

// The window size to open with: `wanted`, shrunk to fit within the primary monitor's work
// area (less the title bar and a margin), so that a 1024x768 office screen or projector shows
// the whole window. Needs GLFW initialised; `wanted` as it is when no monitor is known.
std::pair<int, int> fit_window_to_screen(int wanted_width, int wanted_height);
// The same rule, for given work-area dimensions (testable without a display).
std::pair<int, int> fit_window_to(int wanted_width, int wanted_height, int area_width,
                                  int area_height);

struct WindowSettings {
  int width = 1280;
  int height = 800;
  std::string title = "ChiPao";
  bool visible = true;
};

class Window {
 public:
  // Makes the context current and turns on vsync.
  static Result<std::unique_ptr<Window>> create(const WindowSettings& settings);
  ~Window();
  Window(const Window&) = delete;
  Window& operator=(const Window&) = delete;

  GLFWwindow* handle() const { return window_; }
  bool should_close() const { return glfwWindowShouldClose(window_) != 0; }
  void request_close() { glfwSetWindowShouldClose(window_, GLFW_TRUE); }
  void set_title(const std::string& title) { glfwSetWindowTitle(window_, title.c_str()); }
  void swap_buffers() { glfwSwapBuffers(window_); }

  InputEvents take_events();
  void framebuffer_size(int& width, int& height) const;
  // Framebuffer pixels per window (screen) coordinate; above 1 on HiDPI screens.
  double pixel_ratio() const;
  void cursor_position_px(double& x, double& y) const;  // in framebuffer pixels
  bool left_button_down() const;

 private:
  explicit Window(GLFWwindow* window) : window_(window) {}
  void install_callbacks();

  GLFWwindow* window_;
  InputEvents events_;
};

}  // namespace chipao::app
