// Turning attribute values into administrative codes and names for a whole layer:
// detection (or the user's override) of code and name fields, normalisation of every value,
// duplicate and parent checks, all recorded in the LoadReport.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/admin/field_detection.h"
#include "core/layer/boundary_layer.h"
#include "core/util/result.h"

namespace chipao {

struct CodeAssignmentOptions {
  std::optional<AdminLevel> level;
  std::vector<std::string> code_fields;
  std::optional<std::string> name_th_field;
  std::optional<std::string> name_en_field;
  std::string override_origin = "flag";
};

// Fills source.level/code_fields/name_fields/code_source and each feature's code and names
// from feature.attributes (UTF-8, parallel to source.field_names). Fails only when the user
// named a field the layer does not have.
Result<void> assign_codes(BoundaryLayer& layer, const CodeAssignmentOptions& options);

}  // namespace chipao
