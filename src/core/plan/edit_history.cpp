#include "core/plan/edit_history.h"

#include <algorithm>

namespace chipao {

EditHistory::EditHistory(std::vector<Edit> entries, std::size_t position)
    : entries_(std::move(entries)), position_(std::min(position, entries_.size())) {}

Result<void> EditHistory::apply(PlanningState& state, Edit edit) {
  if (auto ok = apply_edit(state, edit, true); !ok) return ok;
  record_applied(std::move(edit));  // a new edit after undo: the redo branch is gone
  return {};
}

Result<const Edit*> EditHistory::undo(PlanningState& state) {
  if (!can_undo()) return fail("nothing to undo");
  const Edit& edit = entries_[position_ - 1];
  if (auto ok = apply_edit(state, edit, false); !ok) return std::unexpected(ok.error());
  --position_;
  return &edit;
}

Result<const Edit*> EditHistory::redo(PlanningState& state) {
  if (!can_redo()) return fail("nothing to redo");
  const Edit& edit = entries_[position_];
  if (auto ok = apply_edit(state, edit, true); !ok) return std::unexpected(ok.error());
  ++position_;
  return &edit;
}

void EditHistory::record_applied(Edit edit) {
  entries_.resize(position_);
  entries_.push_back(std::move(edit));
  position_ = entries_.size();
}

void EditHistory::step(int delta) {
  if (delta < 0 && position_ > 0) --position_;
  if (delta > 0 && position_ < entries_.size()) ++position_;
}

}  // namespace chipao
