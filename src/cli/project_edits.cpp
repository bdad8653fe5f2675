#include "cli/project_edits.h"

#include <fmt/format.h>

#include <charconv>
#include <cmath>
#include <iostream>

#include "core/util/closest_names.h"

namespace chipao::cli {

std::optional<Project> open_project_or_report(const std::string& path) {
  auto project = Project::open(path);
  if (!project) {
    std::cerr << project.error().message << "\n";
    return std::nullopt;
  }
  return std::move(*project);
}

Result<std::int64_t> find_zone(const PlanningState& state, const std::string& name_or_id) {
  std::int64_t id = 0;
  const char* end = name_or_id.data() + name_or_id.size();
  if (auto [p, ec] = std::from_chars(name_or_id.data(), end, id);
      ec == std::errc() && p == end && state.zone(id))
    return id;
  std::optional<std::int64_t> found;
  for (const Zone& z : state.zones) {
    if (z.name != name_or_id) continue;
    if (found)
      return fail(fmt::format("two zones are named '{}' ({} and {}); give the zone's id",
                              name_or_id, *found, z.id));
    found = z.id;
  }
  if (found) return *found;
  if (state.zones.empty())
    return fail(fmt::format("no zone '{}' in the project (it has no zones yet)", name_or_id));
  // A few close names, not every zone of a province's plan.
  std::vector<std::string> names;
  for (const Zone& z : state.zones) names.push_back(z.name);
  std::string close;
  for (const std::string& name : closest_names(name_or_id, names, 3)) {
    for (const Zone& z : state.zones) {
      if (z.name != name) continue;
      close += fmt::format("{}{} '{}'", close.empty() ? "" : ", ", z.id, z.name);
      break;
    }
  }
  return fail(fmt::format(
      "no zone '{}' in the project (closest: {}); give a zone's id or exact name — chipao-cli "
      "zones list shows all {}",
      name_or_id, close, state.zones.size()));
}

int apply_edit_and_report(const Args& args, Project& project, const EditBuilder& build,
                          nlohmann::ordered_json details, const EditDetails& more) {
  const std::string& path = project.store().location();
  // A builder's own refusal (an unknown zone, a locked zone) is about the input: name the file.
  bool builder_failed = false;
  auto committed = project.apply([&](const PlanningState& state) -> Result<Edit> {
    auto edit = build(state);
    builder_failed = !edit;
    return edit;
  });
  if (!committed) {
    if (builder_failed)
      std::cerr << fmt::format("{}: {}\n", path, committed.error().message);
    else
      std::cerr << committed.error().message << "\n";
    return 1;
  }
  const Edit& edit = **committed;
  if (more) more(details, edit);
  if (args.has("json")) {
    nlohmann::ordered_json j;
    j["project"] = path;
    j["edit"] = edit.summary;
    for (auto& [key, value] : details.items()) j[key] = value;
    j["history"] = {{"length", project.history().size()},
                    {"position", project.history().position()}};
    std::cout << j.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) << "\n";
  } else {
    std::cout << fmt::format("{}: {} (edit {}; undo with chipao-cli project undo {})\n", path,
                             edit.summary, project.history().position(), path);
  }
  return 0;
}

std::int64_t created_id(const Edit& edit, EntityKind kind) {
  for (const EntityChange& c : edit.changes) {
    if (c.kind != kind || c.before) continue;
    std::int64_t id = 0;
    std::from_chars(c.key.data(), c.key.data() + c.key.size(), id);
    return id;
  }
  return 0;
}

Result<std::int64_t> parse_count(const std::string& text, const std::string& what) {
  std::int64_t v = 0;
  const char* end = text.data() + text.size();
  auto [p, ec] = std::from_chars(text.data(), end, v);
  if (ec != std::errc() || p != end || v < 0)
    return fail(fmt::format("{} '{}': give a whole number, 0 or more", what, text));
  return v;
}

Result<double> parse_baht(const std::string& text, const std::string& what) {
  std::string plain;
  for (char c : text)
    if (c != ',') plain += c;  // "20,000" as planners write it
  double v = 0;
  const char* end = plain.data() + plain.size();
  auto [p, ec] = std::from_chars(plain.data(), end, v);
  if (plain.empty() || ec != std::errc() || p != end || !std::isfinite(v) || v < 0)
    return fail(fmt::format("{} '{}': give an amount of baht, 0 or more (e.g. 20000)", what, text));
  return v;
}

}  // namespace chipao::cli
