// Three overlapping household registries built from the synthetic population, for the join and
// de-duplication features:
//   registries/registry_jpt.csv        the จปฐ. survey list, one row per household (UTF-8)
//   registries/registry_pppconnext.csv one row per person (UTF-8)
//   registries/registry_thaiqm.csv     Thai headers, TIS-620 bytes, no BOM, CRLF
//   registries/anomalies.csv           the deliberate anomalies, as an answer key for tests
// Only households with at least one deprived member are listed, and a quarter of those in
// none (no list is complete). Village codes are the DOPA
// codes of the village polygons (not TPMAP's municipal report codes).
#pragma once

#include <cstdint>
#include <filesystem>
#include <vector>

#include "admin_tree.h"
#include "population.h"

namespace chipao::demogen {

struct RegistryTotals {
  long deprived_households = 0;  // households with a deprived member
  long listed_households = 0;    // ...of which in at least one registry
  long jpt = 0;
  long pppconnext = 0;
  long thaiqm = 0;
  long in_two_or_more = 0;
};

RegistryTotals write_registries(const AdminTree& tree, const std::vector<Household>& households,
                                const std::filesystem::path& registry_dir, std::uint64_t seed);

}  // namespace chipao::demogen
