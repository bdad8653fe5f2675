// Files GDAL wrote are checked for being whole before an export moves them into place: a
// shapefile set or CSV whose last flush was lost is found from the files themselves
// (core/io/output_check.h), and the hidden folder of a failed export is removed
// (core/io/atomic_output.h).
#include "core/io/output_check.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "core/io/atomic_output.h"
#include "support/fixtures.h"
#include "support/test_paths.h"

namespace chipao {
namespace {

namespace fs = std::filesystem;

void write_text(const fs::path& path, const std::string& text) {
  std::ofstream(path, std::ios::binary) << text;
}

void cut(const fs::path& path, std::uintmax_t bytes) {
  fs::resize_file(path, fs::file_size(path) - bytes);
}

TEST(OutputCheck, ShapefileSetCutShortIsFound) {
  const fs::path dir = test::temp_dir("output_check_shp");
  test::FixtureLayer layer;
  layer.path = (dir / "units.shp").string();
  layer.fields = {{"code"}};
  for (int i = 0; i < 20; ++i)
    layer.features.push_back({"POLYGON ((0 0, 1 0, 1 1, 0 1, 0 0))", {std::to_string(i)}});
  ASSERT_EQ(test::write_fixture(layer), "");
  for (const char* ext : {".shp", ".shx", ".dbf", ".prj"})
    EXPECT_EQ(incomplete_reason(dir / (std::string("units") + ext)), "") << ext;
  for (const char* ext : {".shp", ".shx", ".dbf"}) {
    const fs::path copy = dir / (std::string("cut") + ext);
    fs::copy_file(dir / (std::string("units") + ext), copy);
    cut(copy, 30);
    EXPECT_NE(incomplete_reason(copy), "") << ext << " 30 bytes short";
  }
  write_text(dir / "empty.prj", "");
  EXPECT_NE(incomplete_reason(dir / "empty.prj"), "");
}

TEST(OutputCheck, CsvMustEndItsLastRecordAndHoldThemAll) {
  const fs::path dir = test::temp_dir("output_check_csv");
  write_text(dir / "ok.csv", "a,b\n1,\"x\ny\"\n2,z\n");
  EXPECT_EQ(incomplete_reason(dir / "ok.csv", 3), "");
  EXPECT_NE(incomplete_reason(dir / "ok.csv", 4), "") << "a record missing";
  write_text(dir / "cut.csv", "a,b\n1,\"x\ny\"\n2,");
  EXPECT_NE(incomplete_reason(dir / "cut.csv"), "") << "last line cut";
  write_text(dir / "open.csv", "a,b\n1,\"x\n");
  EXPECT_NE(incomplete_reason(dir / "open.csv"), "") << "cut inside quotes";
}

TEST(AtomicOutput, CommitMovesWholeFilesAndFailureLeavesNothing) {
  const fs::path dir = test::temp_dir("atomic_output");
  {
    auto out = AtomicOutput::begin(dir);
    ASSERT_TRUE(out) << out.error().message;
    ASSERT_TRUE(out->write_file("a.json", "{}\n"));
    auto file = out->open("b.txt");
    ASSERT_TRUE(file);
    EXPECT_TRUE(file->write("hello", 5));
    ASSERT_TRUE(file->close());
    EXPECT_FALSE(fs::exists(dir / "a.json")) << "nothing is in place before commit";
    auto moved = out->commit();
    ASSERT_TRUE(moved) << moved.error().message;
    EXPECT_EQ(moved->size(), 2u);
  }
  EXPECT_EQ(std::distance(fs::directory_iterator(dir), fs::directory_iterator()), 2);
  {
    auto out = AtomicOutput::begin(dir);
    ASSERT_TRUE(out);
    ASSERT_TRUE(out->write_file("c.txt", "never committed"));
  }  // a failed export: its hidden folder goes with it
  EXPECT_EQ(std::distance(fs::directory_iterator(dir), fs::directory_iterator()), 2);
  EXPECT_FALSE(fs::exists(dir / "c.txt"));
  const auto missing = AtomicOutput::begin(dir / "none", dir / "none" / "x.png");
  ASSERT_FALSE(missing);
  EXPECT_NE(missing.error().message.find("x.png"), std::string::npos) << missing.error().message;
}

TEST(AtomicOutput, MessagesSayWhatToDo) {
  EXPECT_NE(write_failure_message("/o/z.shp", ENOSPC).find("/o/z.shp: the disk is full"),
            std::string::npos);
  EXPECT_NE(write_failure_message("/o/z.shp", EROFS).find("read-only"), std::string::npos);
  EXPECT_NE(write_failure_message("/o/z.shp", EACCES).find("no permission"), std::string::npos);
}

}  // namespace
}  // namespace chipao
