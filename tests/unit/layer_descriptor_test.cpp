#include "core/layer/layer_descriptor.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "support/test_paths.h"

namespace chipao {
namespace {

std::string write(const std::string& dir, const std::string& name, const std::string& text) {
  const std::string path = dir + "/" + name;
  std::ofstream(path) << text;
  return path;
}

TEST(LayerDescriptor, ReadsOverridesAndResolvesTheSourceAgainstItsFolder) {
  const std::string dir = test::temp_dir("descriptor");
  const std::string path = write(dir, "tambon.json", R"({
    "name": "t", "title_th": "ตำบล", "source": "data/t.shp", "level": "tambon",
    "code_fields": ["PROV_CODE", "AMP_CODE", "TAM_CODE"], "name_th": "TAM_NAMT",
    "encoding": "CP874", "crs": "EPSG:24047", "geometry": "polygon",
    "style": {"fill": "#112233", "outline_width_px": 2.5}
  })");
  auto d = read_layer_descriptor(path);
  ASSERT_TRUE(d) << d.error().message;
  EXPECT_EQ(d->source, dir + "/data/t.shp");
  EXPECT_EQ(d->options.level, AdminLevel::tambon);
  EXPECT_EQ(d->options.code_fields.size(), 3u);
  EXPECT_EQ(d->options.name_th_field, "TAM_NAMT");
  EXPECT_EQ(d->options.encoding, "CP874");
  EXPECT_EQ(d->options.crs, "EPSG:24047");
  EXPECT_EQ(d->options.require, GeometryRequirement::polygon);
  EXPECT_EQ(d->options.override_origin, "descriptor");
  EXPECT_EQ(d->style.fill, "#112233");
  EXPECT_FLOAT_EQ(d->style.outline_width_px, 2.5f);
  EXPECT_EQ(d->title_th, "ตำบล");
}

TEST(LayerDescriptor, ClearMessagesForBadDescriptors) {
  const std::string dir = test::temp_dir("descriptor-bad");
  auto no_source = read_layer_descriptor(write(dir, "a.json", R"({"level": "tambon"})"));
  ASSERT_FALSE(no_source);
  EXPECT_NE(no_source.error().message.find("\"source\" is missing"), std::string::npos);
  auto bad_level =
      read_layer_descriptor(write(dir, "b.json", R"({"source": "x.shp", "level": "region"})"));
  ASSERT_FALSE(bad_level);
  EXPECT_NE(bad_level.error().message.find("region"), std::string::npos);
  auto not_json = read_layer_descriptor(write(dir, "c.json", "{ nope"));
  ASSERT_FALSE(not_json);
  EXPECT_NE(not_json.error().message.find("not valid JSON"), std::string::npos);
  EXPECT_FALSE(read_layer_descriptor(dir + "/missing.json"));
}

// Found by fuzzing (fuzz/crashes-kept/layer_descriptor/): a number past a double stopped the
// program with an exception instead of a message, and a width past a float became infinity.
TEST(LayerDescriptor, NumbersTooLargeAreMessagesNotCrashesOrInfinities) {
  const std::string path = "/d/layer.json";
  Result<LayerDescriptor> huge = fail("");
  ASSERT_NO_THROW(huge = parse_layer_descriptor(R"({"source": "a.shp", "x": 1e999})", path));
  ASSERT_FALSE(huge);
  EXPECT_TRUE(huge.error().message.starts_with(path + ": not valid JSON")) << huge.error().message;
  for (const char* width : {"1e300", "-1", "101"}) {
    SCOPED_TRACE(width);
    auto d = parse_layer_descriptor(
        std::string(R"({"source": "a.shp", "style": {"outline_width_px": )") + width + "}}", path);
    ASSERT_FALSE(d);
    EXPECT_NE(d.error().message.find("outline_width_px"), std::string::npos) << d.error().message;
  }
  auto zero =
      parse_layer_descriptor(R"({"source": "a.shp", "style": {"outline_width_px": 0}})", path);
  ASSERT_TRUE(zero) << zero.error().message;
  EXPECT_EQ(zero->style.outline_width_px, 0.0f);
  EXPECT_EQ(zero->source, "/d/a.shp") << "resolved against the path given";
}

TEST(LayerDescriptor, TablesResolveAgainstTheDescriptorFolder) {
  const std::string dir = test::temp_dir("descriptor-tables");
  auto d = read_layer_descriptor(write(dir, "t.json", R"({
    "source": "t.shp", "tables": ["tpmap/a.csv", "/abs/b.csv"]})"));
  ASSERT_TRUE(d) << d.error().message;
  ASSERT_EQ(d->tables.size(), 2u);
  EXPECT_EQ(d->tables[0], dir + "/tpmap/a.csv");
  EXPECT_EQ(d->tables[1], "/abs/b.csv");
  auto bad = read_layer_descriptor(write(dir, "u.json", R"({"source": "t.shp", "tables": "a"})"));
  ASSERT_FALSE(bad);
  EXPECT_NE(bad.error().message.find("\"tables\""), std::string::npos);
}

TEST(LayerDescriptor, TheDemoTambonDescriptorNamesTablesThatExist) {
  auto d = read_layer_descriptor(test::source_dir() + "/layers/demo_tambon.json");
  ASSERT_TRUE(d) << d.error().message;
  ASSERT_FALSE(d->tables.empty());
  for (const std::string& table : d->tables) EXPECT_TRUE(std::filesystem::exists(table)) << table;
}

TEST(LayerDescriptor, TheRepositoryDemoDescriptorsParse) {
  for (const char* name : {"demo_province", "demo_amphoe", "demo_tambon", "demo_village"}) {
    auto d = read_layer_descriptor(test::source_dir() + "/layers/" + name + ".json");
    ASSERT_TRUE(d) << name << ": " << d.error().message;
    EXPECT_TRUE(d->options.level.has_value()) << name;
    EXPECT_FALSE(d->options.code_fields.empty()) << name;
  }
}

}  // namespace
}  // namespace chipao
