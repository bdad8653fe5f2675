#include "registries.h"

#include <algorithm>
#include <array>
#include <bit>
#include <fstream>
#include <map>
#include <set>
#include <stdexcept>
#include <string>
#include <utility>

#include "number_text.h"
#include "rng.h"
#include "thai_id.h"
#include "thai_text.h"

namespace chipao::demogen {
namespace {

std::size_t at(int i) {
  return static_cast<std::size_t>(i);
}

enum Registry : unsigned { kJpt = 1, kPpp = 2, kThaiqm = 4 };

const char* registry_name(Registry r) {
  switch (r) {
    case kJpt:
      return "jpt";
    case kPpp:
      return "pppconnext";
    case kThaiqm:
      return "thaiqm";
  }
  return "?";
}

// Which registries list a household (0: none; no list is complete). Of the households listed,
// 80 % are in exactly one registry and 20 % in two or three; JPT lists about 52 %, PPP Connext
// about 40 % and ThaiQM about 30 % of them.
unsigned draw_registries(Rng& rng) {
  if (rng.chance(0.25)) return 0;
  const double u = rng.uniform();
  if (u < 0.090) return kJpt | kPpp;
  if (u < 0.145) return kJpt | kThaiqm;
  if (u < 0.180) return kPpp | kThaiqm;
  if (u < 0.200) return kJpt | kPpp | kThaiqm;
  if (u < 0.560) return kJpt;
  if (u < 0.810) return kPpp;
  return kThaiqm;
}

// A deliberate deviation of one registry's record of one household from the truth.
struct Edit {
  std::string village_code;         // replaces the true code when not empty
  bool drop_last_member = false;    // the registry missed a member
  int flipped_dimension = -1;       // the registry's household flag for it is wrong
  int bad_check_digit_member = -1;  // this member's ID was mistyped (check digit off)
};

struct Anomaly {
  std::string kind;
  Registry registry;
  std::string house_id;
  std::string field;
  std::string written;
  std::string expected;
};

struct Listing {
  const Household* house = nullptr;
  unsigned registries = 0;
};

// One registry's view of a household, after its edits.
struct HouseRecord {
  std::string village_code;
  std::vector<const Person*> members;
  std::vector<std::string> ids;
  std::array<int, kDimensionCount> dimensions{};  // 0/1 per dimension
};

std::string mistyped(const std::string& id) {
  std::string bad = id;
  bad[12] = static_cast<char>('0' + (bad[12] - '0' + 1) % 10);
  return bad;
}

class RegistryBook {
 public:
  RegistryBook(const AdminTree& tree, const std::vector<Household>& households, std::uint64_t seed)
      : tree_(tree) {
    Rng rng(stream_seed(seed, "registry membership"));
    for (const Household& house : households) {
      if (house.dimensions() == 0) continue;
      ++deprived_households_;
      const unsigned registries = draw_registries(rng);
      if (registries != 0) listings_.push_back({&house, registries});
    }
    std::sort(listings_.begin(), listings_.end(), [](const Listing& a, const Listing& b) {
      return a.house->house_id < b.house->house_id;
    });
    plant_anomalies(Rng(stream_seed(seed, "registry anomalies")));
  }

  const std::vector<Listing>& listings() const { return listings_; }
  const std::vector<Anomaly>& anomalies() const { return anomalies_; }
  long deprived_households() const { return deprived_households_; }

  HouseRecord record(const Household& house, Registry registry) const {
    HouseRecord r;
    r.village_code = tree_.villages[at(house.village)].code;
    const auto found = edits_.find({house.house_id, registry});
    const Edit edit = found != edits_.end() ? found->second : Edit{};
    if (!edit.village_code.empty()) r.village_code = edit.village_code;
    std::size_t count = house.members.size();
    if (edit.drop_last_member) --count;
    for (std::size_t i = 0; i < count; ++i) {
      const Person& p = house.members[i];
      r.members.push_back(&p);
      r.ids.push_back(static_cast<int>(i) == edit.bad_check_digit_member ? mistyped(p.national_id)
                                                                         : p.national_id);
      for (int d = 0; d < kDimensionCount; ++d) {
        if ((p.dimensions >> d & 1U) != 0) r.dimensions[at(d)] = 1;
      }
    }
    if (edit.flipped_dimension >= 0) {
      int& flag = r.dimensions[at(edit.flipped_dimension)];
      flag = 1 - flag;
    }
    return r;
  }

