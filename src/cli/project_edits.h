// Helpers the project-editing subcommands share (project assign/set, zones, plan): opening
// the project named on the command line, finding a zone by name or id, and applying one edit
// with the report every edit prints (text, or JSON with --json).
//
// Every editing subcommand is exactly one edit: `chipao-cli project undo P` takes it back.
#pragma once

#include <cstdint>
#include <functional>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>

#include "cli/cli_args.h"
#include "core/store/project.h"

namespace chipao::cli {

// The project, or nullopt after printing why it could not be opened.
std::optional<Project> open_project_or_report(const std::string& path);

// A zone by id ("3") or by exact name ("เขต 1"). Errors name what was given and list the
// zones there are.
Result<std::int64_t> find_zone(const PlanningState& state, const std::string& name_or_id);

// Adds to the printed details what only the committed edit knows (a new zone's id).
using EditDetails = std::function<void(nlohmann::ordered_json& details, const Edit& committed)>;

// Decides the edit inside its write transaction (`build` sees the state as committed by every
// process at that moment), commits it, and prints the result: `details` are merged into the
// JSON; the text says what was done and how to undo it. A builder's error is printed
// prefixed with the project path. Returns the exit code.
int apply_edit_and_report(const Args& args, Project& project, const EditBuilder& build,
                          nlohmann::ordered_json details = nlohmann::ordered_json::object(),
                          const EditDetails& more = {});

// The id of the entity of `kind` that the edit creates (its first change with no "before"),
// as a number; 0 when it creates none.
std::int64_t created_id(const Edit& edit, EntityKind kind);

// Parses a whole number / an amount of baht for option `what`; errors say what to give.
Result<std::int64_t> parse_count(const std::string& text, const std::string& what);
Result<double> parse_baht(const std::string& text, const std::string& what);

}  // namespace chipao::cli
