#include "core/io/gdal_support.h"

#include <cpl_conv.h>
#include <cpl_error.h>
#include <cpl_vsi.h>
#include <gdal_priv.h>

#include <fmt/format.h>
#include <algorithm>
#include <array>
#include <cctype>
#include <filesystem>
#include <mutex>
#include <optional>

#include "core/io/text_encoding.h"

namespace fs = std::filesystem;

namespace chipao::gdal {

void ensure_registered() {
  static std::once_flag once;
  std::call_once(once, [] {
    GDALAllRegister();
    // Shapefiles whose .shx is missing are reported, never silently rebuilt.
    CPLSetConfigOption("SHAPE_RESTORE_SHX", "NO");
  });
}

void DatasetCloser::operator()(GDALDataset* ds) const {
  if (ds != nullptr) GDALClose(GDALDataset::ToHandle(ds));
}

namespace {
void CPL_STDCALL capture_handler(CPLErr error_class, CPLErrorNum, const char* message) {
  auto* self = static_cast<ErrorCapture*>(CPLGetErrorHandlerUserData());
  if (self == nullptr || message == nullptr) return;
  // GDAL quotes bytes of the file in its messages ("attribute '\xFF'"), and they end up in
  // ours, which are printed as JSON too: made UTF-8 here, once for every caller.
  std::string text = sanitise_utf8(message);
  if (error_class == CE_Failure || error_class == CE_Fatal) {
    self->add_failure(std::move(text));
  } else if (error_class == CE_Warning) {
    self->add(std::move(text));
  }
}
}  // namespace

ErrorCapture::ErrorCapture() {
  CPLPushErrorHandlerEx(capture_handler, this);
}
ErrorCapture::~ErrorCapture() {
  CPLPopErrorHandler();
}

namespace {

std::string lower(std::string s) {
  std::transform(s.begin(), s.end(), s.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return s;
}

// Finds a sibling with the given extension in any letter case (.DBF beside .shp is common).
std::optional<fs::path> sibling(const fs::path& shp, std::string_view ext) {
  std::error_code ec;
  for (const auto& entry :
       fs::directory_iterator(shp.parent_path().empty() ? "." : shp.parent_path(), ec)) {
    const fs::path& p = entry.path();
    if (p.stem() == shp.stem() && lower(p.extension().string()) == ext) return p;
  }
  return std::nullopt;
}

std::uint32_t big_endian_u32(const unsigned char* b) {
  return (std::uint32_t{b[0]} << 24) | (std::uint32_t{b[1]} << 16) | (std::uint32_t{b[2]} << 8) |
         b[3];
}

Result<void> check_shapefile_set(const std::string& user_path, const fs::path& shp) {
  const std::string name = shp.filename().string();
  const std::string what_to_do =
      "; copy the whole shapefile set (.shp, .shx, .dbf, .prj, .cpg) into one folder";
  if (!sibling(shp, ".dbf")) {
    return fail(
        fmt::format("{}: the attribute table {}.dbf is missing, so no feature has a code "
                    "or name{}",
                    user_path, shp.stem().string(), what_to_do));
  }
  if (!sibling(shp, ".shx")) {
    return fail(
        fmt::format("{}: the index file {}.shx is missing{} (or rebuild it with "
                    "'ogr2ogr --config SHAPE_RESTORE_SHX YES')",
                    user_path, shp.stem().string(), what_to_do));
  }
  std::error_code ec;
  const auto size = fs::file_size(shp, ec);
  if (ec || size < 100) {
    return fail(
        fmt::format("{}: {} is {} bytes, shorter than the 100-byte shapefile header; the "
                    "file is truncated or not a shapefile — copy it again from its source",
                    user_path, name, ec ? 0 : size));
  }
  std::array<unsigned char, 100> header{};
  if (FILE* f = std::fopen(shp.c_str(), "rb")) {
    const std::size_t got = std::fread(header.data(), 1, header.size(), f);
    std::fclose(f);
    if (got != header.size()) return fail(user_path + ": cannot read the shapefile header");
  } else {
    return fail(user_path + ": cannot be opened for reading (check its permissions)");
  }
  if (big_endian_u32(header.data()) != 9994) {
    return fail(
        fmt::format("{}: {} does not start with the shapefile signature; it is not a "
                    "shapefile or it is damaged",
                    user_path, name));
  }
  const std::uint64_t declared = std::uint64_t{big_endian_u32(header.data() + 24)} * 2;
  if (declared > size) {
    return fail(
        fmt::format("{}: {} is truncated: its header says {} bytes but the file has {} "
                    "({:.0f}% missing); copy the file again from its source",
                    user_path, name, declared, size,
                    100.0 * static_cast<double>(declared - size) / static_cast<double>(declared)));
  }
  return {};
}

}  // namespace

Result<OpenRequest> prepare_open(const std::string& user_path) {
  ensure_registered();
  OpenRequest req;
  req.gdal_path = user_path;
  const bool virtual_path = user_path.starts_with("/vsi");
  if (!virtual_path) {
    std::error_code ec;
    if (user_path.empty()) return fail("no file given; name a shapefile, GeoPackage or GeoJSON");
    if (!fs::exists(user_path, ec)) {
      return fail(
          fmt::format("{}: no such file or folder; check the path (names with Thai "
                      "letters or spaces need quotes in a shell)",
                      user_path));
    }
    const fs::path p(user_path);
    const std::string ext = lower(p.extension().string());
    if (ext == ".zip") req.gdal_path = "/vsizip/" + fs::absolute(p).string();
    if (ext == ".shp") {
      if (auto checked = check_shapefile_set(user_path, p); !checked)
        return std::unexpected(checked.error());
    }
    if (!fs::is_directory(p, ec)) {
      if (FILE* f = std::fopen(user_path.c_str(), "rb")) {
        std::fclose(f);
      } else {
        return fail(user_path + ": cannot be opened for reading (check its permissions)");
      }
    }
  }
  GDALDriverH driver =
      GDALIdentifyDriverEx(req.gdal_path.c_str(), GDAL_OF_VECTOR, nullptr, nullptr);
  if (driver != nullptr) req.driver = GDALGetDriverShortName(driver);
  if (req.driver == "ESRI Shapefile") {
    // Raw DBF bytes: ChiPao decides the encoding itself (.cpg, else from the bytes), because
    // GDAL's guess from the DBF language byte turns TIS-620 Thai into Latin-1 mojibake.
    req.open_options.push_back("ENCODING=");
  } else if (req.driver == "CSV") {
    req.open_options.push_back("X_POSSIBLE_NAMES=lon,longitude,long,x,easting");
    req.open_options.push_back("Y_POSSIBLE_NAMES=lat,latitude,y,northing");
  }
  return req;
}

Result<DatasetPtr> open_dataset(const OpenRequest& req, const std::string& user_path) {
  ensure_registered();
  ErrorCapture errors;
  std::vector<const char*> options;
  for (const std::string& o : req.open_options) options.push_back(o.c_str());
  options.push_back(nullptr);
  GDALDatasetH h = GDALOpenEx(req.gdal_path.c_str(), GDAL_OF_VECTOR | GDAL_OF_READONLY, nullptr,
                              options.data(), nullptr);
  if (h == nullptr) {
    std::string why = errors.last();
    if (why.empty()) why = "no GDAL vector driver recognises it";
    return fail(
        fmt::format("{}: cannot be read as a vector file ({}); use a shapefile set, "
                    "GeoPackage, GeoJSON, FlatGeobuf, SpatiaLite or a zip of a shapefile",
                    user_path, why));
  }
  return DatasetPtr(GDALDataset::FromHandle(h));
}

std::string read_small_file(const std::string& gdal_path) {
  VSILFILE* f = VSIFOpenL(gdal_path.c_str(), "rb");
  if (f == nullptr) return {};
  std::string out(256, '\0');
  const std::size_t n = VSIFReadL(out.data(), 1, out.size(), f);
  VSIFCloseL(f);
  out.resize(n);
  return out;
}

}  // namespace chipao::gdal
