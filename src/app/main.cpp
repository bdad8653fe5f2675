// chipao: the desktop map app. See app/command_line.h for the arguments.
#include <cstdio>
#include <exception>
#include <string>
#include <vector>

#include "app/app.h"
#include "app/command_line.h"
#include "app/demo_layers.h"

int main(int argc, char** argv) {
  const std::vector<std::string> arguments(argv + 1, argv + argc);
  auto options = chipao::app::parse_command_line(arguments);
  if (!options) {
    std::fprintf(stderr, "chipao: %s\n%s", options.error().message.c_str(),
                 chipao::app::usage_text().c_str());
    return 2;
  }
  if (options->help) {
    std::printf("%s", chipao::app::usage_text().c_str());
    return 0;
  }
  try {
    return chipao::app::run_app(*options, chipao::app::current_executable(argv[0]));
  } catch (const std::exception& error) {
    // Exceptions mean a bug; report it plainly instead of an abort with no message.
    std::fprintf(stderr, "chipao: internal error: %s (please report this)\n", error.what());
    return 3;
  }
}