 private:
  // Picks a household listed in exactly `registries`, not yet used by another anomaly, with at
  // least `min_members` members.
  const Household& pick(Rng& rng, unsigned registries, std::size_t min_members) {
    std::vector<const Household*> candidates;
    for (const Listing& l : listings_) {
      if (l.registries == registries && l.house->members.size() >= min_members &&
          used_.count(l.house->house_id) == 0) {
        candidates.push_back(l.house);
      }
    }
    if (candidates.empty()) throw std::runtime_error("no household left for a registry anomaly");
    const Household* chosen =
        candidates[at(rng.int_in(0, static_cast<int>(candidates.size()) - 1))];
    used_.insert(chosen->house_id);
    return *chosen;
  }

  void drop_member(Rng& rng, unsigned registries, Registry in) {
    const Household& house = pick(rng, registries, 2);
    edits_[{house.house_id, in}].drop_last_member = true;
    anomalies_.push_back({"conflict_member_count", in, house.house_id, "members",
                          std::to_string(house.members.size() - 1),
                          std::to_string(house.members.size())});
  }

  void flip_dimension(Rng& rng, unsigned registries, Registry in, int dimension,
                      const char* field) {
    const Household& house = pick(rng, registries, 1);
    edits_[{house.house_id, in}].flipped_dimension = dimension;
    const int truth = (house.dimensions() >> dimension) & 1;
    anomalies_.push_back({"conflict_dimension", in, house.house_id, field,
                          std::to_string(1 - truth), std::to_string(truth)});
  }

  void mistype_id(Rng& rng, Registry in) {
    const Household& house = pick(rng, in, 1);
    edits_[{house.house_id, in}].bad_check_digit_member = 0;
    const std::string& id = house.members.front().national_id;
    anomalies_.push_back({"bad_check_digit", in, house.house_id, "national_id", mistyped(id), id});
  }

  void misplace_village(Rng& rng, Registry in) {
    const Household& house = pick(rng, in, 1);
    const VillageUnit& village = tree_.villages[at(house.village)];
    const TambonUnit& tambon = tree_.tambons[at(village.tambon)];
    // A หมู่ number past the tambon's last village exists in no boundary layer.
    const std::string code =
        tambon.code + zero_padded(static_cast<long>(tambon.villages.size()) + 11, 2);
    edits_[{house.house_id, in}].village_code = code;
    anomalies_.push_back(
        {"unknown_village", in, house.house_id, "village_code", code, village.code});
  }

  void plant_anomalies(Rng rng) {
    drop_member(rng, kJpt | kPpp, kPpp);
    flip_dimension(rng, kJpt | kPpp, kJpt, kLiving, "dim_living");
    flip_dimension(rng, kJpt | kThaiqm, kThaiqm, kIncome, "ด้านรายได้");
    drop_member(rng, kJpt | kThaiqm, kThaiqm);
    flip_dimension(rng, kPpp | kThaiqm, kThaiqm, kHealth, "ด้านสุขภาพ");
    flip_dimension(rng, kJpt | kPpp | kThaiqm, kThaiqm, kEducation, "ด้านการศึกษา");
    mistype_id(rng, kJpt);
    mistype_id(rng, kPpp);
    mistype_id(rng, kThaiqm);
    misplace_village(rng, kJpt);
    misplace_village(rng, kThaiqm);
  }

