// Issue 10, "a plan's edits are never lost": what leaves the project is whole or absent, safe
// to open in a spreadsheet, and leaks no small count. Everything runs the real chipao-cli on
// a demo project it builds itself (project new, zones paint, plan add):
//   - export, join and render into a small tmpfs fail with "the disk is full", a non-zero
//     exit and nothing at all left in the folder (no partial file, no temporary one), also
//     when the tables fit and only the plan sheet does not; the same export into a folder
//     big enough is whole (the PDF ends with %%EOF);
//   - into a read-only bind mount they fail saying the disk is read-only;
//   - zone and agency names that begin like a formula are neutralised in every CSV, and only
//     there (shapefile and GeoPackage keep the name as typed);
//   - an intervention added without --households takes TPMAP's count of the zone's deprived
//     households; below the threshold it is blank in the shapefile, GeoPackage, CSVs and the
//     sheet's text, and so is the cost that would give it back.
// Mounting needs root: without it the tests that mount skip and say why. Mounts are undone
// by RAII on every path.
#include <gdal.h>
#include <gtest/gtest.h>
#include <ogr_api.h>
#include <sys/mount.h>

#include <algorithm>
#include <cerrno>
#include <cmath>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <optional>
#include <sstream>
#include <utility>

#include "support/test_paths.h"

