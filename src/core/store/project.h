// Project: an open project — its store, the planning state and the edit history — where
// every apply, undo and redo is one committed transaction (autosave).
//
// The state in memory changes only once the store has committed, so the program never shows
// an edit the file does not hold: a failed write leaves both as they were.
#pragma once

#include <memory>
#include <string>

#include "core/plan/edit.h"
#include "core/plan/edit_history.h"
#include "core/store/project_store.h"
#include "core/store/spatialite_store.h"
#include "core/util/result.h"

namespace chipao {

class Project {
 public:
  // Opens a SpatiaLite project file and reads its state and history.
  static Result<Project> open(const std::string& path, const StoreOptions& options = {});
  // Reads the state and history from any store.
  static Result<Project> from_store(std::unique_ptr<ProjectStore> store);

  Result<void> apply(Edit edit);
  Result<const Edit*> undo();
  Result<const Edit*> redo();

  const PlanningState& state() const { return state_; }
  const EditHistory& history() const { return history_; }
  ProjectStore& store() { return *store_; }

 private:
  Project(std::unique_ptr<ProjectStore> store, PlanningState state, EditHistory history);
  std::unique_ptr<ProjectStore> store_;
  PlanningState state_;
  EditHistory history_;
};

// A new project's starting state: the default catalogue, a fresh random salt for hashed
// IDs (never a raw national ID), suppression threshold 3, Thai as the language.
PlanningState initial_planning_state();

}  // namespace chipao
