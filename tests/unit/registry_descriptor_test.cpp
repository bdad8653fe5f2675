// Registry descriptors: the demo's three, every key, and one clear message per mistake.
#include "core/stats/registry_descriptor.h"

#include <gtest/gtest.h>

#include <fstream>

#include "support/test_paths.h"

namespace chipao {
namespace {

std::string write(const std::string& dir, const std::string& name, const std::string& text) {
  const std::string path = dir + "/" + name;
  std::ofstream(path, std::ios::binary) << text;
  return path;
}

std::string error_of(const std::string& json) {
  auto d = parse_registry_descriptor(json, "/tmp/x/reg.json");
  return d ? std::string() : d.error().message;
}

TEST(RegistryDescriptor, ReadsTheDemoDescriptors) {
  const std::string layers = test::source_dir() + "/layers/registries/";
  auto jpt = read_registry_descriptor(layers + "demo_jpt.json");
  ASSERT_TRUE(jpt) << jpt.error().message;
  EXPECT_EQ(jpt->name, "jpt");
  EXPECT_EQ(jpt->row, RegistryRowKind::household);
  EXPECT_EQ(jpt->source, test::source_dir() + "/data/demo/registries/registry_jpt.csv");
  EXPECT_EQ(jpt->national_id_column, "member_ids");
  EXPECT_EQ(jpt->id_separator, "|");
  EXPECT_EQ(jpt->members_column, "members");
  EXPECT_EQ(jpt->dimension_columns[static_cast<std::size_t>(DimensionId::access)], "dim_access");
  EXPECT_EQ(jpt->indicator_columns[0], "ind1");
  EXPECT_EQ(jpt->indicator_columns[30], "ind31");
  EXPECT_EQ(jpt->indicator_values, IndicatorValues::count);

  auto ppp = read_registry_descriptor(layers + "demo_pppconnext.json");
  ASSERT_TRUE(ppp) << ppp.error().message;
  EXPECT_EQ(ppp->row, RegistryRowKind::person);
  EXPECT_EQ(ppp->national_id_column, "CitizenID");
  EXPECT_EQ(read_flag(*ppp, "Y"), FlagCell::yes);
  EXPECT_EQ(read_flag(*ppp, " n "), FlagCell::no);
  EXPECT_EQ(read_flag(*ppp, "1"), FlagCell::invalid);

  auto qm = read_registry_descriptor(layers + "demo_thaiqm.json");
  ASSERT_TRUE(qm) << qm.error().message;
  EXPECT_EQ(qm->encoding, "CP874");
  EXPECT_EQ(qm->house_id_column, "รหัสบ้าน");
  EXPECT_EQ(qm->id_separator, ";");
  EXPECT_TRUE(qm->members_column.empty());
}

TEST(RegistryDescriptor, IndicatorsAsAnObjectAndFlagValues) {
  auto d = parse_registry_descriptor(R"({
    "source": "r.csv", "row": "person",
    "columns": {"house_id": "h", "village_code": "v", "national_id": "pid"},
    "indicators": {"columns": {"1": "i_one", "27": "elderly_care"}, "values": "flag"},
    "delimiter": "tab"
  })",
                                     "/data/reg.json");
  ASSERT_TRUE(d) << d.error().message;
  EXPECT_EQ(d->name, "reg");  // from the file name when not given
  EXPECT_EQ(d->source, "/data/r.csv");
  EXPECT_EQ(d->delimiter, '\t');
  EXPECT_EQ(d->indicator_columns[0], "i_one");
  EXPECT_EQ(d->indicator_columns[26], "elderly_care");
  EXPECT_TRUE(d->indicator_columns[1].empty());
  EXPECT_EQ(d->indicator_values, IndicatorValues::flag);
  // Default values: the common spellings of yes and no, Thai included; others are errors.
  EXPECT_EQ(read_flag(*d, "ใช่"), FlagCell::yes);
  EXPECT_EQ(read_flag(*d, "TRUE"), FlagCell::yes);
  EXPECT_EQ(read_flag(*d, "ไม่ใช่"), FlagCell::no);
  EXPECT_EQ(read_flag(*d, ""), FlagCell::blank);
  EXPECT_EQ(read_flag(*d, "maybe"), FlagCell::invalid);
  // Only true_values given: everything else non-blank is false.
  d->true_values = {"X"};
  EXPECT_EQ(read_flag(*d, "x"), FlagCell::yes);
  EXPECT_EQ(read_flag(*d, "anything"), FlagCell::no);
}

