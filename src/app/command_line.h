// The app's command line:
//   chipao [--layer DESCRIPTOR_OR_FILE ...] [--demo] [--screenshot OUT.png]
//          [--exit-after-frames N] [--size WxH] [--view LON,LAT,ZOOM] [--lang th|en]
//          [--table PATH ...] [--amphoe CODE] [--script FILE] [--help]
// With no --layer the demo province opens (as with --demo).
#pragma once

#include <optional>
#include <span>
#include <string>
#include <vector>

#include "app/ui_text.h"
#include "core/util/result.h"

namespace chipao::app {

struct AppOptions {
  std::vector<std::string> layers;  // descriptors (.json) or data files, drawn in level order
  bool demo = false;                // also load the demo descriptors
  std::optional<std::string> screenshot_path;
  // Exit after this many frames drawn once every load has finished (for scripted screenshots).
  std::optional<int> exit_after_frames;
  // A fixed view instead of fitting to the layers: centre (degrees) and zoom in pixels per degree
  // of latitude. For reproducible screenshots of one area.
  struct View {
    double lon = 0, lat = 0, pixels_per_degree = 0;
  };
  std::optional<View> view;
  int width = 1280;
  int height = 800;
  bool size_given = false;  // --size: exactly that; else the default, shrunk to fit the screen
  Language language = Language::thai;
  // Tables of figures joined to every layer they fit (besides the descriptors' own tables).
  std::vector<std::string> tables;
  std::optional<std::string> amphoe;   // 4-digit amphoe code to open on (drill-down)
  std::optional<std::string> script;   // a file of GUI commands (app_script.h), for tests
  std::optional<std::string> project;  // a project file (app/project_session.h)
  // Files named without a flag (a file manager's "open with", a drop on the program's icon):
  // each goes where it belongs, as if dropped on the window (core/io/dropped_file.h).
  std::vector<std::string> files;
  // Nothing asked for: the start screen (recent projects, open, the demo).
  bool start_screen = false;
  bool help = false;
};

// argv without the program name.
Result<AppOptions> parse_command_line(std::span<const std::string> arguments);
std::string usage_text();

}  // namespace chipao::app
