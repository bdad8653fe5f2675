// A synthetic population for the demo province: households and persons with the attributes
// that TPMAP aggregates (จปฐ. indicators, welfare-card registration) and that the household
// registries list (house codes, national IDs).
//
// Poverty has structure so the map shows something: some tambons and villages are much poorer,
// poverty grows with distance from the provincial seat, and deprivation clusters in households.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "admin_tree.h"
#include "cell_mesh.h"
#include "indicators.h"

namespace chipao::demogen {

struct Person {
  std::string national_id;      // 13 digits with a valid check digit
  int age = 0;                  // years
  bool mof_registered = false;  // registered for the state welfare card (MOF_REG)
  bool mof_verified = false;    // ...and verified (MOF_VAL)
  bool disabled = false;
  bool chronic = false;
  IndicatorBits assessed = 0;   // indicators that apply to this person
  IndicatorBits failed = 0;     // indicators this person fails (a subset of assessed)
  std::uint8_t dimensions = 0;  // bit d: deprived in dimension d (see indicators.h)

  bool elderly() const { return age >= 60; }
};

struct Household {
  std::string house_id;          // 11 digits: amphoe code + 7-digit running number
  int village = -1;              // index into AdminTree::villages (where it lives)
  std::string tpmap_village_id;  // 10 digits: TPMAP report code + community suffix (01, 02)
  int happiness = 0;             // 0-10, the household's self-assessed score
  std::vector<Person> members;

  std::uint8_t dimensions() const {
    std::uint8_t d = 0;
    for (const Person& p : members) d = static_cast<std::uint8_t>(d | p.dimensions);
    return d;
  }
};

// Households in village order, then by house number.
std::vector<Household> generate_population(const AdminTree& tree, const CellMesh& mesh,
                                           std::uint64_t seed);

}  // namespace chipao::demogen
