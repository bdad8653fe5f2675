#include "population.h"

#include <algorithm>
#include <array>
#include <unordered_set>

#include "number_text.h"
#include "rng.h"
#include "thai_id.h"

namespace chipao::demogen {
namespace {

std::size_t at(int i) {
  return static_cast<std::size_t>(i);
}

// Who an indicator is asked of, and how often it fails at average poverty. Household-wide
// indicators (housing, water, household income...) are answered once for the whole household,
// which is what correlates deprivation within households. The rates are set so that about 8 %
// of persons are deprived in some dimension, education first, as in the real 2561 tables.
struct IndicatorRule {
  bool household_wide = false;
  int min_age = 0;
  int max_age = 200;
  bool disabled_only = false;
  double base_rate = 0.0;
};

constexpr std::array<IndicatorRule, kIndicatorCount> kRules{{
    /* 1 newborn weight >= 2500 g       */ {false, 0, 0, false, 0.040},
    /* 2 breastfed 6 months             */ {false, 0, 0, false, 0.100},
    /* 3 vaccinations 0-12              */ {false, 0, 12, false, 0.010},
    /* 4 hygienic food                  */ {true, 0, 200, false, 0.002},
    /* 5 proper use of medicine         */ {true, 0, 200, false, 0.0015},
    /* 6 yearly check-up 35+            */ {false, 35, 200, false, 0.030},
    /* 7 exercise, 6+                   */ {false, 6, 200, false, 0.0025},
    /* 8 durable housing                */ {true, 0, 200, false, 0.002},
    /* 9 drinking water                 */ {true, 0, 200, false, 0.0013},
    /* 10 water for use                 */ {true, 0, 200, false, 0.0013},
    /* 11 tidy, hygienic home           */ {true, 0, 200, false, 0.002},
    /* 12 no noise/dust nuisance        */ {true, 0, 200, false, 0.010},
    /* 13 disaster preparedness         */ {true, 0, 200, false, 0.010},
    /* 14 safe from crime               */ {true, 0, 200, false, 0.005},
    /* 15 pre-school care 3-5           */ {false, 3, 5, false, 0.022},
    /* 16 compulsory school 6-14        */ {false, 6, 14, false, 0.035},
    /* 17 M.3 to M.4                    */ {false, 15, 17, false, 0.110},
    /* 18 vocational training           */ {false, 15, 18, false, 0.050},
    /* 19 literacy 15-59                */ {false, 15, 59, false, 0.033},
    /* 20 occupation 15-59              */ {false, 15, 59, false, 0.007},
    /* 21 occupation 60+                */ {false, 60, 200, false, 0.020},
    /* 22 household income per person   */ {true, 0, 200, false, 0.006},
    /* 23 household savings             */ {true, 0, 200, false, 0.300},
    /* 24 no drinking                   */ {true, 0, 200, false, 0.250},
    /* 25 no smoking                    */ {true, 0, 200, false, 0.200},
    /* 26 religious activity            */ {true, 0, 200, false, 0.030},
    /* 27 elderly cared for             */ {false, 60, 200, false, 0.005},
    /* 28 disabled cared for            */ {false, 0, 200, true, 0.035},
    /* 29 community participation       */ {true, 0, 200, false, 0.020},
    /* 30 family warmth                 */ {true, 0, 200, false, 0.030},
    /* 31 community volunteering        */ {true, 0, 200, false, 0.010},
}};

// Household sizes 1-7 with weights like rural Isan (three and four most common).
constexpr std::array<int, 7> kSizeWeights{13, 23, 25, 20, 10, 6, 3};

int draw_household_size(Rng& rng) {
  int total = 0;
  for (const int w : kSizeWeights) total += w;
  int pick = rng.int_in(1, total);
  for (std::size_t i = 0; i < kSizeWeights.size(); ++i) {
    pick -= kSizeWeights[i];
    if (pick <= 0) return static_cast<int>(i) + 1;
  }
  return 7;
}

// Ages of a household: a head, a spouse, then children or an elderly parent.
std::vector<int> draw_ages(Rng& rng, int size) {
  std::vector<int> ages;
  const int head = 22 + rng.int_in(0, 26) + rng.int_in(0, 26);
  ages.push_back(head);
  if (size >= 2) ages.push_back(std::clamp(head + rng.int_in(-6, 6), 20, 95));
  while (static_cast<int>(ages.size()) < size) {
    if (head < 60 && rng.chance(0.15)) {
      const int lowest = std::max(60, head + 18);
      ages.push_back(std::min(99, rng.int_in(lowest, lowest + 20)));
    } else {
      const int oldest_child = std::clamp(head - 18, 0, 30);
      ages.push_back(rng.int_in(0, oldest_child));
    }
  }
  return ages;
}

// How much poorer than average a household is: most are better off, a few far worse.
double draw_household_hardship(Rng& rng) {
  const double u = rng.uniform();
  if (u < 0.70) return 0.35;
  if (u < 0.90) return 1.3;
  if (u < 0.98) return 4.0;
  return 9.0;
}

// Poverty multipliers of places: a share of tambons and villages are markedly poorer, and
// poverty grows with distance from the provincial seat.
struct PlaceHardship {
  std::vector<double> tambon;
  std::vector<double> village;
};

PlaceHardship draw_place_hardship(const AdminTree& tree, const CellMesh& mesh, std::uint64_t seed) {
  PlaceHardship out;
  for (std::size_t t = 0; t < tree.tambons.size(); ++t) {
    Rng rng(stream_seed(seed, "tambon hardship", t));
    const double base = rng.uniform(0.6, 1.4);
    out.tambon.push_back(rng.chance(0.10) ? base * 2.8 : base);
  }
  const Point seat = tree.tambons.front().seat;
  double farthest = 0.0;
  for (const VillageUnit& v : tree.villages) {
    farthest = std::max(farthest, distance(seat, mesh.sites[at(v.cell)]));
  }
  for (std::size_t v = 0; v < tree.villages.size(); ++v) {
    const VillageUnit& village = tree.villages[v];
    Rng rng(stream_seed(seed, "village hardship", v));
    double factor = rng.uniform(0.7, 1.3);
    if (rng.chance(0.07)) factor *= 2.5;
    const double remoteness = distance(seat, mesh.sites[at(village.cell)]) / farthest;
    factor *= 0.7 + 0.9 * remoteness;
    if (village.report_code != village.code) factor *= 0.5;  // town areas are better off
    out.village.push_back(factor * out.tambon[at(village.tambon)]);
  }
  return out;
}

// Hands out unique national IDs: type digit, the amphoe of registration, 7 random digits and
// the check digit.
class NationalIdIssuer {
 public:
  std::string issue(Rng& rng, int age, const std::string& amphoe_code) {
    // Type 1 is for people whose birth was registered after the 1984 reform (age 34 or less in
    // the 2561 survey); older people got type 3 when IDs were introduced.
    const char type = age <= 34 ? '1' : '3';
    while (true) {
      std::string id(1, type);
      id += amphoe_code;
      id += zero_padded(rng.int_in(0, 9999999), 7);
      if (!issued_.insert(id).second) continue;
      id += thai_id_check_digit(id);
      return id;
    }
  }

