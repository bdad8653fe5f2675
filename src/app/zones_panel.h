// The zones panel: the tool (pan, draw, paint), the list of zones (name, colour, lock, delete,
// which is active), the live tally of the active zone with the rule behind every figure, each
// zone's contiguity, and the units of the zones' amphoe that no zone covers.
//
// The panel holds no planning data: it reads the ProjectSession and issues edits through it
// (each one committed to the project file). Text fields keep what is typed until the field is
// left, then become one edit.
#pragma once

#include <array>
#include <cstdint>
#include <map>
#include <optional>
#include <string>

#include "app/project_session.h"
#include "app/ui_text.h"
#include "app/zone_tool.h"

namespace chipao::app {

// Text inputs over model values: the buffer follows the model while the field is not being
// edited; the typed text comes back once, when the field is left after a change.
class TextFields {
 public:
  std::optional<std::string> input(const char* label, const std::string& key,
                                   const std::string& value, float width);

 private:
  struct Field {
    std::array<char, 256> buffer{};
    bool editing = false;
  };
  std::map<std::string, Field> fields_;
};

// The window that hosts the zones, plan and history tabs: on the left, below the layer panel
// (whose bottom edge is `below_px`; 0 when unknown), down to the bottom of the screen.
struct ZonesWindow {
  float x = 0, y = 0, width = 0, height = 0;
};
ZonesWindow zones_window_rect(float scale, float below_px);

class ZonesPanel {
 public:
  // Draws the tab's content (inside the host window). Errors go to `message`.
  void draw(ProjectSession& session, ZoneTool& tool, Language language, std::string& message);

 private:
  void draw_zone_list(ProjectSession& session, Language language, std::string& message);
  void draw_tally(const ProjectSession& session, Language language);
  void draw_uncovered(const ProjectSession& session, Language language);

  TextFields text_;
  std::map<std::int64_t, std::array<float, 3>> colours_;  // while a colour is being picked
};

// A figure as planners read it: grouped thousands, "–" for no figure.
std::string figure_text(double value, int decimals = 0);

}  // namespace chipao::app
