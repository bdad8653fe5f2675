// Reading registries: household and person rows, IDs checked and hashed, and every bad input
// reported with file, line and column (IDs masked).
#include "core/stats/registry_reader.h"

#include <fmt/format.h>
#include <gtest/gtest.h>

#include <fstream>
#include <regex>

#include "core/io/text_encoding.h"
#include "core/stats/national_id.h"
#include "support/test_paths.h"

namespace chipao {
namespace {

// A valid national ID: 12 digits and their check digit.
std::string valid_id(int n) {
  const std::string first12 = fmt::format("3990100{:05d}", n);
  return first12 + std::to_string(national_id_check_digit(first12));
}

// The same ID with its check digit one off.
std::string bad_id(int n) {
  std::string id = valid_id(n);
  id.back() = static_cast<char>('0' + (id.back() - '0' + 1) % 10);
  return id;
}

std::string write(const std::string& path, const std::string& bytes) {
  std::ofstream(path, std::ios::binary) << bytes;
  return path;
}

struct Fixture {
  std::string dir;
  std::string csv;
  std::string descriptor;
};

// Writes `csv` and a descriptor (`json_body` are its members after "source").
Fixture fixture(const std::string& tag, const std::string& csv, const std::string& json_body) {
  Fixture f;
  f.dir = test::temp_dir(tag);
  f.csv = write(f.dir + "/registry.csv", csv);
  f.descriptor = write(f.dir + "/registry.json",
                       "{\"name\": \"test\", \"source\": \"registry.csv\", " + json_body + "}");
  return f;
}

const IdHasher& hasher() {
  static const IdHasher h({9, 8, 7, 6, 5, 4, 3, 2, 1, 0});
  return h;
}

Result<RegistrySource> read(const Fixture& f, const RegistryReadOptions& options = {}) {
  auto d = read_registry_descriptor(f.descriptor);
  if (!d) return std::unexpected(d.error());
  return read_registry(*d, hasher(), options);
}

const char* kHouseholdJson = R"("row": "household",
  "columns": {"house_id": "house_id", "village_code": "village_code",
              "national_ids": "member_ids", "members": "members"},
  "dimensions": {"health": "health", "education": "education"},
  "true_values": ["1"], "false_values": ["0"])";

TEST(RegistryReader, HouseholdRowsBecomeRecordsWithHashedMembers) {
  const Fixture f =
      fixture("reg-household",
              "house_id,village_code,member_ids,members,health,education\n" +
                  fmt::format("99010000001,99010101,{}|{},2,1,0\n", valid_id(1), valid_id(2)) +
                  fmt::format("99010000002,99010102,{},,0,1\n", valid_id(3)),
              kHouseholdJson);
  auto src = read(f);
  ASSERT_TRUE(src) << src.error().message;
  EXPECT_EQ(src->rows, 2u);
  EXPECT_EQ(src->encoding, "UTF-8");
  ASSERT_EQ(src->records.size(), 2u);
  ASSERT_EQ(src->member_keys.size(), 3u);
  const RegistryRecord& a = src->records[0];
  EXPECT_TRUE(a.has_house());
  EXPECT_EQ(a.house, hasher().key("99010000001"));
  EXPECT_EQ(a.house_tail, 1);
  EXPECT_EQ(a.village, 99010101u);
  EXPECT_EQ(a.line, 2u);
  EXPECT_EQ(a.members, 2u);
  EXPECT_EQ(a.member_keys, 2u);
  EXPECT_EQ(src->member_keys[a.first_member], hasher().key(valid_id(1)));
  EXPECT_EQ(a.deprived, dimension_bit(DimensionId::health));
  EXPECT_EQ(a.given, dimension_bit(DimensionId::health) | dimension_bit(DimensionId::education));
  const RegistryRecord& b = src->records[1];
  EXPECT_EQ(b.members, 1u);  // blank member count: the IDs listed
  EXPECT_EQ(b.line, 3u);
  EXPECT_EQ(b.deprived, dimension_bit(DimensionId::education));
  EXPECT_EQ(src->ids_listed, 3u);
  EXPECT_TRUE(src->issues.listed.empty());
}

TEST(RegistryReader, IndicatorsDeriveDimensionsAndDisagreementsAreReported) {
  const Fixture f = fixture("reg-indicators",
                            "house_id,village_code,members,dim_living,ind1,ind8,ind15\n"
                            "99010000001,99010101,3,0,2,0,0\n"
                            "99010000002,99010101,1,1,0,0,0\n",
                            R"("columns": {"house_id": "house_id", "village_code": "village_code",
                                "members": "members"},
                               "dimensions": {"living": "dim_living"},
                               "indicators": {"columns": {"1": "ind1", "8": "ind8", "15": "ind15"}},
                               "true_values": ["1"], "false_values": ["0"])");
  auto src = read(f);
  ASSERT_TRUE(src) << src.error().message;
  ASSERT_EQ(src->records.size(), 2u);
  const DimensionMask health = dimension_bit(DimensionId::health);
  const DimensionMask living = dimension_bit(DimensionId::living);
  const DimensionMask education = dimension_bit(DimensionId::education);
  EXPECT_EQ(src->records[0].deprived, health);  // indicator 1 fails for 2 members
  EXPECT_EQ(src->records[0].given, health | living | education);
  EXPECT_EQ(src->records[0].failing_indicators, 1u);
  EXPECT_EQ(src->records[1].deprived, living);  // the flag wins over its indicators
  ASSERT_EQ(src->issues.count(RegistryIssueKind::flags_disagree), 1u);
  const std::string m = src->issues.listed.at(0).message();
  EXPECT_NE(m.find(f.csv + ": line 3, column dim_living"), std::string::npos) << m;
  EXPECT_NE(m.find("indicators (8, 9, 10, 11)"), std::string::npos) << m;
}

