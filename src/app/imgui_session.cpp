#include "app/imgui_session.h"

#include <imgui.h>
#include <imgui_impl_glfw.h>
#include <imgui_impl_opengl3.h>

#include "app/ui_font.h"

namespace chipao::app {

Result<std::unique_ptr<ImGuiSession>> ImGuiSession::create(GLFWwindow* window, float ui_scale) {
  IMGUI_CHECKVERSION();
  ImGui::CreateContext();
  ImGuiIO& io = ImGui::GetIO();
  // No imgui.ini beside wherever the app was started: layout is the app's decision, and
  // scripted runs (screenshots, tests) must not depend on a previous session.
  io.IniFilename = nullptr;
  io.ConfigFlags |= ImGuiConfigFlags_NavEnableKeyboard;

  ImGui::StyleColorsLight();
  ImGuiStyle& style = ImGui::GetStyle();
  style.WindowRounding = 4.0f;
  style.FrameRounding = 3.0f;
  style.ScaleAllSizes(ui_scale);

  std::unique_ptr<ImGuiSession> session(new ImGuiSession());
  session->fonts_ = load_ui_fonts(io, ui_scale);
  session->ui_font_ = io.FontDefault;

  if (!ImGui_ImplGlfw_InitForOpenGL(window, true)) {
    ImGui::DestroyContext();
    return fail("cannot start the ImGui GLFW backend");
  }
  if (!ImGui_ImplOpenGL3_Init("#version 330 core")) {
    ImGui_ImplGlfw_Shutdown();
    ImGui::DestroyContext();
    return fail("cannot start the ImGui OpenGL 3 backend");
  }
  return session;
}

void ImGuiSession::set_text_scale(float scale) {
  ImGuiIO& io = ImGui::GetIO();
  if (scale > 1.0f && fonts_.presentation != nullptr) {
    io.FontDefault = fonts_.presentation;
    io.FontGlobalScale = scale / kPresentationFontFactor;
  } else {
    io.FontDefault = ui_font_;
    io.FontGlobalScale = scale;
  }
}

ImGuiSession::~ImGuiSession() {
  ImGui_ImplOpenGL3_Shutdown();
  ImGui_ImplGlfw_Shutdown();
  ImGui::DestroyContext();
}

void ImGuiSession::begin_frame() {
  ImGui_ImplOpenGL3_NewFrame();
  ImGui_ImplGlfw_NewFrame();
  ImGui::NewFrame();
}

void ImGuiSession::render() {
  ImGui::Render();
  ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());
}

bool ImGuiSession::wants_mouse() const {
  return ImGui::GetIO().WantCaptureMouse;
}

}  // namespace chipao::app
