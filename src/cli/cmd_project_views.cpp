// chipao-cli project views P: the saved views a project holds. The app keeps them in the
// project (setting "saved_views", app/saved_views.h) when it runs with --project P, so a
// district team can check before a meeting which views its project file carries: name,
// title, drill-down area, measure, classification method, classes and palette.
//
// The app's saved_views.cpp writes the setting; this reads the fields it lists with the same
// defaults (the CLI links no app code). tests/gui/saved_views_test.cpp checks that what the app
// saves is what this lists.
#include <fmt/format.h>

#include <iostream>
#include <nlohmann/json.hpp>

#include "cli/cli_args.h"
#include "cli/commands.h"
#include "core/store/project.h"

namespace chipao::cli {

namespace {

using nlohmann::json;
using nlohmann::ordered_json;

constexpr const char* kSetting = "saved_views";

struct ListedView {
  std::string name, title, drill, measure, method, palette;
  int classes = 5;
  double lon = 0, lat = 0;
};

std::string views_usage() {
  return "Usage: chipao-cli project views P [--json]\n\n"
         "Lists the saved views project P holds: the app saves them into the project when it\n"
         "runs with --project P (Ctrl+S in presentation mode, or the views panel), so they\n"
         "travel with the file. Each view: its name, title, drill-down area, measure,\n"
         "classification method, number of classes and palette.\n";
}

// The views in the setting's text; errors name the project and the setting.
Result<std::vector<ListedView>> parse_views(const std::string& text, const std::string& project) {
  const std::string where = fmt::format("{}: setting {}", project, kSetting);
  const std::string remedy = fmt::format(
      "undo the edit that wrote it (chipao-cli project history {0} lists them, chipao-cli "
      "project undo {0} takes one back)",
      project);
  const json root = json::parse(text, nullptr, false);
  if (root.is_discarded() || !root.is_object() || !root.contains("views") ||
      !root["views"].is_array())
    return fail(fmt::format(
        "{}: not a list of saved views (a JSON object with a \"views\" list); {}", where, remedy));
  std::vector<ListedView> views;
  for (std::size_t i = 0; i < root["views"].size(); ++i) {
    const json& item = root["views"][i];
    try {
      ListedView view;
      view.name = item.at("name").get<std::string>();
      view.title = item.value("title", std::string());
      view.lon = item.at("center").at(0).get<double>();
      view.lat = item.at("center").at(1).get<double>();
      view.drill = item.value("drill", std::string());
      view.measure = item.value("measure", std::string());
      // The app's defaults for fields an older view lacks.
      view.method = item.value("method", std::string("quantile"));
      view.palette = item.value("palette", std::string("orange_red"));
      view.classes = item.value("classes", 5);
      views.push_back(std::move(view));
    } catch (const json::exception&) {
      return fail(fmt::format("{}: view {}: needs \"name\" and \"center\" [lon, lat]; {}", where,
                              i + 1, remedy));
    }
  }
  return views;
}

}  // namespace

int run_project_views(const std::vector<std::string>& argv) {
  ArgSpec spec;
  spec.flags.insert("json");
  spec.flags.insert("help");
  auto args = parse_args(argv, spec);
  if (!args) {
    std::cerr << "chipao-cli project views: " << args.error().message << "\n" << views_usage();
    return 2;
  }
  if (args->has("help")) {
    std::cout << views_usage();
    return 0;
  }
  // positionals[0] is "views".
  if (args->positionals.size() != 2) {
    std::cerr << "chipao-cli project views: give the project path\n" << views_usage();
    return 2;
  }
  const std::string& path = args->positionals[1];
  auto project = Project::open(path);
  if (!project) {
    std::cerr << project.error().message << "\n";
    return 1;
  }
  // A project written before views travelled with it has no setting: no views.
  std::vector<ListedView> views;
  const auto& settings = project->state().settings;
  if (const auto it = settings.find(kSetting); it != settings.end()) {
    auto parsed = parse_views(it->second, path);
    if (!parsed) {
      std::cerr << parsed.error().message << "\n";
      return 1;
    }
    views = std::move(*parsed);
  }
  if (args->has("json")) {
    ordered_json list = ordered_json::array();
    for (const ListedView& v : views) {
      list.push_back({{"name", v.name},
                      {"title", v.title},
                      {"drill", v.drill},
                      {"measure", v.measure},
                      {"method", v.method},
                      {"classes", v.classes},
                      {"palette", v.palette},
                      {"center", {v.lon, v.lat}}});
    }
    std::cout << ordered_json{{"project", path}, {"views", list}}.dump(
                     2, ' ', false, nlohmann::json::error_handler_t::replace)
              << "\n";
    return 0;
  }
  if (views.empty()) {
    std::cout << fmt::format(
        "{} holds no saved views (the app saves them into the project with --project {})\n", path,
        path);
    return 0;
  }
  std::cout << fmt::format("{}: {} saved view{}\n", path, views.size(),
                           views.size() == 1 ? "" : "s");
  for (std::size_t i = 0; i < views.size(); ++i) {
    const ListedView& v = views[i];
    std::cout << fmt::format("  {} {}{}\n", i + 1, v.name,
                             v.title.empty() || v.title == v.name ? "" : " — " + v.title);
    std::cout << fmt::format("      {}; {}, {} {} classes, palette {}\n",
                             v.drill.empty() ? "whole map" : "drilled to " + v.drill,
                             v.measure.empty() ? "the default measure" : v.measure, v.method,
                             v.classes, v.palette);
  }
  return 0;
}

}  // namespace chipao::cli