TEST(RegistryReader, PersonRowsAreGatheredIntoTheirHouse) {
  const Fixture f = fixture("reg-person",
                            "HouseCode,CitizenID,VillageID,Health,Income\n" +
                                fmt::format("99010000007,{},99010101,N,Y\n", valid_id(1)) +
                                fmt::format("99010000003,{},99010101,Y,N\n", valid_id(2)) +
                                fmt::format("99010000007,{},99010101,N,N\n", valid_id(3)) +
                                fmt::format("99010000003,{},99010101,N,N\n", bad_id(4)),
                            R"("row": "person",
         "columns": {"house_id": "HouseCode", "village_code": "VillageID", "national_id": "CitizenID"},
         "dimensions": {"health": "Health", "income": "Income"},
         "true_values": ["Y"], "false_values": ["N"])");
  auto src = read(f);
  ASSERT_TRUE(src) << src.error().message;
  EXPECT_EQ(src->rows, 4u);
  ASSERT_EQ(src->records.size(), 2u);
  // In the order houses first appear, not in the order of their hashes.
  const RegistryRecord& a = src->records[0];
  EXPECT_EQ(a.house, hasher().key("99010000007"));
  EXPECT_EQ(a.line, 2u);
  EXPECT_EQ(a.members, 2u);
  EXPECT_EQ(a.member_keys, 2u);
  EXPECT_EQ(a.deprived, dimension_bit(DimensionId::income));
  const RegistryRecord& b = src->records[1];
  EXPECT_EQ(b.line, 3u);
  EXPECT_EQ(b.members, 2u);      // the person with a bad ID still counts
  EXPECT_EQ(b.member_keys, 1u);  // but links nothing
  EXPECT_EQ(b.deprived, dimension_bit(DimensionId::health));
  std::vector<IdKey> keys(src->member_keys.begin() + a.first_member,
                          src->member_keys.begin() + a.first_member + a.member_keys);
  EXPECT_EQ(keys, (std::vector<IdKey>{hasher().key(valid_id(1)), hasher().key(valid_id(3))}));
  EXPECT_EQ(src->issues.count(RegistryIssueKind::invalid_national_id), 1u);
}

TEST(RegistryReader, InvalidCheckDigitIsReportedWithFileLineColumnAndAMaskedValue) {
  const std::string bad = bad_id(2);
  const Fixture f = fixture("reg-checkdigit",
                            "house_id,village_code,member_ids,members,health,education\n" +
                                fmt::format("99010000001,99010101,{},1,1,0\n", valid_id(1)) +
                                fmt::format("99010000002,99010101,{}|{},2,1,0\n", valid_id(3), bad),
                            kHouseholdJson);
  auto src = read(f);
  ASSERT_TRUE(src) << src.error().message;
  ASSERT_EQ(src->issues.count(RegistryIssueKind::invalid_national_id), 1u);
  const RegistryIssue& issue = src->issues.listed.at(0);
  EXPECT_EQ(issue.file, f.csv);
  EXPECT_EQ(issue.line, 3u);
  EXPECT_EQ(issue.column, "member_ids");
  EXPECT_EQ(issue.value, mask_national_id(bad));
  const std::string m = issue.message();
  EXPECT_NE(m.find(f.csv + ": line 3, column member_ids: national ID x-xxxx-xxxxx-"),
            std::string::npos)
      << m;
  EXPECT_NE(m.find("check digit"), std::string::npos) << m;
  EXPECT_EQ(m.find(bad), std::string::npos) << "the full ID must never appear: " << m;
  EXPECT_EQ(m.find(bad.substr(0, 10)), std::string::npos) << m;
  // The household keeps both members; only the valid ID links.
  EXPECT_EQ(src->records[1].members, 2u);
  EXPECT_EQ(src->records[1].member_keys, 1u);
}

