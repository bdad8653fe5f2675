// The desktop app: one window, the map and its side panel, layers loading in the background.
//
// Draws on demand: it sleeps in glfwWaitEvents() until input arrives or the loader reports,
// so an idle map costs no CPU.
#pragma once

#include <filesystem>

#include "app/command_line.h"

namespace chipao::app {

// Runs until the window closes (or --exit-after-frames); returns the process exit code.
int run_app(const AppOptions& options, const std::filesystem::path& executable);

}  // namespace chipao::app
