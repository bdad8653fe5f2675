#include "gl_test_context.h"

#include "render/gl_api.h"

#define GLFW_INCLUDE_NONE
#include <GLFW/glfw3.h>

namespace chipao::test {

std::unique_ptr<GlTestContext> GlTestContext::create(std::string& error) {
  if (glfwInit() != GLFW_TRUE) {
    error = "glfwInit failed: no X display (run the test through CTest, which uses xvfb-run)";
    return nullptr;
  }
  glfwDefaultWindowHints();
  glfwWindowHint(GLFW_VISIBLE, GLFW_FALSE);
  glfwWindowHint(GLFW_CONTEXT_VERSION_MAJOR, 3);
  glfwWindowHint(GLFW_CONTEXT_VERSION_MINOR, 3);
  glfwWindowHint(GLFW_OPENGL_PROFILE, GLFW_OPENGL_CORE_PROFILE);
  glfwWindowHint(GLFW_OPENGL_FORWARD_COMPAT, GLFW_TRUE);
  GLFWwindow* window = glfwCreateWindow(64, 64, "chipao test", nullptr, nullptr);
  if (window == nullptr) {
    glfwTerminate();
    error = "cannot create an OpenGL 3.3 core context";
    return nullptr;
  }
  glfwMakeContextCurrent(window);
  return std::unique_ptr<GlTestContext>(new GlTestContext(window));
}

GlTestContext::~GlTestContext() {
  glfwDestroyWindow(window_);
  glfwTerminate();
}

}  // namespace chipao::test