namespace chipao {
namespace {

namespace fs = std::filesystem;
using nlohmann::json;

std::string demo(const std::string& rel) {
  return test::source_dir() + "/data/demo/" + rel;
}

std::string read_bytes(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

// Every entry of a folder, hidden ones included (a temporary folder left behind is a bug).
std::vector<std::string> entries(const fs::path& dir) {
  std::vector<std::string> names;
  for (const auto& e : fs::directory_iterator(dir)) names.push_back(e.path().filename().string());
  std::sort(names.begin(), names.end());
  return names;
}

std::string joined(const std::vector<std::string>& names) {
  std::string out;
  for (const auto& n : names) out += (out.empty() ? "" : " ") + n;
  return out.empty() ? "(empty)" : out;
}

// A mount that is undone however the test ends.
class Mount {
 public:
  // A tmpfs of `size` (e.g. "16k") on the existing folder `dir`.
  static std::optional<Mount> tmpfs(const fs::path& dir, const std::string& size,
                                    std::string& why) {
    const std::string options = "size=" + size;
    if (::mount("tmpfs", dir.c_str(), "tmpfs", 0, options.c_str()) != 0) {
      why = "mount -t tmpfs -o " + options + " " + dir.string() + ": " + std::strerror(errno);
      return std::nullopt;
    }
    return Mount(dir);
  }
  // `source` seen read-only at `dir`: a bind mount, then remounted read-only.
  static std::optional<Mount> read_only_bind(const fs::path& source, const fs::path& dir,
                                             std::string& why) {
    if (::mount(source.c_str(), dir.c_str(), nullptr, MS_BIND, nullptr) != 0) {
      why = "mount --bind " + source.string() + " " + dir.string() + ": " + std::strerror(errno);
      return std::nullopt;
    }
    Mount m(dir);
    if (::mount(nullptr, dir.c_str(), nullptr, MS_REMOUNT | MS_BIND | MS_RDONLY, nullptr) != 0) {
      why = "mount -o remount,ro,bind " + dir.string() + ": " + std::strerror(errno);
      return std::nullopt;  // m unmounts the bind
    }
    return m;
  }
  Mount(Mount&& other) noexcept : dir_(std::exchange(other.dir_, fs::path())) {}
  Mount& operator=(Mount&&) = delete;
  ~Mount() {
    if (!dir_.empty()) ::umount2(dir_.c_str(), MNT_DETACH);
  }

 private:
  explicit Mount(fs::path dir) : dir_(std::move(dir)) {}
  fs::path dir_;
};

// Rows of a CSV file, quotes understood (a quoted cell may hold commas and line breaks).
std::vector<std::vector<std::string>> read_csv(const fs::path& path) {
  std::vector<std::vector<std::string>> rows(1);
  std::string cell;
  bool quoted = false;
  const std::string bytes = read_bytes(path);
  for (std::size_t i = 0; i < bytes.size(); ++i) {
    const char c = bytes[i];
    if (quoted) {
      if (c == '"' && i + 1 < bytes.size() && bytes[i + 1] == '"') {
        cell += '"';
        ++i;
      } else if (c == '"') {
        quoted = false;
      } else {
        cell += c;
      }
    } else if (c == '"' && cell.empty()) {
      quoted = true;
    } else if (c == ',') {
      rows.back().push_back(std::exchange(cell, {}));
    } else if (c == '\n') {
      rows.back().push_back(std::exchange(cell, {}));
      rows.emplace_back();
    } else {
      cell += c;
    }
  }
  if (rows.back().empty()) rows.pop_back();
  return rows;
}

// The TPMAP table: code -> column -> value.
std::map<std::string, std::map<std::string, double>> read_tpmap(const std::string& path) {
  std::map<std::string, std::map<std::string, double>> t;
  const auto rows = read_csv(path);
  for (std::size_t r = 1; r < rows.size(); ++r)
    for (std::size_t c = 1; c < rows[r].size() && c < rows[0].size(); ++c)
      t[rows[r][0]][rows[0][c]] = std::strtod(rows[r][c].c_str(), nullptr);
  return t;
}

// One layer read back with GDAL: per feature, field name -> text (nullopt for null).
using Row = std::map<std::string, std::optional<std::string>>;
std::vector<Row> read_layer(const fs::path& path, const std::string& layer_name = "") {
  std::vector<Row> rows;
  GDALDatasetH ds = GDALOpenEx(path.c_str(), GDAL_OF_VECTOR, nullptr, nullptr, nullptr);
  EXPECT_NE(ds, nullptr) << path;
  if (ds == nullptr) return rows;
  OGRLayerH layer = layer_name.empty() ? GDALDatasetGetLayer(ds, 0)
                                       : GDALDatasetGetLayerByName(ds, layer_name.c_str());
  EXPECT_NE(layer, nullptr) << path << " " << layer_name;
  if (layer == nullptr) {
    GDALClose(ds);
    return rows;
  }
  OGRFeatureDefnH defn = OGR_L_GetLayerDefn(layer);
  OGR_L_ResetReading(layer);
  while (OGRFeatureH f = OGR_L_GetNextFeature(layer)) {
    Row row;
    for (int i = 0; i < OGR_FD_GetFieldCount(defn); ++i) {
      const std::string name = OGR_Fld_GetNameRef(OGR_FD_GetFieldDefn(defn, i));
      row[name] = OGR_F_IsFieldSetAndNotNull(f, i)
                      ? std::optional<std::string>(OGR_F_GetFieldAsString(f, i))
                      : std::nullopt;
    }
    rows.push_back(std::move(row));
    OGR_F_Destroy(f);
  }
  GDALClose(ds);
  return rows;
}

// The shapefile field a full name was stored under, from the export's sidecar.
std::string short_name(const fs::path& sidecar, const std::string& full) {
  for (const auto& f : json::parse(read_bytes(sidecar)))
    if (f["name"] == full) return f["field"].get<std::string>();
  ADD_FAILURE() << sidecar << " maps no field " << full;
  return full;
}

// Names that a spreadsheet would run as formulas; the sheet's text is searched for "tiny".
const std::string kSmallZone = "=tiny()";
const std::string kSmallAgency = "@SUM(1,2)";
const std::string kBigZone = "+north";
const std::string kBigAgency = "-HYPERLINK(\"x\")";
constexpr int kThreshold = 5;
constexpr std::int64_t kBigHouseholds = 40;

class ExportAtomic : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    GDALAllRegister();
    dir_ = new fs::path(test::temp_dir("export_atomic"));
    project_ = new std::string((*dir_ / "atomic.chipao").string());
    // The access-only mask table (…_00001.csv) gives households deprived in access alone:
    // what `plan add` takes when --households is not given.
    const std::string mask = demo("tpmap/61_99_tambol_00001.csv");
    const auto made =
        test::run_cli({"project", "new", *project_, "--boundaries", demo("tambon.shp"), "--table",
                       demo("tpmap/61_99_tambol_11111.csv"), "--table",
                       demo("tpmap/61_99_tambol_common.csv"), "--table", mask});
    ASSERT_EQ(made.exit_code, 0) << made.err;
    // A tambon whose count is small enough to be suppressed, and two that are not.
    std::vector<std::string> big_units;
    for (const auto& [code, columns] : read_tpmap(mask)) {
      // Codes 51 and up are TPMAP's municipal areas, which no boundary has.
      if (code.size() != 6 || code.substr(4) > "50") continue;
      const double n = columns.at("poor.household.CNT");
      if (small_unit_.empty() && n >= 2 && n < kThreshold) {
        small_unit_ = code;
        small_count_ = static_cast<std::int64_t>(n);
      } else if (big_units.size() < 2 && n >= kThreshold) {
        big_units.push_back(code);
      }
    }
    ASSERT_FALSE(small_unit_.empty()) << mask << " has no tambon with 2 to 4 such households";
    ASSERT_EQ(big_units.size(), 2u);
    for (const auto& [zone, units] : std::vector<std::pair<std::string, std::string>>{
             {kSmallZone, small_unit_}, {kBigZone, big_units[0] + "," + big_units[1]}}) {
      const auto painted =
          test::run_cli({"zones", "paint", *project_, "--zone", zone, "--units", units});
      ASSERT_EQ(painted.exit_code, 0) << painted.err;
    }
    // No --households: the count comes from TPMAP.
    const auto small =
        test::run_cli({"plan", "add", *project_, "--zone", kSmallZone, "--dimension", "access",
                       "--unit-cost", "1500", "--agency", kSmallAgency, "--json"});
    ASSERT_EQ(small.exit_code, 0) << small.err;
    ASSERT_EQ(json::parse(small.out)["households"].get<std::int64_t>(), small_count_)
        << "plan add took another count than TPMAP's for " << small_unit_;
    const auto big = test::run_cli({"plan", "add", *project_, "--zone", kBigZone, "--dimension",
                                    "income", "--unit-cost", "2500", "--agency", kBigAgency,
                                    "--households", std::to_string(kBigHouseholds)});
    ASSERT_EQ(big.exit_code, 0) << big.err;
  }
  static void TearDownTestSuite() {
    delete dir_;
    delete project_;
  }

