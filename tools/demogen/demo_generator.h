// The demo province generator: one call writes every file of data/demo.
//
// Deterministic: the same build writes the same bytes on every run (GDAL stamps the date into
// bytes 1-3 of each .dbf header; nothing else varies).
#pragma once

#include <expected>
#include <filesystem>
#include <string>

namespace chipao::demogen {

struct DemoSummary {
  int amphoe_count = 0;
  int tambon_count = 0;        // with a polygon (DOPA tambons)
  int municipality_count = 0;  // TPMAP pseudo-tambons without a polygon
  int village_count = 0;
  long household_count = 0;
  long person_count = 0;
  long target_poor_count = 0;         // poor.JPT.MOFval.CNT of mask 11111, whole province
  int tpmap_tambon_rows = 0;          // tambon table rows, municipal pseudo-tambons included
  int tpmap_village_rows = 0;         // village table rows (communities)
  long deprived_household_count = 0;  // households with a deprived member
  long registry_household_count = 0;  // ...of which listed in at least one registry
  long registry_jpt = 0;              // households listed in each registry
  long registry_pppconnext = 0;
  long registry_thaiqm = 0;
  long registry_in_two_or_more = 0;
};

// Writes the layers, TPMAP tables and registries under `out_dir` (created when missing).
// Errors (an unwritable folder, a failed internal check) come back as a message.
std::expected<DemoSummary, std::string> generate_demo(const std::filesystem::path& out_dir);

}  // namespace chipao::demogen
