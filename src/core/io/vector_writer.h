// Writing a boundary layer with extra columns as GeoPackage, ESRI Shapefile or CSV (chosen by
// the file extension), whole or not at all (core/io/atomic_output.h): a failed or
// interrupted export never leaves a half-written file, and a full disk is said to be full.
// CSV text that a spreadsheet would run as a formula is neutralised (core/io/csv_text.h).
//
// Shapefile field names hold 10 characters: long names are shortened (TPMAP columns to
// readable forms such as t_health) and a sidecar <name>.fields.json maps every field to its
// full name and Thai and English label. The .cpg says UTF-8 (or CP874 when asked).
#pragma once

#include <string>
#include <vector>

#include "core/layer/boundary_layer.h"
#include "core/util/result.h"

namespace chipao {

struct OutputColumn {
  std::string name;  // full name
  std::string label_th;
  std::string label_en;
  bool numeric = true;
  std::vector<double> numbers;     // numeric: one per feature, NaN for null
  std::vector<std::string> texts;  // text: one per feature
};

struct WriteOptions {
  std::string encoding = "UTF-8";  // shapefile DBF text: "UTF-8" or "CP874"
  bool geometry = true;            // CSV ignores geometry
};

// Returns the paths written.
Result<std::vector<std::string>> write_layer(const std::string& path, const BoundaryLayer& layer,
                                             const std::vector<OutputColumn>& columns,
                                             const WriteOptions& options = {});

// The 10-character DBF name for a column (unique within `taken`, which it extends).
std::string shapefile_field_name(const std::string& full_name, std::vector<std::string>& taken);

// Thai and English labels for TPMAP columns ("poor.JPT.MOFval.health" -> "คนจนเป้าหมาย ด้านสุขภาพ");
// a column qualified "@<table>" adds what its table counts (tpmap_group_labels()).
std::pair<std::string, std::string> tpmap_labels(const std::string& column);

}  // namespace chipao
