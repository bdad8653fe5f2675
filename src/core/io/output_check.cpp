#include "core/io/output_check.h"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <cctype>
#include <cstdint>
#include <fstream>

namespace fs = std::filesystem;

namespace chipao {

namespace {

std::string lower_ext(const fs::path& p) {
  std::string e = p.extension().string();
  std::transform(e.begin(), e.end(), e.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return e;
}

// The first `n` bytes, or fewer when the file is shorter.
std::string head(const fs::path& file, std::size_t n) {
  std::ifstream in(file, std::ios::binary);
  std::string bytes(n, '\0');
  in.read(bytes.data(), static_cast<std::streamsize>(n));
  bytes.resize(static_cast<std::size_t>(in.gcount()));
  return bytes;
}

std::uint32_t byte(const std::string& b, std::size_t i) {
  return static_cast<unsigned char>(b[i]);
}

// .shp and .shx: 100-byte header, file length in 16-bit words, big-endian, at byte 24.
std::string check_shape_header(const fs::path& file, std::uintmax_t size) {
  const std::string h = head(file, 100);
  if (h.size() < 100) return fmt::format("{} bytes, shorter than its header", size);
  const std::uint64_t declared =
      2 * ((byte(h, 24) << 24) | (byte(h, 25) << 16) | (byte(h, 26) << 8) | byte(h, 27));
  if (declared != size)
    return fmt::format("its header says {} bytes but {} were written", declared, size);
  return {};
}

// .dbf: record count (little-endian 32 bits) at 4, header and record lengths (16 bits) at 8
// and 10; an end-of-file byte may follow the records.
std::string check_dbf(std::uintmax_t size, const fs::path& file) {
  const std::string h = head(file, 32);
  if (h.size() < 32) return fmt::format("{} bytes, shorter than its header", size);
  const std::uint64_t records =
      byte(h, 4) | (byte(h, 5) << 8) | (byte(h, 6) << 16) | (byte(h, 7) << 24);
  const std::uint64_t header = byte(h, 8) | (byte(h, 9) << 8);
  const std::uint64_t record = byte(h, 10) | (byte(h, 11) << 8);
  const std::uint64_t declared = header + records * record;
  if (size < declared)
    return fmt::format("its header says {} records, {} bytes, but {} were written", records,
                       declared, size);
  return {};
}

std::string check_csv(const fs::path& file, std::optional<std::size_t> want) {
  std::ifstream in(file, std::ios::binary);
  std::size_t records = 0;
  bool quoted = false;
  char last = '\n';
  char c = 0;
  while (in.get(c)) {
    if (c == '"') quoted = !quoted;  // "" inside quotes toggles twice
    if (c == '\n' && !quoted) ++records;
    last = c;
  }
  if (last != '\n' || quoted) return "its last line is cut short";
  if (want && records != *want)
    return fmt::format("it holds {} lines but {} were written", records, *want);
  return {};
}

}  // namespace

std::string incomplete_reason(const fs::path& file, std::optional<std::size_t> csv_records) {
  std::error_code ec;
  const std::uintmax_t size = fs::file_size(file, ec);
  if (ec) return "it cannot be read back (" + ec.message() + ")";
  const std::string ext = lower_ext(file);
  if (ext == ".shp" || ext == ".shx") return check_shape_header(file, size);
  if (ext == ".dbf") return check_dbf(size, file);
  if (ext == ".prj" || ext == ".cpg") return size == 0 ? "it is empty" : "";
  if (ext == ".csv") return check_csv(file, csv_records);
  return {};
}

Result<void> check_written(const AtomicOutput& out, std::string_view name, std::string_view failure,
                           const std::map<std::string, std::size_t>& csv_records) {
  if (!failure.empty()) return std::unexpected(out.library_failure(name, failure));
  for (const fs::path& file : out.temp_files()) {
    const auto it = csv_records.find(file.filename().string());
    const std::string why = incomplete_reason(
        file, it == csv_records.end() ? std::nullopt : std::optional<std::size_t>(it->second));
    if (!why.empty()) return std::unexpected(out.library_failure(file.filename().string(), why));
  }
  return {};
}

}  // namespace chipao
