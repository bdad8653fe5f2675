// GDAL plumbing for core: RAII dataset handles, capture of GDAL's error messages, and the
// checks that turn GDAL's terse failures on broken shapefile sets into messages a planner
// can act on. GDAL's C++ types stay out of core's public headers.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "core/util/result.h"

class GDALDataset;

namespace chipao::gdal {

void ensure_registered();

struct DatasetCloser {
  void operator()(GDALDataset* ds) const;
};
using DatasetPtr = std::unique_ptr<GDALDataset, DatasetCloser>;

// Collects CPLError messages raised on this thread while alive, instead of printing them.
class ErrorCapture {
 public:
  ErrorCapture();
  ~ErrorCapture();
  ErrorCapture(const ErrorCapture&) = delete;
  ErrorCapture& operator=(const ErrorCapture&) = delete;
  const std::vector<std::string>& messages() const { return messages_; }
  std::string last() const { return messages_.empty() ? std::string() : messages_.back(); }
  // The last CE_Failure or CE_Fatal message, empty when there was none: warnings (a Thai
  // letter CP874 lacks) do not fail a write.
  const std::string& last_failure() const { return last_failure_; }
  void add(std::string message) { messages_.push_back(std::move(message)); }
  void add_failure(std::string message) {
    last_failure_ = message;
    messages_.push_back(std::move(message));
  }

 private:
  std::vector<std::string> messages_;
  std::string last_failure_;
};

struct OpenRequest {
  std::string gdal_path;  // with /vsizip/ where needed
  std::string driver;     // GDAL short name
  std::vector<std::string> open_options;
};

// Resolves a user's path (plain file, .zip, folder) to what GDAL opens, after checking that
// it exists and, for shapefiles, that the .shx and .dbf are there and the .shp is whole.
Result<OpenRequest> prepare_open(const std::string& user_path);

// Opens read-only for vector access; the error names the file and what GDAL said.
Result<DatasetPtr> open_dataset(const OpenRequest& request, const std::string& user_path);

// Reads a small sidecar (.cpg) through GDAL's virtual file system; empty when absent.
std::string read_small_file(const std::string& gdal_path);

}  // namespace chipao::gdal