  // A fresh empty folder for one export.
  static fs::path folder(const std::string& name) {
    const fs::path p = *dir_ / name;
    fs::create_directories(p);
    return p;
  }
  static test::CommandResult export_to(const fs::path& out, std::vector<std::string> extra) {
    std::vector<std::string> args{"export", *project_, "--out", out.string()};
    args.insert(args.end(), extra.begin(), extra.end());
    return test::run_cli(args);
  }
  static test::CommandResult join_to(const fs::path& out, const fs::path& report) {
    return test::run_cli({"join", "--boundaries", demo("tambon.shp"), "--table",
                          demo("tpmap/61_99_tambol_11111.csv"), "--table",
                          demo("tpmap/61_99_tambol_common.csv"), "--out", out.string(), "--report",
                          report.string()});
  }
  static test::CommandResult render_to(const fs::path& out) {
    // Mesa's llvmpipe keeps its allocations to the end of the process: in sanitizer builds
    // the render runs without leak checks, as the GUI tests do (only there is the variable set).
    const char* asan = std::getenv("ASAN_OPTIONS");
    const std::string saved = asan ? asan : "";
    if (asan) ::setenv("ASAN_OPTIONS", "detect_leaks=0:abort_on_error=1", 1);
    auto r = test::run_cli({"render", "--boundaries", demo("tambon.shp"), "--table",
                            demo("tpmap/61_99_tambol_11111.csv"), "--measure",
                            "poor.JPT.MOFval.CNT", "--size", "640x480", "--out", out.string()});
    if (asan) ::setenv("ASAN_OPTIONS", saved.c_str(), 1);
    return r;
  }