  const AdminTree& tree_;
  std::vector<Listing> listings_;
  long deprived_households_ = 0;
  std::map<std::pair<std::string, Registry>, Edit> edits_;
  std::set<std::string> used_;
  std::vector<Anomaly> anomalies_;
};

void write_file(const std::filesystem::path& path, const std::string& bytes) {
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out << bytes;
  if (!out) throw std::runtime_error("cannot write " + path.string());
}

std::string joined(const std::vector<std::string>& parts, char separator) {
  std::string out;
  for (std::size_t i = 0; i < parts.size(); ++i) {
    if (i > 0) out += separator;
    out += parts[i];
  }
  return out;
}

std::string jpt_csv(const RegistryBook& book) {
  std::string text =
      "house_id,village_code,member_ids,members,dim_health,dim_living,dim_education,dim_income,"
      "dim_access";
  for (int n = 1; n <= kIndicatorCount; ++n) text += ",ind" + std::to_string(n);
  text += "\n";
  for (const Listing& l : book.listings()) {
    if ((l.registries & kJpt) == 0) continue;
    const HouseRecord r = book.record(*l.house, kJpt);
    text += l.house->house_id + "," + r.village_code + "," + joined(r.ids, '|') + "," +
            std::to_string(r.members.size());
    for (const int flag : r.dimensions) text += "," + std::to_string(flag);
    for (int n = 0; n < kIndicatorCount; ++n) {
      int failing = 0;
      for (const Person* p : r.members) failing += static_cast<int>((p->failed >> n) & 1U);
      text += "," + std::to_string(failing);
    }
    text += "\n";
  }
  return text;
}

std::string ppp_csv(const RegistryBook& book) {
  std::string text = "HouseCode,CitizenID,VillageID,Age,Health,Living,Education,Income,Access\n";
  for (const Listing& l : book.listings()) {
    if ((l.registries & kPpp) == 0) continue;
    const HouseRecord r = book.record(*l.house, kPpp);
    for (std::size_t i = 0; i < r.members.size(); ++i) {
      const Person& p = *r.members[i];
      text +=
          l.house->house_id + "," + r.ids[i] + "," + r.village_code + "," + std::to_string(p.age);
      for (int d = 0; d < kDimensionCount; ++d) text += (p.dimensions >> d & 1U) != 0 ? ",Y" : ",N";
      text += "\n";
    }
  }
  return text;
}

// Written like a spreadsheet export from a Thai Windows machine: TIS-620 and CRLF.
std::string thaiqm_csv(const RegistryBook& book) {
  std::string text =
      "รหัสบ้าน,รหัสหมู่บ้าน,เลขประจำตัวประชาชน,ด้านสุขภาพ,ด้านความเป็นอยู่,ด้านการศึกษา,ด้านรายได้,"
      "ด้านการเข้าถึงบริการรัฐ\r\n";
  for (const Listing& l : book.listings()) {
    if ((l.registries & kThaiqm) == 0) continue;
    const HouseRecord r = book.record(*l.house, kThaiqm);
    text += l.house->house_id + "," + r.village_code + "," + joined(r.ids, ';');
    for (const int flag : r.dimensions) text += "," + std::to_string(flag);
    text += "\r\n";
  }
  return utf8_to_tis620(text);
}

std::string anomalies_csv(const RegistryBook& book) {
  std::string text = "anomaly,registry,house_id,field,written,expected\n";
  for (const Anomaly& a : book.anomalies()) {
    text += a.kind + "," + registry_name(a.registry) + "," + a.house_id + "," + a.field + "," +
            a.written + "," + a.expected + "\n";
  }
  return text;
}

}  // namespace

RegistryTotals write_registries(const AdminTree& tree, const std::vector<Household>& households,
                                const std::filesystem::path& registry_dir, std::uint64_t seed) {
  std::filesystem::create_directories(registry_dir);
  const RegistryBook book(tree, households, seed);
  write_file(registry_dir / "registry_jpt.csv", jpt_csv(book));
  write_file(registry_dir / "registry_pppconnext.csv", ppp_csv(book));
  write_file(registry_dir / "registry_thaiqm.csv", thaiqm_csv(book));
  write_file(registry_dir / "anomalies.csv", anomalies_csv(book));

  RegistryTotals totals;
  totals.deprived_households = book.deprived_households();
  for (const Listing& l : book.listings()) {
    ++totals.listed_households;
    totals.jpt += (l.registries & kJpt) != 0 ? 1 : 0;
    totals.pppconnext += (l.registries & kPpp) != 0 ? 1 : 0;
    totals.thaiqm += (l.registries & kThaiqm) != 0 ? 1 : 0;
    const int count = std::popcount(l.registries);
    totals.in_two_or_more += count >= 2 ? 1 : 0;
  }
  return totals;
}

}  // namespace chipao::demogen
