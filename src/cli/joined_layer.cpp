#include "cli/joined_layer.h"

#include <iostream>
#include <string>

#include "cli/table_options.h"
#include "core/join/recode.h"

namespace chipao::cli {

std::expected<JoinedLayer, int> load_joined_layer(const Args& args,
                                                  const JoinedLayerRequest& request) {
  // Argument errors first, before any file is read: they are cheap to fix and to report.
  const auto usage_error = [&](const Error& e) {
    std::cerr << "chipao-cli " << request.command << ": " << e.message << "\n";
    return std::unexpected(2);
  };
  // Input errors already name the file, row and field: printed as they are.
  const auto input_error = [](const Error& e) {
    std::cerr << e.message << "\n";
    return std::unexpected(1);
  };
  JoinedLayer out;
  for (const std::string& a : args.all("assign")) {
    auto parsed = parse_assignment(a);
    if (!parsed) return usage_error(parsed.error());
    out.options.assignments.push_back(*parsed);
  }
  std::vector<CodeRecode> recodes;
  for (const std::string& r : args.all("recode")) {
    auto parsed = parse_recode(r);
    if (!parsed) return usage_error(parsed.error());
    recodes.push_back(*parsed);
  }
  auto source = layer_source_from_args(args, args.value("boundaries").value_or(""));
  if (!source) return usage_error(source.error());
  out.source = std::move(*source);
  if (request.require) out.source.options.require = *request.require;
  auto layer = load_boundaries(out.source.path, out.source.options);
  if (!layer) return input_error(layer.error());
  out.layer = std::move(*layer);
  if (request.tables_optional && args.all("table").empty()) return out;
  auto tables = tables_from_args(args);
  if (!tables) return input_error(tables.error());
  out.tables = std::move(*tables);
  // Applied to the tables themselves rather than through JoinOptions: `project new` keeps
  // these tables, and with the recodes noted in them they join again to the same figures and
  // report without the project having to store the recodes.
  if (auto ok = apply_recodes(out.tables, recodes); !ok) return usage_error(ok.error());
  auto joined = join_tables(out.layer, out.tables, out.options);
  if (!joined) return input_error(joined.error());
  out.joined = std::move(*joined);
  return out;
}

}  // namespace chipao::cli
