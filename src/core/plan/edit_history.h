// The undo/redo history of a project: every edit applied, in order, and the position that
// separates what is done (before it) from what can be redone (from it on).
//
// Unlimited depth. A new edit after some undos drops the redo branch. This class only
// changes memory; core/store/project.h makes each step one transaction in the project file,
// so the history and the position survive a restart.
#pragma once

#include <cstddef>
#include <vector>

#include "core/plan/edit.h"
#include "core/util/result.h"

namespace chipao {

class EditHistory {
 public:
  EditHistory() = default;
  // A history read back from a project; position <= entries.size().
  EditHistory(std::vector<Edit> entries, std::size_t position);

  // Applies the edit to the state, drops any redo branch and records it. On failure neither
  // the state nor the history changes.
  Result<void> apply(PlanningState& state, Edit edit);
  // Reverts the last done edit; returns it. Fails when there is nothing to undo.
  Result<const Edit*> undo(PlanningState& state);
  // Re-applies the next undone edit; returns it. Fails when there is nothing to redo.
  Result<const Edit*> redo(PlanningState& state);
  // For callers that apply and persist an edit themselves (core/store/project.h) and record
  // it only once it is safely written: drops the redo branch and appends the edit.
  void record_applied(Edit edit);
  // Moves the position after the caller reverted (-1) or re-applied (+1) an edit itself.
  void step(int delta);

  bool can_undo() const { return position_ > 0; }
  bool can_redo() const { return position_ < entries_.size(); }
  std::size_t position() const { return position_; }
  std::size_t size() const { return entries_.size(); }
  const std::vector<Edit>& entries() const { return entries_; }

 private:
  std::vector<Edit> entries_;
  std::size_t position_ = 0;
};

}  // namespace chipao
