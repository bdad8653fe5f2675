// chipao-demogen --out DIR: writes the fictional demo province (see data/demo/README.md).
#include <cstdio>
#include <string>
#include <string_view>

#include "demo_generator.h"

int main(int argc, char** argv) {
  std::string out_dir;
  for (int i = 1; i < argc; ++i) {
    const std::string_view arg = argv[i];
    if (arg == "--out" && i + 1 < argc) {
      out_dir = argv[++i];
    } else if (arg == "--help" || arg == "-h") {
      std::printf(
          "usage: chipao-demogen --out DIR\n"
          "Writes the fictional province 99 (Phana Suk): boundary shapefiles, village\n"
          "points, TPMAP-style tables and household registries.\n");
      return 0;
    } else {
      std::fprintf(stderr, "chipao-demogen: unexpected argument '%s' (try --help)\n", argv[i]);
      return 2;
    }
  }
  if (out_dir.empty()) {
    std::fprintf(stderr,
                 "chipao-demogen: missing --out DIR (the folder to write, e.g. data/demo)\n");
    return 2;
  }
  const auto summary = chipao::demogen::generate_demo(out_dir);
  if (!summary) {
    std::fprintf(stderr, "chipao-demogen: %s\n", summary.error().c_str());
    return 1;
  }
  const chipao::demogen::DemoSummary& s = *summary;
  std::printf(
      "wrote %s\n"
      "  boundaries: %d amphoe, %d tambon, %d villages; %d municipal pseudo-tambons\n"
      "  tpmap: %d tambon rows, %d village rows; %ld households, %ld persons, "
      "%ld target poor\n"
      "  registries: %ld deprived households, %ld listed; jpt %ld, pppconnext %ld, "
      "thaiqm %ld; %ld in two or more\n",
      out_dir.c_str(), s.amphoe_count, s.tambon_count, s.village_count, s.municipality_count,
      s.tpmap_tambon_rows, s.tpmap_village_rows, s.household_count, s.person_count,
      s.target_poor_count, s.deprived_household_count, s.registry_household_count, s.registry_jpt,
      s.registry_pppconnext, s.registry_thaiqm, s.registry_in_two_or_more);
  return 0;
}
