#include "core/plan/saved_views_json.h"

#include <fmt/format.h>

#include <cmath>
#include <nlohmann/json.hpp>
#include <optional>

namespace chipao {

namespace {

using nlohmann::json;

std::optional<ViewLabels> parse_view_labels(std::string_view text) {
  for (ViewLabels l : {ViewLabels::name, ViewLabels::value, ViewLabels::off})
    if (view_labels_key(l) == text) return l;
  return std::nullopt;
}

// Reads the members of one view, each failure naming the view and the member. Numbers are
// checked as JSON values before any conversion: nlohmann converts a float to int with a plain
// cast, undefined for 1e300, and parses 1e999 as infinity, which it would write back as null.
class ViewReader {
 public:
  ViewReader(const json& item, std::string where, std::string_view remedy)
      : item_(item), where_(std::move(where)), remedy_(remedy) {}

  Result<std::string> text(const char* key, bool required) const {
    if (!item_.contains(key)) {
      if (required) return missing(key, "a text");
      return std::string();
    }
    if (!item_[key].is_string()) return wrong(key, "must be a text");
    return item_[key].get<std::string>();
  }

  Result<double> number(const json& value, const std::string& what) const {
    if (!value.is_number()) return fail_with(fmt::format("{} must be a number", what));
    const double v = value.get<double>();
    if (!std::isfinite(v)) return fail_with(fmt::format("{} is too large", what));
    return v;
  }

  // [a, b] of two finite numbers.
  Result<std::pair<double, double>> pair(const char* key) const {
    const json& v = item_[key];
    if (!v.is_array() || v.size() != 2)
      return wrong(key, "must be two numbers in brackets, e.g. [104.3, 15.1]");
    auto a = number(v[0], fmt::format("\"{}\"[0]", key));
    if (!a) return std::unexpected(a.error());
    auto b = number(v[1], fmt::format("\"{}\"[1]", key));
    if (!b) return std::unexpected(b.error());
    return std::pair{*a, *b};
  }

  std::unexpected<Error> missing(const char* key, const char* kind) const {
    return fail_with(fmt::format("\"{}\" is missing (needs {})", key, kind));
  }
  std::unexpected<Error> wrong(const char* key, std::string_view what) const {
    return fail_with(fmt::format("\"{}\" {}", key, what));
  }
  std::unexpected<Error> fail_with(const std::string& what) const {
    return fail(fmt::format("{}: {}; {}", where_, what, remedy_));
  }
  const json& item() const { return item_; }

