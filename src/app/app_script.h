// Scripted GUI sessions for tests and reproducible screenshots (--script FILE): one command
// per line, '#' starts a comment.
//
//   wait-loaded            wait until every layer has loaded and its tables are joined
//   measure <column>       map this measure (a TPMAP column such as poor.JPT.MOFval.CNT)
//   method <name>          quantile, jenks, equal, manual
//   classes <3..9>
//   breaks <b1,b2,...>     manual inner breaks
//   palette <name>         as palette_name() spells it
//   high-contrast on|off
//   lang th|en
//   drill <code>           "" or "-" for the whole province, an amphoe or a tambon code
//   select <code>          select an area (drills to its parent first)
//   assign <m>=<t1>+<t2>   assign a municipal area's figures to tambons (re-join)
//   presentation on|off
//   full-screen on|off     the window takes the whole monitor, as F11 does for a person
//                          (presentation alone keeps a scripted window's size)
//   join-report on|off
//   labels name|value|off  label the areas with their names (UI language) or values
//   save-view <name>       save the current view (app/saved_views.h)
//   next-view / prev-view  step through the saved views (as Right/Left in presentation)
//   screenshot <path.png>  save the window after the map has settled
//   quit                   stop here (the end of the file also stops)
// With --project P (app/zones_ui.h):
//   project-zone-draw <lon,lat lon,lat ...>   draw a zone with the draw tool and close it
//   paint <code>           click the unit with the paint tool (into the active zone, or a
//                          new painted zone when none is active)
//   erase <code>           right-click the unit out of the active zone
//   zone <id>              make a zone active (0: none)
//   zone-rule centroid|area
//   undo / redo
//   tool draw|paint|none   pick the zone tool, as the Zones panel's radio buttons do
// For a driver that clicks with real mouse events (tests/gui/app_zones_mouse.sh); each line
// printed is flushed at once, so a driver reading stdout sees it:
//   print-ready [<tag>]    once the map is fitted and drawn: "chipao: ready-for-input <tag>"
//   print-screen-pos <code>            "chipao: screen-pos <code> X Y": the unit's label
//                                      point in window pixels (a project's unit layer)
//   print-screen-pos-lonlat <lon,lat>  "chipao: screen-pos <lon,lat> X Y"
//   wait-edits <n> [<seconds>]         keep drawing and taking real input until n edits
//                                      (applied, undone or redone) reach the project; the
//                                      script fails after <seconds> (60) without them
#pragma once

#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "core/util/result.h"

namespace chipao::app {

struct ScriptCommand {
  std::string verb;
  std::string argument;  // empty for verbs without one
  std::size_t line = 0;
};

// Checks every verb and argument shape up front, so a typo fails before the window opens.
Result<std::vector<ScriptCommand>> parse_script(const std::string& text, const std::string& path);
Result<std::vector<ScriptCommand>> read_script(const std::string& path);

// "on"/"off" (also true/false, 1/0); nullopt for anything else.
std::optional<bool> parse_on_off(const std::string& text);

// "lon,lat" in degrees; nullopt unless both are numbers.
std::optional<std::pair<double, double>> parse_lon_lat(const std::string& text);

// wait-edits' argument: "<n> [<seconds>]", n at least 1, seconds above 0.
struct WaitEdits {
  int edits = 1;
  double seconds = 60;
};
std::optional<WaitEdits> parse_wait_edits(const std::string& text);

}  // namespace chipao::app