TEST(RegistryReader, MissingKeyColumnNamesFileHeaderLineColumnAndDescriptor) {
  const Fixture f = fixture("reg-missing",
                            "house,village_code,member_ids,members,health\n"
                            "99010000001,99010101,,1,1\n",
                            kHouseholdJson);
  auto src = read(f);
  ASSERT_FALSE(src);
  const std::string& m = src.error().message;
  EXPECT_NE(m.find(f.csv + ": line 1 (the header): no column \"house_id\""), std::string::npos)
      << m;
  EXPECT_NE(m.find("\"columns\".\"house_id\" of " + f.descriptor), std::string::npos) << m;
  EXPECT_NE(m.find("the file's columns are: house, village_code"), std::string::npos) << m;
  EXPECT_EQ(m.find('\n'), std::string::npos) << "one line";
}

TEST(RegistryReader, NonNumericIndicatorCountNamesFileLineColumn) {
  const Fixture f = fixture("reg-count",
                            "house_id,village_code,ind1,ind8\n"
                            "99010000001,99010101,0,1\n"
                            "99010000002,99010101,abc,0\n",
                            R"("columns": {"house_id": "house_id", "village_code": "village_code"},
                               "indicators": {"columns": {"1": "ind1", "8": "ind8"}})");
  auto src = read(f);
  ASSERT_FALSE(src);
  const std::string& m = src.error().message;
  EXPECT_NE(m.find(f.csv + ": line 3, column ind1: 'abc' is not a count of members failing "
                           "indicator 1"),
            std::string::npos)
      << m;
  EXPECT_EQ(m.find('\n'), std::string::npos);
}

TEST(RegistryReader, CountsAsPlannersTypeThemAndIdsInTheWrongColumnStayMasked) {
  // Thai digits and grouping are counts; a fraction or a national ID is not.
  const Fixture ok =
      fixture("reg-count-thai", "house_id,village_code,ind1\n99010000001,99010101,๒\n",
              R"("columns": {"house_id": "house_id", "village_code": "village_code"},
                                "indicators": {"columns": {"1": "ind1"}})");
  auto src = read(ok);
  ASSERT_TRUE(src) << src.error().message;
  EXPECT_EQ(src->records[0].deprived, dimension_bit(DimensionId::health));
  const std::string id = valid_id(5);
  const Fixture wrong =
      fixture("reg-count-id",
              "house_id,village_code,ind1\n99010000001,99010101,1.5\n"
              "99010000002,99010101," +
                  id + "x\n",
              R"("columns": {"house_id": "house_id", "village_code": "village_code"},
                                   "indicators": {"columns": {"1": "ind1"}})");
  auto bad = read(wrong);
  ASSERT_FALSE(bad);
  EXPECT_NE(bad.error().message.find("line 2, column ind1: '1.5'"), std::string::npos)
      << bad.error().message;
  const Fixture wrong2 =
      fixture("reg-count-id2", "house_id,village_code,ind1\n99010000002,99010101," + id + "x\n",
              R"("columns": {"house_id": "house_id", "village_code": "village_code"},
                                    "indicators": {"columns": {"1": "ind1"}})");
  auto masked = read(wrong2);
  ASSERT_FALSE(masked);
  EXPECT_EQ(masked.error().message.find(id), std::string::npos) << masked.error().message;
  EXPECT_NE(masked.error().message.find("line 2, column ind1"), std::string::npos);
}

TEST(RegistryReader, UnknownFlagValueIsAnError) {
  const Fixture f = fixture("reg-flag",
                            "house_id,village_code,member_ids,members,health,education\n"
                            "99010000001,99010101,,1,maybe,0\n",
                            kHouseholdJson);
  auto src = read(f);
  ASSERT_FALSE(src);
  EXPECT_NE(src.error().message.find(f.csv + ": line 2, column health: 'maybe' is neither"),
            std::string::npos)
      << src.error().message;
}

