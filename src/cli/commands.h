// chipao-cli subcommands. Each takes its arguments (after the subcommand name) and returns
// the process exit code: 0 success, 1 the input could not be used, 2 wrong usage.
#pragma once

#include <string>
#include <vector>

namespace chipao::cli {

int run_info(const std::vector<std::string>& args);
std::string info_usage();
int run_households(const std::vector<std::string>& args);
std::string households_usage();
int run_join(const std::vector<std::string>& args);
std::string join_usage();
int run_stats(const std::vector<std::string>& args);
std::string stats_usage();
int run_project(const std::vector<std::string>& args);
int run_project_views(const std::vector<std::string>& args);  // chipao-cli project views
int run_zones(const std::vector<std::string>& args);
std::string zones_usage();
int run_render(const std::vector<std::string>& args);
std::string render_usage();
int run_tally(const std::vector<std::string>& args);
std::string tally_usage();
int run_export(const std::vector<std::string>& args);
std::string export_usage();
int run_plan(const std::vector<std::string>& args);
std::string plan_usage();

}  // namespace chipao::cli
