// ProjectStore: where a planner's project lives — its boundary layers with their joined
// figures and join report, the zones, catalogue, interventions, municipal assignments,
// settings and the edit history.
//
// One interface so that another store (PostGIS) can stand in for the SpatiaLite file
// (core/store/spatialite_store.h). Every write_step() is one transaction that holds the
// changed entities and the history step together: after a crash either both are there or
// neither is.
#pragma once

#include <cstddef>
#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "core/join/join.h"
#include "core/layer/boundary_layer.h"
#include "core/plan/edit.h"
#include "core/plan/edit_history.h"
#include "core/util/result.h"

namespace chipao {

// A boundary layer as a project keeps it: features (code, names, geometry in WGS 84), the
// figures joined to it (one value per feature per column), and the join's report.
struct StoredLayer {
  std::string name;  // letters, digits and '_' only; the table is "layer_<name>"
  BoundaryLayer layer;
  std::vector<JoinedColumn> columns;       // values parallel to layer.features
  std::vector<std::string> assigned_from;  // per feature; empty or parallel to features
  std::string join_report_json;            // "{}" when nothing was joined
  // The measure tables the figures were joined from, as parsed (rows, specs, notes). Kept so
  // that the figures can be joined again when a municipal assignment changes. Written by
  // save_layer() in the layer's transaction; load_layer() leaves it empty (it can be large):
  // read it with load_tables().
  std::vector<MeasureTable> tables;
};

// New joined figures for a stored layer, written in the transaction of the edit that made
// them (a municipal assignment applied, undone or redone). Columns have the stored names, in
// the stored order; values and assigned_from are parallel to the layer's features.
struct LayerFiguresUpdate {
  std::string layer;
  std::vector<JoinedColumn> columns;
  std::vector<std::string> assigned_from;
  std::string join_report_json;
};

struct LayerSummary {
  std::string name;
  std::string table;
  std::string level;          // "tambon", ... or empty
  std::string geometry_type;  // "MULTIPOLYGON", "POINT", "MULTIPOINT"
  std::string source_path;
  std::size_t features = 0;
  std::size_t columns = 0;
  std::size_t tables = 0;  // input measure tables kept for re-joining
};

enum class HistoryStep { apply, undo, redo };

// Watches a store for commits made by other connections (other processes, or another
// connection of this one) and calls back, from its own thread, soon after each; stops when
// destroyed. The callback only signals: the reader then compares version()s.
class StoreWatch {
 public:
  virtual ~StoreWatch() = default;
};

// Concurrency: any number of processes may hold one project open. Every write is one
// transaction that holds the store's write lock (waiting a bounded time for another writer,
// then failing with a "busy, try again" message), and every committed write raises version().
// An edit must be decided inside in_write_transaction(), against what that transaction reads,
// never against a copy read earlier: Project (core/store/project.h) does this.
class ProjectStore {
 public:
  virtual ~ProjectStore() = default;

  virtual const std::string& location() const = 0;

  // Opened for reading only (a read-only medium, or no permission to write); every write then
  // fails with read_only_reason(), a message naming the file and what to do.
  virtual bool read_only() const = 0;
  virtual const std::string& read_only_reason() const = 0;

  // The committed version: a number that every committed write raises. Cheap to read.
  virtual Result<std::int64_t> version() = 0;
  // Runs `body` inside one write transaction: the store's write lock is held, reads inside see
  // the latest committed state, and the writes the body makes (write_step..., save_layer) join
  // this transaction. `body` gets the version committed before it; when it succeeds, the
  // transaction commits with that version + 1. A failing body rolls everything back.
  virtual Result<void> in_write_transaction(
      const std::function<Result<void>(std::int64_t version_before)>& body) = 0;
  // Calls `on_change` after another connection commits (within about a quarter second).
  virtual Result<std::unique_ptr<StoreWatch>> watch(std::function<void()> on_change) = 0;

  virtual Result<void> save_layer(const StoredLayer& layer) = 0;
  virtual Result<std::vector<LayerSummary>> layers() = 0;
  virtual Result<StoredLayer> load_layer(const std::string& name) = 0;
  // The input measure tables saved with the layer, in their order; empty when none were kept.
  virtual Result<std::vector<MeasureTable>> load_tables(const std::string& layer) = 0;

  // Everything edits change, and the history with its position.
  virtual Result<PlanningState> load_state() = 0;
  virtual Result<EditHistory> load_history() = 0;
  // What changed in the history since `since_version`, read as of one moment: the entries
  // from the first one written after that version on (rows are rewritten only when an edit
  // drops a redo branch), the position, and the version this answer is as of. Lets a reader
  // catch up by replaying a few edits instead of reading the whole project again.
  struct HistoryChanges {
    std::size_t first_changed = 0;  // entries before this are as the reader has them
    std::vector<Edit> entries;      // entries first_changed, first_changed + 1, ...
    std::size_t position = 0;
    std::int64_t version = 0;
  };
  virtual Result<HistoryChanges> load_history_changes(std::int64_t since_version) = 0;

  // Writes a whole state without history (a new project's starting point).
  virtual Result<void> write_initial(const PlanningState& state) = 0;
  // In one transaction: the entities `edit` touches as they now are in `state`, and the
  // history step. `position_before` is the history position before the step; for `apply`
  // the redo branch from that position on is dropped and `edit` stored there.
  virtual Result<void> write_step(const PlanningState& state, const Edit& edit, HistoryStep step,
                                  std::size_t position_before) {
    return write_step_with_figures(state, edit, step, position_before, {});
  }
  // The same, and in the same transaction the layers' new joined figures, so that a crash
  // never leaves figures that disagree with the assignments.
  virtual Result<void> write_step_with_figures(const PlanningState& state, const Edit& edit,
                                               HistoryStep step, std::size_t position_before,
                                               const std::vector<LayerFiguresUpdate>& figures) = 0;
};

}  // namespace chipao
