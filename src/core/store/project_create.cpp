#include "core/store/project_create.h"

#include <fmt/format.h>

#include <algorithm>
#include <filesystem>
#include <utility>

#include "core/admin/admin_level.h"
#include "core/join/join_report_json.h"
#include "core/store/project.h"
#include "core/store/spatialite_store.h"

namespace chipao {

namespace {

namespace fs = std::filesystem;

// A part [from, to] of the caller's 0..1 progress, for one step of a longer operation.
Progress sub_progress(const Progress& whole, double from, double to) {
  Progress part;
  part.cancel_flag = whole.cancel_flag;
  if (whole.on_progress) {
    part.on_progress = [on = whole.on_progress, from, to](double f) {
      on(from + (to - from) * std::clamp(f, 0.0, 1.0));
    };
  }
  return part;
}

std::unexpected<Error> cancelled_error(const std::string& what) {
  return fail(fmt::format("{}: cancelled; nothing was written", what));
}

void remove_partial(const std::string& tmp) {
  std::error_code ignored;
  for (const std::string& stale : {tmp, tmp + "-wal", tmp + "-shm", tmp + "-journal"})
    fs::remove(stale, ignored);
}

// Writes the stored layer and the initial state into a new store at `tmp`, whole or not at
// all (the partial file and its -wal/-shm go on failure).
Result<void> write_new_store(const std::string& tmp, const PlanningState& state,
                             const StoredLayer& stored) {
  remove_partial(tmp);
  auto store = SpatiaLiteStore::create(tmp);
  Result<void> ok = store ? Result<void>{} : std::unexpected(store.error());
  if (ok) ok = (*store)->write_initial(state);
  if (ok) ok = (*store)->save_layer(stored);
  if (ok) ok = (*store)->checkpoint();
  if (!ok) {
    if (store) store->reset();  // closed before its files are removed
    remove_partial(tmp);
  }
  return ok;
}

}  // namespace

Result<ProjectContents> load_project_contents(const ProjectSources& sources,
                                              const Progress& progress) {
  ProjectContents out;
  out.assignments = sources.assignments;
  LoadOptions load = sources.load;
  const bool with_tables = !sources.table_paths.empty();
  load.progress = sub_progress(progress, 0.0, with_tables ? 0.8 : 1.0);
  auto layer = load_boundaries(sources.boundary_path, load);
  if (!layer) return std::unexpected(layer.error());
  if (progress.cancelled()) return cancelled_error(sources.boundary_path);
  out.layer = std::move(*layer);
  if (!with_tables) return out;
  const double per_table = 0.15 / static_cast<double>(sources.table_paths.size());
  for (std::size_t i = 0; i < sources.table_paths.size(); ++i) {
    auto table = load_measure_table(sources.table_paths[i], sources.table_options);
    if (!table) return std::unexpected(table.error());
    out.tables.push_back(std::move(*table));
    progress.report(0.8 + per_table * static_cast<double>(i + 1));
    if (progress.cancelled()) return cancelled_error(sources.table_paths[i]);
  }
  auto joined = join_tables(out.layer, out.tables, JoinOptions{.assignments = out.assignments});
  if (!joined) return std::unexpected(joined.error());
  out.joined = std::move(*joined);
  progress.report(1.0);
  return out;
}

ProjectTarget check_project_target(const std::string& path, bool force) {
  using Kind = SpatiaLiteStore::FileKind;
  const Kind kind = SpatiaLiteStore::identify(path);
  if (kind == Kind::missing) return ProjectTarget::free;
  if (!force) return ProjectTarget::exists;
  if (kind == Kind::not_a_project) return ProjectTarget::not_a_project;
  if (kind == Kind::unreadable) return ProjectTarget::unreadable;
  if (SpatiaLiteStore::open_elsewhere(path)) return ProjectTarget::open_elsewhere;
  return ProjectTarget::free;
}

std::string project_target_message(ProjectTarget target, const std::string& path) {
  switch (target) {
    case ProjectTarget::free:
      return {};
    case ProjectTarget::exists:
      return fmt::format("{} already exists; give --force to replace it", path);
    case ProjectTarget::not_a_project:
      return fmt::format(
          "{} is not a ChiPao project; --force replaces only projects — choose another name", path);
    case ProjectTarget::unreadable:
      return fmt::format(
          "{} cannot be read, so ChiPao cannot tell whether it is a project; choose another "
          "name or check its permissions",
          path);
    case ProjectTarget::open_elsewhere:
      return fmt::format(
          "{} is open in another ChiPao program (the app or chipao-cli); close it there first, "
          "or choose another name",
          path);
  }
  return {};
}

Result<void> may_create_project_at(const std::string& path, bool force) {
  const ProjectTarget target = check_project_target(path, force);
  if (target == ProjectTarget::free) return {};
  return fail(project_target_message(target, path));
}

std::string project_layer_name(const BoundaryLayer& layer) {
  return layer.source.level ? std::string(level_name(*layer.source.level)) : std::string("layer");
}

std::string default_project_path(const std::string& boundary_path) {
  if (boundary_path.empty()) return {};
  fs::path p(boundary_path);
  // A zipped shapefile opened through GDAL's virtual file system names the zip.
  static constexpr std::string_view kVsizip = "/vsizip/";
  if (boundary_path.starts_with(kVsizip)) p = fs::path(boundary_path.substr(kVsizip.size()));
  while (!p.empty() && p.has_parent_path() && p.parent_path().extension() == ".zip")
    p = p.parent_path();
  return (p.parent_path() / p.stem()).string() + ".chipao";
}

Result<CreatedProject> create_project(const std::string& path, ProjectContents contents, bool force,
                                      const Progress& progress) {
  if (auto ok = may_create_project_at(path, force); !ok) return std::unexpected(ok.error());
  CreatedProject created;
  created.path = path;
  StoredLayer stored;
  stored.name = project_layer_name(contents.layer);
  stored.join_report_json = "{}";
  if (contents.joined) {
    JoinResult& joined = *contents.joined;
    created.warnings = joined.report.warnings;
    stored.join_report_json = join_report_to_json(joined.report);
    stored.columns = std::move(joined.columns);
    stored.assigned_from = std::move(joined.assigned_from);
    // Kept so that assignment edits can join them again.
    stored.tables = std::move(contents.tables);
  }
  stored.layer = std::move(contents.layer);
  PlanningState state = initial_planning_state();
  state.assignments = std::move(contents.assignments);
  std::sort(state.assignments.begin(), state.assignments.end(),
            [](const auto& a, const auto& b) { return a.municipal_code < b.municipal_code; });
  created.layer_name = stored.name;
  created.features = stored.layer.features.size();
  created.columns = stored.columns.size();
  created.join_report_json = stored.join_report_json;
  progress.report(0.1);

  const std::string tmp = path + ".tmp";
  if (auto ok = write_new_store(tmp, state, stored); !ok) return std::unexpected(ok.error());
  progress.report(0.9);
  if (progress.cancelled()) {
    remove_partial(tmp);
    return cancelled_error(path);
  }
  // Checked again just before the replace: the app may have opened it meanwhile.
  if (auto ok = may_create_project_at(path, force); !ok) {
    remove_partial(tmp);
    return std::unexpected(ok.error());
  }
  // The old project's WAL must not be replayed onto the new file.
  std::error_code ec;
  for (const std::string& stale : {path + "-wal", path + "-shm"}) fs::remove(stale, ec);
  fs::rename(tmp, path, ec);
  if (ec) {
    remove_partial(tmp);
    return fail(
        fmt::format("{}: could not move the new project into place ({}); nothing was "
                    "changed — check the folder is writable and try again",
                    path, ec.message()));
  }
  progress.report(1.0);
  return created;
}

Result<CreatedProject> create_project(const std::string& path, const ProjectSources& sources,
                                      bool force, const Progress& progress) {
  // Refused before anything is read: a taken name is cheap to fix.
  if (auto ok = may_create_project_at(path, force); !ok) return std::unexpected(ok.error());
  auto contents = load_project_contents(sources, sub_progress(progress, 0.0, 0.7));
  if (!contents) return std::unexpected(contents.error());
  if (progress.cancelled()) return cancelled_error(path);
  return create_project(path, std::move(*contents), force, sub_progress(progress, 0.7, 1.0));
}

}  // namespace chipao
