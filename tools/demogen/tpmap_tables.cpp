#include "tpmap_tables.h"

#include <array>
#include <fstream>
#include <map>
#include <stdexcept>
#include <string>

#include "number_text.h"

namespace chipao::demogen {
namespace {

constexpr int kMaskCount = 31;  // masks 1..31; bit d selects dimension d

// The figures of one mask file row.
struct MaskTally {
  long poor_households = 0;
  long poor_persons = 0;     // poor.JPT.CNT: deprived in a selected dimension
  long poor_registered = 0;  // ...and registered for the welfare card
  long target_poor = 0;      // ...and verified: คนจนเป้าหมาย
  std::array<long, kDimensionCount> target_by_dimension{};
  std::array<long, kIndicatorCount> target_by_indicator{};
};

// The figures of one common file row.
struct CommonTally {
  long households = 0;
  long persons = 0;
  long mof_registered = 0;
  long mof_verified = 0;
  long elderly = 0;
  long disabled = 0;
  long chronic = 0;
  long happiness_sum = 0;  // the happiness column is this over households
  std::array<long, kIndicatorCount> assessed{};
  std::array<long, kIndicatorCount> failed{};
};

struct AreaTally {
  CommonTally common;
  std::array<MaskTally, kMaskCount + 1> masks{};  // index = mask; 0 unused

