// The step `join`, `tally`, `render` and `project new` share: parse --assign and --recode, read
// --boundaries with the layer options, read every --table, join the tables to the boundaries.
// Failures are printed here, once, in the form every command uses: argument errors as
// "chipao-cli <command>: ..." (exit code 2), input errors as the reader's own line naming the
// file, row and field (exit code 1). The caller returns the exit code it is given.
#pragma once

#include <expected>
#include <optional>
#include <string_view>
#include <vector>

#include "cli/cli_args.h"
#include "cli/layer_options.h"
#include "core/join/join.h"

namespace chipao::cli {

struct JoinedLayerRequest {
  std::string_view command = "";  // as in messages: "join", "project new"
  // Replaces the geometry requirement of the descriptor and flags when set (`join` writes any
  // geometry; `tally` needs polygons).
  std::optional<GeometryRequirement> require = std::nullopt;
  // `project new` makes a project from boundaries alone when no --table is named; the other
  // commands need figures and fail without a table.
  bool tables_optional = false;
};

struct JoinedLayer {
  LayerSource source;
  BoundaryLayer layer;
  JoinOptions options;               // the --assign'ed municipal areas
  std::vector<MeasureTable> tables;  // as read, with --recode applied (noted in fixed_codes)
  std::optional<JoinResult> joined;  // absent only when tables_optional and no --table
};

// The joined layer, or the exit code after the error has been printed to stderr. The
// boundary file is --boundaries, or the --descriptor's source when that is absent.
std::expected<JoinedLayer, int> load_joined_layer(const Args& args,
                                                  const JoinedLayerRequest& request);

}  // namespace chipao::cli
