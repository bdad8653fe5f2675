// The one model every panel, the map and scripts share: which area the planner has drilled
// into, the thematic settings, the selected and hovered area. Panels read it and call its
// commands; it recomputes the thematic map and pushes colours and flags to the GPU.
//
// Drill-down: the root shows the amphoe of the province; drilling into an amphoe (4-digit
// code) shows its tambon, into a tambon (6 digits) its villages. The "active layer" is the
// layer of that level; features outside the drilled area are hidden.
//
// Precondition: the MapView outlives the controller; call sync() with the GL context current.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "app/map_view.h"
#include "app/measure_catalog.h"
#include "app/thematic.h"
#include "core/util/result.h"

namespace chipao::app {

class MapController {
 public:
  explicit MapController(MapView& map) : map_(map) {}

  // After layers arrive: catalogs are rebuilt and the thematic map recomputed.
  void layers_changed();

  // Commands. Errors name what was asked and what exists.
  Result<void> set_measure(const std::string& column);
  void set_settings(const ThematicSettings& settings);
  Result<void> drill_to(const std::string& code);           // "" = the whole province
  Result<void> select_code(const std::string& code);        // drills to the area's parent if needed
  void select_feature(std::optional<std::size_t> feature);  // in the active layer
  void set_hovered(std::optional<std::size_t> feature);
  void set_language(Language language);
  // Re-joins the active layer's tables with this assignment added (or replacing one for the
  // same municipal area).
  Result<void> assign_municipal(const MunicipalAssignment& assignment);

  // Queries.
  const std::vector<std::string>& drill_path() const { return drill_; }
  std::optional<AdminLevel> active_level() const;
  std::optional<std::size_t> active_layer_index() const;
  const MapLayer* active_layer() const;
  const MapLayer* layer_at(AdminLevel level) const;
  const MeasureCatalog* catalog() const;  // of the active layer; nullptr without figures
  const MeasureEntry* measure() const;
  const std::vector<double>* measure_values() const;  // per feature of the active layer
  const ThematicSettings& settings() const { return settings_; }
  const ThematicMap* thematic() const { return thematic_ ? &*thematic_ : nullptr; }
  const std::string& thematic_error() const { return thematic_error_; }
  const std::vector<bool>& eligible() const { return eligible_; }
  std::optional<std::size_t> selected() const { return selected_; }
  std::optional<std::size_t> hovered() const { return hovered_; }
  std::string source_text() const;  // "TPMAP 2561"
  // Bumped whenever the selection changes, so views (the table) can scroll to it once.
  int selection_revision() const { return selection_revision_; }
  // The extent of the drilled area (or of everything at the root), for fitting the view.
  Bbox focus_extent() const;
  Bbox selected_extent() const;

  // Recomputes what is stale and pushes colours and flags to the GPU. True when the map
  // changed (a frame must be drawn).
  bool sync();

 private:
  void recompute_eligible();
  void recompute_thematic();
  std::optional<std::size_t> layer_index(AdminLevel level) const;

  MapView& map_;
  Language language_ = Language::thai;
  std::vector<std::string> drill_;
  ThematicSettings settings_;
  std::map<AdminLevel, MeasureCatalog> catalogs_;
  std::optional<ThematicMap> thematic_;
  std::string thematic_error_;
  std::vector<bool> eligible_;
  std::optional<std::size_t> selected_, hovered_;
  int selection_revision_ = 0;
  bool thematic_dirty_ = true;
  bool gpu_dirty_ = true;
};

}  // namespace chipao::app