 private:
  std::unordered_set<std::string> issued_;
};

}  // namespace

std::vector<Household> generate_population(const AdminTree& tree, const CellMesh& mesh,
                                           std::uint64_t seed) {
  const PlaceHardship hardship = draw_place_hardship(tree, mesh, seed);
  NationalIdIssuer ids;
  std::vector<long> next_house_number(tree.amphoes.size(), 1);
  std::vector<Household> households;

  for (std::size_t v = 0; v < tree.villages.size(); ++v) {
    const VillageUnit& village = tree.villages[v];
    const int amphoe = tree.tambons[at(village.tambon)].amphoe;
    const std::string& amphoe_code = tree.amphoes[at(amphoe)].code;
    Rng rng(stream_seed(seed, "households", v));
    const bool town = village.report_code != village.code;
    const int household_count = town ? rng.int_in(180, 380) : rng.int_in(80, 250);
    // About 2 % of villages have a second community (TPMAP suffix 02) under the same muban.
    const bool has_second_community = rng.chance(0.02);

    for (int h = 0; h < household_count; ++h) {
      Household house;
      house.village = static_cast<int>(v);
      house.house_id = amphoe_code + zero_padded(next_house_number[at(amphoe)]++, 7);
      const bool second = has_second_community && rng.chance(0.3);
      house.tpmap_village_id = village.report_code + (second ? "02" : "01");
      const double strain = hardship.village[v] * draw_household_hardship(rng);

      const std::vector<int> ages = draw_ages(rng, draw_household_size(rng));
      IndicatorBits household_failed = 0;
      for (int n = 1; n <= kIndicatorCount; ++n) {
        const IndicatorRule& rule = kRules[at(n - 1)];
        if (rule.household_wide && rng.chance(std::min(0.9, rule.base_rate * strain))) {
          household_failed |= 1U << (n - 1);
        }
      }
      for (const int age : ages) {
        Person person;
        person.age = age;
        person.national_id = ids.issue(rng, age, amphoe_code);
        person.disabled = rng.chance(age >= 60 ? 0.045 : 0.015);
        person.chronic = rng.chance(age >= 60 ? 0.08 : 0.02);
        for (int n = 1; n <= kIndicatorCount; ++n) {
          const IndicatorRule& rule = kRules[at(n - 1)];
          const bool applies = age >= rule.min_age && age <= rule.max_age &&
                               (!rule.disabled_only || person.disabled);
          if (!applies) continue;
          const IndicatorBits bit = 1U << (n - 1);
          person.assessed |= bit;
          const bool fails = rule.household_wide
                                 ? (household_failed & bit) != 0
                                 : rng.chance(std::min(0.9, rule.base_rate * strain));
          if (fails) person.failed |= bit;
        }
        person.dimensions = dimensions_of(person.failed);
        house.members.push_back(std::move(person));
      }

      // Welfare-card registration is for adults; deprived and hard-pressed households register
      // more often and are verified more often.
      const bool deprived = house.dimensions() != 0;
      for (Person& person : house.members) {
        if (person.age < 18) continue;
        const double register_rate = 0.33 + (deprived ? 0.25 : 0.0) + (strain >= 4.0 ? 0.1 : 0.0);
        person.mof_registered = rng.chance(register_rate);
        person.mof_verified = person.mof_registered && rng.chance(deprived ? 0.8 : 0.75);
      }
      house.happiness =
          deprived ? (strain >= 4.0 ? rng.int_in(3, 8) : rng.int_in(5, 9)) : rng.int_in(7, 10);
      households.push_back(std::move(house));
    }
  }
  return households;
}

}  // namespace chipao::demogen
