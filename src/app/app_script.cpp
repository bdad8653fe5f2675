#include "app/app_script.h"

#include <fmt/format.h>
#include <array>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <optional>
#include <sstream>

namespace chipao::app {

namespace {

struct VerbSpec {
  const char* verb;
  bool needs_argument;
};

constexpr std::array kVerbs = {
    VerbSpec{"wait-loaded", false},
    VerbSpec{"measure", true},
    VerbSpec{"method", true},
    VerbSpec{"classes", true},
    VerbSpec{"breaks", true},
    VerbSpec{"palette", true},
    VerbSpec{"high-contrast", true},
    VerbSpec{"lang", true},
    VerbSpec{"drill", false},
    VerbSpec{"select", true},
    VerbSpec{"assign", true},
    VerbSpec{"presentation", true},
    VerbSpec{"full-screen", true},
    VerbSpec{"join-report", true},
    VerbSpec{"screenshot", true},
    VerbSpec{"quit", false},
    // Files as a planner hands them over: routed as a drop on the window (app/app.cpp).
    VerbSpec{"drop", true},
    VerbSpec{"export", true},
    VerbSpec{"export-dialog", false},
    VerbSpec{"new-project-dialog", false},
    VerbSpec{"wait-project", true},
    // Zones in a project (app/zones_ui.h).
    VerbSpec{"project-zone-draw", true},
    VerbSpec{"paint", true},
    VerbSpec{"erase", true},
    VerbSpec{"zone", true},
    VerbSpec{"undo", false},
    VerbSpec{"redo", false},
    VerbSpec{"zone-rule", true},
    // Labels and saved views (app/saved_views.h).
    VerbSpec{"labels", true},
    VerbSpec{"save-view", true},
    VerbSpec{"next-view", false},
    VerbSpec{"prev-view", false},
    // Real mouse and keys from a driver (tests/gui/app_zones_mouse.sh).
    VerbSpec{"tool", true},
    VerbSpec{"print-ready", false},
    VerbSpec{"print-screen-pos", true},
    VerbSpec{"print-screen-pos-lonlat", true},
    VerbSpec{"wait-edits", true},
};

std::string trim(const std::string& text) {
  const auto first = text.find_first_not_of(" \t\r");
  if (first == std::string::npos) return {};
  const auto last = text.find_last_not_of(" \t\r");
  return text.substr(first, last - first + 1);
}

}  // namespace

std::optional<bool> parse_on_off(const std::string& text) {
  if (text == "on" || text == "true" || text == "1") return true;
  if (text == "off" || text == "false" || text == "0") return false;
  return std::nullopt;
}

std::optional<std::pair<double, double>> parse_lon_lat(const std::string& text) {
  double lon = 0, lat = 0;
  char rest = 0;
  // The trailing %c catches anything after the two numbers.
  if (std::sscanf(text.c_str(), " %lf , %lf %c", &lon, &lat, &rest) != 2) return std::nullopt;
  return std::pair{lon, lat};
}

std::optional<WaitEdits> parse_wait_edits(const std::string& text) {
  std::istringstream in(text);
  std::string count, seconds, extra;
  in >> count >> seconds >> extra;
  if (count.empty() || !extra.empty() || count.size() > 6 ||
      count.find_first_not_of("0123456789") != std::string::npos)
    return std::nullopt;
  WaitEdits wait;
  wait.edits = std::atoi(count.c_str());
  if (!seconds.empty()) {
    char* end = nullptr;
    wait.seconds = std::strtod(seconds.c_str(), &end);
    if (*end != '\0') return std::nullopt;
  }
  if (wait.edits < 1 || !(wait.seconds > 0)) return std::nullopt;
  return wait;
}

Result<std::vector<ScriptCommand>> parse_script(const std::string& text, const std::string& path) {
  std::vector<ScriptCommand> commands;
  std::istringstream in(text);
  std::string raw;
  std::size_t line = 0;
  while (std::getline(in, raw)) {
    ++line;
    std::string content = trim(raw.substr(0, raw.find('#')));
    if (content.empty()) continue;
    const auto space = content.find_first_of(" \t");
    ScriptCommand command;
    command.line = line;
    command.verb = content.substr(0, space);
    if (space != std::string::npos) command.argument = trim(content.substr(space));
    const VerbSpec* spec = nullptr;
    for (const VerbSpec& candidate : kVerbs)
      if (command.verb == candidate.verb) spec = &candidate;
    if (!spec) {
      return fail(fmt::format(
          "{}:{}: unknown command '{}' (known: wait-loaded, measure, method, "
          "classes, breaks, palette, high-contrast, lang, drill, select, "
          "assign, presentation, full-screen, join-report, screenshot, quit, project-zone-draw, "
          "paint, erase, zone, undo, redo, zone-rule, labels, save-view, next-view, "
          "prev-view, tool, print-ready, print-screen-pos, print-screen-pos-lonlat, wait-edits, "
          "drop, wait-project, export, export-dialog, new-project-dialog)",
          path, line, command.verb));
    }
    if (spec->needs_argument && command.argument.empty())
      return fail(fmt::format("{}:{}: '{}' needs a value", path, line, command.verb));
    if (command.verb == "classes") {
      const int classes = std::atoi(command.argument.c_str());
      if (classes < 3 || classes > 9 ||
          command.argument.find_first_not_of("0123456789") != std::string::npos)
        return fail(fmt::format("{}:{}: classes wants a number from 3 to 9, got '{}'", path, line,
                                command.argument));
    }
    if ((command.verb == "high-contrast" || command.verb == "presentation" ||
         command.verb == "full-screen" || command.verb == "join-report") &&
        !parse_on_off(command.argument))
      return fail(fmt::format("{}:{}: {} wants on or off, got '{}'", path, line, command.verb,
                              command.argument));
    if (command.verb == "labels" && command.argument != "name" && command.argument != "value" &&
        command.argument != "off")
      return fail(fmt::format("{}:{}: labels wants name, value or off, got '{}'", path, line,
                              command.argument));
    if (command.verb == "tool" && command.argument != "draw" && command.argument != "paint" &&
        command.argument != "none")
      return fail(fmt::format("{}:{}: tool wants draw, paint or none, got '{}'", path, line,
                              command.argument));
    if (command.verb == "print-screen-pos-lonlat" && !parse_lon_lat(command.argument))
      return fail(fmt::format("{}:{}: print-screen-pos-lonlat wants lon,lat in degrees, got '{}'",
                              path, line, command.argument));
    if (command.verb == "wait-edits" && !parse_wait_edits(command.argument))
      return fail(fmt::format(
          "{}:{}: wait-edits wants a count of edits from 1 and optionally seconds, e.g. "
          "'wait-edits 2 60', got '{}'",
          path, line, command.argument));
    if (command.argument == "-") command.argument.clear();
    commands.push_back(std::move(command));
  }
  return commands;
}

Result<std::vector<ScriptCommand>> read_script(const std::string& path) {
  std::ifstream in(path);
  if (!in) return fail(path + ": the script cannot be opened; check the path given to --script");
  std::stringstream buffer;
  buffer << in.rdbuf();
  return parse_script(buffer.str(), path);
}

}  // namespace chipao::app