  static inline fs::path* dir_ = nullptr;
  static inline std::string* project_ = nullptr;
  static inline std::string small_unit_;
  static inline std::int64_t small_count_ = 0;
};

// A failure as the issue asks: non-zero, one line naming a file in `dir`, the reason.
void expect_refused(const test::CommandResult& r, const fs::path& dir, const std::string& reason,
                    const std::string& what) {
  SCOPED_TRACE(what);
  EXPECT_NE(r.exit_code, 0) << r.out;
  EXPECT_NE(r.err.find(reason), std::string::npos) << r.err;
  EXPECT_NE(r.err.find(dir.string()), std::string::npos)
      << "names no file in " << dir << ": " << r.err;
  EXPECT_EQ(std::count(r.err.begin(), r.err.end(), '\n'), 1) << "one line: " << r.err;
  EXPECT_EQ(joined(entries(dir)), "(empty)") << "a failed write leaves nothing behind";
}

TEST_F(ExportAtomic, FullDiskLeavesNothingAndSaysSo) {
  const fs::path small = folder("full");
  std::string why;
  {
    auto mounted = Mount::tmpfs(small, "16k", why);
    if (!mounted) GTEST_SKIP() << "cannot mount a small tmpfs (" << why << "); run as root";
    for (const std::string format : {"shp", "gpkg", "csv"}) {
      expect_refused(export_to(small, {"--format", format, "--sheet", "pdf"}), small,
                     "the disk is full", "export --format " + format);
    }
    expect_refused(join_to(small / "joined.shp", small / "report.json"), small, "the disk is full",
                   "join --out .shp");
    expect_refused(join_to(small / "joined.gpkg", small / "report.json"), small, "the disk is full",
                   "join --out .gpkg");
  }
  // The same export where there is room: whole, and nothing hidden left over.
  const fs::path roomy = folder("roomy");
  auto mounted = Mount::tmpfs(roomy, "8m", why);
  ASSERT_TRUE(mounted) << why;
  const auto r = export_to(roomy, {"--sheet", "pdf"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  for (const std::string& name : entries(roomy))
    EXPECT_FALSE(name.starts_with(".")) << "left behind: " << name;
  for (const char* file :
       {"zones.shp", "zones.shx", "zones.dbf", "zones.prj", "zones.cpg", "zones.fields.json",
        "interventions.dbf", "plan_summary.csv", "export.json", "plan_sheet.pdf"})
    EXPECT_TRUE(fs::exists(roomy / file)) << file;
  std::string pdf = read_bytes(roomy / "plan_sheet.pdf");
  while (!pdf.empty() && (pdf.back() == '\n' || pdf.back() == '\r')) pdf.pop_back();
  EXPECT_TRUE(pdf.ends_with("%%EOF")) << "the sheet is cut short";
  EXPECT_EQ(read_layer(roomy / "zones.shp").size(), 2u);
  const auto joined_ok = join_to(roomy / "joined.shp", roomy / "report.json");
  EXPECT_EQ(joined_ok.exit_code, 0) << joined_ok.err;
  EXPECT_TRUE(json::accept(read_bytes(roomy / "report.json")));
}

// The tables fit but the sheet does not: the export is one whole, so none of it is left.
TEST_F(ExportAtomic, SheetThatDoesNotFitTakesTheTablesWithIt) {
  // How much room the tables take, in tmpfs pages, measured on a normal folder.
  const fs::path measured = folder("measured");
  const auto ok = export_to(measured, {"--sheet", "pdf"});
  ASSERT_EQ(ok.exit_code, 0) << ok.err;
  std::uintmax_t tables = 0;
  for (const auto& e : fs::directory_iterator(measured))
    if (e.path().filename() != "plan_sheet.pdf") tables += (e.file_size() + 4095) / 4096 * 4096;
  const std::uintmax_t pdf = fs::file_size(measured / "plan_sheet.pdf");
  const std::uintmax_t room = tables + 8192;
  ASSERT_GT(pdf, 3 * 8192u) << "the sheet is too small for this test to mean anything";

  const fs::path dir = folder("sheet_full");
  std::string why;
  auto mounted = Mount::tmpfs(dir, std::to_string(room / 1024) + "k", why);
  if (!mounted) GTEST_SKIP() << "cannot mount a small tmpfs (" << why << "); run as root";
  const auto r = export_to(dir, {"--sheet", "pdf"});
  expect_refused(r, dir, "the disk is full", "export --sheet pdf");
  EXPECT_NE(r.err.find("plan_sheet.pdf"), std::string::npos) << r.err;

  // A map PNG that does not fit either (rendering needs EGL; without it, say so).
  const auto rendered = render_to(measured / "map.png");
  if (rendered.exit_code != 0) GTEST_SKIP() << "render does not run here: " << rendered.err;
  ASSERT_GT(fs::file_size(measured / "map.png"), room);
  expect_refused(render_to(dir / "map.png"), dir, "the disk is full", "render --out");
}

TEST_F(ExportAtomic, ReadOnlyFolderIsNamedAsSuch) {
  const fs::path source = folder("ro_source");
  const fs::path dir = folder("ro");
  std::string why;
  auto mounted = Mount::read_only_bind(source, dir, why);
  if (!mounted) GTEST_SKIP() << "cannot make a read-only bind mount (" << why << "); run as root";
  expect_refused(export_to(dir, {"--sheet", "png"}), dir, "read-only", "export");
  expect_refused(export_to(dir / "sub", {}), dir, "read-only", "export into a new sub-folder");
  expect_refused(join_to(dir / "joined.csv", source / "report.json"), dir, "read-only",
                 "join --out");
  EXPECT_FALSE(fs::exists(source / "report.json")) << "no report without its layer";
  // The report alone into the read-only folder, the layer elsewhere.
  const auto report = join_to(source / "joined.csv", dir / "report.json");
  EXPECT_NE(report.exit_code, 0);
  EXPECT_NE(report.err.find("report.json: the disk is read-only"), std::string::npos) << report.err;
}

// Every CSV cell that begins like a formula is neutralised; numbers are left as they are.
TEST_F(ExportAtomic, CsvCellsNeverRunAsFormulas) {
  const fs::path out = folder("csv");
  const auto r = export_to(out, {"--format", "csv", "--suppress", "0"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  std::map<std::string, int> seen;  // neutralised names, by where they were found
  for (const char* file : {"zones.csv", "interventions.csv", "plan_summary.csv"}) {
    const auto rows = read_csv(out / file);
    ASSERT_GT(rows.size(), 1u) << file;
    for (const auto& row : rows) {
      for (const std::string& cell : row) {
        if (cell.empty()) continue;
        const char c = cell.front();
        const bool number = !cell.empty() && std::strtod(cell.c_str(), nullptr) != 0 &&
                            cell.find_first_not_of("+-.0123456789eE") == std::string::npos;
        EXPECT_TRUE((c != '=' && c != '+' && c != '-' && c != '@' && c != '\t' && c != '\r') ||
                    number)
            << file << ": a spreadsheet would run " << cell;
        for (const std::string& name : {kSmallZone, kSmallAgency, kBigZone, kBigAgency})
          if (cell == "'" + name) ++seen[name + " in " + file];
      }
    }
  }
  EXPECT_TRUE(seen.contains(kSmallZone + " in zones.csv")) << "zone names are kept, neutralised";
  EXPECT_TRUE(seen.contains(kBigZone + " in interventions.csv"));
  EXPECT_TRUE(seen.contains(kSmallAgency + " in interventions.csv"));
  EXPECT_TRUE(seen.contains(kBigAgency + " in plan_summary.csv"));
  EXPECT_TRUE(seen.contains(kSmallZone + " in plan_summary.csv"));
  // Numbers are numbers: the big intervention's households and cost as written.
  const auto interventions = read_layer(out / "interventions.csv");
  ASSERT_EQ(interventions.size(), 2u);
  EXPECT_EQ(interventions[1].at("households").value_or(""), std::to_string(kBigHouseholds));
  EXPECT_EQ(interventions[1].at("cost_baht").value_or(""), std::to_string(kBigHouseholds * 2500));

  // A GIS file keeps the name as typed: only spreadsheets need the apostrophe.
  const fs::path shp = folder("csv_vs_shp");
  ASSERT_EQ(export_to(shp, {"--suppress", "0"}).exit_code, 0);
  const auto zones = read_layer(shp / "zones.shp");
  ASSERT_EQ(zones.size(), 2u);
  EXPECT_EQ(zones[0].at("name").value_or(""), kSmallZone);
}

// The TPMAP-derived count below the threshold leaves the project blank everywhere.
TEST_F(ExportAtomic, TpmapCountBelowThresholdIsSuppressedEverywhere) {
  const std::string threshold = std::to_string(kThreshold);
  const std::string count = std::to_string(small_count_);
  // Control: unsuppressed, the count is there, so the checks below look at the right field.
  const fs::path plain = folder("unsuppressed");
  ASSERT_EQ(export_to(plain, {"--suppress", "0"}).exit_code, 0);
  const auto plain_rows = read_layer(plain / "interventions.dbf");
  ASSERT_EQ(plain_rows.size(), 2u);
  EXPECT_EQ(plain_rows[0].at(short_name(plain / "interventions.fields.json", "households")), count);

  // Shapefile: the intervention's households and cost, the zone's plan households and cost.
  const fs::path shp = folder("suppressed_shp");
  ASSERT_EQ(export_to(shp, {"--suppress", threshold, "--sheet", "pdf"}).exit_code, 0);
  const auto hh = short_name(shp / "interventions.fields.json", "households");
  const auto cost = short_name(shp / "interventions.fields.json", "cost_baht");
  const auto interventions = read_layer(shp / "interventions.dbf");
  ASSERT_EQ(interventions.size(), 2u);
  EXPECT_EQ(interventions[0].at(hh), std::nullopt) << "households " << count << " leaked";
  EXPECT_EQ(interventions[0].at(cost), std::nullopt) << "cost gives the count back";
  EXPECT_EQ(interventions[1].at(hh), std::to_string(kBigHouseholds)) << "a big count stays";
  const auto zones = read_layer(shp / "zones.shp");
  ASSERT_EQ(zones.size(), 2u);
  const auto plan_hh = short_name(shp / "zones.fields.json", "plan_households");
  const auto plan_cost = short_name(shp / "zones.fields.json", "plan_cost_baht");
  EXPECT_EQ(zones[0].at(plan_hh), std::nullopt);
  EXPECT_EQ(zones[0].at(plan_cost), std::nullopt);
  EXPECT_EQ(zones[1].at(plan_hh), std::to_string(kBigHouseholds));

  // GeoPackage.
  const fs::path gpkg = folder("suppressed_gpkg");
  ASSERT_EQ(export_to(gpkg, {"--format", "gpkg", "--suppress", threshold}).exit_code, 0);
  const auto g_int = read_layer(gpkg / "plan.gpkg", "interventions");
  ASSERT_EQ(g_int.size(), 2u);
  EXPECT_EQ(g_int[0].at("households"), std::nullopt);
  EXPECT_EQ(g_int[0].at("cost_baht"), std::nullopt);
  EXPECT_EQ(read_layer(gpkg / "plan.gpkg", "zones")[0].at("plan_households"), std::nullopt);

  // CSV: the intervention and every summary row of the small zone and its agency.
  const fs::path csv = folder("suppressed_csv");
  ASSERT_EQ(export_to(csv, {"--format", "csv", "--suppress", threshold}).exit_code, 0);
  const auto c_int = read_layer(csv / "interventions.csv");
  ASSERT_EQ(c_int.size(), 2u);
  EXPECT_EQ(c_int[0].at("households").value_or(""), "");
  EXPECT_EQ(c_int[0].at("cost_baht").value_or(""), "");
  const auto summary = read_csv(csv / "plan_summary.csv");
  int small_rows = 0;
  for (const auto& row : summary) {
    if (row.size() < 9 || row[0].starts_with("#")) continue;
    const bool small = row[1].ends_with(kSmallZone) || row[2].ends_with(kSmallAgency);
    if (!small || row[4] == "0") continue;  // rows without the small intervention
    ++small_rows;
    EXPECT_EQ(row[5], "") << "households in " << row[0] << " " << row[1] << row[2];
    EXPECT_EQ(row[6], "") << "cost in " << row[0] << " " << row[1] << row[2];
  }
  EXPECT_GE(small_rows, 3) << "zone, zone x access, agency and agency x access rows";

  // The plan sheet: the small zone's row shows "<5" where its households were.
  if (std::system("command -v pdftotext > /dev/null 2>&1") != 0)
    GTEST_SKIP() << "pdftotext (poppler-utils) is absent: the sheet's text was not checked";
  const fs::path text = *dir_ / "sheet.txt";
  const std::string command = "pdftotext -layout -enc UTF-8 '" + (shp / "plan_sheet.pdf").string() +
                              "' '" + text.string() + "'";
  ASSERT_EQ(std::system(command.c_str()), 0);
  std::istringstream lines(read_bytes(text));
  std::string line;
  int rows = 0;
  while (std::getline(lines, line)) {
    // The zone's name alone is its map label; with figures after it, its table row.
    std::istringstream words(line);
    std::vector<std::string> cells;
    for (std::string word; words >> word;) cells.push_back(word);
    if (line.find("tiny") == std::string::npos || cells.size() < 4) continue;
    ++rows;
    for (const std::string& cell : cells) EXPECT_NE(cell, count) << "the count shows in: " << line;
    EXPECT_NE(line.find("<" + threshold), std::string::npos) << line;
  }
  EXPECT_EQ(rows, 1) << "the zone table's row of " << kSmallZone << ":\n" << read_bytes(text);
}

}  // namespace
}  // namespace chipao
