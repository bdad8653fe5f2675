// Dear ImGui (1.86) over the GLFW window and OpenGL 3: context, backends, the Thai-capable
// font, and shutdown in the right order.
#pragma once

#include <memory>
#include <string>

#include "app/ui_font.h"
#include "core/util/result.h"

struct GLFWwindow;
struct ImFont;

namespace chipao::app {

class ImGuiSession {
 public:
  // Precondition: the window's GL context is current, and the app's own GLFW callbacks are
  // already installed (ImGui's backend chains to them).
  static Result<std::unique_ptr<ImGuiSession>> create(GLFWwindow* window, float ui_scale);
  ~ImGuiSession();
  ImGuiSession(const ImGuiSession&) = delete;
  ImGuiSession& operator=(const ImGuiSession&) = delete;

  void begin_frame();
  void render();  // draws the frame's UI into the bound framebuffer

  bool wants_mouse() const;  // the cursor is over a panel: the map should ignore it
  // Set when the Thai font could not be loaded; the UI then shows Latin text only.
  const std::string& font_warning() const { return fonts_.warning; }

  // Text `scale` times the UI font's size (1 outside presentation mode) for the next frame:
  // the large presentation font scaled down where it exists, else the UI font scaled up.
  // Call before begin_frame.
  void set_text_scale(float scale);

 private:
  ImGuiSession() = default;
  UiFonts fonts_;
  ImFont* ui_font_ = nullptr;
};

}  // namespace chipao::app
