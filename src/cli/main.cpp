// chipao-cli: ChiPao's core, headless. Every subcommand prints text for people, or JSON with
// --json for scripts; failures go to stderr with a non-zero exit code.
#include <exception>
#include <iostream>
#include <string>
#include <vector>

#include "cli/commands.h"

namespace {

void print_usage(std::ostream& out) {
  out << "chipao-cli — ChiPao (ชี้เป้า) poverty planning map, headless\n\n"
         "Usage: chipao-cli COMMAND [options]\n\n"
         "Commands:\n"
         "  info SOURCE     what ChiPao understands of a boundary file: level, codes, names,\n"
         "                  encoding, CRS, invalid geometry, bad codes\n"
         "  join            join tables of figures (TPMAP or others) to boundaries; report every "
         "figure\n"
         "  stats           aggregate tables to a higher level with each measure's rule\n"
         "  households      read household registries, match households across them, tally by "
         "area\n"
         "  tally           what drawn zones hold: figures per zone, whole units or by area\n"
         "  render          draw a choropleth map of one measure to a PNG, without a display\n"
         "  project         a planner's project file: new, info, figures, assign, set, history,\n"
         "                  undo, redo\n"
         "  zones           zones of a project: import, list, paint units, rename, colour, lock\n"
         "  export          a project's plan as shapefiles, GeoPackage or CSV, and the plan sheet\n"
         "  plan            a project's interventions, budget cap and catalogue\n\n"
         "Run 'chipao-cli COMMAND --help' for a command's options.\n";
}

}  // namespace

int main(int argc, char** argv) {
  std::vector<std::string> args(argv + 1, argv + argc);
  if (args.empty() || args[0] == "--help" || args[0] == "-h" || args[0] == "help") {
    print_usage(args.empty() ? std::cerr : std::cout);
    return args.empty() ? 2 : 0;
  }
  const std::string command = args[0];
  args.erase(args.begin());
  // Exceptions mean a bug, not bad input: caught once here, reported, never a crash dump.
  try {
    if (command == "info") return chipao::cli::run_info(args);
    if (command == "households") return chipao::cli::run_households(args);
    if (command == "join") return chipao::cli::run_join(args);
    if (command == "stats") return chipao::cli::run_stats(args);
    if (command == "tally") return chipao::cli::run_tally(args);
    if (command == "render") return chipao::cli::run_render(args);
    if (command == "project") return chipao::cli::run_project(args);
    if (command == "zones") return chipao::cli::run_zones(args);
    if (command == "export") return chipao::cli::run_export(args);
    if (command == "plan") return chipao::cli::run_plan(args);
    std::cerr << "chipao-cli: unknown command '" << command << "'\n";
    print_usage(std::cerr);
    return 2;
  } catch (const std::exception& e) {
    std::cerr << "chipao-cli: internal error: " << e.what()
              << " (this is a bug in ChiPao; please report it with the command you ran)\n";
    return 70;
  }
}
