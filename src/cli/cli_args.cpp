#include "cli/cli_args.h"

namespace chipao::cli {

std::optional<std::string> Args::value(const std::string& key) const {
  const auto it = values.find(key);
  if (it == values.end() || it->second.empty()) return std::nullopt;
  return it->second.back();
}

std::vector<std::string> Args::all(const std::string& key) const {
  const auto it = values.find(key);
  return it == values.end() ? std::vector<std::string>{} : it->second;
}

Result<Args> parse_args(const std::vector<std::string>& argv, const ArgSpec& spec) {
  Args args;
  for (std::size_t i = 0; i < argv.size(); ++i) {
    const std::string& a = argv[i];
    if (!a.starts_with("--") || a == "--") {
      args.positionals.push_back(a);
      continue;
    }
    std::string key = a.substr(2);
    std::optional<std::string> inline_value;
    if (const auto eq = key.find('='); eq != std::string::npos) {
      inline_value = key.substr(eq + 1);
      key.erase(eq);
    }
    if (spec.flags.contains(key)) {
      if (inline_value) return fail("--" + key + " takes no value");
      args.flags.insert(key);
      continue;
    }
    if (spec.values.contains(key) || spec.repeatable.contains(key)) {
      std::string value;
      if (inline_value) {
        value = *inline_value;
      } else if (i + 1 < argv.size()) {
        value = argv[++i];
      } else {
        return fail("--" + key + " needs a value");
      }
      if (spec.values.contains(key) && args.values.contains(key)) {
        return fail("--" + key + " given twice");
      }
      args.values[key].push_back(value);
      continue;
    }
    return fail("unknown option --" + key);
  }
  return args;
}

}  // namespace chipao::cli
