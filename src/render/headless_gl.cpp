#include "render/headless_gl.h"

#include <EGL/egl.h>
#include <EGL/eglext.h>
#include <fmt/format.h>

#include <cstring>
#include <string_view>

#include "render/gl_api.h"

namespace chipao::render {

namespace {

// Whole-word search: "EGL_KHR_surfaceless_context" must not match a longer name.
bool has_extension(const char* list, std::string_view name) {
  if (list == nullptr) return false;
  std::string_view all(list);
  std::size_t pos = 0;
  while ((pos = all.find(name, pos)) != std::string_view::npos) {
    const bool starts = pos == 0 || all[pos - 1] == ' ';
    const std::size_t end = pos + name.size();
    const bool ends = end == all.size() || all[end] == ' ';
    if (starts && ends) return true;
    pos = end;
  }
  return false;
}

std::string egl_error_name(EGLint code) {
  switch (code) {
    case EGL_NOT_INITIALIZED:
      return "EGL_NOT_INITIALIZED";
    case EGL_BAD_ACCESS:
      return "EGL_BAD_ACCESS";
    case EGL_BAD_ALLOC:
      return "EGL_BAD_ALLOC";
    case EGL_BAD_ATTRIBUTE:
      return "EGL_BAD_ATTRIBUTE";
    case EGL_BAD_CONFIG:
      return "EGL_BAD_CONFIG";
    case EGL_BAD_CONTEXT:
      return "EGL_BAD_CONTEXT";
    case EGL_BAD_DISPLAY:
      return "EGL_BAD_DISPLAY";
    case EGL_BAD_MATCH:
      return "EGL_BAD_MATCH";
    case EGL_BAD_PARAMETER:
      return "EGL_BAD_PARAMETER";
    default:
      return fmt::format("EGL error 0x{:04x}", code);
  }
}

const char* gl_string(GLenum name) {
  const auto* s = reinterpret_cast<const char*>(glGetString(name));
  return s == nullptr ? "" : s;
}

constexpr const char* kInstallHint =
    "install Mesa's EGL (Debian package libegl-mesa0, with libgl1-mesa-dri for the software "
    "renderer)";

}  // namespace

Result<std::unique_ptr<HeadlessGl>> HeadlessGl::create() {
  // Client extensions (display-less query) tell whether the platform exists at all.
  const char* client_extensions = eglQueryString(EGL_NO_DISPLAY, EGL_EXTENSIONS);
  if (!has_extension(client_extensions, "EGL_MESA_platform_surfaceless")) {
    return fail(fmt::format(
        "headless OpenGL: EGL has no surfaceless platform (EGL_MESA_platform_surfaceless "
        "missing from the client extensions): {}",
        kInstallHint));
  }
  // EGL 1.5's eglGetPlatformDisplay where the library has it; the EXT entry point otherwise.
  EGLDisplay display = EGL_NO_DISPLAY;
  if (auto get_platform_display = reinterpret_cast<PFNEGLGETPLATFORMDISPLAYEXTPROC>(
          eglGetProcAddress("eglGetPlatformDisplayEXT"));
      get_platform_display != nullptr) {
    display = get_platform_display(EGL_PLATFORM_SURFACELESS_MESA, EGL_DEFAULT_DISPLAY, nullptr);
  } else {
    display = eglGetPlatformDisplay(EGL_PLATFORM_SURFACELESS_MESA, EGL_DEFAULT_DISPLAY, nullptr);
  }
  if (display == EGL_NO_DISPLAY) {
    return fail(fmt::format("headless OpenGL: no surfaceless EGL display ({}): {}",
                            egl_error_name(eglGetError()), kInstallHint));
  }
  std::unique_ptr<HeadlessGl> gl(new HeadlessGl());
  EGLint egl_major = 0, egl_minor = 0;
  if (eglInitialize(display, &egl_major, &egl_minor) != EGL_TRUE) {
    return fail(
        fmt::format("headless OpenGL: eglInitialize failed on the surfaceless display "
                    "({}): {}",
                    egl_error_name(eglGetError()), kInstallHint));
  }
  gl->display_ = display;  // from here on the destructor terminates it

  const char* display_extensions = eglQueryString(display, EGL_EXTENSIONS);
  if (!has_extension(display_extensions, "EGL_KHR_surfaceless_context")) {
    return fail(fmt::format(
        "headless OpenGL: the EGL driver lacks EGL_KHR_surfaceless_context, needed to draw "
        "without a window: {}",
        kInstallHint));
  }
  if (eglBindAPI(EGL_OPENGL_API) != EGL_TRUE) {
    return fail(fmt::format("headless OpenGL: EGL cannot bind desktop OpenGL ({}): {}",
                            egl_error_name(eglGetError()), kInstallHint));
  }

  // Colour and stencil live in the OffscreenTarget; the config only has to allow GL contexts.
  const EGLint config_attributes[] = {EGL_RENDERABLE_TYPE, EGL_OPENGL_BIT, EGL_NONE};
  EGLConfig config = nullptr;
  EGLint config_count = 0;
  const bool have_config =
      eglChooseConfig(display, config_attributes, &config, 1, &config_count) == EGL_TRUE &&
      config_count > 0;
  // Surfaceless contexts may be made without any config (EGL_KHR_no_config_context).
  if (!have_config && !has_extension(display_extensions, "EGL_KHR_no_config_context")) {
    return fail(
        fmt::format("headless OpenGL: no EGL config supports desktop OpenGL: {}", kInstallHint));
  }

  EGLContext context = EGL_NO_CONTEXT;
  for (const auto& [major, minor] : {std::pair{4, 5}, std::pair{3, 3}}) {
    const EGLint context_attributes[] = {EGL_CONTEXT_MAJOR_VERSION,
                                         major,
                                         EGL_CONTEXT_MINOR_VERSION,
                                         minor,
                                         EGL_CONTEXT_OPENGL_PROFILE_MASK,
                                         EGL_CONTEXT_OPENGL_CORE_PROFILE_BIT,
                                         EGL_NONE};
    context = eglCreateContext(display, have_config ? config : EGL_NO_CONFIG_KHR, EGL_NO_CONTEXT,
                               context_attributes);
    if (context != EGL_NO_CONTEXT) break;
  }
  if (context == EGL_NO_CONTEXT) {
    return fail(fmt::format("headless OpenGL: the driver gives no OpenGL 3.3 core context ({}): {}",
                            egl_error_name(eglGetError()), kInstallHint));
  }
  gl->context_ = context;
  if (eglMakeCurrent(display, EGL_NO_SURFACE, EGL_NO_SURFACE, context) != EGL_TRUE) {
    return fail(
        fmt::format("headless OpenGL: cannot make the context current without a "
                    "surface ({})",
                    egl_error_name(eglGetError())));
  }

  gl->info_.vendor = gl_string(GL_VENDOR);
  gl->info_.renderer = gl_string(GL_RENDERER);
  gl->info_.version = gl_string(GL_VERSION);
  glGetIntegerv(GL_MAJOR_VERSION, &gl->info_.major);
  glGetIntegerv(GL_MINOR_VERSION, &gl->info_.minor);
  if (gl->info_.major * 10 + gl->info_.minor < 33) {
    return fail(fmt::format("headless OpenGL: the context is OpenGL {}.{} ({}); ChiPao needs 3.3",
                            gl->info_.major, gl->info_.minor, gl->info_.renderer));
  }
  return gl;
}

HeadlessGl::~HeadlessGl() {
  auto display = static_cast<EGLDisplay>(display_);
  if (display == EGL_NO_DISPLAY) return;
  eglMakeCurrent(display, EGL_NO_SURFACE, EGL_NO_SURFACE, EGL_NO_CONTEXT);
  if (context_ != nullptr) eglDestroyContext(display, static_cast<EGLContext>(context_));
  eglTerminate(display);
}

}  // namespace chipao::render
