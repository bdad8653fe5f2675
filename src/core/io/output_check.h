// Is a file GDAL wrote whole? GDAL's shapefile and CSV writers go through buffered stdio and
// ignore the result of the last flush when they close, so a disk that fills up just then
// leaves a short file and no error at all. These checks read what the files say of
// themselves, before an export is moved into place (core/io/atomic_output.h).
#pragma once

#include <cstddef>
#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <string_view>

#include "core/io/atomic_output.h"
#include "core/util/result.h"

namespace chipao {

// Why `file` is not whole, or empty when it is:
//   .shp .shx   the file length in the header is the file's size
//   .dbf        the header's records times the record length fit in the file
//   .prj .cpg   not empty
//   .csv        the last record ends with a line break, and there are `csv_records`
//               records (header included, line breaks inside quotes not counted) when given
// Other files are taken as whole.
std::string incomplete_reason(const std::filesystem::path& file,
                              std::optional<std::size_t> csv_records = std::nullopt);

// After a library closed what it wrote into `out`: an error when it reported a failure
// (`failure`, about the file `name`) or when any file written is not whole. `csv_records`
// gives the records expected per CSV file name.
Result<void> check_written(const AtomicOutput& out, std::string_view name, std::string_view failure,
                           const std::map<std::string, std::size_t>& csv_records = {});

}  // namespace chipao
