#include "demo_generator.h"

#include <exception>
#include <string>
#include <system_error>

#include "boundary_files.h"
#include "geos_handles.h"
#include "population.h"
#include "province_map.h"
#include "registries.h"
#include "rng.h"
#include "tpmap_tables.h"

namespace chipao::demogen {
namespace {

// Changing this changes every output file; the committed data/demo must then be regenerated.
constexpr std::uint64_t kMasterSeed = 0x50484E53554B3939ULL;  // "PHNSUK99"

// Removes the files an earlier run wrote, and only those (data/demo also holds the hand-written
// README.md), so a changed generator leaves no stale file behind.
void remove_previous_output(const std::filesystem::path& out_dir) {
  namespace fs = std::filesystem;
  std::error_code ignored;
  for (const char* layer : {"province", "amphoe", "tambon", "village"}) {
    for (const char* ext : {".shp", ".shx", ".dbf", ".prj", ".cpg"}) {
      fs::remove(out_dir / (std::string(layer) + ext), ignored);
    }
  }
  fs::remove(out_dir / "village_point.geojson", ignored);
  if (fs::is_directory(out_dir / "tpmap")) {
    for (const auto& entry : fs::directory_iterator(out_dir / "tpmap")) {
      const std::string name = entry.path().filename().string();
      if (name.starts_with("61_99_") && name.ends_with(".csv")) fs::remove(entry.path(), ignored);
    }
  }
  for (const char* name :
       {"registry_jpt.csv", "registry_pppconnext.csv", "registry_thaiqm.csv", "anomalies.csv"}) {
    fs::remove(out_dir / "registries" / name, ignored);
  }
}

DemoSummary generate_or_throw(const std::filesystem::path& out_dir) {
  std::filesystem::create_directories(out_dir);
  remove_previous_output(out_dir);
  const GeosContext geos;
  const ProvinceMap map = build_province_map(geos, kMasterSeed);
  write_boundary_files(geos, map.tree, map.polygons, out_dir);

  const std::vector<Household> households =
      generate_population(map.tree, map.mesh, stream_seed(kMasterSeed, "population"));
  const TpmapTotals tables = write_tpmap_tables(map.tree, households, out_dir / "tpmap");
  const RegistryTotals registries = write_registries(map.tree, households, out_dir / "registries",
                                                     stream_seed(kMasterSeed, "registries"));

  DemoSummary summary;
  summary.amphoe_count = static_cast<int>(map.tree.amphoes.size());
  summary.tambon_count = static_cast<int>(map.tree.tambons.size());
  summary.municipality_count = static_cast<int>(map.tree.municipalities.size());
  summary.village_count = static_cast<int>(map.tree.villages.size());
  summary.household_count = tables.households;
  summary.person_count = tables.persons;
  summary.target_poor_count = tables.target_poor;
  summary.tpmap_tambon_rows = tables.tambon_rows;
  summary.tpmap_village_rows = tables.village_rows;
  summary.deprived_household_count = registries.deprived_households;
  summary.registry_household_count = registries.listed_households;
  summary.registry_jpt = registries.jpt;
  summary.registry_pppconnext = registries.pppconnext;
  summary.registry_thaiqm = registries.thaiqm;
  summary.registry_in_two_or_more = registries.in_two_or_more;
  return summary;
}

}  // namespace

std::expected<DemoSummary, std::string> generate_demo(const std::filesystem::path& out_dir) {
  // Internal checks throw; this is the one place they become an error value.
  try {
    return generate_or_throw(out_dir);
  } catch (const std::exception& e) {
    return std::unexpected(std::string(e.what()));
  }
}

}  // namespace chipao::demogen