  void add(const AreaTally& o) {
    CommonTally& c = common;
    c.households += o.common.households;
    c.persons += o.common.persons;
    c.mof_registered += o.common.mof_registered;
    c.mof_verified += o.common.mof_verified;
    c.elderly += o.common.elderly;
    c.disabled += o.common.disabled;
    c.chronic += o.common.chronic;
    c.happiness_sum += o.common.happiness_sum;
    for (int n = 0; n < kIndicatorCount; ++n) {
      c.assessed[static_cast<std::size_t>(n)] += o.common.assessed[static_cast<std::size_t>(n)];
      c.failed[static_cast<std::size_t>(n)] += o.common.failed[static_cast<std::size_t>(n)];
    }
    for (std::size_t m = 1; m <= kMaskCount; ++m) {
      MaskTally& t = masks[m];
      const MaskTally& u = o.masks[m];
      t.poor_households += u.poor_households;
      t.poor_persons += u.poor_persons;
      t.poor_registered += u.poor_registered;
      t.target_poor += u.target_poor;
      for (std::size_t d = 0; d < kDimensionCount; ++d) {
        t.target_by_dimension[d] += u.target_by_dimension[d];
      }
      for (std::size_t n = 0; n < kIndicatorCount; ++n) {
        t.target_by_indicator[n] += u.target_by_indicator[n];
      }
    }
  }
};

AreaTally tally_household(const Household& house) {
  AreaTally tally;
  CommonTally& c = tally.common;
  c.households = 1;
  c.happiness_sum = house.happiness;
  for (const Person& p : house.members) {
    ++c.persons;
    c.mof_registered += p.mof_registered ? 1 : 0;
    c.mof_verified += p.mof_verified ? 1 : 0;
    c.elderly += p.elderly() ? 1 : 0;
    c.disabled += p.disabled ? 1 : 0;
    c.chronic += p.chronic ? 1 : 0;
    for (int n = 0; n < kIndicatorCount; ++n) {
      c.assessed[static_cast<std::size_t>(n)] += (p.assessed >> n) & 1U;
      c.failed[static_cast<std::size_t>(n)] += (p.failed >> n) & 1U;
    }
  }
  for (int mask = 1; mask <= kMaskCount; ++mask) {
    MaskTally& t = tally.masks[static_cast<std::size_t>(mask)];
    for (const Person& p : house.members) {
      // A person counts once when deprived in any selected dimension (masks are unions).
      const unsigned selected = p.dimensions & static_cast<unsigned>(mask);
      if (selected == 0) continue;
      ++t.poor_persons;
      t.poor_registered += p.mof_registered ? 1 : 0;
      if (!p.mof_verified) continue;
      ++t.target_poor;
      // As in the real files, a dimension's column counts only when the mask selects it.
      for (int d = 0; d < kDimensionCount; ++d) {
        t.target_by_dimension[static_cast<std::size_t>(d)] += (selected >> d) & 1U;
      }
      for (int n = 0; n < kIndicatorCount; ++n) {
        t.target_by_indicator[static_cast<std::size_t>(n)] += (p.failed >> n) & 1U;
      }
    }
    t.poor_households = t.poor_persons > 0 ? 1 : 0;
  }
  return tally;
}

// How a level writes its key: tambon and village IDs are quoted strings in the real files,
// amphoe IDs bare numbers.
struct Level {
  const char* file_word;  // "tambol", "amphur", "village"
  const char* id_column;  // "tumbol_ID", ...
  bool quote_id;
};

std::string quoted(const std::string& s) {
  return "\"" + s + "\"";
}

std::string mask_header(const Level& level) {
  std::string h = quoted(level.id_column);
  for (const char* c :
       {"poor.household.CNT", "poor.JPT.CNT", "poor.JPT.MOFreg.CNT", "poor.JPT.MOFval.CNT"}) {
    h += "," + quoted(c);
  }
  for (const std::string_view d : kDimensionColumn) {
    h += "," + quoted("poor.JPT.MOFval." + std::string(d));
  }
  h += "," + quoted("JPT.MOFval.pov.rate");
  for (int n = 1; n <= kIndicatorCount; ++n) {
    h += "," + quoted("poor.JPT.MOFval.ind" + std::to_string(n) + ".CNT");
  }
  return h + "," + quoted("province_ID") + "\n";
}

std::string common_header(const Level& level) {
  std::string h = quoted(level.id_column);
  for (const char* c : {"household.CNT", "HOUSEMEMBER_CNT", "MOF_REG_CNT", "MOF_VAL_CNT",
                        "ELDERLY_CNT", "DISABLED_CNT", "CHRONICPATIENT_CNT", "happiness"}) {
    h += "," + quoted(c);
  }
  for (int n = 1; n <= kIndicatorCount; ++n)
    h += "," + quoted("indicator" + std::to_string(n) + ".ALL");
  for (int n = 1; n <= kIndicatorCount; ++n)
    h += "," + quoted("indicator" + std::to_string(n) + ".CNT");
  return h + "," + quoted("province_ID") + "\n";
}

std::string mask_row(const Level& level, const std::string& id, const AreaTally& area, int mask,
                     const std::string& province) {
  const MaskTally& t = area.masks[static_cast<std::size_t>(mask)];
  std::string row = level.quote_id ? quoted(id) : id;
  for (const long v : {t.poor_households, t.poor_persons, t.poor_registered, t.target_poor}) {
    row += "," + std::to_string(v);
  }
  for (const long v : t.target_by_dimension) row += "," + std::to_string(v);
  const double rate = area.common.persons > 0 ? 100.0 * static_cast<double>(t.target_poor) /
                                                    static_cast<double>(area.common.persons)
                                              : 0.0;
  row += "," + r_number(rate);
  for (const long v : t.target_by_indicator) row += "," + std::to_string(v);
  return row + "," + quoted(province) + "\n";
}

std::string common_row(const Level& level, const std::string& id, const AreaTally& area,
                       const std::string& province) {
  const CommonTally& c = area.common;
  std::string row = level.quote_id ? quoted(id) : id;
  for (const long v : {c.households, c.persons, c.mof_registered, c.mof_verified, c.elderly,
                       c.disabled, c.chronic}) {
    row += "," + std::to_string(v);
  }
  row += "," + r_number(static_cast<double>(c.happiness_sum) / static_cast<double>(c.households));
  for (const long v : c.assessed) row += "," + std::to_string(v);
  for (const long v : c.failed) row += "," + std::to_string(v);
  return row + "," + quoted(province) + "\n";
}

void write_file(const std::filesystem::path& path, const std::string& text) {
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out << text;
  if (!out) throw std::runtime_error("cannot write " + path.string());
}

std::string mask_name(int mask) {
  const auto digits = mask_digits(mask);
  return std::string(digits.begin(), digits.end());
}

void write_level(const std::filesystem::path& dir, const std::string& province, const Level& level,
                 const std::map<std::string, AreaTally>& rows, bool all_masks) {
  const std::string prefix = "61_" + province + "_" + level.file_word + "_";
  std::string common = common_header(level);
  for (const auto& [id, area] : rows) common += common_row(level, id, area, province);
  write_file(dir / (prefix + "common.csv"), common);
  for (int mask = 1; mask <= kMaskCount; ++mask) {
    if (!all_masks && mask != kMaskCount) continue;
    std::string text = mask_header(level);
    for (const auto& [id, area] : rows) text += mask_row(level, id, area, mask, province);
    write_file(dir / (prefix + mask_name(mask) + ".csv"), text);
  }
}

}  // namespace

TpmapTotals write_tpmap_tables(const AdminTree& tree, const std::vector<Household>& households,
                               const std::filesystem::path& tpmap_dir) {
  std::filesystem::create_directories(tpmap_dir);
  // Rows keyed by TPMAP ID; std::map keeps them in ID order as the real files are.
  std::map<std::string, AreaTally> villages;
  for (const Household& house : households) {
    villages[house.tpmap_village_id].add(tally_household(house));
  }
  std::map<std::string, AreaTally> tambons;
  for (const auto& [id, area] : villages) tambons[id.substr(0, 6)].add(area);
  std::map<std::string, AreaTally> amphoes;
  for (const auto& [id, area] : tambons) amphoes[id.substr(0, 4)].add(area);
  AreaTally province;
  for (const auto& [id, area] : amphoes) province.add(area);

  const std::string& code = tree.province_code;
  write_level(tpmap_dir, code, {"tambol", "tumbol_ID", true}, tambons, true);
  write_level(tpmap_dir, code, {"amphur", "amphur_ID", false}, amphoes, true);
  write_level(tpmap_dir, code, {"village", "village_ID", true}, villages, false);

  TpmapTotals totals;
  totals.households = province.common.households;
  totals.persons = province.common.persons;
  totals.target_poor = province.masks[kMaskCount].target_poor;
  totals.tambon_rows = static_cast<int>(tambons.size());
  totals.village_rows = static_cast<int>(villages.size());
  return totals;
}

}  // namespace chipao::demogen
