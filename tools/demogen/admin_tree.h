// The fictional province's administrative hierarchy: codes, names and which cells make what.
//
// Codes follow DOPA: province 2 digits, amphoe 4, tambon 6, village (muban) 8. Municipal areas
// (thesaban) get TPMAP's pseudo-tambon codes (tambon digits 51 and up); villages inside one are
// reported by TPMAP under the municipal code (report_code) while their boundary keeps the
// DOPA village code.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "cell_mesh.h"
#include "place_names.h"

namespace chipao::demogen {

struct VillageUnit {
  std::string code;         // 8 digits (VILL_IDN)
  std::string report_code;  // 8 digits under which TPMAP counts it; == code outside thesaban
  int number = 0;           // หมู่ที่, 1-based within the tambon
  int cell = -1;            // index into CellMesh
  int tambon = -1;          // index into AdminTree::tambons
  PlaceName name;           // without the "บ้าน" / "Ban" prefix
};

struct TambonUnit {
  std::string code;  // 6 digits
  PlaceName name;
  int amphoe = -1;            // index into AdminTree::amphoes
  std::vector<int> villages;  // indices into AdminTree::villages, by village number
  Point seat;                 // site of village 01
};

struct AmphoeUnit {
  std::string code;  // 4 digits
  PlaceName name;
  std::vector<int> tambons;  // indices into AdminTree::tambons, by tambon number
};

// A thesaban reported by TPMAP as a pseudo-tambon without a polygon of its own.
struct Municipality {
  std::string code;  // 6 digits, tambon digits >= 51
  PlaceName name;
  std::string host_tambon;    // the DOPA tambon it lies in
  std::vector<int> villages;  // villages it reports (indices into AdminTree::villages)
  bool covers_whole_tambon = false;
};

struct AdminTree {
  std::string province_code = "99";
  PlaceName province{"พนาสุข", "Phana Suk"};
  std::vector<AmphoeUnit> amphoes;    // by code
  std::vector<TambonUnit> tambons;    // by code
  std::vector<VillageUnit> villages;  // by code
  std::vector<Municipality> municipalities;
};

// Numbers and names the regions. `tambon_of_cell` gives a tambon region per cell (-1 outside the
// province); `amphoe_of_tambon` an amphoe region per tambon region. `centre` is where the
// provincial seat (amphoe 01, tambon 01) lies.
AdminTree build_admin_tree(const CellMesh& mesh, const std::vector<int>& tambon_of_cell,
                           const std::vector<int>& amphoe_of_tambon, Point centre,
                           std::uint64_t name_seed);

}  // namespace chipao::demogen
