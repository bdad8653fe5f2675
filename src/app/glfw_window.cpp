#include "app/glfw_window.h"

#include <algorithm>

#include <cstdio>
#include <utility>

namespace chipao::app {

namespace {

void print_glfw_error(int code, const char* description) {
  std::fprintf(stderr, "chipao: GLFW error %d: %s\n", code, description);
}

InputEvents& events_of(GLFWwindow* window) {
  return *static_cast<InputEvents*>(glfwGetWindowUserPointer(window));
}

void mark_event(GLFWwindow* window) {
  events_of(window).any = true;
}

}  // namespace

Result<std::unique_ptr<GlfwLibrary>> GlfwLibrary::init() {
  glfwSetErrorCallback(print_glfw_error);
  if (glfwInit() != GLFW_TRUE) {
    return fail("cannot start GLFW: no display? (set DISPLAY, or run under xvfb-run)");
  }
  return std::unique_ptr<GlfwLibrary>(new GlfwLibrary());
}

GlfwLibrary::~GlfwLibrary() {
  glfwTerminate();
}

Result<std::unique_ptr<Window>> Window::create(const WindowSettings& settings) {
  glfwDefaultWindowHints();
  glfwWindowHint(GLFW_CONTEXT_VERSION_MAJOR, 3);
  glfwWindowHint(GLFW_CONTEXT_VERSION_MINOR, 3);
  glfwWindowHint(GLFW_OPENGL_PROFILE, GLFW_OPENGL_CORE_PROFILE);
  glfwWindowHint(GLFW_OPENGL_FORWARD_COMPAT, GLFW_TRUE);
  glfwWindowHint(GLFW_STENCIL_BITS, 8);  // the polygon fill needs one stencil bit
  glfwWindowHint(GLFW_DEPTH_BITS, 0);    // a 2D map needs no depth
  glfwWindowHint(GLFW_VISIBLE, settings.visible ? GLFW_TRUE : GLFW_FALSE);
  GLFWwindow* window =
      glfwCreateWindow(settings.width, settings.height, settings.title.c_str(), nullptr, nullptr);
  if (window == nullptr) {
    return fail(
        "cannot open a window with OpenGL 3.3 core: the GL driver or display does not "
        "offer it (try LIBGL_ALWAYS_SOFTWARE=1)");
  }
  glfwMakeContextCurrent(window);
  glfwSwapInterval(0);
  std::unique_ptr<Window> owned(new Window(window));
  owned->install_callbacks();
  return owned;
}

std::pair<int, int> fit_window_to(int wanted_width, int wanted_height, int area_width,
                                  int area_height) {
  if (area_width <= 0 || area_height <= 0) return {wanted_width, wanted_height};
  // Room for the window manager's title bar and borders.
  const int max_width = area_width - 16;
  const int max_height = area_height - 48;
  return {std::max(640, std::min(wanted_width, max_width)),
          std::max(480, std::min(wanted_height, max_height))};
}

std::pair<int, int> fit_window_to_screen(int wanted_width, int wanted_height) {
  GLFWmonitor* monitor = glfwGetPrimaryMonitor();
  if (!monitor) return {wanted_width, wanted_height};
  int x = 0, y = 0, width = 0, height = 0;
  glfwGetMonitorWorkarea(monitor, &x, &y, &width, &height);
  return fit_window_to(wanted_width, wanted_height, width, height);
}

Window::~Window() {
  glfwDestroyWindow(window_);
}

void Window::install_callbacks() {
  glfwSetWindowUserPointer(window_, &events_);
  glfwSetCursorPosCallback(window_, [](GLFWwindow* w, double, double) { mark_event(w); });
  glfwSetMouseButtonCallback(window_, [](GLFWwindow* w, int button, int action, int) {
    InputEvents& events = events_of(w);
    events.any = true;
    if (button == GLFW_MOUSE_BUTTON_LEFT && action == GLFW_PRESS) events.left_pressed = true;
  });
  glfwSetScrollCallback(window_, [](GLFWwindow* w, double, double y) {
    InputEvents& events = events_of(w);
    events.any = true;
    events.scroll_y += y;
  });
  glfwSetKeyCallback(window_, [](GLFWwindow* w, int, int, int, int) { mark_event(w); });
  glfwSetCharCallback(window_, [](GLFWwindow* w, unsigned int) { mark_event(w); });
  glfwSetFramebufferSizeCallback(window_, [](GLFWwindow* w, int, int) { mark_event(w); });
  glfwSetWindowRefreshCallback(window_, [](GLFWwindow* w) { mark_event(w); });
  glfwSetWindowFocusCallback(window_, [](GLFWwindow* w, int) { mark_event(w); });
  glfwSetCursorEnterCallback(window_, [](GLFWwindow* w, int) { mark_event(w); });
  // Files dropped from a file manager: the app routes each by what it is.
  glfwSetDropCallback(window_, [](GLFWwindow* w, int count, const char** paths) {
    InputEvents& events = events_of(w);
    events.any = true;
    for (int i = 0; i < count; ++i) events.dropped.emplace_back(paths[i]);
  });
}

InputEvents Window::take_events() {
  return std::exchange(events_, {});
}

void Window::framebuffer_size(int& width, int& height) const {
  glfwGetFramebufferSize(window_, &width, &height);
}

double Window::pixel_ratio() const {
  int window_width = 0, window_height = 0, fb_width = 0, fb_height = 0;
  glfwGetWindowSize(window_, &window_width, &window_height);
  glfwGetFramebufferSize(window_, &fb_width, &fb_height);
  return window_width > 0 ? static_cast<double>(fb_width) / window_width : 1.0;
}

void Window::cursor_position_px(double& x, double& y) const {
  glfwGetCursorPos(window_, &x, &y);
  const double ratio = pixel_ratio();
  x *= ratio;
  y *= ratio;
}

bool Window::left_button_down() const {
  return glfwGetMouseButton(window_, GLFW_MOUSE_BUTTON_LEFT) == GLFW_PRESS;
}

}  // namespace chipao::app
