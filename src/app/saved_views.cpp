#include "app/saved_views.h"

#include <fmt/format.h>

#include <cstdlib>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>
#include <system_error>

#include "core/store/project.h"

namespace chipao::app {

namespace {

using nlohmann::json;

const char* label_mode_name(LabelMode mode) {
  switch (mode) {
    case LabelMode::name:
      return "name";
    case LabelMode::value:
      return "value";
    case LabelMode::off:
      return "off";
  }
  return "off";
}

std::optional<LabelMode> parse_label_mode(const std::string& text) {
  if (text == "name") return LabelMode::name;
  if (text == "value") return LabelMode::value;
  if (text == "off") return LabelMode::off;
  return std::nullopt;
}

}  // namespace

std::optional<std::filesystem::path> default_views_path() {
  if (const char* xdg = std::getenv("XDG_CONFIG_HOME"); xdg && *xdg)
    return std::filesystem::path(xdg) / "chipao" / "views.json";
  if (const char* home = std::getenv("HOME"); home && *home)
    return std::filesystem::path(home) / ".config" / "chipao" / "views.json";
  return std::nullopt;
}

std::string views_to_json(const std::vector<SavedView>& views) {
  json list = json::array();
  for (const SavedView& view : views) {
    const ThematicSettings& s = view.settings;
    list.push_back({{"name", view.name},
                    {"title", view.title},
                    {"center", {view.lon, view.lat}},
                    {"pixels_per_degree", view.pixels_per_degree},
                    {"span", {view.span_lon, view.span_lat}},
                    {"drill", view.drill},
                    {"measure", s.measure},
                    {"method", std::string(class_method_name(s.method))},
                    {"classes", s.classes},
                    {"palette", std::string(palette_name(s.palette))},
                    {"high_contrast", s.high_contrast},
                    {"manual_breaks", s.manual_breaks},
                    {"labels", label_mode_name(s.labels)}});
  }
  return json{{"version", 1}, {"views", list}}.dump(2) + "\n";
}

Result<std::vector<SavedView>> views_from_json(const std::string& text, const std::string& origin,
                                               const std::string& remedy) {
  const json root = json::parse(text, nullptr, false);
  if (root.is_discarded() || !root.is_object() || !root.contains("views") ||
      !root["views"].is_array()) {
    return fail(fmt::format(
        "{}: not a list of saved views (a JSON object with a \"views\" list); {}", origin, remedy));
  }
  std::vector<SavedView> views;
  std::size_t index = 0;
  for (const json& item : root["views"]) {
    const std::string where = fmt::format("{}: view {}", origin, index++ + 1);
    try {
      SavedView view;
      view.name = item.at("name").get<std::string>();
      view.title = item.value("title", std::string());
      const json& center = item.at("center");
      view.lon = center.at(0).get<double>();
      view.lat = center.at(1).get<double>();
      view.pixels_per_degree = item.at("pixels_per_degree").get<double>();
      view.drill = item.value("drill", std::string());
      if (item.contains("span")) {
        view.span_lon = item["span"].at(0).get<double>();
        view.span_lat = item["span"].at(1).get<double>();
      }
      ThematicSettings& s = view.settings;
      s.measure = item.value("measure", std::string());
      const std::string method = item.value("method", std::string("quantile"));
      const std::string palette = item.value("palette", std::string("orange_red"));
      const std::string labels = item.value("labels", std::string("name"));
      const auto parsed_method = parse_class_method(method);
      const auto parsed_palette = parse_palette(palette);
      const auto parsed_labels = parse_label_mode(labels);
      if (!parsed_method || !parsed_palette || !parsed_labels) {
        return fail(
            fmt::format("{} ('{}'): method '{}', palette '{}' or labels '{}' is unknown; {}", where,
                        view.name, method, palette, labels, remedy));
      }
      s.method = *parsed_method;
      s.palette = *parsed_palette;
      s.labels = *parsed_labels;
      s.classes = item.value("classes", 5);
      s.high_contrast = item.value("high_contrast", false);
      s.manual_breaks = item.value("manual_breaks", std::vector<double>{});
      if (!(view.pixels_per_degree > 0)) {
        return fail(fmt::format("{} ('{}'): pixels_per_degree must be positive; {}", where,
                                view.name, remedy));
      }
      views.push_back(std::move(view));
    } catch (const json::exception&) {
      return fail(
          fmt::format("{}: needs \"name\", \"center\" [lon, lat] and \"pixels_per_degree\"; {}",
                      where, remedy));
    }
  }
  return views;
}

Result<std::vector<SavedView>> FileViewsStorage::load() const {
  std::error_code error;
  if (!std::filesystem::exists(path_, error)) return std::vector<SavedView>{};
  std::ifstream in(path_);
  if (!in) return fail(path_.string() + ": cannot be read; check its permissions");
  std::stringstream buffer;
  buffer << in.rdbuf();
  return views_from_json(buffer.str(), path_.string());
}

Result<void> FileViewsStorage::save(const std::vector<SavedView>& views, const std::string&) {
  std::error_code error;
  if (path_.has_parent_path()) std::filesystem::create_directories(path_.parent_path(), error);
  if (error) {
    return fail(fmt::format("{}: cannot create the folder ({}); check its permissions",
                            path_.parent_path().string(), error.message()));
  }
  // Write beside and rename, so a crash never leaves half a file.
  const std::filesystem::path temporary = path_.string() + ".tmp";
  {
    std::ofstream out(temporary, std::ios::trunc);
    out << views_to_json(views);
    if (!out) return fail(temporary.string() + ": cannot be written; check the disk and folder");
  }
  std::filesystem::rename(temporary, path_, error);
  if (error)
    return fail(fmt::format("{}: cannot be replaced ({})", path_.string(), error.message()));
  return {};
}

ProjectViewsStorage::ProjectViewsStorage(std::string project_path, ReadState state, ApplyEdit apply)
    : project_path_(std::move(project_path)), state_(std::move(state)), apply_(std::move(apply)) {}

std::unique_ptr<ProjectViewsStorage> ProjectViewsStorage::over(Project& project) {
  return std::make_unique<ProjectViewsStorage>(
      project.store().location(), [&project]() -> const PlanningState& { return project.state(); },
      [&project](Edit edit) { return project.apply(std::move(edit)); });
}

const std::string* ProjectViewsStorage::stored_text() const {
  const auto& settings = state_().settings;
  const auto it = settings.find(std::string(kSavedViewsSetting));
  return it == settings.end() ? nullptr : &it->second;
}

std::string ProjectViewsStorage::location() const {
  return fmt::format("{} (setting {})", project_path_, kSavedViewsSetting);
}

Result<std::vector<SavedView>> ProjectViewsStorage::load() const {
  const std::string* text = stored_text();
  seen_ = text ? std::optional<std::string>(*text) : std::nullopt;
  if (!text) return std::vector<SavedView>{};
  // Nothing outside the program writes the setting, so a bad one came from another tool or
  // a damaged file: undo takes back the edit that wrote it.
  return views_from_json(*text, fmt::format("{}: setting {}", project_path_, kSavedViewsSetting),
                         fmt::format("undo the edit that wrote it (chipao-cli project history "
                                     "{0} lists them, chipao-cli project undo {0} takes one back)",
                                     project_path_));
}

Result<void> ProjectViewsStorage::save(const std::vector<SavedView>& views,
                                       const std::string& change) {
  std::optional<std::string> text;
  if (!views.empty()) text = views_to_json(views);
  const std::string* now = stored_text();
  if (now ? text == *now : !text) return {};  // no edit for no change
  auto edit = make_set_setting(state_(), std::string(kSavedViewsSetting), text);
  if (!edit) return std::unexpected(edit.error());
  // The builder's summary would hold the whole list; the history says what the planner did.
  edit->summary = change;
  if (auto applied = apply_(std::move(*edit)); !applied)
    return fail(fmt::format("{}: the saved views could not be written ({})", project_path_,
                            applied.error().message));
  seen_ = std::move(text);
  return {};
}

bool ProjectViewsStorage::changed_elsewhere() const {
  const std::string* now = stored_text();
  return now ? seen_ != *now : seen_.has_value();
}

Result<SavedViews> SavedViews::open(std::unique_ptr<ViewsStorage> storage) {
  SavedViews saved;
  auto views = storage->load();
  if (!views) return std::unexpected(views.error());
  saved.storage_ = std::move(storage);
  saved.views_ = std::move(*views);
  return saved;
}

Result<SavedViews> SavedViews::load(const std::filesystem::path& path) {
  return open(std::make_unique<FileViewsStorage>(path));
}

Result<void> SavedViews::write(std::vector<SavedView> views, const std::string& change) {
  if (auto saved = storage_->save(views, change); !saved) return saved;
  views_ = std::move(views);
  return {};
}

Result<void> SavedViews::save_view(SavedView view) {
  if (view.name.empty()) return fail("a saved view needs a name");
  std::vector<SavedView> views = views_;
  const std::string change = fmt::format("save view '{}'", view.name);
  for (std::size_t i = 0; i < views.size(); ++i) {
    if (views[i].name == view.name) {
      views[i] = std::move(view);
      if (auto ok = write(std::move(views), change); !ok) return ok;
      current_ = i;
      return {};
    }
  }
  views.push_back(std::move(view));
  if (auto ok = write(std::move(views), change); !ok) return ok;
  current_ = views_.size() - 1;
  return {};
}

Result<void> SavedViews::rename(std::size_t index, const std::string& name) {
  if (index >= views_.size()) return fail(fmt::format("no saved view number {}", index + 1));
  if (name.empty()) return fail("a saved view needs a name");
  for (std::size_t i = 0; i < views_.size(); ++i) {
    if (i != index && views_[i].name == name)
      return fail(fmt::format("a saved view is already called '{}'; choose another name", name));
  }
  std::vector<SavedView> views = views_;
  const std::string change = fmt::format("rename view '{}' to '{}'", views[index].name, name);
  views[index].name = name;
  return write(std::move(views), change);
}

Result<void> SavedViews::remove(std::size_t index) {
  if (index >= views_.size()) return fail(fmt::format("no saved view number {}", index + 1));
  std::vector<SavedView> views = views_;
  const std::string change = fmt::format("delete view '{}'", views[index].name);
  views.erase(views.begin() + static_cast<std::ptrdiff_t>(index));
  if (auto ok = write(std::move(views), change); !ok) return ok;
  if (current_ && *current_ >= views_.size())
    current_ = views_.empty() ? std::nullopt : std::optional<std::size_t>(views_.size() - 1);
  return {};
}

Result<bool> SavedViews::refresh() {
  if (!storage_->changed_elsewhere()) return false;
  auto views = storage_->load();
  if (!views) return std::unexpected(views.error());
  views_ = std::move(*views);
  if (current_ && *current_ >= views_.size()) current_.reset();
  return true;
}

const SavedView* SavedViews::step(int direction) {
  if (views_.empty()) return nullptr;
  const auto n = static_cast<long>(views_.size());
  long next = 0;
  if (current_) {
    next = ((static_cast<long>(*current_) + direction) % n + n) % n;
  } else {
    next = direction >= 0 ? 0 : n - 1;
  }
  current_ = static_cast<std::size_t>(next);
  return &views_[*current_];
}

std::string SavedViews::unused_name(const std::string& stem) const {
  for (int i = 1;; ++i) {
    const std::string name = fmt::format("{} {}", stem, i);
    bool used = false;
    for (const SavedView& view : views_) used = used || view.name == name;
    if (!used) return name;
  }
}

}  // namespace chipao::app
