// A small command-line parser for chipao-cli subcommands: positionals, "--key value",
// "--key=value", repeatable options and boolean flags, with unknown options rejected.
#pragma once

#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "core/util/result.h"

namespace chipao::cli {

struct ArgSpec {
  std::set<std::string> flags;       // boolean: --json
  std::set<std::string> values;      // take one value: --layer NAME
  std::set<std::string> repeatable;  // take one value, may repeat: --table T --table T2
};

struct Args {
  std::vector<std::string> positionals;
  std::set<std::string> flags;
  std::map<std::string, std::vector<std::string>> values;

  bool has(const std::string& flag) const { return flags.contains(flag); }
  std::optional<std::string> value(const std::string& key) const;
  std::vector<std::string> all(const std::string& key) const;
};

Result<Args> parse_args(const std::vector<std::string>& argv, const ArgSpec& spec);

}  // namespace chipao::cli