TEST(RegistryDescriptor, OneClearMessagePerMistake) {
  const std::string cols = R"("columns": {"house_id": "h", "village_code": "v"})";
  const std::string dims = R"("dimensions": {"health": "d1"})";
  EXPECT_NE(error_of("{").find("not valid JSON"), std::string::npos);
  EXPECT_NE(error_of("[]").find("must be a JSON object"), std::string::npos);
  EXPECT_NE(error_of("{" + cols + "," + dims + "}").find("\"source\" is missing"),
            std::string::npos);
  EXPECT_NE(error_of(R"({"source": "r.csv", "columns": {"village_code": "v"},)" + dims + "}")
                .find("\"columns\".\"house_id\" is missing"),
            std::string::npos);
  EXPECT_NE(error_of(R"({"source": "r.csv", "columns": {"house_id": "h"},)" + dims + "}")
                .find("\"village_code\" is missing"),
            std::string::npos);
  EXPECT_NE(error_of(R"({"source": "r.csv", "row": "person",)" + cols + "," + dims + "}")
                .find("\"national_id\" is missing"),
            std::string::npos);
  EXPECT_NE(error_of(R"({"source": "r.csv", "row": "family",)" + cols + "," + dims + "}")
                .find("\"row\": \"family\""),
            std::string::npos);
  EXPECT_NE(error_of(R"({"source": "r.csv", "colums": {}})").find("unknown key \"colums\""),
            std::string::npos);
  EXPECT_NE(error_of(R"({"source": "r.csv",)" + cols + "}").find("neither \"dimensions\""),
            std::string::npos);
  EXPECT_NE(error_of(R"({"source": "r.csv",)" + cols + R"(, "dimensions": {"wealth": "w"}})")
                .find("\"wealth\" is not a dimension"),
            std::string::npos);
  EXPECT_NE(error_of(R"({"source": "r.csv",)" + cols + R"(, "indicators": {"columns": "ind"}})")
                .find("has no {n}"),
            std::string::npos);
  EXPECT_NE(
      error_of(R"({"source": "r.csv",)" + cols + R"(, "indicators": {"columns": {"32": "x"}}})")
          .find("\"32\" is not an indicator number"),
      std::string::npos);
  EXPECT_NE(error_of(R"({"source": "r.csv",)" + cols + "," + dims + R"(, "true_values": [1]})")
                .find("write \"1\", not 1"),
            std::string::npos);
  EXPECT_NE(error_of(R"({"source": "r.csv",)" + cols + "," + dims + R"(, "delimiter": ";;"})")
                .find("one character"),
            std::string::npos);
  // Every message names the descriptor.
  EXPECT_EQ(error_of("{").rfind("/tmp/x/reg.json", 0), 0u);
}

// Found by fuzzing (fuzz/crashes-kept/registry_descriptor/): a number past a double threw an
// exception out of the parser (out_of_range, not parse_error) instead of giving a message.
TEST(RegistryDescriptor, ANumberTooLargeIsAMessageNotACrash) {
  Result<RegistryDescriptor> d = fail("");
  ASSERT_NO_THROW(
      d = parse_registry_descriptor(R"({"source": "r.csv", "comment": 1e999})", "/tmp/x/reg.json"));
  ASSERT_FALSE(d);
  EXPECT_TRUE(d.error().message.starts_with("/tmp/x/reg.json: not valid JSON"))
      << d.error().message;
}

TEST(RegistryDescriptor, MissingFile) {
  const std::string dir = test::temp_dir("regdesc");
  auto d = read_registry_descriptor(dir + "/absent.json");
  ASSERT_FALSE(d);
  EXPECT_NE(d.error().message.find("absent.json: registry descriptor cannot be opened"),
            std::string::npos);
  const std::string path = write(dir, "ok.json", R"({"source": "sub/r.csv",
    "columns": {"house_id": "h", "village_code": "v"}, "dimensions": {"income": "inc"}})");
  auto ok = read_registry_descriptor(path);
  ASSERT_TRUE(ok) << ok.error().message;
  EXPECT_EQ(ok->source, dir + "/sub/r.csv");
}

}  // namespace
}  // namespace chipao
