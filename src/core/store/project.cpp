#include "core/store/project.h"

#include <fmt/format.h>

#include <algorithm>
#include <random>

#include "core/join/join_report_json.h"
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

bool edit_changes_assignments(const Edit& edit) {
  for (const EntityChange& c : edit.changes)
    if (c.kind == EntityKind::assignment) return true;
  return false;
}

Result<void> Project::load_join_inputs() {
  if (inputs_loaded_) return {};
  auto layers = store_->layers();
  if (!layers) return std::unexpected(layers.error());
  std::map<std::string, JoinInputs> inputs;
  for (const LayerSummary& l : *layers) {
    // Assignments move figures between tambons only; other levels do not change.
    if (l.tables == 0 || l.level != "tambon") continue;
    auto stored = store_->load_layer(l.name);
    if (!stored) return std::unexpected(stored.error());
    auto tables = store_->load_tables(l.name);
    if (!tables) return std::unexpected(tables.error());
    inputs[l.name] = JoinInputs{std::move(stored->layer), std::move(*tables)};
  }
  inputs_ = std::move(inputs);
  inputs_loaded_ = true;
  return {};
}

Result<std::vector<ProjectFigures>> Project::rejoin() {
  if (auto ok = load_join_inputs(); !ok) return std::unexpected(ok.error());
  std::vector<ProjectFigures> out;
  for (const auto& [name, inputs] : inputs_) {
    JoinOptions options;
    options.assignments = state_.assignments;
    auto joined = join_tables(inputs.layer, inputs.tables, options);
    if (!joined) {
      return fail(fmt::format("{}: layer {}: {}; the assignment was not changed",
                              store_->location(), name, joined.error().message));
    }
    ProjectFigures f;
    f.layer = name;
    f.report_json = join_report_to_json(joined->report);
    // As load_layer() gives it back: no notes at all is an empty vector.
    if (std::all_of(joined->assigned_from.begin(), joined->assigned_from.end(),
                    [](const std::string& a) { return a.empty(); }))
      joined->assigned_from.clear();
    f.join = std::move(*joined);
    f.rejoinable = true;
    out.push_back(std::move(f));
  }
  return out;
}

Result<void> Project::commit(const Edit& edit, bool forward, HistoryStep step) {
  if (auto ok = apply_edit(state_, edit, forward); !ok) return ok;
  std::vector<ProjectFigures> rejoined;
  if (edit_changes_assignments(edit)) {
    auto r = rejoin();
    if (!r) {
      (void)apply_edit(state_, edit, !forward);
      return std::unexpected(r.error());
    }
    rejoined = std::move(*r);
  }
  std::vector<LayerFiguresUpdate> updates;
  for (const ProjectFigures& f : rejoined)
    updates.push_back({f.layer, f.join.columns, f.join.assigned_from, f.report_json});
  if (auto ok = store_->write_step_with_figures(state_, edit, step, history_.position(), updates);
      !ok) {
    (void)apply_edit(state_, edit, !forward);
    return ok;
  }
  for (ProjectFigures& f : rejoined) figures_[f.layer] = std::move(f);
  return {};
}

Result<void> Project::apply(Edit edit) {
  if (auto ok = commit(edit, true, HistoryStep::apply); !ok) return ok;
  history_.record_applied(std::move(edit));
  return {};
}

Result<const Edit*> Project::undo() {
  if (!history_.can_undo()) return fail("nothing to undo");
  const Edit& edit = history_.entries()[history_.position() - 1];
  if (auto ok = commit(edit, false, HistoryStep::undo); !ok) return std::unexpected(ok.error());
  history_.step(-1);
  return &edit;
}

Result<const Edit*> Project::redo() {
  if (!history_.can_redo()) return fail("nothing to redo");
  const Edit& edit = history_.entries()[history_.position()];
  if (auto ok = commit(edit, true, HistoryStep::redo); !ok) return std::unexpected(ok.error());
  history_.step(+1);
  return &edit;
}

Result<const ProjectFigures*> Project::figures(const std::string& layer) {
  auto layers = store_->layers();
  if (!layers) return std::unexpected(layers.error());
  if (layers->empty())
    return fail(fmt::format("{} has no layer; create it with chipao-cli project new --boundaries",
                            store_->location()));
  const LayerSummary* chosen = nullptr;
  for (const LayerSummary& l : *layers) {
    if (!layer.empty() ? l.name == layer : l.level == "tambon") chosen = &l;
  }
  if (!chosen && layer.empty()) chosen = &layers->front();
  if (!chosen) {
    std::string names;
    for (const LayerSummary& l : *layers) names += (names.empty() ? "" : ", ") + l.name;
    return fail(
        fmt::format("{} has no layer '{}'; its layers are {}", store_->location(), layer, names));
  }
  if (const auto it = figures_.find(chosen->name); it != figures_.end()) return &it->second;
  auto stored = store_->load_layer(chosen->name);
  if (!stored) return std::unexpected(stored.error());
  auto report = join_report_from_json(stored->join_report_json);
  if (!report)
    return fail(
        fmt::format("{}: layer {}: {}", store_->location(), chosen->name, report.error().message));
  ProjectFigures f;
  f.layer = chosen->name;
  f.join.columns = std::move(stored->columns);
  f.join.assigned_from = std::move(stored->assigned_from);
  f.join.report = std::move(*report);
  f.report_json = stored->join_report_json;
  f.rejoinable = chosen->tables > 0 && chosen->level == "tambon";
  return &(figures_[chosen->name] = std::move(f));
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
