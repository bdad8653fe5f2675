#include "core/store/project.h"

#include <fmt/format.h>

#include <algorithm>
#include <random>

#include "core/join/join_report_json.h"
#include "core/plan/catalogue_defaults.h"

namespace chipao {

Project::Project(std::unique_ptr<ProjectStore> store, PlanningState state, EditHistory history,
                 std::int64_t version)
    : store_(std::move(store)),
      state_(std::move(state)),
      history_(std::move(history)),
      version_(version) {}

Result<Project> Project::open(const std::string& path, const StoreOptions& options) {
  auto store = SpatiaLiteStore::open(path, options);
  if (!store) return std::unexpected(store.error());
  return from_store(std::move(*store));
}

namespace {

struct Snapshot {
  PlanningState state;
  EditHistory history;
  std::int64_t version = 0;
};

// State, history and version as of one moment. Outside a transaction each read is its own,
// so another process may commit between them: the version read before and after tells, and
// the reads are repeated then.
Result<Snapshot> read_snapshot(ProjectStore& store) {
  for (int attempt = 0; attempt < 50; ++attempt) {
    auto before = store.version();
    if (!before) return std::unexpected(before.error());
    auto state = store.load_state();
    if (!state) return std::unexpected(state.error());
    auto history = store.load_history();
    if (!history) return std::unexpected(history.error());
    auto after = store.version();
    if (!after) return std::unexpected(after.error());
    if (*before == *after) return Snapshot{std::move(*state), std::move(*history), *after};
  }
  return fail(fmt::format(
      "{} is busy: other programs keep saving to it, so ChiPao could not read it as of one "
      "moment; try again",
      store.location()));
}

}  // namespace

Result<Project> Project::from_store(std::unique_ptr<ProjectStore> store) {
  auto snapshot = read_snapshot(*store);
  if (!snapshot) return std::unexpected(snapshot.error());
  return Project(std::move(store), std::move(snapshot->state), std::move(snapshot->history),
                 snapshot->version);
}

Result<bool> Project::read_everything_again() {
  auto snapshot = read_snapshot(*store_);
  if (!snapshot) return std::unexpected(snapshot.error());
  const bool changed = snapshot->version != version_;
  state_ = std::move(snapshot->state);
  history_ = std::move(snapshot->history);
  version_ = snapshot->version;
  figures_.clear();  // an assignment edit elsewhere may have joined them again
  return changed;
}

Result<bool> Project::catch_up() {
  auto changes = store_->load_history_changes(version_);
  if (!changes) return read_everything_again();  // an older project without row versions
  if (changes->version == version_) return false;
  const std::size_t common = changes->first_changed;
  const std::size_t old_position = history_.position();
  // Something changed outside the history (a layer saved), or the history is not one this
  // project's is a prefix of: read it all.
  if (common > history_.size() ||
      (changes->entries.empty() && common == history_.size() && changes->position == old_position))
    return read_everything_again();
  std::vector<Edit> entries(history_.entries().begin(),
                            history_.entries().begin() + static_cast<std::ptrdiff_t>(common));
  for (Edit& e : changes->entries) entries.push_back(std::move(e));
  if (changes->position > entries.size()) return read_everything_again();
  bool assignments = false;
  // Revert this project's edits back to where both histories agree...
  const std::size_t agreed = std::min(old_position, common);
  for (std::size_t i = old_position; i > agreed; --i) {
    const Edit& e = history_.entries()[i - 1];
    assignments = assignments || edit_changes_assignments(e);
    if (!apply_edit(state_, e, false)) return read_everything_again();
  }
  // ...then walk the store's history to its position.
  for (std::size_t i = agreed; i < changes->position; ++i) {
    assignments = assignments || edit_changes_assignments(entries[i]);
    if (!apply_edit(state_, entries[i], true)) return read_everything_again();
  }
  for (std::size_t i = agreed; i > changes->position; --i) {
    assignments = assignments || edit_changes_assignments(entries[i - 1]);
    if (!apply_edit(state_, entries[i - 1], false)) return read_everything_again();
  }
  history_ = EditHistory(std::move(entries), changes->position);
  version_ = changes->version;
  if (assignments) figures_.clear();  // joined again by whoever made the edit
  return true;
}

Result<bool> Project::refresh() {
  auto now = store_->version();
  if (!now) return std::unexpected(now.error());
  if (*now == version_) return false;
  return catch_up();
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

Result<const Edit*> Project::commit(HistoryStep step, const EditBuilder& build) {
  const bool forward = step != HistoryStep::undo;
  Edit edit;
  bool in_memory = false;  // state_ holds the edit (to be reverted if the write fails)
  std::int64_t committed_version = 0;
  std::vector<ProjectFigures> rejoined;
  auto written = store_->in_write_transaction([&](std::int64_t before) -> Result<void> {
    committed_version = before + 1;
    // Another process committed since this project last read: decide against its state.
    if (before != version_)
      if (auto caught = catch_up(); !caught) return std::unexpected(caught.error());
    switch (step) {
      case HistoryStep::apply: {
        auto built = build(state_);
        if (!built) return std::unexpected(built.error());
        edit = std::move(*built);
        break;
      }
      case HistoryStep::undo:
        if (!history_.can_undo()) return fail("nothing to undo");
        edit = history_.entries()[history_.position() - 1];
        break;
      case HistoryStep::redo:
        if (!history_.can_redo()) return fail("nothing to redo");
        edit = history_.entries()[history_.position()];
        break;
    }
    if (auto ok = apply_edit(state_, edit, forward); !ok) return ok;
    in_memory = true;
    if (edit_changes_assignments(edit)) {
      auto r = rejoin();
      if (!r) return std::unexpected(r.error());
      rejoined = std::move(*r);
    }
    std::vector<LayerFiguresUpdate> updates;
    for (const ProjectFigures& f : rejoined)
      updates.push_back({f.layer, f.join.columns, f.join.assigned_from, f.report_json});
    return store_->write_step_with_figures(state_, edit, step, history_.position(), updates);
  });
  if (!written) {
    if (in_memory) (void)apply_edit(state_, edit, !forward);
    return std::unexpected(written.error());
  }
  version_ = committed_version;
  for (ProjectFigures& f : rejoined) figures_[f.layer] = std::move(f);
  switch (step) {
    case HistoryStep::apply:
      history_.record_applied(std::move(edit));
      return &history_.entries()[history_.position() - 1];
    case HistoryStep::undo:
      history_.step(-1);
      return &history_.entries()[history_.position()];
    case HistoryStep::redo:
      history_.step(+1);
      return &history_.entries()[history_.position() - 1];
  }
  return fail("unknown history step (a bug)");
}

Result<const Edit*> Project::apply(const EditBuilder& build) {
  return commit(HistoryStep::apply, build);
}

Result<void> Project::apply(Edit edit) {
  const std::int64_t prepared_at = version_;
  auto done = commit(HistoryStep::apply, [&](const PlanningState& now) -> Result<Edit> {
    if (version_ != prepared_at) {
      // Prepared before another program's edit arrived: still right only if everything it
      // changes is as it was when prepared.
      PlanningState trial = now;
      if (!apply_edit(trial, edit, true)) {
        return fail(fmt::format(
            "{}: another ChiPao program changed this a moment ago ({}); its change is shown "
            "now — make the edit again",
            store_->location(), edit.summary));
      }
    }
    return edit;
  });
  if (!done) return std::unexpected(done.error());
  return {};
}

Result<const Edit*> Project::undo() {
  return commit(HistoryStep::undo, {});
}

Result<const Edit*> Project::redo() {
  return commit(HistoryStep::redo, {});
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
