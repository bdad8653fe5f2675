#include "app/layer_figures.h"

#include <algorithm>

namespace chipao::app {

namespace {

void run_join(const BoundaryLayer& layer, LayerFigures& figures) {
  figures.join.reset();
  figures.join_error.clear();
  if (figures.tables.empty()) return;
  auto joined = join_tables(layer, figures.tables, figures.options);
  if (!joined) {
    figures.join_error = joined.error().message;
    return;
  }
  figures.join = std::move(*joined);
}

}  // namespace

std::vector<std::string> table_paths_for_layer(const std::vector<std::string>& descriptor_tables,
                                               const std::vector<std::string>& extra_tables) {
  std::vector<std::string> paths = descriptor_tables;
  for (const std::string& path : extra_tables) {
    if (std::find(paths.begin(), paths.end(), path) == paths.end()) paths.push_back(path);
  }
  return paths;
}

LayerFigures load_layer_figures(const BoundaryLayer& layer, const std::vector<std::string>& paths) {
  LayerFigures figures;
  for (const std::string& path : paths) {
    auto table = load_measure_table(path);
    if (!table) {
      figures.errors.push_back(table.error().message);
      continue;
    }
    // A table coarser than the layer cannot be joined (join_tables refuses it); with --table
    // applying to every layer that is expected, so it is skipped quietly for that layer.
    if (layer.source.level &&
        static_cast<int>(table->level) < static_cast<int>(*layer.source.level)) {
      continue;
    }
    figures.tables.push_back(std::move(*table));
  }
  run_join(layer, figures);
  return figures;
}

void rejoin_layer_figures(const BoundaryLayer& layer, LayerFigures& figures,
                          std::vector<MunicipalAssignment> assignments) {
  figures.options.assignments = std::move(assignments);
  run_join(layer, figures);
}

}  // namespace chipao::app