TEST(RegistryReader, BadHouseIdsAndVillageCodesAreKeptAndReported) {
  const Fixture f = fixture("reg-badcodes",
                            "house_id,village_code,member_ids,members,health,education\n" +
                                fmt::format("9901000001,99010101,{},1,1,0\n", valid_id(1)) +
                                fmt::format("99010000002,990101,{},1,1,0\n", valid_id(2)),
                            kHouseholdJson);
  auto src = read(f);
  ASSERT_TRUE(src) << src.error().message;
  ASSERT_EQ(src->records.size(), 2u);
  EXPECT_FALSE(src->records[0].has_house());
  EXPECT_EQ(src->records[0].member_keys, 1u);
  EXPECT_EQ(src->records[1].village, 0u);
  EXPECT_EQ(src->issues.count(RegistryIssueKind::invalid_house_id), 1u);
  EXPECT_EQ(src->issues.count(RegistryIssueKind::invalid_village_code), 1u);
  for (const RegistryIssue& i : src->issues.listed) {
    if (i.kind == RegistryIssueKind::invalid_house_id) {
      EXPECT_EQ(i.line, 2u);
      EXPECT_EQ(i.value, "xxxxxxx001");
      EXPECT_NE(i.message().find("11 digits expected, got 10"), std::string::npos);
    } else {
      EXPECT_EQ(i.line, 3u);
      EXPECT_EQ(i.column, "village_code");
      EXPECT_NE(i.message().find(f.csv + ": line 3, column village_code: village code 990101"),
                std::string::npos)
          << i.message();
    }
  }
}

TEST(RegistryReader, VillageInNoBoundaryLayerIsReportedWithFileLineColumn) {
  const Fixture f = fixture("reg-unknown",
                            "house_id,village_code,member_ids,members,health,education\n"
                            "99010000001,99010101,,1,1,0\n"
                            "99010000002,99010199,,1,1,0\n",
                            kHouseholdJson);
  auto src = read(f);
  ASSERT_TRUE(src) << src.error().message;
  KnownAreas villages;
  villages.add(AdminLevel::village, "99010101");
  villages.add(AdminLevel::village, "99010102");
  check_villages(*src, villages);
  ASSERT_EQ(src->issues.count(RegistryIssueKind::unknown_village), 1u);
  const RegistryIssue& i = src->issues.listed.at(0);
  EXPECT_EQ(i.line, 3u);
  EXPECT_NE(i.message().find(f.csv + ": line 3, column village_code: village code 99010199: in "
                                     "no boundary layer"),
            std::string::npos)
      << i.message();
  EXPECT_EQ(src->records[1].flags & RegistryRecord::kVillageUnknown,
            RegistryRecord::kVillageUnknown);
  EXPECT_EQ(src->records[0].flags & RegistryRecord::kVillageUnknown, 0);

  // A tambon layer can only vouch for the tambon.
  KnownAreas tambons;
  tambons.add(AdminLevel::tambon, "990101");
  EXPECT_TRUE(tambons.knows_village(99010199));
  EXPECT_FALSE(tambons.knows_village(99010299));
  EXPECT_FALSE(KnownAreas().knows(AdminLevel::tambon, 990101));
  // A village layer vouches for the tambon and amphoe its villages lie in.
  EXPECT_TRUE(villages.knows(AdminLevel::amphoe, 9901));
  EXPECT_TRUE(villages.knows(AdminLevel::tambon, 990101));
  EXPECT_FALSE(villages.knows(AdminLevel::tambon, 990102));
  EXPECT_FALSE(villages.knows(AdminLevel::amphoe, 9902));
}

