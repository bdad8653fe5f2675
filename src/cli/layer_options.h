// The options every command that reads a boundary source shares: --layer, --level,
// --code-field, --name-th, --name-en, --encoding, --crs, --descriptor.
#pragma once

#include <string>

#include "cli/cli_args.h"
#include "core/io/boundary_reader.h"

namespace chipao::cli {

void add_layer_options(ArgSpec& spec);
std::string layer_options_help();

struct LayerSource {
  std::string path;
  LoadOptions options;
};

// Combines an optional descriptor with flags (flags win) into a source and its options.
Result<LayerSource> layer_source_from_args(const Args& args, const std::string& positional_path);

}  // namespace chipao::cli
