#include "app/map_controller.h"

#include <fmt/format.h>
#include <algorithm>
#include <cmath>

#include "app/feature_paint.h"
#include "app/feature_pick.h"

namespace chipao::app {

namespace {

render::Rgba to_rgba(const Rgb8& c) {
  return {c.r / 255.0f, c.g / 255.0f, c.b / 255.0f, 1.0f};
}

std::optional<AdminLevel> level_of_code(const std::string& code) {
  switch (code.size()) {
    case 2:
      return AdminLevel::province;
    case 4:
      return AdminLevel::amphoe;
    case 6:
      return AdminLevel::tambon;
    case 8:
      return AdminLevel::village;
    default:
      return std::nullopt;
  }
}

}  // namespace

std::optional<std::size_t> MapController::layer_index(AdminLevel level) const {
  const auto& layers = map_.layers();
  for (std::size_t i = 0; i < layers.size(); ++i)
    if (layers[i].data.source.level == level) return i;
  return std::nullopt;
}

const MapLayer* MapController::layer_at(AdminLevel level) const {
  const auto index = layer_index(level);
  return index ? &map_.layers()[*index] : nullptr;
}

std::optional<AdminLevel> MapController::active_level() const {
  if (drill_.empty()) {
    // The root shows the amphoe when that layer exists; otherwise the coarsest layer with
    // figures (a national tambon layer opened alone), else the coarsest layer at all.
    if (layer_index(AdminLevel::amphoe)) return AdminLevel::amphoe;
    std::optional<AdminLevel> best;
    for (const MapLayer& layer : map_.layers()) {
      const auto level = layer.data.source.level;
      if (!level || *level == AdminLevel::province) continue;
      if (!best || (layer.figures.has_values() && *level < *best)) best = level;
    }
    return best;
  }
  const auto parent = level_of_code(drill_.back());
  if (!parent || *parent == AdminLevel::village) return parent;
  return static_cast<AdminLevel>(static_cast<int>(*parent) + 1);
}

std::optional<std::size_t> MapController::active_layer_index() const {
  const auto level = active_level();
  return level ? layer_index(*level) : std::nullopt;
}

const MapLayer* MapController::active_layer() const {
  const auto index = active_layer_index();
  return index ? &map_.layers()[*index] : nullptr;
}

const MeasureCatalog* MapController::catalog() const {
  const auto level = active_level();
  if (!level) return nullptr;
  const auto it = catalogs_.find(*level);
  return it == catalogs_.end() ? nullptr : &it->second;
}

const MeasureEntry* MapController::measure() const {
  const MeasureCatalog* entries = catalog();
  if (!entries) return nullptr;
  if (!settings_.measure.empty())
    if (const MeasureEntry* entry = entries->find(settings_.measure)) return entry;
  return entries->default_entry();
}

const std::vector<double>* MapController::measure_values() const {
  const MapLayer* layer = active_layer();
  const MeasureEntry* entry = measure();
  if (!layer || !entry || !layer->figures.join) return nullptr;
  return &layer->figures.join->columns[entry->column].values;
}

std::string MapController::source_text() const {
  const MapLayer* layer = active_layer();
  const MeasureEntry* entry = measure();
  if (!layer || !entry || !layer->figures.join) return {};
  return measure_source_text(layer->figures.tables, *layer->figures.join, *entry);
}

void MapController::layers_changed() {
  catalogs_.clear();
  for (const MapLayer& layer : map_.layers()) {
    if (layer.data.source.level && layer.figures.join)
      catalogs_[*layer.data.source.level] = build_measure_catalog(*layer.figures.join);
  }
  // Layer indices may have shifted: the selection is kept by code.
  std::string selected_code;
  if (selected_ && active_layer() && *selected_ < active_layer()->data.features.size())
    selected_code = active_layer()->data.features[*selected_].code;
  recompute_eligible();
  selected_.reset();
  hovered_.reset();
  if (!selected_code.empty()) {
    if (const MapLayer* layer = active_layer())
      selected_ = find_by_code(layer->data, selected_code);
  }
  thematic_dirty_ = true;
}

Result<void> MapController::set_measure(const std::string& column) {
  const MeasureCatalog* entries = catalog();
  if (!entries || entries->entries.empty())
    return fail("measure " + column + ": the layer shown has no joined tables; add a table");
  const MeasureEntry* entry = entries->find(column);
  if (!entry) {
    return fail(fmt::format("measure {}: no such column in the joined tables (first ones: {}{})",
                            column, entries->entries.front().name,
                            entries->entries.size() > 1 ? ", " + entries->entries[1].name : ""));
  }
  settings_.measure = entry->name;
  thematic_dirty_ = true;
  return {};
}

void MapController::set_settings(const ThematicSettings& settings) {
  if (settings == settings_) return;
  settings_ = settings;
  thematic_dirty_ = true;
}

void MapController::set_language(Language language) {
  if (language == language_) return;
  language_ = language;
  thematic_dirty_ = true;  // the legend's words
}

Result<void> MapController::drill_to(const std::string& code) {
  if (code.empty()) {
    drill_.clear();
  } else {
    const auto level = level_of_code(code);
    if (!level || *level == AdminLevel::village)
      return fail("drill " + code +
                  ": give a 2-digit province, 4-digit amphoe or 6-digit tambon code");
    // Without a layer of the code's own level (a national tambon layer opened alone), the
    // areas inside it in a finer layer are enough to drill into.
    if (const MapLayer* layer = layer_at(*level)) {
      if (*level != AdminLevel::province && !find_by_code(layer->data, code))
        return fail("drill " + code + ": no such area in " + layer->data.source.path);
    } else {
      const bool found = std::ranges::any_of(map_.layers(), [&](const MapLayer& l) {
        return std::ranges::any_of(l.data.features, [&](const BoundaryFeature& f) {
          return f.code.size() > code.size() && f.code.starts_with(code);
        });
      });
      if (!found)
        return fail("drill " + code + ": no loaded layer has an area inside it; load its " +
                    std::string(level_name(*level)) + " layer or a finer one");
    }
    // The path holds every ancestor, so the breadcrumbs can step back one level at a time.
    drill_.clear();
    for (std::size_t digits = 4; digits <= code.size(); digits += 2)
      drill_.push_back(code.substr(0, digits));
  }
  selected_.reset();
  hovered_.reset();
  ++selection_revision_;
  recompute_eligible();
  thematic_dirty_ = true;
  return {};
}

Result<void> MapController::select_code(const std::string& code) {
  const auto level = level_of_code(code);
  if (!level) return fail("select " + code + ": not an administrative code (2, 4, 6 or 8 digits)");
  if (active_level() != level) {
    const std::string parent = code.size() > 4 ? code.substr(0, code.size() - 2) : "";
    if (auto drilled = drill_to(parent); !drilled) return drilled;
  }
  const MapLayer* layer = active_layer();
  if (!layer || active_level() != level)
    return fail("select " + code + ": no " + std::string(level_name(*level)) + " layer is loaded");
  const auto feature = find_by_code(layer->data, code);
  if (!feature) return fail("select " + code + ": no such area in " + layer->data.source.path);
  select_feature(feature);
  return {};
}

void MapController::select_feature(std::optional<std::size_t> feature) {
  if (feature == selected_) return;
  selected_ = feature;
  ++selection_revision_;
  gpu_dirty_ = true;
}

void MapController::set_hovered(std::optional<std::size_t> feature) {
  if (feature == hovered_) return;
  hovered_ = feature;
  gpu_dirty_ = true;
}

Result<void> MapController::assign_municipal(const MunicipalAssignment& assignment) {
  const auto index = active_layer_index();
  if (!index) return fail("assign " + assignment.municipal_code + ": no layer shown");
  MapLayer& layer = map_.mutable_layer(*index);
  std::vector<MunicipalAssignment> assignments = layer.figures.options.assignments;
  std::erase_if(assignments, [&](const MunicipalAssignment& a) {
    return a.municipal_code == assignment.municipal_code;
  });
  assignments.push_back(assignment);
  std::vector<MunicipalAssignment> previous = layer.figures.options.assignments;
  rejoin_layer_figures(layer.data, layer.figures, std::move(assignments));
  if (!layer.figures.join) {
    // Put the last working join back, and say why this one failed.
    const std::string why = layer.figures.join_error;
    rejoin_layer_figures(layer.data, layer.figures, std::move(previous));
    return fail(why);
  }
  layers_changed();
  return {};
}

void MapController::recompute_eligible() {
  eligible_.clear();
  const MapLayer* layer = active_layer();
  if (!layer) return;
  const std::string parent = drill_.empty() ? "" : drill_.back();
  eligible_.resize(layer->data.features.size());
  for (std::size_t i = 0; i < eligible_.size(); ++i)
    eligible_[i] = layer->data.features[i].code.starts_with(parent);
}

void MapController::recompute_thematic() {
  thematic_.reset();
  thematic_error_.clear();
  const std::vector<double>* values = measure_values();
  const MeasureEntry* entry = measure();
  if (!values || !entry) return;
  ThematicInput input;
  input.values = values;
  input.eligible = eligible_.size() == values->size() ? &eligible_ : nullptr;
  input.measure_label = language_ == Language::thai ? entry->label_th : entry->label_en;
  input.source = source_text();
  input.is_rate = entry->is_rate;
  input.language = language_;
  auto built = build_thematic_map(input, settings_);
  if (!built) {
    thematic_error_ = built.error().message;
    return;
  }
  thematic_ = std::move(*built);
}

Bbox MapController::focus_extent() const {
  Bbox extent;
  const MapLayer* layer = active_layer();
  if (!layer || drill_.empty()) return map_.layers_extent();
  for (std::size_t i = 0; i < layer->data.features.size(); ++i)
    if (i < eligible_.size() && eligible_[i]) extent.expand(layer->data.features[i].bbox);
  return extent;
}

Bbox MapController::selected_extent() const {
  const MapLayer* layer = active_layer();
  if (!layer || !selected_ || *selected_ >= layer->data.features.size()) return {};
  return layer->data.features[*selected_].bbox;
}

bool MapController::sync() {
  if (thematic_dirty_) {
    if (eligible_.empty()) recompute_eligible();
    recompute_thematic();
    thematic_dirty_ = false;
    gpu_dirty_ = true;
  }
  if (!gpu_dirty_) return false;
  gpu_dirty_ = false;

  const auto active = active_layer_index();
  const auto& layers = map_.layers();
  for (std::size_t i = 0; i < layers.size(); ++i) {
    MapLayer& layer = map_.mutable_layer(i);
    if (i != active) {
      // Layers finer than the one shown are hidden: 700 village outlines under a map of
      // 8 amphoe are noise. Coarser ones stay as outlines for orientation.
      const auto level = layer.data.source.level;
      const auto shown = active_level();
      if (level && shown && *level > *shown) {
        std::vector<FeaturePaintFlags> hide(layer.data.features.size());
        for (FeaturePaintFlags& f : hide) f.hidden = true;
        paint_features(layer.gpu, {}, hide);
        layer.gpu.clear_feature_colors();
        continue;
      }
      clear_feature_paint(layer.gpu);
      // Upper layers keep their outlines but drop their fill, which would cover the map.
      if (thematic_) layer.style.fill.reset();
      continue;
    }
    const std::size_t n = layer.data.features.size();
    std::vector<render::Rgba> colors(n, render::Rgba{0.93f, 0.92f, 0.90f, 1.0f});
    std::vector<FeaturePaintFlags> flags(n);
    const Rgb8 no_data = no_data_color(settings_.high_contrast);
    for (std::size_t f = 0; f < n; ++f) {
      flags[f].hidden = f < eligible_.size() && !eligible_[f];
      flags[f].hovered = hovered_ == f;
      flags[f].selected = selected_ == f;
      if (!thematic_) continue;
      const int cls = thematic_->feature_class[f];
      if (cls >= 0 && static_cast<std::size_t>(cls) < thematic_->class_colors.size()) {
        colors[f] = to_rgba(thematic_->class_colors[static_cast<std::size_t>(cls)]);
      } else if (cls == -1) {
        colors[f] = to_rgba(no_data);
        flags[f].no_data = true;
      }
    }
    paint_features(layer.gpu, colors, flags);
  }
  return true;
}

}  // namespace chipao::app
