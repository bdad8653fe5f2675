#include "core/store/project.h"

#include <fmt/format.h>

#include <random>

#include "core/plan/catalogue_defaults.h"

namespace chipao {

Project::Project(std::unique_ptr<ProjectStore> store, PlanningState state, EditHistory history)
    : store_(std::move(store)), state_(std::move(state)), history_(std::move(history)) {}

Result<Project> Project::open(const std::string& path, const StoreOptions& options) {
  auto store = SpatiaLiteStore::open(path, options);
  if (!store) return std::unexpected(store.error());
  return from_store(std::move(*store));
}

Result<Project> Project::from_store(std::unique_ptr<ProjectStore> store) {
  auto state = store->load_state();
  if (!state) return std::unexpected(state.error());
  auto history = store->load_history();
  if (!history) return std::unexpected(history.error());
  return Project(std::move(store), std::move(*state), std::move(*history));
}

Result<void> Project::apply(Edit edit) {
  if (auto ok = apply_edit(state_, edit, true); !ok) return ok;
  if (auto ok = store_->write_step(state_, edit, HistoryStep::apply, history_.position()); !ok) {
    (void)apply_edit(state_, edit, false);
    return ok;
  }
  history_.record_applied(std::move(edit));
  return {};
}

Result<const Edit*> Project::undo() {
  if (!history_.can_undo()) return fail("nothing to undo");
  const Edit& edit = history_.entries()[history_.position() - 1];
  if (auto ok = apply_edit(state_, edit, false); !ok) return std::unexpected(ok.error());
  if (auto ok = store_->write_step(state_, edit, HistoryStep::undo, history_.position()); !ok) {
    (void)apply_edit(state_, edit, true);
    return std::unexpected(ok.error());
  }
  history_.step(-1);
  return &edit;
}

Result<const Edit*> Project::redo() {
  if (!history_.can_redo()) return fail("nothing to redo");
  const Edit& edit = history_.entries()[history_.position()];
  if (auto ok = apply_edit(state_, edit, true); !ok) return std::unexpected(ok.error());
  if (auto ok = store_->write_step(state_, edit, HistoryStep::redo, history_.position()); !ok) {
    (void)apply_edit(state_, edit, false);
    return std::unexpected(ok.error());
  }
  history_.step(+1);
  return &edit;
}

PlanningState initial_planning_state() {
  PlanningState state;
  state.catalogue = default_catalogue();
  std::sort(state.catalogue.begin(), state.catalogue.end(),
            [](const auto& a, const auto& b) { return a.id < b.id; });
  std::random_device random;
  // The salt: 128 random bits as hex.
  state.settings = {
      {"id_salt", fmt::format("{:08x}{:08x}{:08x}{:08x}", random(), random(), random(), random())},
      {"suppression_threshold", "3"},
      {"language", "th"}};
  return state;
}

}  // namespace chipao
