// TPMAP 2561-style poverty tables aggregated from the synthetic population, in the column
// layout and file naming of the real files (../shared/data/tpmap2561_via_newknp):
//   tpmap/61_99_tambol_<mask>.csv (31 masks) + 61_99_tambol_common.csv
//   tpmap/61_99_amphur_<mask>.csv (31 masks) + 61_99_amphur_common.csv
//   tpmap/61_99_village_11111.csv + 61_99_village_common.csv
// Every figure is a count of persons or households summed up the hierarchy; rates are
// recomputed from the sums at each level, never averaged.
#pragma once

#include <filesystem>
#include <vector>

#include "admin_tree.h"
#include "population.h"

namespace chipao::demogen {

struct TpmapTotals {
  long households = 0;
  long persons = 0;
  long target_poor = 0;  // poor.JPT.MOFval.CNT of mask 11111
  int tambon_rows = 0;   // including the municipal pseudo-tambons
  int village_rows = 0;
};

TpmapTotals write_tpmap_tables(const AdminTree& tree, const std::vector<Household>& households,
                               const std::filesystem::path& tpmap_dir);

}  // namespace chipao::demogen
