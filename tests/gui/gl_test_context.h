// A hidden GLFW window whose OpenGL 3.3 core context GL tests render with (into off-screen
// targets). Needs an X display: CTest runs these tests under xvfb-run.
#pragma once

#include <memory>
#include <string>

struct GLFWwindow;

namespace chipao::test {

class GlTestContext {
 public:
  // nullptr and `error` set when no context can be made.
  static std::unique_ptr<GlTestContext> create(std::string& error);
  ~GlTestContext();
  GlTestContext(const GlTestContext&) = delete;
  GlTestContext& operator=(const GlTestContext&) = delete;

 private:
  explicit GlTestContext(GLFWwindow* window) : window_(window) {}
  GLFWwindow* window_;
};

}  // namespace chipao::test