 private:
  const json& item_;
  std::string where_;
  std::string_view remedy_;
};

Result<SavedViewRecord> read_view(const ViewReader& r) {
  const json& item = r.item();
  SavedViewRecord v;
  auto name = r.text("name", true);
  if (!name) return std::unexpected(name.error());
  v.name = std::move(*name);
  for (auto [key, slot] : {std::pair{"title", &v.title}, std::pair{"drill", &v.drill},
                           std::pair{"measure", &v.measure}}) {
    auto t = r.text(key, false);
    if (!t) return std::unexpected(t.error());
    *slot = std::move(*t);
  }
  if (!item.contains("center")) return r.missing("center", "[lon, lat]");
  auto center = r.pair("center");
  if (!center) return std::unexpected(center.error());
  std::tie(v.lon, v.lat) = *center;
  if (!item.contains("pixels_per_degree")) return r.missing("pixels_per_degree", "a number");
  auto ppd = r.number(item["pixels_per_degree"], "\"pixels_per_degree\"");
  if (!ppd) return std::unexpected(ppd.error());
  if (!(*ppd > 0)) return r.wrong("pixels_per_degree", "must be positive");
  v.pixels_per_degree = *ppd;
  if (item.contains("span")) {
    auto span = r.pair("span");
    if (!span) return std::unexpected(span.error());
    if (span->first < 0 || span->second < 0) return r.wrong("span", "must not be negative");
    std::tie(v.span_lon, v.span_lat) = *span;
  }
  std::string method = "quantile", palette = "orange_red", labels = "name";
  for (auto [key, slot] : {std::pair{"method", &method}, std::pair{"palette", &palette},
                           std::pair{"labels", &labels}}) {
    if (!item.contains(key)) continue;
    auto t = r.text(key, false);
    if (!t) return std::unexpected(t.error());
    *slot = std::move(*t);
  }
  const auto parsed_method = parse_class_method(method);
  const auto parsed_palette = parse_palette(palette);
  const auto parsed_labels = parse_view_labels(labels);
  if (!parsed_method || !parsed_palette || !parsed_labels)
    return r.fail_with(fmt::format("method '{}', palette '{}' or labels '{}' is unknown", method,
                                   palette, labels));
  v.method = *parsed_method;
  v.palette = *parsed_palette;
  v.labels = *parsed_labels;
  if (item.contains("classes")) {
    const json& c = item["classes"];
    auto n = r.number(c, "\"classes\"");
    if (!n) return std::unexpected(n.error());
    if (*n != std::floor(*n) || *n < kMinClasses || *n > kMaxClasses)
      return r.wrong("classes",
                     fmt::format("must be a whole number from {} to {}", kMinClasses, kMaxClasses));
    v.classes = static_cast<int>(*n);
  }
  if (item.contains("high_contrast")) {
    if (!item["high_contrast"].is_boolean())
      return r.wrong("high_contrast", "must be true or false");
    v.high_contrast = item["high_contrast"].get<bool>();
  }
  if (item.contains("manual_breaks")) {
    const json& breaks = item["manual_breaks"];
    if (!breaks.is_array()) return r.wrong("manual_breaks", "must be a list of numbers");
    for (std::size_t i = 0; i < breaks.size(); ++i) {
      auto b = r.number(breaks[i], fmt::format("\"manual_breaks\"[{}]", i));
      if (!b) return std::unexpected(b.error());
      v.manual_breaks.push_back(*b);
    }
  }
  return v;
}

}  // namespace

std::string_view view_labels_key(ViewLabels labels) {
  switch (labels) {
    case ViewLabels::name:
      return "name";
    case ViewLabels::value:
      return "value";
    case ViewLabels::off:
      return "off";
  }
  return "name";
}

std::string saved_views_to_json(const std::vector<SavedViewRecord>& views) {
  json list = json::array();
  for (const SavedViewRecord& v : views) {
    list.push_back({{"name", v.name},
                    {"title", v.title},
                    {"center", {v.lon, v.lat}},
                    {"pixels_per_degree", v.pixels_per_degree},
                    {"span", {v.span_lon, v.span_lat}},
                    {"drill", v.drill},
                    {"measure", v.measure},
                    {"method", std::string(class_method_name(v.method))},
                    {"classes", v.classes},
                    {"palette", std::string(palette_name(v.palette))},
                    {"high_contrast", v.high_contrast},
                    {"manual_breaks", v.manual_breaks},
                    {"labels", std::string(view_labels_key(v.labels))}});
  }
  return json{{"version", 1}, {"views", list}}.dump(2, ' ', false, json::error_handler_t::replace) +
         "\n";
}

Result<std::vector<SavedViewRecord>> saved_views_from_json(std::string_view text,
                                                           std::string_view origin,
                                                           std::string_view remedy) {
  const json root = json::parse(text, nullptr, false);
  if (root.is_discarded() || !root.is_object() || !root.contains("views") ||
      !root["views"].is_array()) {
    return fail(fmt::format(
        "{}: not a list of saved views (a JSON object with a \"views\" list); {}", origin, remedy));
  }
  std::vector<SavedViewRecord> views;
  const json& list = root["views"];
  for (std::size_t i = 0; i < list.size(); ++i) {
    const json& item = list[i];
    std::string where = fmt::format("{}: view {}", origin, i + 1);
    if (!item.is_object())
      return fail(
          fmt::format("{}: must be an object with \"name\", \"center\" [lon, lat] and "
                      "\"pixels_per_degree\"; {}",
                      where, remedy));
    if (item.contains("name") && item["name"].is_string())
      where += fmt::format(" ('{}')", item["name"].get<std::string>());
    try {
      auto view = read_view(ViewReader(item, std::move(where), remedy));
      if (!view) return std::unexpected(view.error());
      views.push_back(std::move(*view));
    } catch (const json::exception& e) {
      // Not expected (every member is checked before it is read); kept so that a JSON surprise
      // is a message, never a crash.
      return fail(
          fmt::format("{}: view {} cannot be read ({}); {}", origin, i + 1, e.what(), remedy));
    }
  }
  return views;
}

}  // namespace chipao
