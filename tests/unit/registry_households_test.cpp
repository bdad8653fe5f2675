// De-duplication across registries and tallies by area: hand-made records, then the demo's
// three registries against a plain computation written here from the CSV rows.
#include "core/stats/registry_households.h"

#include <fmt/format.h>
#include <gtest/gtest.h>

#include <bit>
#include <map>
#include <set>

#include "core/io/boundary_reader.h"
#include "core/io/table_reader.h"
#include "core/stats/national_id.h"
#include "support/test_paths.h"

namespace chipao {
namespace {

constexpr DimensionMask kHealth = dimension_bit(DimensionId::health);
constexpr DimensionMask kLiving = dimension_bit(DimensionId::living);
constexpr DimensionMask kIncome = dimension_bit(DimensionId::income);

const IdHasher& hasher() {
  static const IdHasher h({1, 1, 2, 3, 5, 8, 13, 21});
  return h;
}

struct Rec {
  std::string house;  // empty: no valid house ID
  std::vector<std::string> ids;
  std::uint32_t village = 99010101;
  std::uint32_t members = 0;  // 0: the number of IDs
  DimensionMask deprived = 0;
  DimensionMask given = kAllDimensions;
  bool village_unknown = false;
};

RegistrySource make_source(const std::string& name, const std::vector<Rec>& recs) {
  RegistrySource s;
  s.descriptor.name = name;
  std::uint32_t line = 2;
  for (const Rec& x : recs) {
    RegistryRecord r;
    if (!x.house.empty()) {
      r.house = hasher().key(x.house);
      r.flags |= RegistryRecord::kHasHouse;
      r.house_tail = static_cast<std::uint16_t>(std::stoi(x.house.substr(x.house.size() - 3)));
    }
    if (x.village_unknown) r.flags |= RegistryRecord::kVillageUnknown;
    r.village = x.village;
    r.line = line++;
    r.first_member = static_cast<std::uint32_t>(s.member_keys.size());
    for (const std::string& id : x.ids) s.member_keys.push_back(hasher().key(id));
    r.member_keys = static_cast<std::uint32_t>(x.ids.size());
    r.members = x.members != 0 ? x.members : static_cast<std::uint32_t>(x.ids.size());
    r.deprived = x.deprived;
    r.given = x.given;
    s.records.push_back(r);
  }
  return s;
}

TEST(Dedup, SameHouseIdAcrossRegistriesIsOneHousehold) {
  std::vector<RegistrySource> sources;
  sources.push_back(make_source("a", {{"99010000001", {"p1", "p2"}, 99010101, 0, kHealth},
                                      {"99010000002", {"p3"}, 99010101, 0, kIncome}}));
  sources.push_back(make_source("b", {{"99010000001", {"p1"}, 99010101, 0, kHealth}}));
  auto r = dedup_households(sources);
  ASSERT_TRUE(r) << r.error().message;
  ASSERT_EQ(r->households.size(), 2u);
  EXPECT_EQ(r->households[0].sources, 0b11);
  EXPECT_EQ(r->households[0].persons, 2u);  // b missed p2: the larger count holds
  EXPECT_EQ(r->households[1].sources, 0b01);
  const DedupReport& rep = r->report;
  EXPECT_EQ(rep.households_per_source, (std::vector<std::size_t>{2, 1}));
  EXPECT_EQ(rep.by_source_count[1], 1u);
  EXPECT_EQ(rep.by_source_count[2], 1u);
  EXPECT_EQ(rep.in_two_or_more(), 1u);
  EXPECT_EQ(rep.by_source_set[0b11], 1u);
  EXPECT_EQ(rep.persons, 3u);
  // Member count 2 against 1.
  EXPECT_EQ(rep.conflicts, 1u);
  ASSERT_EQ(rep.conflict_examples.size(), 1u);
  const ConflictExample& e = rep.conflict_examples[0];
  EXPECT_EQ(e.field, "members");
  EXPECT_EQ(e.house, "xxxxxxxx001");
  ASSERT_EQ(e.values.size(), 2u);
  EXPECT_EQ(e.values[0].source, 0u);
  EXPECT_EQ(e.values[0].value, "2");
  EXPECT_EQ(e.values[1].value, "1");
  EXPECT_EQ(e.values[1].line, 2u);
}

TEST(Dedup, SharedMembersLinkHouseholdsTransitively) {
  // a's house 1 and b's house 2 share p2; b's house 2 and c's record without a house ID
  // share p3: all one household. House 9 stands alone.
  std::vector<RegistrySource> sources;
  sources.push_back(make_source("a", {{"99010000001", {"p1", "p2"}, 99010101, 0, kHealth},
                                      {"99010000009", {"p9"}, 99010101, 0, kHealth}}));
  sources.push_back(make_source("b", {{"99010000002", {"p2", "p3"}, 99010101, 0, kHealth}}));
  sources.push_back(make_source("c", {{"", {"p3", "p4"}, 99010101, 0, kHealth}}));
  auto r = dedup_households(sources);
  ASSERT_TRUE(r) << r.error().message;
  ASSERT_EQ(r->households.size(), 2u);
  EXPECT_EQ(r->households[0].sources, 0b111);
  EXPECT_EQ(r->households[0].persons, 4u);  // p1..p4, distinct
  EXPECT_EQ(r->report.by_source_count[3], 1u);
  EXPECT_EQ(r->report.persons, 5u);
  EXPECT_EQ(r->report.conflicts, 0u);
}

TEST(Dedup, FlagsCombineAndConflictOnlyWhereBothRegistriesSpeak) {
  std::vector<RegistrySource> sources;
  // a says health; b says living and says nothing about health (not given).
  sources.push_back(make_source("a", {{"99010000001", {"p1"}, 99010101, 0, kHealth}}));
  sources.push_back(make_source("b", {{"99010000001",
                                       {"p1"},
                                       99010101,
                                       0,
                                       kLiving,
                                       static_cast<DimensionMask>(kAllDimensions & ~kHealth)}}));
  auto r = dedup_households(sources);
  ASSERT_TRUE(r);
  EXPECT_EQ(r->households[0].deprived, kHealth | kLiving);
  EXPECT_EQ(r->report.conflicts, 1u);  // living: a 0, b 1; health: only a speaks
  ASSERT_EQ(r->report.conflicts_by_field.size(), 1u);
  EXPECT_EQ(r->report.conflicts_by_field[0].first, "living");
}

TEST(Dedup, VillageFromTheFirstRegistryWhoseCodeIsKnown) {
  std::vector<RegistrySource> sources;
  Rec a{"99010000001", {"p1"}, 99010199, 0, kHealth};
  a.village_unknown = true;
  sources.push_back(make_source("a", {a}));
  sources.push_back(make_source("b", {{"99010000001", {"p1"}, 99010102, 0, kHealth}}));
  sources.push_back(make_source("c", {{"99010000005", {"p5"}, 0, 0, kHealth}}));
  auto r = dedup_households(sources);
  ASSERT_TRUE(r);
  EXPECT_EQ(r->households[0].village, 99010102u);
  EXPECT_EQ(r->households[1].village, 0u);
  EXPECT_EQ(r->report.unplaced, 1u);
  ASSERT_EQ(r->report.conflicts_by_field.size(), 1u);
  EXPECT_EQ(r->report.conflicts_by_field[0].first, "village");
  EXPECT_EQ(r->report.conflict_examples[0].values[0].value, "99010199");
}

TEST(Dedup, DuplicatesWithinOneRegistry) {
  std::vector<RegistrySource> sources;
  sources.push_back(make_source("a", {{"99010000001", {"p1"}, 99010101, 0, kHealth},
                                      {"99010000001", {"p1", "p2"}, 99010101, 0, kIncome}}));
  auto r = dedup_households(sources);
  ASSERT_TRUE(r);
  ASSERT_EQ(r->households.size(), 1u);
  EXPECT_EQ(r->report.duplicates_per_source[0], 1u);
  EXPECT_EQ(r->households[0].deprived, kHealth | kIncome);
  EXPECT_EQ(r->households[0].persons, 2u);
  EXPECT_EQ(r->report.conflicts, 0u);  // one registry cannot disagree with another
}

TEST(Dedup, AtMostEightRegistries) {
  std::vector<RegistrySource> sources(9);
  auto r = dedup_households(sources);
  ASSERT_FALSE(r);
  EXPECT_NE(r.error().message.find("at most 8"), std::string::npos);
}

TEST(Dedup, TallyByArea) {
  std::vector<Household> hh = {{99010101, 3, kHealth | kLiving, 1},
                               {99010102, 2, kIncome, 1},
                               {99010201, 4, 0, 1},
                               {99020101, 1, kAllDimensions, 1},
                               {0, 7, kHealth, 1}};
  const auto m = DeprivationMeasure::make();
  const auto tambons = tally_areas(hh, AdminLevel::tambon, *m);
  ASSERT_EQ(tambons.size(), 3u);
  EXPECT_EQ(tambons[0].code, 990101u);
  EXPECT_EQ(tambons[0].tally.households, 2u);
  EXPECT_EQ(tambons[0].tally.persons, 5u);
  EXPECT_EQ(tambons[0].tally.poor_persons, 3u);
  EXPECT_EQ(tambons[1].code, 990102u);
  EXPECT_EQ(tambons[2].code, 990201u);
  const auto amphoe = tally_areas(hh, AdminLevel::amphoe, *m);
  ASSERT_EQ(amphoe.size(), 2u);
  EXPECT_EQ(amphoe[0].code, 9901u);
  EXPECT_EQ(amphoe[0].tally.persons, 9u);
  EXPECT_EQ(amphoe[1].tally.by_count_persons[5], 1u);
  const auto villages = tally_areas(hh, AdminLevel::village, *m);
  EXPECT_EQ(villages.size(), 4u);
}

// ---------------------------------------------------------------------------------------------
// The demo registries, against a computation written here from the rows themselves.

bool valid_national_id(const std::string& id) {
  if (id.size() != 13) return false;
  int sum = 0;
  for (int i = 0; i < 12; ++i) sum += (id[static_cast<std::size_t>(i)] - '0') * (13 - i);
  return (11 - sum % 11) % 10 == id[12] - '0';
}

std::vector<std::string> split(const std::string& s, char sep) {
  std::vector<std::string> out;
  std::string cur;
  for (char c : s) {
    if (c == sep) {
      out.push_back(cur);
      cur.clear();
    } else {
      cur.push_back(c);
    }
  }
  if (!cur.empty()) out.push_back(cur);
  return out;
}

// One registry's view of a household, and the merged household.
struct View {
  std::uint32_t members = 0;
  DimensionMask deprived = 0;
  std::string village;
  std::size_t line = 0;
};
struct Plain {
  std::set<std::string> ids;
  std::map<int, View> views;  // by registry 0 jpt, 1 pppconnext, 2 thaiqm
};

struct Demo {
  std::map<std::string, Plain> houses;
  std::set<std::string> villages;  // village.shp codes
  std::map<std::string, std::string> house_of_id;
  bool ids_cross_houses = false;
  std::array<std::size_t, 3> invalid_ids{};
  // line of each house in each registry: house -> registry -> line
};

TextTable table(const std::string& name) {
  auto t = read_table(test::source_dir() + "/data/demo/registries/" + name);
  EXPECT_TRUE(t) << (t ? "" : t.error().message);
  return t ? *t : TextTable{};
}

const Demo& demo() {
  static const Demo computed = [] {
    Demo demo;
    auto layer = load_boundaries(test::source_dir() + "/data/demo/village.shp");
    EXPECT_TRUE(layer);
    if (layer) {
      for (const BoundaryFeature& f : layer->features) demo.villages.insert(f.code);
    }
    auto add_id = [&](Plain& p, const std::string& house, const std::string& id, int reg) {
      if (!valid_national_id(id)) {
        ++demo.invalid_ids[static_cast<std::size_t>(reg)];
        return;
      }
      p.ids.insert(id);
      auto [it, fresh] = demo.house_of_id.emplace(id, house);
      if (!fresh && it->second != house) demo.ids_cross_houses = true;
    };
    const char* dims_jpt[] = {"dim_health", "dim_living", "dim_education", "dim_income",
                              "dim_access"};
    const TextTable jpt = table("registry_jpt.csv");
    for (std::size_t r = 0; r < jpt.rows.size(); ++r) {
      const auto& row = jpt.rows[r];
      const std::string house = row[static_cast<std::size_t>(jpt.column("house_id"))];
      Plain& p = demo.houses[house];
      View& v = p.views[0];
      v.line = jpt.lines[r];
      v.village = row[static_cast<std::size_t>(jpt.column("village_code"))];
      v.members = static_cast<std::uint32_t>(
          std::stoul(row[static_cast<std::size_t>(jpt.column("members"))]));
      for (int d = 0; d < 5; ++d) {
        if (row[static_cast<std::size_t>(jpt.column(dims_jpt[d]))] == "1")
          v.deprived |= static_cast<DimensionMask>(1u << d);
      }
      for (const std::string& id :
           split(row[static_cast<std::size_t>(jpt.column("member_ids"))], '|'))
        add_id(p, house, id, 0);
    }
    const char* dims_ppp[] = {"Health", "Living", "Education", "Income", "Access"};
    const TextTable ppp = table("registry_pppconnext.csv");
    for (std::size_t r = 0; r < ppp.rows.size(); ++r) {
      const auto& row = ppp.rows[r];
      const std::string house = row[static_cast<std::size_t>(ppp.column("HouseCode"))];
      Plain& p = demo.houses[house];
      const bool first = !p.views.contains(1);
      View& v = p.views[1];
      if (first) {
        v.line = ppp.lines[r];
        v.village = row[static_cast<std::size_t>(ppp.column("VillageID"))];
      }
      v.members += 1;
      for (int d = 0; d < 5; ++d) {
        if (row[static_cast<std::size_t>(ppp.column(dims_ppp[d]))] == "Y")
          v.deprived |= static_cast<DimensionMask>(1u << d);
      }
      add_id(p, house, row[static_cast<std::size_t>(ppp.column("CitizenID"))], 1);
    }
    const char* dims_qm[] = {"ด้านสุขภาพ", "ด้านความเป็นอยู่", "ด้านการศึกษา", "ด้านรายได้",
                             "ด้านการเข้าถึงบริการรัฐ"};
    const TextTable qm = table("registry_thaiqm.csv");
    EXPECT_EQ(qm.encoding, "CP874");
    for (std::size_t r = 0; r < qm.rows.size(); ++r) {
      const auto& row = qm.rows[r];
      const std::string house = row[static_cast<std::size_t>(qm.column("รหัสบ้าน"))];
      Plain& p = demo.houses[house];
      View& v = p.views[2];
      v.line = qm.lines[r];
      v.village = row[static_cast<std::size_t>(qm.column("รหัสหมู่บ้าน"))];
      const auto ids = split(row[static_cast<std::size_t>(qm.column("เลขประจำตัวประชาชน"))], ';');
      v.members = static_cast<std::uint32_t>(ids.size());
      for (int d = 0; d < 5; ++d) {
        if (row[static_cast<std::size_t>(qm.column(dims_qm[d]))] == "1")
          v.deprived |= static_cast<DimensionMask>(1u << d);
      }
      for (const std::string& id : ids) add_id(p, house, id, 2);
    }
    return demo;
  }();
  return computed;
}

struct ModuleRun {
  std::vector<RegistrySource> sources;
  DedupResult dedup;
};

const ModuleRun& module_run() {
  static const ModuleRun run = [] {
    ModuleRun m;
    KnownAreas known;
    auto layer = load_boundaries(test::source_dir() + "/data/demo/village.shp");
    EXPECT_TRUE(layer);
    if (layer) {
      EXPECT_TRUE(known.add_layer(*layer));
    }
    for (const char* name : {"demo_jpt.json", "demo_pppconnext.json", "demo_thaiqm.json"}) {
      auto d = read_registry_descriptor(test::source_dir() + "/layers/registries/" + name);
      EXPECT_TRUE(d) << (d ? "" : d.error().message);
      if (!d) continue;
      auto s = read_registry(*d, hasher());
      EXPECT_TRUE(s) << (s ? "" : s.error().message);
      if (!s) continue;
      check_villages(*s, known);
      m.sources.push_back(std::move(*s));
    }
    auto r = dedup_households(m.sources);
    EXPECT_TRUE(r);
    if (r) m.dedup = std::move(*r);
    return m;
  }();
  return run;
}

// The merged household as documented: persons the larger of distinct IDs and any
// registry's count, dimensions any, village the first known.
struct Merged {
  std::uint32_t persons = 0;
  DimensionMask deprived = 0;
  std::string village;
  std::uint8_t sources = 0;
};

Merged merge(const Demo& demo, const Plain& p) {
  Merged m;
  m.persons = static_cast<std::uint32_t>(p.ids.size());
  for (const auto& [reg, v] : p.views) {
    m.persons = std::max(m.persons, v.members);
    m.deprived |= v.deprived;
    m.sources |= static_cast<std::uint8_t>(1u << reg);
  }
  for (const auto& [reg, v] : p.views) {
    if (demo.villages.contains(v.village)) {
      m.village = v.village;
      break;
    }
  }
  if (m.village.empty()) m.village = p.views.begin()->second.village;
  return m;
}

TEST(DemoRegistries, TheSimpleModelHolds) {
  // Here no national ID is listed under two house IDs, so households are house IDs and the
  // plain computation below needs no union-find of its own.
  EXPECT_FALSE(demo().ids_cross_houses);
  EXPECT_EQ(demo().houses.size(), 13871u);  // data/demo/README.md
}

TEST(DemoRegistries, DedupCountsEqualThePlainComputation) {
  const Demo& d = demo();
  const ModuleRun& m = module_run();
  ASSERT_EQ(m.sources.size(), 3u);
  const DedupReport& rep = m.dedup.report;
  EXPECT_EQ(m.dedup.households.size(), d.houses.size());
  std::array<std::size_t, 4> by_count{};
  std::array<std::size_t, 3> per_source{};
  std::size_t persons = 0;
  std::size_t conflicts = 0;
  for (const auto& [house, p] : d.houses) {
    const Merged x = merge(d, p);
    by_count[static_cast<std::size_t>(std::popcount(x.sources))]++;
    for (const auto& [reg, v] : p.views) per_source[static_cast<std::size_t>(reg)]++;
    persons += x.persons;
    if (p.views.size() < 2) continue;
    std::set<std::uint32_t> members;
    std::set<std::string> villages;
    for (const auto& [reg, v] : p.views) {
      members.insert(v.members);
      villages.insert(v.village);
    }
    conflicts += members.size() > 1;
    conflicts += villages.size() > 1;
    for (int dim = 0; dim < 5; ++dim) {
      std::set<bool> values;
      for (const auto& [reg, v] : p.views) values.insert(((v.deprived >> dim) & 1u) != 0);
      conflicts += values.size() > 1;
    }
  }
  EXPECT_EQ(rep.by_source_count[1], by_count[1]);
  EXPECT_EQ(rep.by_source_count[2], by_count[2]);
  EXPECT_EQ(rep.by_source_count[3], by_count[3]);
  EXPECT_EQ(rep.in_two_or_more(), 2701u);  // data/demo/README.md
  EXPECT_EQ(rep.households_per_source,
            (std::vector<std::size_t>{per_source[0], per_source[1], per_source[2]}));
  EXPECT_EQ(rep.households_per_source, (std::vector<std::size_t>{7313, 5540, 4006}));
  EXPECT_EQ(rep.persons, persons);
  EXPECT_EQ(rep.conflicts, conflicts);
  EXPECT_EQ(rep.conflicts, 6u);
  EXPECT_EQ(rep.unplaced, 0u);
  for (std::size_t s = 0; s < 3; ++s)
    EXPECT_EQ(m.sources[s].issues.count(RegistryIssueKind::invalid_national_id), d.invalid_ids[s]);
}

void expect_areas_equal(AdminLevel level, const DeprivationMeasure& measure) {
  const Demo& d = demo();
  const ModuleRun& m = module_run();
  struct Expected {
    std::uint64_t households = 0, persons = 0, mask = 0, poor = 0, poor_dims = 0;
    std::array<std::uint64_t, 5> deprived{};
    std::array<std::uint64_t, 6> by_count{};
  };
  std::map<std::uint32_t, Expected> expected;
  const std::size_t digits = static_cast<std::size_t>(code_digits(level));
  for (const auto& [house, p] : d.houses) {
    const Merged x = merge(d, p);
    Expected& a = expected[static_cast<std::uint32_t>(std::stoul(x.village.substr(0, digits)))];
    a.households += 1;
    a.persons += x.persons;
    int count = 0;
    for (int dim = 0; dim < 5; ++dim) {
      if ((x.deprived >> dim) & 1u) a.deprived[static_cast<std::size_t>(dim)] += x.persons;
      if (((x.deprived & measure.mask()) >> dim) & 1u) ++count;
    }
    a.by_count[static_cast<std::size_t>(count)] += x.persons;
    if (count > 0) a.mask += x.persons;
    if (static_cast<double>(count) / measure.selected() >= measure.k() - 1e-9) {
      a.poor += x.persons;
      a.poor_dims += static_cast<std::uint64_t>(count) * x.persons;
    }
  }
  const auto rows = tally_areas(m.dedup.households, level, measure);
  ASSERT_EQ(rows.size(), expected.size());
  for (const AreaRow& row : rows) {
    ASSERT_TRUE(expected.contains(row.code)) << row.code;
    const Expected& e = expected.at(row.code);
    const AreaTally& t = row.tally;
    EXPECT_EQ(t.households, e.households) << row.code;
    EXPECT_EQ(t.persons, e.persons) << row.code;
    EXPECT_EQ(t.deprived_persons, e.deprived) << row.code;
    EXPECT_EQ(t.mask_persons, e.mask) << row.code;
    EXPECT_EQ(t.by_count_persons, e.by_count) << row.code;
    EXPECT_EQ(t.poor_persons, e.poor) << row.code;
    const AlkireFoster af = measure.measures(t);
    const double n = static_cast<double>(e.persons);
    const double q = static_cast<double>(e.poor);
    EXPECT_NEAR(af.H, q / n, 1e-12) << row.code;
    const double a =
        e.poor == 0 ? 0.0 : static_cast<double>(e.poor_dims) / (q * measure.selected());
    EXPECT_NEAR(af.A, a, 1e-12) << row.code;
    EXPECT_NEAR(af.M0, q / n * a, 1e-12) << row.code;
  }
}

TEST(DemoRegistries, TambonTalliesEqualThePlainComputation) {
  expect_areas_equal(AdminLevel::tambon, *DeprivationMeasure::make());
}

TEST(DemoRegistries, VillageTalliesWithAMaskAndTheUnionCutoff) {
  expect_areas_equal(AdminLevel::village,
                     *DeprivationMeasure::make(*parse_dimension_mask("10110"), 0.2));
  expect_areas_equal(AdminLevel::amphoe, *DeprivationMeasure::make(kAllDimensions, 0.6));
}

TEST(DemoRegistries, EveryDocumentedAnomalyIsFound) {
  const ModuleRun& m = module_run();
  const Demo& d = demo();
  const TextTable key = table("anomalies.csv");
  ASSERT_EQ(key.rows.size(), 11u);
  const std::map<std::string, std::size_t> registry = {
      {"jpt", 0}, {"pppconnext", 1}, {"thaiqm", 2}};
  const std::map<std::string, std::string> field = {{"members", "members"},
                                                    {"dim_living", "living"},
                                                    {"ด้านรายได้", "income"},
                                                    {"ด้านสุขภาพ", "health"},
                                                    {"ด้านการศึกษา", "education"}};
  std::size_t conflicts = 0, bad_ids = 0, unknown = 0;
  for (const auto& row : key.rows) {
    const std::string& kind = row[0];
    const std::size_t reg = registry.at(row[1]);
    const std::string& house = row[2];
    ASSERT_TRUE(d.houses.contains(house)) << house;
    const std::size_t line = d.houses.at(house).views.at(static_cast<int>(reg)).line;
    if (kind == "conflict_member_count" || kind == "conflict_dimension") {
      ++conflicts;
      const std::string tail = "xxxxxxxx" + house.substr(8);
      bool found = false;
      for (const ConflictExample& e : m.dedup.report.conflict_examples) {
        if (e.house != tail || e.field != field.at(row[3])) continue;
        for (const ConflictValue& v : e.values)
          found = found || (v.source == reg && v.line == line && v.value == row[4]);
      }
      EXPECT_TRUE(found) << kind << " " << house;
    } else {
      const RegistryIssueKind k = kind == "bad_check_digit" ? RegistryIssueKind::invalid_national_id
                                                            : RegistryIssueKind::unknown_village;
      const std::string value =
          k == RegistryIssueKind::invalid_national_id ? mask_national_id(row[4]) : row[4];
      ++(k == RegistryIssueKind::invalid_national_id ? bad_ids : unknown);
      bool found = false;
      for (const RegistryIssue& i : m.sources[reg].issues.listed)
        found = found || (i.kind == k && i.line == line && i.value == value);
      EXPECT_TRUE(found) << kind << " " << house << " line " << line;
    }
  }
  EXPECT_EQ(conflicts, 6u);
  EXPECT_EQ(bad_ids, 3u);
  EXPECT_EQ(unknown, 2u);
  // And nothing else: the demo is otherwise clean.
  EXPECT_EQ(m.dedup.report.conflicts, 6u);
  EXPECT_EQ(m.dedup.report.conflicting_households, 6u);
  std::size_t issues_bad = 0, issues_unknown = 0, other = 0;
  for (const RegistrySource& s : m.sources) {
    issues_bad += s.issues.count(RegistryIssueKind::invalid_national_id);
    issues_unknown += s.issues.count(RegistryIssueKind::unknown_village);
    other += s.issues.count(RegistryIssueKind::invalid_house_id) +
             s.issues.count(RegistryIssueKind::invalid_village_code);
  }
  EXPECT_EQ(issues_bad, 3u);
  EXPECT_EQ(issues_unknown, 2u);
  EXPECT_EQ(other, 0u);
  // The JPT household that claims living without a failing living indicator.
  EXPECT_EQ(m.sources[0].issues.count(RegistryIssueKind::flags_disagree), 1u);
}

}  // namespace
}  // namespace chipao
