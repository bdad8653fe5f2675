#include "app/project_session.h"

#include <fmt/format.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <set>
#include <tuple>

#include "core/admin/admin_level.h"
#include "core/store/spatialite_store.h"
#include "render/layer_mesh.h"

namespace chipao::app {

namespace {

// Units that share a boundary edge. Neighbouring units in one layer share their border
// vertices exactly (the loader keeps source coordinates), so an edge is a pair of equal points.
std::vector<std::vector<std::uint32_t>> edge_neighbours(const BoundaryLayer& layer) {
  using Point = std::pair<double, double>;
  std::vector<std::tuple<Point, Point, std::uint32_t>> edges;
  for (std::uint32_t u = 0; u < layer.features.size(); ++u) {
    const FeatureGeometry& g = layer.features[u].geometry;
    if (g.kind != GeometryKind::polygon) continue;
    for (std::size_t r = 0; r < g.ring_count(); ++r) {
      const auto ring = g.ring(r);
      for (std::size_t i = 1; i < ring.size(); ++i) {
        Point a{ring[i - 1].x, ring[i - 1].y}, b{ring[i].x, ring[i].y};
        if (a == b) continue;
        if (b < a) std::swap(a, b);
        edges.emplace_back(a, b, u);
      }
    }
  }
  std::sort(edges.begin(), edges.end());
  std::vector<std::set<std::uint32_t>> sets(layer.features.size());
  for (std::size_t i = 0; i < edges.size();) {
    std::size_t j = i + 1;
    while (j < edges.size() && std::get<0>(edges[j]) == std::get<0>(edges[i]) &&
           std::get<1>(edges[j]) == std::get<1>(edges[i]))
      ++j;
    for (std::size_t a = i; a < j; ++a)
      for (std::size_t b = i; b < j; ++b)
        if (std::get<2>(edges[a]) != std::get<2>(edges[b]))
          sets[std::get<2>(edges[a])].insert(std::get<2>(edges[b]));
    i = j;
  }
  std::vector<std::vector<std::uint32_t>> out(sets.size());
  for (std::size_t u = 0; u < sets.size(); ++u) out[u].assign(sets[u].begin(), sets[u].end());
  return out;
}

LayerFigures stored_figures(const StoredLayer& stored) {
  LayerFigures figures;
  if (stored.columns.empty()) return figures;
  JoinResult join;
  join.columns = stored.columns;
  join.assigned_from = stored.assigned_from;
  join.report.boundaries = stored.layer.features.size();
  for (std::size_t i = 0; i < stored.layer.features.size(); ++i) {
    for (const JoinedColumn& c : stored.columns) {
      if (i < c.values.size() && !std::isnan(c.values[i])) {
        ++join.report.matched;
        break;
      }
    }
  }
  figures.join = std::move(join);
  return figures;
}

}  // namespace

Result<std::unique_ptr<ProjectSession>> ProjectSession::open(const std::string& path,
                                                             std::function<void()> wake_ui) {
  auto project = Project::open(path);
  if (!project) return std::unexpected(project.error());
  std::unique_ptr<ProjectSession> session(new ProjectSession(path, std::move(*project)));
  ProjectSession* self = session.get();
  // Edits other processes commit reach this window within a second: the watch polls the
  // store's version on its own connection and wakes the UI, which then catches up.
  auto watch = self->project_.store().watch([self, wake = wake_ui] {
    self->changed_elsewhere_.store(true);
    if (wake) wake();
  });
  if (!watch) return std::unexpected(watch.error());
  session->watch_ = std::move(*watch);
  session->worker_ = std::jthread(
      [self, wake = std::move(wake_ui)](std::stop_token stop) { self->load(stop, wake); });
  return session;
}

ProjectSession::ProjectSession(std::string path, Project project)
    : path_(std::move(path)), project_(std::move(project)) {}

ProjectSession::~ProjectSession() = default;

void ProjectSession::load(std::stop_token stop, std::function<void()> wake_ui) {
  const auto finish = [&](std::optional<std::string> error) {
    std::lock_guard lock(mutex_);
    if (error) errors_.push_back(std::move(*error));
    worker_done_ = true;
    if (wake_ui) wake_ui();
  };
  // Its own connection: the UI thread's writes go through the project's.
  auto store = SpatiaLiteStore::open(path_, {.quick_check = false});
  if (!store) return finish(store.error().message);
  auto summaries = (*store)->layers();
  if (!summaries) return finish(summaries.error().message);
  // The unit layer: tambons when the project has them, else the first polygon layer.
  std::optional<std::string> unit_name;
  for (const LayerSummary& s : *summaries)
    if (s.level == "tambon") unit_name = s.name;
  for (const LayerSummary& s : *summaries)
    if (!unit_name && s.geometry_type.find("POLYGON") != std::string::npos) unit_name = s.name;

  for (const LayerSummary& summary : *summaries) {
    if (stop.stop_requested()) return finish(std::nullopt);
    const auto started = std::chrono::steady_clock::now();
    auto stored = (*store)->load_layer(summary.name);
    if (!stored) {
      std::lock_guard lock(mutex_);
      errors_.push_back(stored.error().message);
      continue;
    }
    LoadedLayer loaded;
    loaded.request = fmt::format("{} ({})", path_, summary.name);
    loaded.data = stored->layer;
    loaded.mesh = render::build_layer_mesh(loaded.data.features);
    loaded.figures = stored_figures(*stored);
    std::unique_ptr<UnitLayerData> units;
    if (unit_name && summary.name == *unit_name) {
      units = std::make_unique<UnitLayerData>();
      units->name = summary.name;
      units->layer = std::move(stored->layer);
      units->index = TallyIndex::build(units->layer);
      units->figures.columns = std::move(stored->columns);
      units->figure_columns = zone_figure_columns(units->figures.columns);
      // Shares are of the amphoe totals in the kept input tables (as exports measure them);
      // a project without kept tables measures them against its units' sums.
      if (auto tables = (*store)->load_tables(summary.name); tables && !tables->empty()) {
        if (auto totals = amphoe_target_poor_from_tables(*tables, units->figures.target_column)) {
          units->figures.amphoe_target_poor = std::move(*totals);
        }
      }
      if (units->figures.amphoe_target_poor.empty()) {
        units->figures.amphoe_target_poor = amphoe_target_poor_from_units(
            units->layer, units->figures.columns, units->figures.target_column);
      }
      units->neighbours = edge_neighbours(units->layer);
      units->tool = std::make_unique<ToolUnits>(units->layer, units->index);
    }
    loaded.seconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    std::lock_guard lock(mutex_);
    ready_layers_.push_back(std::move(loaded));
    if (units) ready_units_ = std::move(units);
    if (wake_ui) wake_ui();
  }
  finish(unit_name ? std::nullopt
                   : std::optional<std::string>(fmt::format(
                         "{}: the project has no polygon layer to tally zones on; create it with "
                         "chipao-cli project new --boundaries",
                         path_)));
}

std::vector<LoadedLayer> ProjectSession::take_layers() {
  std::lock_guard lock(mutex_);
  if (ready_units_) {
    units_ = std::move(ready_units_);
    tallied_revision_ = -1;  // the zones can be tallied now
  }
  return std::exchange(ready_layers_, {});
}

std::vector<std::string> ProjectSession::take_errors() {
  std::lock_guard lock(mutex_);
  return std::exchange(errors_, {});
}

bool ProjectSession::loading() const {
  std::lock_guard lock(mutex_);
  return !worker_done_ || !ready_layers_.empty() || ready_units_ != nullptr;
}

Result<void> ProjectSession::apply(Edit edit, bool activate) {
  const std::int64_t created = state().next_zone_id();
  if (auto ok = project_.apply(std::move(edit)); !ok) return ok;
  if (activate && state().zone(created)) active_zone_ = created;
  after_state_change();
  return {};
}

Result<void> ProjectSession::apply_built(const EditBuilder& build) {
  auto done = project_.apply(build);
  if (!done) return std::unexpected(done.error());
  after_state_change();
  return {};
}

Result<void> ProjectSession::undo() {
  auto undone = project_.undo();
  if (!undone) return std::unexpected(undone.error());
  after_state_change();
  return {};
}

Result<void> ProjectSession::redo() {
  auto redone = project_.redo();
  if (!redone) return std::unexpected(redone.error());
  after_state_change();
  return {};
}

Result<bool> ProjectSession::catch_up() {
  if (!changed_elsewhere_.exchange(false)) return false;
  const auto assignments = state().assignments;
  auto changed = project_.refresh();
  if (!changed) return changed;
  if (!*changed) return false;
  const auto same = [](const MunicipalAssignment& a, const MunicipalAssignment& b) {
    return a.municipal_code == b.municipal_code && a.tambons == b.tambons;
  };
  if (units_ && !std::equal(assignments.begin(), assignments.end(), state().assignments.begin(),
                            state().assignments.end(), same)) {
    // Another process assigned a municipal area: its figures were joined again.
    if (auto figures = project_.figures(units_->name)) {
      units_->figures.columns = (*figures)->join.columns;
      units_->figure_columns = zone_figure_columns(units_->figures.columns);
    }
  }
  after_state_change();
  return true;
}

void ProjectSession::after_state_change() {
  ++revision_;
  if (!state().zone(active_zone_)) active_zone_ = 0;
}

void ProjectSession::set_active_zone(std::int64_t id) {
  active_zone_ = state().zone(id) ? id : 0;
}

void ProjectSession::set_drawn_rule(TallyRule rule) {
  if (rule == drawn_rule_ || rule == TallyRule::painted) return;
  drawn_rule_ = rule;
  tallied_revision_ = -1;
}

std::vector<std::size_t> ProjectSession::zone_unit_indices(const Zone& zone) const {
  std::vector<std::size_t> out;
  if (!units_) return out;
  if (zone.kind == ZoneKind::painted) {
    for (const std::string& code : zone.unit_codes)
      if (auto i = units_->index.find(code)) out.push_back(*i);
  } else if (!zone.polygon.empty()) {
    const PreparedZone prepared(zone.polygon);
    for (const UnitWeight& u : zone_units(units_->index, prepared, TallyRule::centroid))
      out.push_back(u.unit);
  }
  return out;
}

ZoneTally ProjectSession::compute_tally(const Zone& zone,
                                        const std::optional<FeatureGeometry>& polygon,
                                        std::span<const std::string> stroke) const {
  const FeatureGeometry& shape = polygon ? *polygon : zone.polygon;
  if (zone.kind == ZoneKind::drawn && !shape.empty() && stroke.empty()) {
    const PreparedZone prepared(shape);
    const auto weights = zone_units(units_->index, prepared, drawn_rule_);
    return tally_zone(units_->index, units_->figures, weights, drawn_rule_, zone.name);
  }
  std::vector<std::string> codes = zone.unit_codes;
  codes.insert(codes.end(), stroke.begin(), stroke.end());
  std::sort(codes.begin(), codes.end());
  codes.erase(std::unique(codes.begin(), codes.end()), codes.end());
  std::vector<UnitWeight> weights;
  for (const std::string& code : codes)
    if (auto i = units_->index.find(code)) weights.push_back({*i, 1.0});
  return tally_zone(units_->index, units_->figures, weights, TallyRule::painted, zone.name);
}

void ProjectSession::sync() {
  if (!units_ || tallied_revision_ == revision_) return;
  const auto started = std::chrono::steady_clock::now();
  tallies_.clear();
  for (const Zone& zone : state().zones) tallies_.emplace(zone.id, compute_tally(zone, {}, {}));
  tallied_revision_ = revision_;
  preview_revision_ = -1;
  last_tally_ms_ =
      std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - started).count();
}

