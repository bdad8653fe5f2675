// Draining glGetError() into a readable line, for tests and for checks after setup steps.
#pragma once

#include <string>

namespace chipao::render {

// Empty when no error was pending; otherwise e.g. "GL_INVALID_VALUE, GL_INVALID_OPERATION".
// Reading clears the pending flags, so call it right after the step under suspicion.
std::string take_gl_errors();

}  // namespace chipao::render
