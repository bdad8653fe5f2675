// Project: an open project — its store, the planning state and the edit history — where
// every apply, undo and redo is one committed transaction (autosave).
//
// The state in memory changes only once the store has committed, so the program never shows
// an edit the file does not hold: a failed write leaves both as they were.
//
// Several processes may hold one project open (the app and chipao-cli, two CLI loops, later
// a province's offices on one server). So an edit is decided inside its write transaction:
// the project first catches up with whatever others committed (state, history, figures),
// then builds the edit against that state (ids, history position, the zone's current units),
// then writes it. Undo and redo take back the newest edit in the shared history as it stands
// in that transaction. refresh() catches up outside an edit (the app calls it when the
// store's watch says another process committed).
//
// Municipal assignments: when an edit that sets or clears one is applied, undone or redone,
// the project joins its kept input tables (StoredLayer::tables) to each tambon layer again
// with the new assignments and writes the new figures, assigned_from notes and join report
// in the edit's own transaction. figures() gives them to the app and the exports.
#pragma once

#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "core/plan/edit.h"
#include "core/plan/edit_history.h"
#include "core/store/project_store.h"
#include "core/store/spatialite_store.h"
#include "core/util/result.h"

namespace chipao {

// The figures joined to one layer of a project, as they stand with its assignments.
struct ProjectFigures {
  std::string layer;  // the layer's name in the project
  // columns: values per feature (NaN: no figure); assigned_from: per feature, the municipal
  // areas whose figures were put into it ("990151 (100% by area)"), empty where none (or
  // an empty vector when no feature has any); report: the join report.
  JoinResult join;
  std::string report_json;  // the report as stored ("{}" when nothing was joined)
  bool rejoinable = false;  // the project keeps the input tables: assignment edits re-join
};

// Builds an edit from the state as committed at the moment of writing (make_* in edit.h).
using EditBuilder = std::function<Result<Edit>(const PlanningState&)>;

class Project {
 public:
  // Opens a SpatiaLite project file and reads its state and history.
  static Result<Project> open(const std::string& path, const StoreOptions& options = {});
  // Reads the state and history from any store.
  static Result<Project> from_store(std::unique_ptr<ProjectStore> store);

  // Decides and commits one edit: `build` sees the state inside the write transaction.
  // Returns the edit as committed (its ids are the ones written).
  Result<const Edit*> apply(const EditBuilder& build);
  // An edit prepared from state(): committed when every entity it changes is still as it
  // recorded (it may have been prepared before another process's edit arrived); refused with
  // a message saying another program changed it when not.
  Result<void> apply(Edit edit);
  Result<const Edit*> undo();
  Result<const Edit*> redo();
  // Catches up with edits other processes committed. True when anything changed.
  Result<bool> refresh();
  // The store's version this state corresponds to.
  std::int64_t version() const { return version_; }
  bool read_only() const { return store_->read_only(); }

  const PlanningState& state() const { return state_; }
  const EditHistory& history() const { return history_; }
  ProjectStore& store() { return *store_; }

  // The current figures of layer `layer`; empty: the tambon layer, else the first layer.
  // Read from the file on first use (the pointer stays valid until the next edit, undo or
  // redo); fails when the project has no such layer.
  Result<const ProjectFigures*> figures(const std::string& layer = {});

 private:
  Project(std::unique_ptr<ProjectStore> store, PlanningState state, EditHistory history,
          std::int64_t version);
  // In one write transaction: catches up, takes the edit (built, or the history's newest for
  // undo, the next for redo), applies (forward) or reverts it in memory, re-joins when it
  // touches an assignment, and writes it all as one step. On failure memory holds the last
  // committed state.
  Result<const Edit*> commit(HistoryStep step, const EditBuilder& build);
  // Brings state, history and version to what the store has committed: replays the edits
  // that changed since version_ (reverting this project's past the common part of the
  // history, applying the store's), or reads everything again where replaying cannot be
  // trusted. True when anything changed.
  Result<bool> catch_up();
  Result<bool> read_everything_again();
  // Loads, once, the tambon layers that keep input tables, with their tables.
  Result<void> load_join_inputs();
  Result<std::vector<ProjectFigures>> rejoin();

  struct JoinInputs {
    BoundaryLayer layer;
    std::vector<MeasureTable> tables;
  };
  std::unique_ptr<ProjectStore> store_;
  PlanningState state_;
  EditHistory history_;
  std::int64_t version_ = 0;
  bool inputs_loaded_ = false;
  std::map<std::string, JoinInputs> inputs_;       // by layer name
  std::map<std::string, ProjectFigures> figures_;  // by layer name, as read or re-joined
};

// True when the edit sets or clears a municipal assignment (figures must be joined again).
bool edit_changes_assignments(const Edit& edit);

// A new project's starting state: the default catalogue, a fresh random salt for hashed
// IDs (never a raw national ID), suppression threshold 3, Thai as the language.
PlanningState initial_planning_state();

}  // namespace chipao