void ProjectSession::set_preview(const std::optional<FeatureGeometry>& polygon,
                                 std::int64_t polygon_zone, std::span<const std::string> stroke,
                                 int tool_revision) {
  sync();
  if (!units_ || tool_revision == preview_revision_) return;
  preview_revision_ = tool_revision;
  const std::int64_t id = polygon ? polygon_zone : active_zone_;
  const Zone* zone = state().zone(id);
  if (!zone) return;
  const auto started = std::chrono::steady_clock::now();
  tallies_[id] = compute_tally(*zone, polygon, stroke);
  last_tally_ms_ =
      std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - started).count();
}

const ZoneTally* ProjectSession::tally(std::int64_t zone) const {
  const auto it = tallies_.find(zone);
  return it == tallies_.end() ? nullptr : &it->second;
}

std::optional<ZoneFigures> ProjectSession::figures(std::int64_t zone) const {
  const ZoneTally* t = tally(zone);
  if (!t || !units_) return std::nullopt;
  return zone_figures(*t, units_->figure_columns);
}

ZoneShape ProjectSession::shape(std::int64_t id) const {
  const Zone* zone = state().zone(id);
  if (!zone) return {};
  if (zone->kind == ZoneKind::drawn) {
    const std::size_t pieces = zone->polygon.polygon_count();
    return {pieces <= 1, pieces};
  }
  if (!units_) return {};
  const std::vector<std::size_t> members = zone_unit_indices(*zone);
  const std::set<std::size_t> in(members.begin(), members.end());
  std::set<std::size_t> seen;
  std::size_t pieces = 0;
  for (std::size_t start : members) {
    if (!seen.insert(start).second) continue;
    ++pieces;
    std::vector<std::size_t> stack{start};
    while (!stack.empty()) {
      const std::size_t u = stack.back();
      stack.pop_back();
      for (std::uint32_t v : units_->neighbours[u])
        if (in.contains(v) && seen.insert(v).second) stack.push_back(v);
    }
  }
  return {pieces <= 1, pieces};
}

std::vector<std::size_t> ProjectSession::uncovered_units(
    const std::vector<std::string>& amphoe) const {
  std::vector<std::size_t> out;
  if (!units_) return out;
  std::set<std::size_t> covered;
  for (const Zone& zone : state().zones)
    for (std::size_t u : zone_unit_indices(zone)) covered.insert(u);
  for (std::size_t u = 0; u < units_->layer.features.size(); ++u) {
    const std::string& code = units_->layer.features[u].code;
    if (code.size() < 4 || covered.contains(u)) continue;
    if (std::find(amphoe.begin(), amphoe.end(), code.substr(0, 4)) != amphoe.end())
      out.push_back(u);
  }
  return out;
}

}  // namespace chipao::app
