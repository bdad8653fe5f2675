// An open project in the app (--project P): the Project (core/store/project.h) whose every
// apply, undo and redo is one committed transaction, the project's unit layer(s) for the map,
// and the tallies of its zones.
//
// Opening reads the planning state on the UI thread (small) and starts one worker thread that
// reads the stored layers, builds their render meshes, the TallyIndex of the unit layer
// (tambons, else the first polygon layer), the snap grid and the unit adjacency; the UI takes
// them once per frame (take_layers()). Zone tallies are recomputed on the UI thread when the
// state changes and, for the active zone, whenever the tool's preview changes (the tally takes
// well under a millisecond per zone), so the panel shows the figures of the frame being drawn.
//
// Tallies: drawn zones by the chosen rule (centroid or area), painted zones by their units
// (rule "painted"); the amphoe share is of the amphoe's target poor on the unit layer. The
// figures shown are read through core/plan/zone_figures.h, as every export reads them.
#pragma once

#include <atomic>
#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <span>
#include <string>
#include <thread>
#include <vector>

#include "app/layer_loader.h"
#include "app/zone_tool.h"
#include "core/plan/tally.h"
#include "core/plan/zone_figures.h"
#include "core/store/project.h"
#include "core/util/result.h"

namespace chipao::app {

// What the worker builds for the unit layer. Addresses stay put (ToolUnits refers to them).
struct UnitLayerData {
  std::string name;  // the project's layer name, "tambon"
  BoundaryLayer layer;
  TallyIndex index;
  TallyFigures figures;
  // Which of figures.columns the zone figures are read from: the exports' choice
  // (core/plan/zone_figures.h), kept with the columns it was made from.
  ZoneFigureColumns figure_columns;
  std::unique_ptr<ToolUnits> tool;
  // Units sharing a boundary edge, per unit (sorted indices).
  std::vector<std::vector<std::uint32_t>> neighbours;
};

// Whether a zone is one piece: painted units connected through shared boundary edges, a drawn
// zone one polygon.
struct ZoneShape {
  bool contiguous = true;
  std::size_t pieces = 0;
};

class ProjectSession {
 public:
  // `wake_ui` is called from the worker when layers are ready (glfwPostEmptyEvent).
  static Result<std::unique_ptr<ProjectSession>> open(const std::string& path,
                                                      std::function<void()> wake_ui);
  ~ProjectSession();
  ProjectSession(const ProjectSession&) = delete;
  ProjectSession& operator=(const ProjectSession&) = delete;

  // UI thread, once per frame: the layers to add to the map, and what failed loading.
  std::vector<LoadedLayer> take_layers();
  std::vector<std::string> take_errors();
  bool loading() const;

  const std::string& path() const { return path_; }
  const PlanningState& state() const { return project_.state(); }
  const EditHistory& history() const { return project_.history(); }
  // Applies through the project (committed before the state changes). `activate` makes the
  // zone the edit creates active.
  Result<void> apply(Edit edit, bool activate = false);
  // An edit decided inside its write transaction (core/store/project.h), e.g. zones imported
  // from a file: their ids are the next free ones when written.
  Result<void> apply_built(const EditBuilder& build);
  Result<void> undo();
  Result<void> redo();
  int revision() const { return revision_; }  // bumped by every state change
  // Takes in edits another process (chipao-cli, another window) committed, once the store's
  // watch has said there are some: true when the state changed (zones, plan, history and
  // tallies then follow it). Cheap when nothing happened. UI thread, once per frame.
  Result<bool> catch_up();
  bool read_only() const { return project_.read_only(); }

  std::int64_t active_zone() const { return active_zone_; }
  void set_active_zone(std::int64_t id);
  TallyRule drawn_rule() const { return drawn_rule_; }
  void set_drawn_rule(TallyRule rule);  // centroid or area

  const UnitLayerData* units() const { return units_.get(); }
  const ToolUnits* tool_units() const { return units_ ? units_->tool.get() : nullptr; }

  // The tool's work in progress on the active zone (a moved polygon, a stroke of units);
  // re-tallies that zone at once when `tool_revision` changed.
  void set_preview(const std::optional<FeatureGeometry>& polygon, std::int64_t polygon_zone,
                   std::span<const std::string> stroke, int tool_revision);
  // Recomputes stale tallies (after edits, a new rule, the layers arriving).
  void sync();
  const ZoneTally* tally(std::int64_t zone) const;
  // The zone's target poor, households and deprived per dimension, read from its tally as
  // the exports read theirs; nullopt before the layers have loaded or for an unknown zone.
  std::optional<ZoneFigures> figures(std::int64_t zone) const;
  double last_tally_ms() const { return last_tally_ms_; }
  ZoneShape shape(std::int64_t zone) const;
  // Units of these amphoe (4-digit codes) that no zone covers (painted, or a drawn zone's
  // units by the centroid rule), as unit indices.
  std::vector<std::size_t> uncovered_units(const std::vector<std::string>& amphoe) const;

 private:
  ProjectSession(std::string path, Project project);
  void load(std::stop_token stop, std::function<void()> wake_ui);
  void after_state_change();
  ZoneTally compute_tally(const Zone& zone, const std::optional<FeatureGeometry>& polygon,
                          std::span<const std::string> stroke) const;
  std::vector<std::size_t> zone_unit_indices(const Zone& zone) const;

  std::string path_;
  Project project_;
  std::atomic<bool> changed_elsewhere_{false};  // set by the store's watch thread
  std::unique_ptr<StoreWatch> watch_;
  std::int64_t active_zone_ = 0;
  TallyRule drawn_rule_ = TallyRule::centroid;
  int revision_ = 0;
  int tallied_revision_ = -1;
  int preview_revision_ = -1;
  std::map<std::int64_t, ZoneTally> tallies_;
  double last_tally_ms_ = 0;
  std::unique_ptr<UnitLayerData> units_;

  mutable std::mutex mutex_;  // guards what the worker hands over
  std::vector<LoadedLayer> ready_layers_;
  std::unique_ptr<UnitLayerData> ready_units_;
  std::vector<std::string> errors_;
  bool worker_done_ = false;
  std::jthread worker_;  // last: stops before the members it uses go
};

}  // namespace chipao::app