TEST(RegistryReader, ReadingInSmallPiecesGivesTheSameRecordsAndTheFileLines) {
  std::string csv = "house_id,village_code,note,member_ids,members,health,education\n";
  for (int i = 1; i <= 300; ++i) {
    // A quoted note with a line break every tenth row: records and lines must not drift.
    const std::string note = i % 10 == 0 ? "\"two\nlines, quoted\"" : "plain";
    csv += fmt::format("990100{:05d},99010101,{},{}|{},2,{},0\n", i, note, valid_id(2 * i),
                       valid_id(2 * i + 1), i % 2);
  }
  const Fixture f = fixture("reg-chunks", csv, kHouseholdJson);
  auto whole = read(f);
  ASSERT_TRUE(whole) << whole.error().message;
  RegistryReadOptions small;
  small.chunk_bytes = 100;
  auto pieces = read(f, small);
  ASSERT_TRUE(pieces) << pieces.error().message;
  ASSERT_EQ(whole->records.size(), 300u);
  ASSERT_EQ(pieces->records.size(), 300u);
  EXPECT_EQ(whole->member_keys, pieces->member_keys);
  for (std::size_t i = 0; i < 300; ++i) {
    EXPECT_EQ(whole->records[i].line, pieces->records[i].line) << i;
    EXPECT_EQ(whole->records[i].house, pieces->records[i].house) << i;
    EXPECT_EQ(whole->records[i].deprived, pieces->records[i].deprived) << i;
  }
  // Row 300 starts on line 301 + 29 earlier breaks inside quotes.
  EXPECT_EQ(pieces->records.back().line, 330u);

  // An error deep in the file names the file's line, not the piece's.
  std::string broken = csv;
  broken += "99010099999,99010101,x,,abc,1,0\n";
  const Fixture g = fixture("reg-chunks-bad", broken, kHouseholdJson);
  auto bad = read(g, small);
  ASSERT_FALSE(bad);
  EXPECT_NE(bad.error().message.find(g.csv + ": line 332, column members"), std::string::npos)
      << bad.error().message;

  // So does the CSV parser's own message about a row of the wrong width.
  std::string short_row = csv;
  short_row += "99010099999,99010101\n";
  const Fixture h = fixture("reg-chunks-short", short_row, kHouseholdJson);
  auto narrow = read(h, small);
  ASSERT_FALSE(narrow);
  EXPECT_NE(narrow.error().message.find(h.csv + ": line 332 has 2 cells"), std::string::npos)
      << narrow.error().message;
}

TEST(RegistryReader, Tis620WithCrlfAndThaiColumnNames) {
  const std::string utf8 =
      "รหัสบ้าน,รหัสหมู่บ้าน,เลขประจำตัวประชาชน,ด้านรายได้\r\n" +
      fmt::format("99010000001,99010101,{};{},1\r\n", valid_id(1), valid_id(2));
  const std::string dir = test::temp_dir("reg-tis");
  write(dir + "/qm.csv", utf8_to_cp874(utf8));
  write(dir + "/qm.json", R"({"source": "qm.csv",
    "columns": {"house_id": "รหัสบ้าน", "village_code": "รหัสหมู่บ้าน",
                "national_ids": "เลขประจำตัวประชาชน"},
    "id_separator": ";", "dimensions": {"income": "ด้านรายได้"}})");
  auto d = read_registry_descriptor(dir + "/qm.json");
  ASSERT_TRUE(d) << d.error().message;
  auto src = read_registry(*d, hasher());
  ASSERT_TRUE(src) << src.error().message;
  EXPECT_EQ(src->encoding, "CP874");
  ASSERT_EQ(src->records.size(), 1u);
  EXPECT_EQ(src->records[0].members, 2u);
  EXPECT_EQ(src->records[0].deprived, dimension_bit(DimensionId::income));
}

TEST(RegistryReader, MissingFileNamesTheFileAndTheDescriptor) {
  const std::string dir = test::temp_dir("reg-nofile");
  write(dir + "/r.json", R"({"source": "absent.csv",
    "columns": {"house_id": "h", "village_code": "v"}, "dimensions": {"income": "i"}})");
  auto d = read_registry_descriptor(dir + "/r.json");
  ASSERT_TRUE(d);
  auto src = read_registry(*d, hasher());
  ASSERT_FALSE(src);
  EXPECT_NE(src.error().message.find(dir + "/absent.csv: cannot be opened"), std::string::npos);
  EXPECT_NE(src.error().message.find(dir + "/r.json"), std::string::npos);
}

TEST(RegistryReader, IssuesAreCountedBeyondTheListedLimit) {
  std::string csv = "house_id,village_code,member_ids,members,health,education\n";
  for (int i = 1; i <= 30; ++i)
    csv += fmt::format("990100{:05d},99010101,{},1,1,0\n", i, bad_id(i));
  const Fixture f = fixture("reg-limit", csv, kHouseholdJson);
  RegistryReadOptions options;
  options.issue_limit = 5;
  auto src = read(f, options);
  ASSERT_TRUE(src);
  EXPECT_EQ(src->issues.count(RegistryIssueKind::invalid_national_id), 30u);
  EXPECT_EQ(src->issues.listed.size(), 5u);
}

}  // namespace
}  // namespace chipao
