// Outputs are whole or absent. Every file an export writes (shapefile sets, GeoPackages,
// CSVs, JSON, the plan sheet, map PNGs) goes first into a hidden folder inside its target
// folder, so on the same file system, and is renamed into place only once it is complete:
// every byte written, flushed and synced, and checked by its writer. On any failure the
// hidden folder and all in it are removed, so a planner never opens a half-written file
// under a name they know, and the message names the file, says why in words (the disk is
// full, the disk is read-only, no permission) and what to do.
//
// Renames replace a file already there; each is atomic. A set of several files is moved
// file by file: should a rename fail part way, the files already moved are removed again,
// so the set is absent rather than mixed.
#pragma once

#include <cstddef>
#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include "core/util/result.h"

namespace chipao {

// One line for a write of `file` that failed with `error_number` (an errno): ENOSPC and
// EDQUOT say the disk is full, EROFS that it is read-only, EACCES and EPERM that there is
// no permission; others say what the system said. Each says what to do.
std::string write_failure_message(const std::filesystem::path& file, int error_number);

// A file being written in pieces (by cairo or stb) inside an AtomicOutput. Writes are
// buffered here and go straight to write(2), so the first failure and its errno are kept;
// nothing is hidden in a stdio buffer that a later fclose() could fail to write.
class OutputFile {
 public:
  OutputFile(OutputFile&& other) noexcept;
  OutputFile& operator=(OutputFile&&) = delete;
  OutputFile(const OutputFile&) = delete;
  OutputFile& operator=(const OutputFile&) = delete;
  ~OutputFile();

  // Appends bytes; false once any write has failed (close() then reports why).
  bool write(const void* data, std::size_t size);
  // Writes what is buffered, syncs it to disk and closes; an error names the final file.
  Result<void> close();

 private:
  friend class AtomicOutput;
  OutputFile(int fd, std::filesystem::path shown);
  bool flush_buffer();

  int fd_ = -1;
  int error_ = 0;                // the errno of the first failed write
  std::filesystem::path shown_;  // the final path, for messages
  std::vector<char> buffer_;
};

class AtomicOutput {
 public:
  // Begins writing files for the existing folder `dir`. `shown` is what a failure to start
  // names (the target file, or the folder of a set); empty names the folder.
  static Result<AtomicOutput> begin(const std::filesystem::path& dir,
                                    const std::filesystem::path& shown = {});
  AtomicOutput(AtomicOutput&& other) noexcept;
  AtomicOutput& operator=(AtomicOutput&&) = delete;
  AtomicOutput(const AtomicOutput&) = delete;
  AtomicOutput& operator=(const AtomicOutput&) = delete;
  // Removes the hidden folder and everything in it unless commit() succeeded.
  ~AtomicOutput();

  // Where a library that opens its own files (GDAL) writes `name`, and where it will end up.
  std::filesystem::path temp_path(std::string_view name) const;
  std::filesystem::path final_path(std::string_view name) const;
  // Every regular file written so far, in the hidden folder and the folders under it.
  std::vector<std::filesystem::path> temp_files() const;

  // Writes `bytes` as `name`: all of them, synced, or an error naming the final file.
  Result<void> write_file(std::string_view name, std::string_view bytes);
  // Opens `name` for writing in pieces.
  Result<OutputFile> open(std::string_view name);

  // The error for a library that failed to write `name` without saying why in errno terms
  // (GDAL, cairo): a probe write beside it tells a full or read-only disk from other causes,
  // which are reported with the library's own `detail`.
  Error library_failure(std::string_view name, std::string_view detail) const;

  // Syncs every file written, then moves each into the target folder under its own name
  // (files of sub-folders too: GDAL's CSV driver makes one). Returns the final paths, sorted.
  Result<std::vector<std::string>> commit();

 private:
  AtomicOutput(std::filesystem::path dir, std::filesystem::path temp);

  std::filesystem::path dir_;
  std::filesystem::path temp_;  // empty once committed or moved from
};

// One file written whole or not at all: `bytes` to `path`, whose folder must exist.
Result<void> write_file_atomically(const std::filesystem::path& path, std::string_view bytes);

}  // namespace chipao
